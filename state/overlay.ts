/**
 * Overlayed changes: the writes of a block kept apart from the state they apply to, with nested
 * storage transactions.
 *
 * Layer 0 holds the block's changes; each `startTransaction` pushes a layer that `commitTransaction`
 * merges down and `rollbackTransaction` drops, as FRAME's `with_storage_layer` does for every dispatch.
 * A deleted key is held as `null` so it hides the base value.
 */
import { compact } from "scale-ts";
import { compareBytes } from "../primitives/bytes.js";
import { keyString, startsWith, type Storage, type StorageReader } from "./storage.js";

/**
 * Items appended to a SCALE `Vec` without decoding it, as `sp_io::storage::append` does (System.Events):
 * `base` is the value below (`undefined`: look in the layer below; `null`: absent).
 */
interface Appended {
  base: Uint8Array | null | undefined;
  items: Uint8Array[];
}
type Entry = Uint8Array | null | Appended;
type Layer = Map<string, Entry>;

export class OverlayedChanges implements Storage {
  private readonly layers: Layer[] = [new Map()];
  private readonly keyBytes = new Map<string, Uint8Array>();
  private readonly baseCache = new Map<string, Uint8Array | undefined>();

  constructor(private readonly base: StorageReader) {}

  get(key: Uint8Array): Uint8Array | undefined {
    const v = this.valueOf(keyString(key), key);
    return v ?? undefined;
  }

  /** Appends one encoded item to the `Vec` stored at `key`, in O(item) time. */
  append(key: Uint8Array, item: Uint8Array): void {
    const k = keyString(key);
    if (!this.keyBytes.has(k)) this.keyBytes.set(k, key.slice());
    const top = this.layers[this.layers.length - 1]!;
    const e = top.get(k);
    if (e === undefined) top.set(k, { base: undefined, items: [item] });
    else if (isAppended(e)) e.items.push(item);
    else top.set(k, { base: e, items: [item] });
  }

  set(key: Uint8Array, value: Uint8Array): void {
    this.write(key, value);
  }

  clear(key: Uint8Array): void {
    this.write(key, null);
  }

  clearPrefix(prefix: Uint8Array, limit = Infinity): number {
    let removed = 0;
    let key = this.get(prefix) !== undefined ? prefix : this.nextKey(prefix);
    while (key !== undefined && startsWith(key, prefix) && removed < limit) {
      this.write(key, null);
      removed++;
      key = this.nextKey(key);
    }
    return removed;
  }

  nextKey(key: Uint8Array): Uint8Array | undefined {
    // PERF: scans the overlay's keys on each call; blocks touch few keys, so this stays small.
    let candidate = this.base.nextKey(key);
    while (candidate !== undefined && this.isDeleted(candidate)) candidate = this.base.nextKey(candidate);
    for (const [k, bytes] of this.keyBytes) {
      if (compareBytes(bytes, key) <= 0) continue;
      if (candidate !== undefined && compareBytes(bytes, candidate) >= 0) continue;
      // Keys written in a rolled-back transaction are remembered but hold nothing.
      if ((this.valueOf(k, bytes) ?? null) === null) continue;
      candidate = bytes;
    }
    return candidate;
  }

  startTransaction(): void {
    this.layers.push(new Map());
  }

  commitTransaction(): void {
    const top = this.popLayer();
    const below = this.layers[this.layers.length - 1]!;
    for (const [k, v] of top) {
      const under = below.get(k);
      if (!isAppended(v) || v.base !== undefined || under === undefined) below.set(k, v);
      else if (isAppended(under)) under.items.push(...v.items);
      else below.set(k, { base: under, items: v.items });
    }
  }

  rollbackTransaction(): void {
    this.popLayer();
  }

  get transactionDepth(): number {
    return this.layers.length - 1;
  }

  /** Runs `f` in a storage transaction: committed if it returns, rolled back if it throws. */
  transactional<T>(f: () => T): T {
    this.startTransaction();
    try {
      const out = f();
      this.commitTransaction();
      return out;
    } catch (e) {
      this.rollbackTransaction();
      throw e;
    }
  }

  /** The block's changes in key order (`null` = deleted). Open transactions are not included. */
  changes(): [Uint8Array, Uint8Array | null][] {
    return [...this.layers[0]!.keys()]
      .map((k): [Uint8Array, Uint8Array | null] => {
        const key = this.keyBytes.get(k)!;
        return [key, this.valueOf(k, key) ?? null];
      })
      .sort((a, b) => compareBytes(a[0], b[0]));
  }

  private write(key: Uint8Array, value: Uint8Array | null): void {
    const k = keyString(key);
    if (!this.keyBytes.has(k)) this.keyBytes.set(k, key.slice());
    this.layers[this.layers.length - 1]!.set(k, value);
  }

  /** The value at `k`: bytes, `null` if deleted here, `undefined` if absent everywhere. */
  private valueOf(k: string, key: Uint8Array): Uint8Array | null | undefined {
    const pending: Uint8Array[][] = [];
    let found: Uint8Array | null | undefined;
    let i = this.layers.length - 1;
    for (; i >= 0; i--) {
      const v = this.layers[i]!.get(k);
      if (v === undefined) continue;
      if (!isAppended(v)) {
        found = v;
        break;
      }
      pending.push(v.items);
      if (v.base !== undefined) {
        found = v.base;
        break;
      }
    }
    if (i < 0) found = this.baseValue(k, key);
    if (pending.length === 0) return found;
    return appendItems(found ?? undefined, pending.reverse().flat());
  }

  // PERF: the base state does not change under an overlay; a trie lookup walks nodes, a cached one does not.
  private baseValue(k: string, key: Uint8Array): Uint8Array | undefined {
    if (this.baseCache.has(k)) return this.baseCache.get(k);
    const v = this.base.get(key);
    this.baseCache.set(k, v);
    return v;
  }

  private isDeleted(key: Uint8Array): boolean {
    return this.valueOf(keyString(key), key) === null;
  }

  private popLayer(): Layer {
    if (this.layers.length === 1) throw new Error("no storage transaction is open");
    return this.layers.pop()!;
  }
}

function isAppended(e: Entry | undefined): e is Appended {
  return e !== undefined && e !== null && !(e instanceof Uint8Array);
}

// A base that is not a well-formed Vec is replaced by a new one, as sp_io's append does.
function appendItems(base: Uint8Array | undefined, items: Uint8Array[]): Uint8Array {
  let count = 0;
  let body: Uint8Array = new Uint8Array(0);
  if (base !== undefined) {
    try {
      const [n, offset] = decodeCompactLength(base);
      count = n;
      body = base.subarray(offset);
    } catch {
      count = 0;
    }
  }
  const prefix = compact.enc(count + items.length);
  let size = prefix.length + body.length;
  for (const it of items) size += it.length;
  const out = new Uint8Array(size);
  out.set(prefix, 0);
  out.set(body, prefix.length);
  let o = prefix.length + body.length;
  for (const it of items) {
    out.set(it, o);
    o += it.length;
  }
  return out;
}

function decodeCompactLength(bytes: Uint8Array): [number, number] {
  const mode = bytes[0]! & 3;
  if (mode === 0) return [bytes[0]! >> 2, 1];
  if (mode === 1) return [(bytes[0]! | (bytes[1]! << 8)) >> 2, 2];
  if (mode === 2) return [(bytes[0]! | (bytes[1]! << 8) | (bytes[2]! << 16) | (bytes[3]! << 24)) >>> 2, 4];
  throw new Error("vector too long to append to");
}
