/** Shared helpers of the chain-database tests: temp dirs, synthetic blocks, raw LevelDB access. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Level } from "level";
import { blake2_256 } from "../../primitives/hashing.js";
import type { BlockRef, BlockToCommit, ChainDb } from "../../state/chain-db.js";
import { decodeNodeValue } from "../../state/db-schema.js";
import { toHex } from "../../primitives/bytes.js";
import { PersistentTrie } from "../../state/trie/index.js";

export type Changes = [Uint8Array, Uint8Array | null][];

export async function withTempDir<T>(f: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "tfchain-db-"));
  try {
    return await f(join(dir, "db"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

let salt = 0;

/** A synthetic block on `parent` (null: genesis) whose header is unique and whose hash is its blake2. */
export function makeBlock(db: ChainDb, parent: BlockRef | null, changes: Changes, best?: boolean): BlockToCommit {
  const pending = db.prepareState(parent?.hash ?? null, changes);
  const number = parent === null ? 0 : parent.number + 1;
  const header = new Uint8Array(32 + 4 + 32 + 4);
  const parentHash = parent?.hash ?? new Uint8Array(32);
  header.set(parentHash, 0);
  new DataView(header.buffer).setUint32(32, number, true);
  header.set(pending.stateRoot, 36);
  new DataView(header.buffer).setUint32(68, salt++, true);
  return {
    hash: blake2_256(header), parentHash, number, header, body: Uint8Array.of(number & 0xff),
    stateRoot: pending.stateRoot, pending, ...(best === undefined ? {} : { best }),
  };
}

export async function commit(db: ChainDb, parent: BlockRef | null, changes: Changes, best?: boolean): Promise<BlockRef> {
  const block = makeBlock(db, parent, changes, best);
  await db.commitBlock(block);
  return { hash: block.hash, number: block.number };
}

export function bytes(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

export function entriesOf(trie: PersistentTrie): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of trie.entries()) out.set(toHex(k), toHex(v));
  return out;
}

/** Opens the closed database raw and reads one sublevel. */
export async function readSublevel(path: string, name: string): Promise<Map<string, Uint8Array>> {
  const root = new Level<Uint8Array, Uint8Array>(path, { keyEncoding: "view", valueEncoding: "view" });
  await root.open();
  try {
    const sub = root.sublevel<Uint8Array, Uint8Array>(name, { keyEncoding: "view", valueEncoding: "view" });
    const out = new Map<string, Uint8Array>();
    for await (const [k, v] of sub.iterator()) out.set(toHex(k), v);
    return out;
  } finally {
    await root.close();
  }
}

/** The stored trie nodes of a closed database: hash → encoding. */
export async function storedNodes(path: string): Promise<Map<string, Uint8Array>> {
  const raw = await readSublevel(path, "trie");
  return new Map([...raw].map(([h, v]) => [h, decodeNodeValue(v, h).encoding]));
}

/** A trie read only from `nodes` (as stored on disk); `used` collects the hashes it asks for. */
export function trieFromStored(root: Uint8Array, nodes: Map<string, Uint8Array>, used?: Set<string>): PersistentTrie {
  return PersistentTrie.fromNodes(root, (h) => {
    const hex = toHex(h);
    used?.add(hex);
    return nodes.get(hex);
  });
}
