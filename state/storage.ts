/**
 * The storage interfaces the runtime sees: synchronous reads over one state, writes into an overlay.
 *
 * Keys and values are raw bytes (Substrate's `:code`, `twox128(pallet) ++ twox128(item) ++ …`). Reads are
 * synchronous so that pallet code stays plain; the database keeps recent states in memory for that.
 */
export interface StorageReader {
  get(key: Uint8Array): Uint8Array | undefined;
  /** The first key strictly greater than `key`, for prefix iteration. */
  nextKey(key: Uint8Array): Uint8Array | undefined;
}

/** A storage that can also be written: the runtime's view during block execution. */
export interface Storage extends StorageReader {
  set(key: Uint8Array, value: Uint8Array): void;
  clear(key: Uint8Array): void;
  /** Removes up to `limit` keys starting with `prefix`; returns how many were removed. */
  clearPrefix(prefix: Uint8Array, limit?: number): number;
}

/** Iterates the keys starting with `prefix`, in order. */
export function* keysWithPrefix(reader: StorageReader, prefix: Uint8Array): Generator<Uint8Array> {
  let key = reader.get(prefix) !== undefined ? prefix : reader.nextKey(prefix);
  while (key !== undefined && startsWith(key, prefix)) {
    yield key;
    key = reader.nextKey(key);
  }
}

export function startsWith(key: Uint8Array, prefix: Uint8Array): boolean {
  if (key.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (key[i] !== prefix[i]) return false;
  return true;
}


// Map keys must be strings; latin1 keeps one char per byte and is cheap to build.
export function keyString(key: Uint8Array): string {
  return Buffer.from(key.buffer, key.byteOffset, key.byteLength).toString("latin1");
}
