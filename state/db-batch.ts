/**
 * The LevelDB handle of one chain and the atomic batch every change goes through.
 *
 * A batch collects puts and deletes across sublevels plus trie-node refcount deltas; `resolveNodes` reads the
 * current counts of the touched nodes and turns the deltas into puts and deletes, so that one `db.batch`
 * writes a whole block (or a finalization) or nothing.
 */
import { Level } from "level";
import { DbError } from "./db-error.js";
import { decodeNodeValue, encodeNodeValue, SUBLEVELS, type SublevelName } from "./db-schema.js";
import { toHex } from "../primitives/bytes.js";
import { keyString } from "./storage.js";

type Root = Level<Uint8Array, Uint8Array>;
export type Sublevel = ReturnType<typeof openSublevel>;
export type ChainLevels = { readonly root: Root } & { readonly [K in SublevelName]: Sublevel };

export interface BatchOp {
  type: "put" | "del";
  sublevel: Sublevel;
  key: Uint8Array;
  value?: Uint8Array;
}

const BINARY = { keyEncoding: "view", valueEncoding: "view" } as const;

/**
 * LevelDB tuning: a block commit writes a few MiB (10,000 changed keys ≈ 5 MiB), so the default 4 MiB
 * write buffer would flush a memtable on every block; the block cache serves trie-node refcount reads.
 */
export const LEVELDB_OPTIONS = { writeBufferSize: 32 << 20, cacheSize: 64 << 20 } as const;

function openSublevel(root: Root, name: string) {
  return root.sublevel<Uint8Array, Uint8Array>(name, BINARY);
}

export async function openChainLevels(path: string): Promise<ChainLevels> {
  const root = new Level<Uint8Array, Uint8Array>(path, { ...BINARY, ...LEVELDB_OPTIONS });
  try {
    await root.open({ createIfMissing: true });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause;
    const detail = cause?.code === "LEVEL_LOCKED"
      ? "it is in use by another process (another node running on the same --base-path?)"
      : String((e as Error).message);
    throw new DbError({ code: "OPEN_FAILED", path, detail });
  }
  const levels: Record<string, unknown> = { root };
  for (const name of SUBLEVELS) levels[name] = openSublevel(root, name);
  return levels as ChainLevels;
}

interface NodeDelta {
  hash: Uint8Array;
  delta: number;
  encoding: Uint8Array | undefined;
}

export class DbBatch {
  readonly ops: BatchOp[] = [];
  private readonly nodes = new Map<string, NodeDelta>();

  put(sublevel: Sublevel, key: Uint8Array, value: Uint8Array): void {
    this.ops.push({ type: "put", sublevel, key, value });
  }

  del(sublevel: Sublevel, key: Uint8Array): void {
    this.ops.push({ type: "del", sublevel, key });
  }

  /** Counts one more use of a trie node. */
  retainNode(hash: Uint8Array, encoding: Uint8Array): void {
    const d = this.delta(hash);
    d.delta++;
    d.encoding ??= encoding;
  }

  releaseNode(hash: Uint8Array): void {
    this.delta(hash).delta--;
  }

  get nodeCount(): number {
    return this.nodes.size;
  }

  /**
   * Turns the refcount deltas into node puts and deletes.
   *
   * In archive mode nothing is ever released, so inserted nodes are written without reading their count.
   */
  async resolveNodes(trie: Sublevel, archive: boolean): Promise<void> {
    const touched = [...this.nodes.values()].filter((d) => d.delta !== 0);
    if (archive) {
      for (const d of touched) if (d.delta > 0) this.put(trie, d.hash, encodeNodeValue(1, d.encoding!));
      this.nodes.clear();
      return;
    }
    // PERF: one getMany per block; most inserted nodes are new and come back undefined.
    const current = await trie.getMany(touched.map((d) => d.hash));
    touched.forEach((d, i) => {
      const stored = current[i] === undefined ? undefined : decodeNodeValue(current[i]!, `trie node ${toHex(d.hash)}`);
      const count = (stored?.refcount ?? 0) + d.delta;
      if (count < 0) {
        throw new DbError({ code: "CORRUPT", what: `trie node ${toHex(d.hash)}`, detail: "refcount below zero" });
      }
      if (count === 0) this.del(trie, d.hash);
      else this.put(trie, d.hash, encodeNodeValue(count, stored?.encoding ?? d.encoding!));
    });
    this.nodes.clear();
  }

  async write(levels: ChainLevels): Promise<void> {
    if (this.nodes.size > 0) throw new Error("DbBatch.write before resolveNodes");
    await levels.root.batch(this.ops as never);
  }

  private delta(hash: Uint8Array): NodeDelta {
    const k = keyString(hash);
    let d = this.nodes.get(k);
    if (d === undefined) this.nodes.set(k, (d = { hash, delta: 0, encoding: undefined }));
    return d;
  }
}
