/**
 * Storage read proofs as `state_getReadProof` returns them.
 *
 * Reading a key walks from the root down to where the key's value is, or to where the path proves it
 * absent. A proof is the set of stored node encodings met on those walks, the root included: with it a
 * client holding only the state root can repeat the walks. Inline nodes travel inside their parents.
 * Substrate's `StorageProof` is a set, which it hands out in byte order; so do we.
 */
import { commonNibbles, nibbleAt } from "./nibbles.js";
import { compareBytes } from "../../primitives/bytes.js";
import { encodeTrieNode, isStored, merkleOf, type TrieNode } from "./trie-node.js";

/** The encodings of the stored nodes on the lookup paths of `keys`, deduplicated, in byte order. */
export function readProofNodes(root: TrieNode | undefined, keys: Iterable<Uint8Array>): Uint8Array[] {
  if (root === undefined) return [];
  merkleOf(root);
  const visited = new Set<TrieNode>();
  for (const key of keys) {
    const keyNibbles = key.length * 2;
    let node: TrieNode | undefined = root;
    let depth = 0;
    while (node !== undefined) {
      if (isStored(node, node === root)) visited.add(node);
      const end: number = node.end;
      if (commonNibbles(key, node.key, depth, end) < end - depth || keyNibbles === end) break;
      const n = nibbleAt(key, end);
      depth = end + 1;
      node = node.children?.[n];
    }
  }
  // Identical subtrees at different paths share an encoding; the proof is a set of encodings.
  const unique = new Map<string, Uint8Array>();
  for (const node of visited) {
    const encoding = encodeTrieNode(node);
    unique.set(Buffer.from(encoding.buffer, encoding.byteOffset, encoding.length).toString("latin1"), encoding);
  }
  return [...unique.values()].sort(compareBytes);
}
