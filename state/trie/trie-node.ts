/**
 * The in-memory node of the persistent trie and its merkle value.
 *
 * A node does not copy its partial key: it points at a full key that runs through it (`key`) and at the
 * nibble range `[start, end)` of that key which is its partial, so `key`'s first `end` nibbles are the
 * node's whole path. Leaves have no `children` array; branches have a 16-slot one. A node's merkle value
 * (its encoding when shorter than 32 bytes, else the blake2-256 hash of it) is cached in `merkle` and
 * cleared whenever an update rebuilds the node, so a root after a small change only rehashes the nodes on
 * the changed paths.
 *
 * Nodes are shared between trie versions and so are immutable once their version is published. `gen`
 * records the update that created a node: inside that same update the node is still private and may be
 * modified in place, and later `diffNodes` tells a version's new nodes from inherited ones by it.
 */
import { blake2_256 as blake2b256 } from "../../primitives/hashing.js";
import { HASH_LENGTH, NodeWriter } from "./node-writer.js";

export class TrieNode {
  merkle: Uint8Array | undefined = undefined;
  constructor(
    public key: Uint8Array,
    public start: number,
    public end: number,
    public value: Uint8Array | undefined,
    public children: (TrieNode | undefined)[] | undefined,
    public gen: number,
  ) {}
}

let lastGeneration = 0;

/** A fresh generation number for the nodes one update or build creates. */
export function nextGeneration(): number {
  return ++lastGeneration;
}

/** The key of the value a node holds: the first `end / 2` bytes of its key. */
export function valueKey(node: TrieNode): Uint8Array {
  return node.key.length * 2 === node.end ? node.key : node.key.slice(0, node.end >> 1);
}

/** A 16-slot children array. */
export function emptyChildren(): (TrieNode | undefined)[] {
  return [undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined,
    undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined];
}

const writer = new NodeWriter();
const refs: (Uint8Array | undefined)[] = new Array(16).fill(undefined);

/** The node's merkle value, computing (and caching) those of its descendants as needed. */
export function merkleOf(node: TrieNode): Uint8Array {
  const cached = node.merkle;
  if (cached !== undefined) return cached;
  const len = encodeIntoWriter(node);
  const merkle = len < HASH_LENGTH ? writer.buf.slice(0, len) : blake2b256(writer.buf.subarray(0, len));
  node.merkle = merkle;
  return merkle;
}

/** The node's encoding (children's merkle values computed as needed). */
export function encodeTrieNode(node: TrieNode): Uint8Array {
  const len = encodeIntoWriter(node);
  return writer.buf.slice(0, len);
}

/** Whether the database stores this node under its hash: the root always, others when not inlined. */
export function isStored(node: TrieNode, isRoot: boolean): boolean {
  return isRoot || merkleOf(node).length === HASH_LENGTH;
}

/** The hash a stored node is kept under (the root's hash even when its encoding is short). */
export function storedHash(node: TrieNode): Uint8Array {
  const merkle = merkleOf(node);
  return merkle.length === HASH_LENGTH ? merkle : blake2b256(merkle);
}

function encodeIntoWriter(node: TrieNode): number {
  const children = node.children;
  if (children === undefined) return writer.encode(node.key, node.start, node.end, node.value, undefined);
  // Children first: their encodings reuse the shared writer.
  for (let i = 0; i < 16; i++) {
    const c = children[i];
    if (c !== undefined && c.merkle === undefined) merkleOf(c);
  }
  for (let i = 0; i < 16; i++) refs[i] = children[i]?.merkle;
  return writer.encode(node.key, node.start, node.end, node.value, refs);
}
