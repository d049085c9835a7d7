/**
 * Reads on a persistent trie: point lookups, the next key after a given one, and ordered iteration.
 *
 * A lookup walks down from the root, matching the key's nibbles against each node's partial key and
 * taking the child at the following nibble. Keys are ordered as byte strings, which is the order of a
 * pre-order walk that visits a node's value before its children 0 to 15.
 */
import { commonNibbles, nibbleAt } from "./nibbles.js";
import { type TrieNode, valueKey } from "./trie-node.js";

/** The value stored under `key`, if any. */
export function lookup(root: TrieNode | undefined, key: Uint8Array): Uint8Array | undefined {
  const keyNibbles = key.length * 2;
  let node = root;
  let depth = 0;
  while (node !== undefined) {
    const end = node.end;
    if (commonNibbles(key, node.key, depth, end) < end - depth) return undefined;
    if (keyNibbles === end) return node.value;
    const n = nibbleAt(key, end);
    depth = end + 1;
    node = node.children?.[n];
  }
  return undefined;
}

/** The first stored key strictly greater than `key`. */
export function nextKeyAfter(root: TrieNode | undefined, key: Uint8Array): Uint8Array | undefined {
  const keyNibbles = key.length * 2;
  const branches: TrieNode[] = [];
  const taken: number[] = [];
  let node = root;
  let depth = 0;
  while (node !== undefined) {
    const end = node.end;
    const shared = commonNibbles(key, node.key, depth, end);
    if (shared < end - depth) {
      const at = depth + shared;
      // The key ends inside this node's partial key, or sorts before it: the whole subtree is greater.
      if (at === keyNibbles || nibbleAt(key, at) < nibbleAt(node.key, at)) return firstKey(node);
      break;
    }
    if (keyNibbles === end) {
      const found = firstKeyInChildren(node, 0);
      if (found !== undefined) return found;
      break;
    }
    const n = nibbleAt(key, end);
    branches.push(node);
    taken.push(n);
    depth = end + 1;
    node = node.children?.[n];
  }
  for (let i = branches.length - 1; i >= 0; i--) {
    const found = firstKeyInChildren(branches[i]!, taken[i]! + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Iterates `[key, value]` in key order over the keys starting with `prefix`. */
export function* iterateEntries(root: TrieNode | undefined, prefix: Uint8Array): Generator<[Uint8Array, Uint8Array]> {
  const prefixNibbles = prefix.length * 2;
  let node = root;
  let depth = 0;
  while (node !== undefined) {
    const end = node.end;
    const shared = commonNibbles(prefix, node.key, depth, end);
    if (depth + shared === prefixNibbles) break;
    if (shared < end - depth) return;
    const n = nibbleAt(prefix, end);
    depth = end + 1;
    node = node.children?.[n];
  }
  if (node === undefined) return;
  const stack: TrieNode[] = [node];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (top.value !== undefined) yield [valueKey(top), top.value];
    const children = top.children;
    if (children === undefined) continue;
    for (let n = 15; n >= 0; n--) {
      const c = children[n];
      if (c !== undefined) stack.push(c);
    }
  }
}

function firstKey(node: TrieNode): Uint8Array {
  let n = node;
  while (n.value === undefined) {
    const children = n.children!;
    let i = 0;
    while (children[i] === undefined) i++;
    n = children[i]!;
  }
  return valueKey(n);
}

function firstKeyInChildren(node: TrieNode, from: number): Uint8Array | undefined {
  const children = node.children;
  if (children === undefined) return undefined;
  for (let n = from; n < 16; n++) {
    const c = children[n];
    if (c !== undefined) return firstKey(c);
  }
  return undefined;
}
