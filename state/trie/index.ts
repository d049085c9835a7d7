/** Substrate's base-16 Patricia–Merkle state trie (state version 0): roots, persistent versions, proofs. */
export { EMPTY_TRIE_ROOT, orderedTrieRoot, trieRoot } from "./trie-root.js";
export { diffNodes, PersistentTrie } from "./persistent-trie.js";
export type { NodeDiff } from "./node-diff.js";
export type { NodeGetter } from "./trie-load.js";
export { verifyProof } from "./verify-proof.js";
export { decodeNode, encodeNode, type DecodedNode } from "./node-codec.js";
export { TrieError, type TrieErrorCode } from "./trie-error.js";
