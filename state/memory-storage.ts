import { keyString, type Storage } from "./storage.js";

/** A sorted in-memory storage, for tests and genesis building. */
export class MemoryStorage implements Storage {
  private readonly map = new Map<string, Uint8Array>();
  private sorted: string[] | null = null;

  constructor(entries: Iterable<[Uint8Array, Uint8Array]> = []) {
    for (const [k, v] of entries) this.set(k, v);
  }

  get(key: Uint8Array): Uint8Array | undefined {
    return this.map.get(keyString(key));
  }

  set(key: Uint8Array, value: Uint8Array): void {
    const k = keyString(key);
    if (!this.map.has(k)) this.sorted = null;
    this.map.set(k, value);
  }

  clear(key: Uint8Array): void {
    if (this.map.delete(keyString(key))) this.sorted = null;
  }

  clearPrefix(prefix: Uint8Array, limit = Infinity): number {
    const p = keyString(prefix);
    let n = 0;
    for (const k of this.sortedKeys()) {
      if (n >= limit) break;
      if (k.startsWith(p)) {
        this.map.delete(k);
        n++;
      }
    }
    if (n > 0) this.sorted = null;
    return n;
  }

  nextKey(key: Uint8Array): Uint8Array | undefined {
    const keys = this.sortedKeys();
    const k = keyString(key);
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[mid]! <= k) lo = mid + 1;
      else hi = mid;
    }
    return lo < keys.length ? keyBytes(keys[lo]!) : undefined;
  }

  apply(changes: Iterable<[Uint8Array, Uint8Array | null]>): void {
    for (const [k, v] of changes) v === null ? this.clear(k) : this.set(k, v);
  }

  entries(): [Uint8Array, Uint8Array][] {
    return this.sortedKeys().map((k) => [keyBytes(k), this.map.get(k)!]);
  }

  // latin1 strings compare code unit by code unit, which is byte order.
  private sortedKeys(): string[] {
    return (this.sorted ??= [...this.map.keys()].sort());
  }
}

function keyBytes(k: string): Uint8Array {
  return Uint8Array.from(Buffer.from(k, "latin1"));
}
