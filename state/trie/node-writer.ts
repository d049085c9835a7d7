/**
 * The node encoder shared by root calculation, the persistent trie and the public codec.
 *
 * Substrate's `NodeCodec` (state version 0) lays a node out as: a header whose two high bits give the
 * kind (01 leaf, 10 branch without value, 11 branch with value) and whose six low bits give the partial
 * key's nibble count, 63 meaning "more in the following bytes" (each 255 adds 255 and continues, any
 * other byte ends it); then the partial key packed two nibbles a byte, an odd count putting its first
 * nibble alone in the low half of a leading byte. A leaf follows with its value (compact length, bytes).
 * A branch follows with a 16-bit little-endian bitmap of its children, its value if it has one, then each
 * child's reference as compact-length-prefixed bytes: the child's own encoding when shorter than 32
 * bytes ("inline"), else its blake2-256 hash.
 */
import { TrieError } from "./trie-error.js";

/** Header prefixes (two high bits) of the node kinds state version 0 produces. */
export const LEAF_PREFIX = 0b01 << 6;
export const BRANCH_NO_VALUE_PREFIX = 0b10 << 6;
export const BRANCH_WITH_VALUE_PREFIX = 0b11 << 6;
/** The empty trie's only node. */
export const EMPTY_NODE_BYTE = 0x00;
/** Largest partial key `sp-trie` can describe in a header (`NIBBLE_SIZE_BOUND`). */
export const MAX_PARTIAL_NIBBLES = 0xffff;
/** References at least this long are hashes; shorter encodings are inlined in their parent. */
export const HASH_LENGTH = 32;

/** A growable byte buffer that one node at a time is encoded into; read `buf[0..len)` right after. */
export class NodeWriter {
  buf = new Uint8Array(4096);
  len = 0;

  private reserve(extra: number): void {
    if (this.len + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  /**
   * Encodes one node: partial key = nibbles `[start, end)` of `key`, optional value, and for a branch its
   * 16 child references (a `children` of undefined makes a leaf). Returns the encoded length.
   */
  encode(
    key: Uint8Array,
    start: number,
    end: number,
    value: Uint8Array | undefined,
    children: ArrayLike<Uint8Array | undefined> | undefined,
  ): number {
    this.len = 0;
    const prefix = children === undefined ? LEAF_PREFIX : value === undefined ? BRANCH_NO_VALUE_PREFIX : BRANCH_WITH_VALUE_PREFIX;
    this.writeHeaderAndPartial(prefix, key, start, end);
    if (children === undefined) {
      if (value === undefined) throw new TrieError({ code: "INVALID_STRUCTURE", detail: "leaf without a value" });
      this.writeBytes(value);
      return this.len;
    }
    this.reserve(2);
    const bitmapAt = this.len;
    this.len += 2;
    if (value !== undefined) this.writeBytes(value);
    let bitmap = 0;
    for (let i = 0; i < 16; i++) {
      const child = children[i];
      if (child === undefined) continue;
      bitmap |= 1 << i;
      this.writeBytes(child);
    }
    this.buf[bitmapAt] = bitmap & 0xff;
    this.buf[bitmapAt + 1] = bitmap >> 8;
    return this.len;
  }

  private writeHeaderAndPartial(prefix: number, key: Uint8Array, start: number, end: number): void {
    const count = end - start;
    if (count > MAX_PARTIAL_NIBBLES) {
      throw new TrieError({ code: "PARTIAL_KEY_TOO_LONG", detail: `${count} nibbles, at most ${MAX_PARTIAL_NIBBLES}` });
    }
    this.reserve(2 + ((count / 255) | 0) + ((count + 1) >> 1));
    const buf = this.buf;
    let p = this.len;
    if (count < 63) {
      buf[p++] = prefix | count;
    } else {
      buf[p++] = prefix | 63;
      let rest = count - 63;
      while (rest >= 255) {
        buf[p++] = 255;
        rest -= 255;
      }
      buf[p++] = rest;
    }
    let i = start;
    if ((count & 1) === 1) {
      buf[p++] = (i & 1) === 0 ? key[i >> 1]! >> 4 : key[i >> 1]! & 0x0f;
      i++;
    }
    if ((i & 1) === 0) {
      for (let j = i >> 1; j < end >> 1; j++) buf[p++] = key[j]!;
    } else {
      for (; i < end; i += 2) buf[p++] = ((key[i >> 1]! & 0x0f) << 4) | (key[(i + 1) >> 1]! >> 4);
    }
    this.len = p;
  }

  /** Appends `bytes` with its SCALE compact length. */
  private writeBytes(bytes: Uint8Array): void {
    const n = bytes.length;
    this.reserve(5 + n);
    const buf = this.buf;
    let p = this.len;
    if (n < 1 << 6) {
      buf[p++] = n << 2;
    } else if (n < 1 << 14) {
      buf[p++] = ((n << 2) | 1) & 0xff;
      buf[p++] = n >> 6;
    } else if (n < 1 << 30) {
      const v = (n << 2) | 2;
      buf[p++] = v & 0xff;
      buf[p++] = (v >>> 8) & 0xff;
      buf[p++] = (v >>> 16) & 0xff;
      buf[p++] = (v >>> 24) & 0xff;
    } else {
      buf[p++] = 0b11;
      buf[p++] = n & 0xff;
      buf[p++] = (n >>> 8) & 0xff;
      buf[p++] = (n >>> 16) & 0xff;
      buf[p++] = (n >>> 24) & 0xff;
    }
    // PERF: a loop beats `set` for the short values and references most nodes hold.
    if (n < 64) for (let i = 0; i < n; i++) buf[p + i] = bytes[i]!;
    else buf.set(bytes, p);
    this.len = p + n;
  }
}
