/**
 * The stored nodes one trie version gains and loses relative to another, for reference counting.
 *
 * The database keeps every stored node (the root, and every node whose encoding is 32 bytes or more) under
 * its hash, reference-counted. Two versions related by updates share whole subtrees, node for node. The
 * newer version is walked from its root, stopping at subtrees that the older version holds at the same
 * path: a node created after the older version (a later generation) cannot be one of those, any other is
 * looked up in the older version along its path. The older version is then walked from its root, stopping
 * at the same shared subtrees. Both walks touch only the changed paths, and the result is exact for any
 * pair of versions, related or not.
 *
 * The result counts references, not distinct hashes: two identical subtrees at different paths yield the
 * same hash twice, and a hash both created and dropped (a node rebuilt unchanged) cancels out.
 */
import { nibbleAt } from "./nibbles.js";
import { equalBytes } from "../../primitives/bytes.js";
import type { TrieNode } from "./trie-node.js";
import { encodeTrieNode, isStored, merkleOf, storedHash } from "./trie-node.js";

/** Stored nodes gained (`[hash, encoding]`) and lost (hashes) between two versions, with multiplicity. */
export interface NodeDiff {
  inserted: [Uint8Array, Uint8Array][];
  removed: Uint8Array[];
}

/** Computes the diff from the version rooted at `older` (made by generation `olderGen`) to `newer`'s. */
export function diffTrieNodes(older: TrieNode | undefined, olderGen: number, newer: TrieNode | undefined): NodeDiff {
  if (older === newer) return { inserted: [], removed: [] };
  if (older !== undefined) merkleOf(older);
  if (newer !== undefined) merkleOf(newer);

  const shared = new Set<TrieNode>();
  // Keyed by the hash's first four bytes (a small integer, cheap to hash); rare clashes share a bucket.
  const inserted = new Map<number, Inserted[]>();
  const stack: TrieNode[] = [];
  if (newer !== undefined) stack.push(newer);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.gen <= olderGen && holds(older, node)) {
      shared.add(node);
      continue;
    }
    if (isStored(node, node === newer)) {
      const hash = storedHash(node);
      const key = shortKey(hash);
      const bucket = inserted.get(key);
      const entry = bucket === undefined ? undefined : find(bucket, hash);
      if (entry !== undefined) entry.count++;
      else if (bucket !== undefined) bucket.push({ hash, encoding: encodeTrieNode(node), count: 1 });
      else inserted.set(key, [{ hash, encoding: encodeTrieNode(node), count: 1 }]);
    }
    pushChildren(stack, node);
  }

  const removed: Uint8Array[] = [];
  if (older !== undefined) {
    stack.push(older);
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (shared.has(node)) continue;
      if (isStored(node, node === older)) {
        const hash = storedHash(node);
        const bucket = inserted.get(shortKey(hash));
        const entry = bucket === undefined ? undefined : find(bucket, hash);
        if (entry !== undefined && entry.count > 0) entry.count--;
        else removed.push(hash);
      }
      pushChildren(stack, node);
    }
  }

  const out: [Uint8Array, Uint8Array][] = [];
  for (const bucket of inserted.values()) {
    for (const { hash, encoding, count } of bucket) for (let i = 0; i < count; i++) out.push([hash, encoding]);
  }
  return { inserted: out, removed };
}

// Whether the version rooted at `root` holds `node` itself: a node sits at one path, so follow it there.
function holds(root: TrieNode | undefined, node: TrieNode): boolean {
  let at = root;
  while (at !== undefined && at.start < node.start) {
    if (at.end >= node.start) return false;
    at = at.children?.[nibbleAt(node.key, at.end)];
  }
  return at === node;
}

interface Inserted {
  hash: Uint8Array;
  encoding: Uint8Array;
  count: number;
}

function shortKey(hash: Uint8Array): number {
  return hash[0]! | (hash[1]! << 8) | (hash[2]! << 16) | (hash[3]! << 24);
}

function find(bucket: Inserted[], hash: Uint8Array): Inserted | undefined {
  for (const e of bucket) if (equalBytes(e.hash, hash)) return e;
  return undefined;
}

function pushChildren(stack: TrieNode[], node: TrieNode): void {
  const children = node.children;
  if (children === undefined) return;
  for (let i = 0; i < 16; i++) {
    const c = children[i];
    if (c !== undefined) stack.push(c);
  }
}
