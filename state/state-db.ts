/**
 * States of blocks: preparing a block's state from its parent's, and reading finalized states that are no
 * longer live.
 *
 * Live blocks (finalized and newer) hold their trie in the block tree. The last few finalized canonical
 * states stay in memory too (`memoryStates`); older kept states are opened from the `trie` sublevel, either
 * with synchronous LevelDB reads (classic-level's `getSync`) or asynchronously, and kept in a small LRU
 * (`openStates`). So every kept state gives a synchronous `StorageReader` the runtime can execute on, e.g.
 * for `state_call` at an old block.
 */
import { DbError } from "./db-error.js";
import { decodeNodeValue, HASH_LENGTH, type FlatChange } from "./db-schema.js";
import { compareBytes, equalBytes, toHex } from "../primitives/bytes.js";
import type { Sublevel } from "./db-batch.js";
import { decodeNode, diffNodes, PersistentTrie, TrieError, type DecodedNode } from "./trie/index.js";
import { keyString, startsWith, type StorageReader } from "./storage.js";

/**
 * A block's state computed but not yet committed: `stateRoot` goes in the header before sealing, the
 * whole object goes to `commitBlock`.
 */
export interface PendingState {
  /** The parent block this state was built on; `null` for genesis. */
  readonly parentHash: Uint8Array | null;
  readonly stateRoot: Uint8Array;
  readonly trie: PersistentTrie;
  /** The effective changes (value differs from the parent's), sorted by key, with old values. */
  readonly diff: readonly FlatChange[];
  readonly inserted: readonly [hash: Uint8Array, encoding: Uint8Array][];
  readonly removed: readonly Uint8Array[];
}

/**
 * Applies `changes` to `parent`, keeping only those that change a value (a key given twice: the last wins).
 *
 * Keys and values are copied, so the caller may reuse its buffers.
 */
export function buildPendingState(
  parentHash: Uint8Array | null,
  parent: PersistentTrie,
  changes: Iterable<readonly [Uint8Array, Uint8Array | null]>,
): PendingState {
  const last = new Map<string, readonly [Uint8Array, Uint8Array | null]>();
  for (const change of changes) last.set(keyString(change[0]), change);
  const diff: FlatChange[] = [];
  for (const [key, value] of last.values()) {
    const old = parent.get(key) ?? null;
    if (old === null ? value === null : value !== null && equalBytes(old, value)) continue;
    diff.push([key.slice(), old, value === null ? null : value.slice()]);
  }
  diff.sort((a, b) => compareBytes(a[0], b[0]));
  const trie = parent.update(redoChanges(diff));
  const nodes = diffNodes(parent, trie);
  return { parentHash, stateRoot: trie.root(), trie, diff, inserted: nodes.inserted, removed: nodes.removed };
}

/** The inverse of a block's diff: applied to its state, gives its parent's. */
export function undoChanges(diff: readonly FlatChange[]): [Uint8Array, Uint8Array | null][] {
  return diff.map(([k, o]) => [k, o]);
}

export function redoChanges(diff: readonly FlatChange[]): [Uint8Array, Uint8Array | null][] {
  return diff.map(([k, , v]) => [k, v]);
}

export interface StateCacheOptions {
  /** Finalized canonical states kept in memory besides the live ones. */
  memoryStates: number;
  /** Older states opened from disk and kept open, least recently used dropped first. */
  openStates: number;
}

export const DEFAULT_STATE_CACHE: StateCacheOptions = { memoryStates: 16, openStates: 4 };

interface CachedState {
  number: number;
  trie: PersistentTrie;
}

/** Finalized states that have left the live tree: recent ones in memory, older ones opened from disk. */
export class FinalizedStates {
  private readonly recent = new Map<string, CachedState>();
  private readonly opened = new Map<string, CachedState>();

  constructor(
    private readonly trieLevel: Sublevel,
    private readonly opts: StateCacheOptions,
  ) {}

  addRecent(hex: string, number: number, trie: PersistentTrie): void {
    this.recent.set(hex, { number, trie });
    // Map keeps insertion order, and finalized blocks arrive in increasing number.
    while (this.recent.size > this.opts.memoryStates) this.recent.delete(this.recent.keys().next().value!);
  }

  get(hex: string): PersistentTrie | undefined {
    const r = this.recent.get(hex);
    if (r) return r.trie;
    const o = this.opened.get(hex);
    if (o) {
      this.opened.delete(hex);
      this.opened.set(hex, o);
      return o.trie;
    }
    return undefined;
  }

  /**
   * Opens a kept state from the `trie` sublevel with synchronous reads. `stillKept` tells a node that
   * vanished because the state was pruned meanwhile (STATE_DISCARDED) from a missing node (CORRUPT).
   *
   * PERF: loads the whole state, one `getSync` per stored node, blocking the event loop meanwhile
   * (≈300 ms for 20,000 accounts); `openAsync` does the reads without blocking.
   */
  open(hash: Uint8Array, number: number, stateRoot: Uint8Array, stillKept: () => boolean): PersistentTrie {
    return this.build(hash, number, stateRoot, stillKept, (node) => {
      const stored = this.trieLevel.getSync(node);
      return stored === undefined ? undefined : decodeNodeValue(stored, `trie node ${toHex(node)}`).encoding;
    });
  }

  /** `open` with the node reads done asynchronously, level by level, before building the trie. */
  async openAsync(hash: Uint8Array, number: number, stateRoot: Uint8Array, stillKept: () => boolean): Promise<PersistentTrie> {
    const nodes = new Map<string, Uint8Array>();
    let frontier = [stateRoot];
    while (frontier.length > 0) {
      const values = await this.trieLevel.getMany(frontier);
      const next: Uint8Array[] = [];
      values.forEach((stored, i) => {
        if (stored === undefined) return;
        const encoding = decodeNodeValue(stored, `trie node ${toHex(frontier[i]!)}`).encoding;
        nodes.set(keyString(frontier[i]!), encoding);
        let decoded: DecodedNode;
        try {
          decoded = decodeNode(encoding);
        } catch {
          return; // reported with context by `build`
        }
        if (decoded.kind !== "branch") return;
        for (const child of decoded.children) {
          if (child?.length === HASH_LENGTH && !nodes.has(keyString(child))) next.push(child);
        }
      });
      frontier = next;
    }
    return this.build(hash, number, stateRoot, stillKept, (node) => nodes.get(keyString(node)));
  }

  private build(
    hash: Uint8Array,
    number: number,
    stateRoot: Uint8Array,
    stillKept: () => boolean,
    read: (node: Uint8Array) => Uint8Array | undefined,
  ): PersistentTrie {
    const hex = toHex(hash);
    const getNode = (node: Uint8Array): Uint8Array => {
      const encoding = read(node);
      if (encoding !== undefined) return encoding;
      if (!stillKept()) throw new DbError({ code: "STATE_DISCARDED", hash: hex });
      throw new DbError({ code: "CORRUPT", what: `state of ${hex}`, detail: `trie node ${toHex(node)} is missing` });
    };
    let trie: PersistentTrie;
    try {
      trie = PersistentTrie.fromNodes(stateRoot, getNode);
    } catch (e) {
      if (!(e instanceof TrieError)) throw e;
      throw new DbError({ code: "CORRUPT", what: `state of ${hex}`, detail: e.message });
    }
    this.opened.set(hex, { number, trie });
    while (this.opened.size > this.opts.openStates) this.opened.delete(this.opened.keys().next().value!);
    return trie;
  }

  /** Forgets states below `base` (pruned) and, when `keep` says so, states of discarded forks. */
  prune(base: number, keep: (hex: string) => boolean = () => true): void {
    for (const map of [this.recent, this.opened]) {
      for (const [hex, s] of map) if (s.number < base || !keep(hex)) map.delete(hex);
    }
  }
}

/**
 * Keys starting with `prefix`, in order, at most `count`, strictly after `startKey` when it is given and
 * not before the prefix: `state_getKeysPaged`.
 */
export function keysPaged(
  reader: StorageReader,
  prefix: Uint8Array,
  count: number,
  startKey?: Uint8Array,
): Uint8Array[] {
  const out: Uint8Array[] = [];
  let key: Uint8Array | undefined;
  if (startKey !== undefined && compareBytes(startKey, prefix) >= 0) key = reader.nextKey(startKey);
  else key = reader.get(prefix) !== undefined ? prefix : reader.nextKey(prefix);
  while (key !== undefined && out.length < count && startsWith(key, prefix)) {
    out.push(key);
    key = reader.nextKey(key);
  }
  return out;
}
