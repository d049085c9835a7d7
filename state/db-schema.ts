/**
 * The chain database's layout: one LevelDB per chain, split in sublevels with binary keys and values.
 *
 * | sublevel         | key                       | value                                              |
 * |------------------|---------------------------|----------------------------------------------------|
 * | `headers`        | block hash                | SCALE header, as given by the caller               |
 * | `bodies`         | block hash                | SCALE `Vec<extrinsic>`, as given by the caller     |
 * | `justifications` | block hash                | justification bytes                                |
 * | `blocks`         | block hash                | number (u32 BE) ‖ parent hash ‖ state root         |
 * | `children`       | parent hash ‖ child hash  | empty                                              |
 * | `canon`          | number (u32 BE)           | canonical (best-chain) block hash                  |
 * | `trie`           | node hash                 | refcount (u32 BE) ‖ node encoding                  |
 * | `flat`           | storage key               | value in the best block's state                    |
 * | `flat-diffs`     | block hash                | the block's storage changes with old values        |
 * | `inserted`       | block hash                | hashes of the trie nodes the block inserted        |
 * | `death-row`      | block hash                | hashes of the trie nodes the block stopped using   |
 * | `meta`           | ASCII name                | schema, genesis, best, finalized, pruning, base    |
 * | `aux`            | consensus engine's key    | its own state (GRANDPA's voter set and rounds)     |
 *
 * `flat-diffs` and `inserted` exist only for non-finalized blocks (they let a reorg rewind the flat index
 * and let a discarded fork give its nodes back); `death-row` lives until the block's parent state leaves
 * the pruning window. Every decoder checks lengths and throws `DbError("CORRUPT")` on bad bytes.
 */
import { DbError } from "./db-error.js";

export const SCHEMA_VERSION = 1;

export const SUBLEVELS = [
  "headers", "bodies", "justifications", "blocks", "children", "canon",
  "trie", "flat", "flat-diffs", "inserted", "death-row", "meta", "aux",
] as const;
export type SublevelName = (typeof SUBLEVELS)[number];

export const META = {
  schema: ascii("schema"),
  genesis: ascii("genesis"),
  best: ascii("best"),
  finalized: ascii("finalized"),
  pruning: ascii("pruning"),
  // The lowest block number whose canonical state is still kept.
  base: ascii("base"),
} as const;

export const HASH_LENGTH = 32;

/** What the database knows of every block without decoding its header. */
export interface BlockRecord {
  number: number;
  parentHash: Uint8Array;
  stateRoot: Uint8Array;
}

/** One storage change of a block with the value it replaced (`null` = absent). */
export type FlatChange = readonly [key: Uint8Array, old: Uint8Array | null, value: Uint8Array | null];

export function u32Key(n: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n, false);
  return out;
}

export function decodeU32(bytes: Uint8Array, what: string): number {
  if (bytes.length !== 4) corrupt(what, `expected 4 bytes, found ${bytes.length}`);
  return new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, false);
}

export function decodeHash(bytes: Uint8Array, what: string): Uint8Array {
  if (bytes.length !== HASH_LENGTH) corrupt(what, `expected a 32-byte hash, found ${bytes.length} bytes`);
  return plain(bytes);
}

export function encodeBlockRecord(r: BlockRecord): Uint8Array {
  const out = new Uint8Array(4 + 2 * HASH_LENGTH);
  new DataView(out.buffer).setUint32(0, r.number, false);
  out.set(r.parentHash, 4);
  out.set(r.stateRoot, 4 + HASH_LENGTH);
  return out;
}

export function decodeBlockRecord(bytes: Uint8Array, what: string): BlockRecord {
  if (bytes.length !== 4 + 2 * HASH_LENGTH) corrupt(what, `expected 68 bytes, found ${bytes.length}`);
  return {
    number: new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, false),
    parentHash: plain(bytes.subarray(4, 4 + HASH_LENGTH)),
    stateRoot: plain(bytes.subarray(4 + HASH_LENGTH)),
  };
}

export function encodeNodeValue(refcount: number, encoding: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + encoding.length);
  new DataView(out.buffer).setUint32(0, refcount, false);
  out.set(encoding, 4);
  return out;
}

export function decodeNodeValue(bytes: Uint8Array, what: string): { refcount: number; encoding: Uint8Array } {
  if (bytes.length < 5) corrupt(what, `a trie node entry needs at least 5 bytes, found ${bytes.length}`);
  const refcount = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, false);
  if (refcount === 0) corrupt(what, "a stored trie node has refcount 0");
  return { refcount, encoding: plain(bytes.subarray(4)) };
}

export function encodeHashList(hashes: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(hashes.length * HASH_LENGTH);
  hashes.forEach((h, i) => out.set(h, i * HASH_LENGTH));
  return out;
}

export function decodeHashList(bytes: Uint8Array, what: string): Uint8Array[] {
  if (bytes.length % HASH_LENGTH !== 0) corrupt(what, `length ${bytes.length} is not a multiple of 32`);
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += HASH_LENGTH) out.push(plain(bytes.subarray(i, i + HASH_LENGTH)));
  return out;
}

// Flat diff: u32 LE count, then per change: u32 LE key length, key, u8 flags (1 = old, 2 = new),
// then u32 LE length + bytes for the old and the new value when present.
export function encodeFlatDiff(changes: readonly FlatChange[]): Uint8Array {
  let size = 4;
  for (const [k, o, v] of changes) size += 4 + k.length + 1 + (o ? 4 + o.length : 0) + (v ? 4 + v.length : 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  const put = (bytes: Uint8Array): void => {
    view.setUint32(at, bytes.length, true);
    out.set(bytes, at + 4);
    at += 4 + bytes.length;
  };
  view.setUint32(at, changes.length, true);
  at += 4;
  for (const [k, o, v] of changes) {
    put(k);
    out[at++] = (o ? 1 : 0) | (v ? 2 : 0);
    if (o) put(o);
    if (v) put(v);
  }
  return out;
}

export function decodeFlatDiff(bytes: Uint8Array, what: string): FlatChange[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const u32 = (): number => {
    if (at + 4 > bytes.length) corrupt(what, "truncated flat diff");
    const n = view.getUint32(at, true);
    at += 4;
    return n;
  };
  const take = (): Uint8Array => {
    const n = u32();
    if (at + n > bytes.length) corrupt(what, "truncated flat diff");
    at += n;
    return plain(bytes.subarray(at - n, at));
  };
  const count = u32();
  const out: FlatChange[] = [];
  for (let i = 0; i < count; i++) {
    const key = take();
    if (at >= bytes.length) corrupt(what, "truncated flat diff");
    const flags = bytes[at++]!;
    if (flags > 3) corrupt(what, `bad change flags ${flags}`);
    const old = flags & 1 ? take() : null;
    const value = flags & 2 ? take() : null;
    out.push([key, old, value]);
  }
  if (at !== bytes.length) corrupt(what, `${bytes.length - at} trailing bytes after the flat diff`);
  return out;
}

export function corrupt(what: string, detail: string): never {
  throw new DbError({ code: "CORRUPT", what, detail });
}

/** A plain `Uint8Array` over the same memory: LevelDB hands out `Buffer`s, callers get plain bytes. */
export function plain(bytes: Uint8Array): Uint8Array;
export function plain(bytes: Uint8Array | undefined): Uint8Array | undefined;
export function plain(bytes: Uint8Array | undefined): Uint8Array | undefined {
  if (bytes === undefined || Object.getPrototypeOf(bytes) === Uint8Array.prototype) return bytes;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}


function ascii(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}
