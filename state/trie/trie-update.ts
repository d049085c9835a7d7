/**
 * Applies a sorted batch of sets and deletions to a persistent trie, copying only the changed paths.
 *
 * The batch is walked down the trie once. At each node the changes split into those under the node's
 * whole path, which go to its value or, grouped by their next nibble, to its children, and those that
 * leave the path inside the node's partial key. A deletion that leaves the path is a no-op; an insertion
 * that does forces a split: a new branch at the divergence point takes the old node (its partial key
 * shortened) as one child. On the way back up a node is normalised as `sp-trie` keeps it: no node without
 * value and children, no branch without value with a single child (it merges into that child).
 *
 * Nodes of earlier versions are never modified: a changed node is rebuilt with the update's generation.
 * Nodes of the update's own generation are still private and are modified in place.
 */
import { commonNibbles, nibbleAt } from "./nibbles.js";
import { equalBytes } from "../../primitives/bytes.js";
import { buildNode } from "./trie-build.js";
import { emptyChildren, TrieNode } from "./trie-node.js";

/** A change: a value to set, or null to delete the key. */
export type Change = readonly [Uint8Array, Uint8Array | null];

/** Returns the root after applying `sorted` (by key, no key twice) under generation `gen`. */
export function applyChanges(root: TrieNode | undefined, sorted: readonly Change[], gen: number): TrieNode | undefined {
  return apply(root, 0, sorted, 0, sorted.length, gen);
}

function apply(
  node: TrieNode | undefined,
  depth: number,
  ch: readonly Change[],
  lo: number,
  hi: number,
  gen: number,
): TrieNode | undefined {
  if (lo >= hi) return node;
  if (node === undefined) return buildInsertions(ch, lo, hi, depth, gen);
  const end = node.end;
  const partial = end - depth;
  let a = lo;
  while (a < hi && commonNibbles(ch[a]![0], node.key, depth, end) < partial) a++;
  let b = hi;
  while (b > a && commonNibbles(ch[b - 1]![0], node.key, depth, end) < partial) b--;
  if (a === lo && b === hi) return applyUnder(node, ch, lo, hi, gen);

  // Changes in [lo, a) and [b, hi) leave the node's path within its partial key. The closer a key sorts to
  // the path, the more it shares of it, so the outermost insertion on each side diverges first.
  let split = partial;
  for (let i = lo; i < a; i++) {
    if (ch[i]![1] !== null) {
      split = commonNibbles(ch[i]![0], node.key, depth, end);
      break;
    }
  }
  for (let i = hi - 1; i >= b; i--) {
    if (ch[i]![1] !== null) {
      split = Math.min(split, commonNibbles(ch[i]![0], node.key, depth, end));
      break;
    }
  }
  if (split === partial) return a < b ? applyUnder(node, ch, a, b, gen) : node;

  const at = depth + split;
  const branch = new TrieNode(node.key, depth, at, undefined, emptyChildren(), gen);
  branch.children![nibbleAt(node.key, at)] = moved(node, at + 1, gen);
  return apply(branch, depth, ch, lo, hi, gen);
}

// Every change in [lo, hi) runs through the whole path of `node`.
function applyUnder(node: TrieNode, ch: readonly Change[], lo: number, hi: number, gen: number): TrieNode | undefined {
  const end = node.end;
  let i = lo;
  let key = node.key;
  let value = node.value;
  let valueChanged = false;
  const first = ch[i]!;
  if (first[0].length * 2 === end) {
    const next = first[1] ?? undefined;
    if (next === undefined ? value !== undefined : value === undefined || !equalBytes(value, next)) {
      value = next;
      valueChanged = true;
      if (next !== undefined) key = first[0];
    }
    i++;
  }
  const old = node.children;
  let children = old;
  let childrenCopied = false;
  while (i < hi) {
    const n = nibbleAt(ch[i]![0], end);
    let j = i + 1;
    while (j < hi && nibbleAt(ch[j]![0], end) === n) j++;
    const before = old?.[n];
    const after = apply(before, end + 1, ch, i, j, gen);
    if (after !== before) {
      if (!childrenCopied) {
        children = old === undefined ? emptyChildren() : node.gen === gen ? old : old.slice();
        childrenCopied = true;
      }
      children![n] = after;
    }
    i = j;
  }
  if (!valueChanged && !childrenCopied) return node;

  let count = 0;
  let only = -1;
  if (children !== undefined) {
    for (let n = 0; n < 16; n++) {
      if (children[n] !== undefined) {
        count++;
        only = n;
      }
    }
  }
  if (count === 0) {
    if (value === undefined) return undefined;
    return rebuilt(node, key, value, undefined, gen);
  }
  if (count === 1 && value === undefined) return moved(children![only]!, node.start, gen);
  if (!childrenCopied && node.gen !== gen) children = children!.slice();
  return rebuilt(node, key, value, children, gen);
}

function buildInsertions(ch: readonly Change[], lo: number, hi: number, depth: number, gen: number): TrieNode | undefined {
  const entries: (readonly [Uint8Array, Uint8Array])[] = [];
  for (let i = lo; i < hi; i++) {
    const v = ch[i]![1];
    if (v !== null) entries.push([ch[i]![0], v]);
  }
  return entries.length === 0 ? undefined : buildNode(entries, 0, entries.length, depth, gen);
}

// The node with its partial key now starting at `start` (after a split or a merge).
function moved(node: TrieNode, start: number, gen: number): TrieNode {
  if (node.gen === gen) {
    node.start = start;
    node.merkle = undefined;
    return node;
  }
  return new TrieNode(node.key, start, node.end, node.value, node.children?.slice(), gen);
}

function rebuilt(
  node: TrieNode,
  key: Uint8Array,
  value: Uint8Array | undefined,
  children: (TrieNode | undefined)[] | undefined,
  gen: number,
): TrieNode {
  if (node.gen !== gen) return new TrieNode(key, node.start, node.end, value, children, gen);
  node.key = key;
  node.value = value;
  node.children = children;
  node.merkle = undefined;
  return node;
}
