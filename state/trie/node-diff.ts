/**
 * The stored nodes one trie version gains and loses relative to an ancestor version.
 *
 * The database keeps every stored node (the root, and every node whose encoding is 32 bytes or more) under
 * its hash, reference-counted. Between an ancestor and a descendant version, the descendant's nodes are
 * either inherited from the ancestor, with their whole subtrees, or created by the updates in between,
 * which carry a later generation. So the created nodes are found by walking the descendant from its root
 * through new nodes only, noting where inherited subtrees hang; and the dropped nodes by walking the
 * ancestor from its root and stopping at those inherited subtrees. Both walks touch only changed paths.
 *
 * The result counts references, not distinct hashes: two identical subtrees at different paths yield the
 * same hash twice, and a hash both created and dropped (a node rebuilt unchanged) cancels out.
 */
import type { TrieNode } from "./trie-node.js";
import { encodeTrieNode, isStored, merkleOf, storedHash } from "./trie-node.js";

/** Stored nodes gained (`[hash, encoding]`) and lost (hashes) between two versions, with multiplicity. */
export interface NodeDiff {
  inserted: [Uint8Array, Uint8Array][];
  removed: Uint8Array[];
}

/** Computes the diff between the root of an ancestor (generation `olderGen`) and of a descendant. */
export function diffTrieNodes(older: TrieNode | undefined, olderGen: number, newer: TrieNode | undefined): NodeDiff {
  if (older === newer) return { inserted: [], removed: [] };
  if (older !== undefined) merkleOf(older);
  if (newer !== undefined) merkleOf(newer);

  const inherited = new Set<TrieNode>();
  const inserted = new Map<string, { hash: Uint8Array; encoding: Uint8Array; count: number }>();
  if (newer !== undefined) {
    if (newer.gen <= olderGen) inherited.add(newer);
    else {
      const stack: TrieNode[] = [newer];
      while (stack.length > 0) {
        const node = stack.pop()!;
        if (isStored(node, node === newer)) {
          const hash = storedHash(node);
          const id = idOf(hash);
          const entry = inserted.get(id);
          if (entry !== undefined) entry.count++;
          else inserted.set(id, { hash, encoding: encodeTrieNode(node), count: 1 });
        }
        for (const c of node.children ?? []) {
          if (c === undefined) continue;
          if (c.gen > olderGen) stack.push(c);
          else inherited.add(c);
        }
      }
    }
  }

  const removed: Uint8Array[] = [];
  if (older !== undefined) {
    const stack: TrieNode[] = [older];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (inherited.has(node)) continue;
      if (isStored(node, node === older)) {
        const hash = storedHash(node);
        const entry = inserted.get(idOf(hash));
        if (entry !== undefined && entry.count > 0) entry.count--;
        else removed.push(hash);
      }
      for (const c of node.children ?? []) if (c !== undefined) stack.push(c);
    }
  }

  const out: [Uint8Array, Uint8Array][] = [];
  for (const { hash, encoding, count } of inserted.values()) for (let i = 0; i < count; i++) out.push([hash, encoding]);
  return { inserted: out, removed };
}

function idOf(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}
