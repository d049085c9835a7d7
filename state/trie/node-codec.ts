/**
 * Decoding and encoding of single trie nodes as `sp-trie`'s `NodeCodec` lays them out (state version 0).
 *
 * The layout is described in `node-writer.ts`. Decoding is strict: any byte sequence that the state
 * version 0 encoder cannot have produced (bad header, non-zero padding nibble, a child reference longer
 * than a hash, a branch without children, trailing bytes, a state version 1 hashed-value node) is rejected
 * with a `TrieError` rather than guessed at.
 */
import { nibblesToBytes } from "./nibbles.js";
import {
  BRANCH_NO_VALUE_PREFIX,
  BRANCH_WITH_VALUE_PREFIX,
  EMPTY_NODE_BYTE,
  HASH_LENGTH,
  LEAF_PREFIX,
  MAX_PARTIAL_NIBBLES,
  NodeWriter,
} from "./node-writer.js";
import { TrieError } from "./trie-error.js";

/**
 * A node as bytes describe it: `partial` holds one nibble per byte; a child reference is a 32-byte hash
 * or, when shorter, the child's inline encoding.
 */
export type DecodedNode =
  | { kind: "empty" }
  | { kind: "leaf"; partial: Uint8Array; value: Uint8Array }
  | {
      kind: "branch";
      partial: Uint8Array;
      value: Uint8Array | undefined;
      children: (Uint8Array | undefined)[];
    };

/** Decodes one node encoding; throws a `TrieError` on anything malformed. */
export function decodeNode(bytes: Uint8Array): DecodedNode {
  const r = new Reader(bytes);
  const first = r.byte();
  if (first === EMPTY_NODE_BYTE) {
    r.done();
    return { kind: "empty" };
  }
  const prefix = first & 0xc0;
  if (prefix === 0) {
    // 001x_xxxx and 0001_xxxx are state version 1's hashed-value leaf and branch; 0000_0001 is the compact
    // proof escape. None exist under state version 0.
    if ((first & 0xe0) === 0x20 || (first & 0xf0) === 0x10) {
      throw new TrieError({ code: "HASHED_VALUE_UNSUPPORTED", detail: `header 0x${hex(first)} (state version 1)` });
    }
    throw new TrieError({ code: "INVALID_HEADER", detail: `header 0x${hex(first)}` });
  }
  const count = readNibbleCount(first, r);
  const partial = readPartial(r, count);
  if (prefix === LEAF_PREFIX) {
    const value = r.bytes();
    r.done();
    return { kind: "leaf", partial, value };
  }
  const bitmap = r.byte() | (r.byte() << 8);
  if (bitmap === 0) throw new TrieError({ code: "BRANCH_WITHOUT_CHILDREN", detail: "children bitmap is zero" });
  const value = prefix === BRANCH_WITH_VALUE_PREFIX ? r.bytes() : undefined;
  const children: (Uint8Array | undefined)[] = new Array(16).fill(undefined);
  for (let i = 0; i < 16; i++) {
    if ((bitmap & (1 << i)) === 0) continue;
    const ref = r.bytes();
    if (ref.length > HASH_LENGTH || ref.length === 0) {
      throw new TrieError({ code: "INVALID_CHILD_REFERENCE", detail: `child ${i} reference of ${ref.length} bytes` });
    }
    children[i] = ref;
  }
  r.done();
  return { kind: "branch", partial, value, children };
}

/** Encodes a node; the inverse of `decodeNode`. */
export function encodeNode(node: DecodedNode): Uint8Array {
  if (node.kind === "empty") return Uint8Array.of(EMPTY_NODE_BYTE);
  const n = node.partial.length;
  // Left-pad odd partials with a zero nibble so that the writer reads whole bytes.
  const padded = new Uint8Array(n + (n & 1));
  padded.set(node.partial, n & 1);
  const key = nibblesToBytes(padded);
  const w = new NodeWriter();
  if (node.kind === "leaf") {
    w.encode(key, n & 1, padded.length, node.value, undefined);
  } else {
    if (!node.children.some((c) => c !== undefined)) {
      throw new TrieError({ code: "BRANCH_WITHOUT_CHILDREN", detail: "cannot encode a branch without children" });
    }
    w.encode(key, n & 1, padded.length, node.value, node.children);
  }
  return w.buf.slice(0, w.len);
}

function readNibbleCount(first: number, r: Reader): number {
  let count = first & 0x3f;
  if (count < 63) return count;
  for (;;) {
    const b = r.byte();
    count += b;
    if (count > MAX_PARTIAL_NIBBLES) {
      throw new TrieError({ code: "PARTIAL_KEY_TOO_LONG", detail: `more than ${MAX_PARTIAL_NIBBLES} nibbles` });
    }
    if (b < 255) return count;
  }
}

function readPartial(r: Reader, count: number): Uint8Array {
  const packed = r.take((count + 1) >> 1);
  const odd = count & 1;
  if (odd === 1 && packed[0]! >> 4 !== 0) {
    throw new TrieError({ code: "INVALID_PADDING", detail: "padding nibble of an odd partial key is not zero" });
  }
  const partial = new Uint8Array(count);
  let i = 0;
  if (odd === 1) partial[i++] = packed[0]! & 0x0f;
  for (let j = odd; i < count; j++) {
    const b = packed[j]!;
    partial[i++] = b >> 4;
    partial[i++] = b & 0x0f;
  }
  return partial;
}

class Reader {
  private pos = 0;
  constructor(private readonly data: Uint8Array) {}

  byte(): number {
    if (this.pos >= this.data.length) throw end(this.pos);
    return this.data[this.pos++]!;
  }

  take(n: number): Uint8Array {
    if (this.pos + n > this.data.length) throw end(this.pos);
    const out = this.data.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** Reads compact-length-prefixed bytes (the length is a SCALE `Compact<u32>`). */
  bytes(): Uint8Array {
    const b0 = this.byte();
    let n: number;
    switch (b0 & 3) {
      case 0:
        n = b0 >> 2;
        break;
      case 1:
        n = (b0 >> 2) | (this.byte() << 6);
        break;
      case 2:
        n = ((b0 >> 2) | (this.byte() << 6) | (this.byte() << 14) | (this.byte() << 22)) >>> 0;
        break;
      default: {
        if (b0 !== 0b11) throw new TrieError({ code: "INVALID_LENGTH", detail: "length prefix exceeds u32" });
        const x = this.take(4);
        n = (x[0]! | (x[1]! << 8) | (x[2]! << 16) | (x[3]! << 24)) >>> 0;
      }
    }
    return this.take(n);
  }

  done(): void {
    if (this.pos !== this.data.length) {
      throw new TrieError({ code: "TRAILING_BYTES", detail: `${this.data.length - this.pos} bytes after the node` });
    }
  }
}

function end(pos: number): TrieError {
  return new TrieError({ code: "UNEXPECTED_END", detail: `node ends at byte ${pos}` });
}

function hex(b: number): string {
  return b.toString(16).padStart(2, "0");
}
