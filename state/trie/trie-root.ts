/**
 * Root of a whole key/value set, computed in one pass without keeping a trie (`sp-trie`'s `trie_root`).
 *
 * Keys are sorted; a range of keys sharing a prefix becomes one node whose partial key is the part of that
 * prefix below its parent. A range of one key is a leaf; otherwise the node is a branch that holds the
 * value of the key equal to the prefix, if any, and one child per next nibble. The root is the blake2-256
 * hash of the root node's encoding, even when that encoding is shorter than a hash.
 */
import { compact } from "scale-ts";
import { blake2_256 as blake2b256 } from "../../primitives/hashing.js";
import { commonNibbles, nibbleAt } from "./nibbles.js";
import { HASH_LENGTH, NodeWriter } from "./node-writer.js";
import { compareBytes } from "../../primitives/bytes.js";

/** blake2-256 of the empty node `[0x00]`: the root of a trie without keys. */
export const EMPTY_TRIE_ROOT: Uint8Array = blake2b256(Uint8Array.of(0));

/** The state root of a full key/value set; for a key given twice the last value counts. */
export function trieRoot(entries: Iterable<readonly [Uint8Array, Uint8Array]>): Uint8Array {
  const sorted = sortEntries(entries);
  if (sorted.length === 0) return EMPTY_TRIE_ROOT.slice();
  const w = new NodeWriter();
  const merkle = merkleOfRange(w, sorted, 0, sorted.length, 0);
  return merkle.length < HASH_LENGTH ? blake2b256(merkle) : merkle;
}

/** The root of values keyed by their SCALE-compact index, as the extrinsics root is built. */
export function orderedTrieRoot(values: readonly Uint8Array[]): Uint8Array {
  return trieRoot(values.map((v, i) => [compact.enc(i), v] as const));
}

/** Sorts entries by key and keeps the last value of a repeated key. */
export function sortEntries<V>(entries: Iterable<readonly [Uint8Array, V]>): (readonly [Uint8Array, V])[] {
  const list = Array.from(entries);
  let ascending = true;
  for (let i = 1; i < list.length && ascending; i++) ascending = compareBytes(list[i - 1]![0], list[i]![0]) < 0;
  if (ascending) return list;
  // PERF: latin1 strings keep byte order and compare natively, twice as fast as a byte-wise comparator.
  const ids = list.map(([key]) => Buffer.from(key.buffer, key.byteOffset, key.byteLength).toString("latin1"));
  const order = Array.from(list, (_, i) => i);
  // Ties keep input order, so the last of a repeated key comes last and wins below.
  order.sort((i, j) => (ids[i]! < ids[j]! ? -1 : ids[i]! > ids[j]! ? 1 : i - j));
  const out: (readonly [Uint8Array, V])[] = [];
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if (k + 1 < order.length && ids[order[k + 1]!] === ids[i]) continue;
    out.push(list[i]!);
  }
  return out;
}

// The node's "merkle value": its encoding when shorter than a hash, else the hash of its encoding.
function merkleOfRange(
  w: NodeWriter,
  sorted: readonly (readonly [Uint8Array, Uint8Array])[],
  lo: number,
  hi: number,
  depth: number,
): Uint8Array {
  const firstKey = sorted[lo]![0];
  if (hi - lo === 1) return finish(w, w.encode(firstKey, depth, firstKey.length * 2, sorted[lo]![1], undefined));
  const lastKey = sorted[hi - 1]![0];
  const end = depth + commonNibbles(firstKey, lastKey, depth, Infinity);
  let i = lo;
  let value: Uint8Array | undefined;
  if (firstKey.length * 2 === end) value = sorted[i++]![1];
  const children: (Uint8Array | undefined)[] = new Array(16).fill(undefined);
  while (i < hi) {
    const n = nibbleAt(sorted[i]![0], end);
    let j = i + 1;
    while (j < hi && nibbleAt(sorted[j]![0], end) === n) j++;
    children[n] = merkleOfRange(w, sorted, i, j, end + 1);
    i = j;
  }
  return finish(w, w.encode(firstKey, depth, end, value, children));
}

function finish(w: NodeWriter, len: number): Uint8Array {
  return len < HASH_LENGTH ? w.buf.slice(0, len) : blake2b256(w.buf.subarray(0, len));
}
