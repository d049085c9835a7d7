/**
 * Builds persistent-trie nodes for a sorted, duplicate-free run of entries below a given depth.
 *
 * The shape is the one `trie-root.ts` walks: a run of one key is a leaf, a longer run a branch at the run's
 * common prefix holding the value of the key equal to that prefix, if any, and one child per next nibble.
 */
import { commonNibbles, nibbleAt } from "./nibbles.js";
import { emptyChildren, TrieNode } from "./trie-node.js";

/** Builds the subtree of `sorted[lo, hi)` whose partial keys start at nibble `depth`. */
export function buildNode(
  sorted: readonly (readonly [Uint8Array, Uint8Array])[],
  lo: number,
  hi: number,
  depth: number,
  gen: number,
): TrieNode {
  const [firstKey, firstValue] = sorted[lo]!;
  if (hi - lo === 1) return new TrieNode(firstKey, depth, firstKey.length * 2, firstValue, undefined, gen);
  const end = depth + commonNibbles(firstKey, sorted[hi - 1]![0], depth, Infinity);
  let i = lo;
  let value: Uint8Array | undefined;
  if (firstKey.length * 2 === end) {
    value = firstValue;
    i++;
  }
  const children = emptyChildren();
  while (i < hi) {
    const n = nibbleAt(sorted[i]![0], end);
    let j = i + 1;
    while (j < hi && nibbleAt(sorted[j]![0], end) === n) j++;
    children[n] = buildNode(sorted, i, j, end + 1, gen);
    i = j;
  }
  return new TrieNode(firstKey, depth, end, value, children, gen);
}
