/**
 * Rebuilds persistent-trie nodes from stored node encodings, starting at a state root.
 *
 * Each stored node is fetched by hash (a child reference of 32 bytes) or read in place (an inline child),
 * decoded, and turned into a node whose merkle value is the reference it was found under, so the loaded
 * version's root needs no rehashing. Keys are rebuilt from the nibble path; a branch without a value
 * borrows its first child's key, which runs through the branch's path.
 */
import { decodeNode } from "./node-codec.js";
import { HASH_LENGTH } from "./node-writer.js";
import { equalBytes } from "../../primitives/bytes.js";
import { TrieError } from "./trie-error.js";
import { emptyChildren, TrieNode } from "./trie-node.js";
import { EMPTY_TRIE_ROOT } from "./trie-root.js";

/** Synchronous access to stored node encodings by hash. */
export type NodeGetter = (hash: Uint8Array) => Uint8Array | undefined;

/** Loads the whole trie under `root`; throws `TrieError` `MISSING_NODE` when a node is not found. */
export function loadTrie(root: Uint8Array, getNode: NodeGetter, gen: number): TrieNode | undefined {
  if (equalBytes(root, EMPTY_TRIE_ROOT)) return undefined;
  const encoding = getNode(root);
  if (encoding === undefined) throw missing(root);
  if (encoding.length === 1 && encoding[0] === 0) return undefined;
  const node = new Loader(getNode, gen).load(encoding, 0);
  node.merkle = encoding.length < HASH_LENGTH ? encoding.slice() : root.slice();
  return node;
}

class Loader {
  // The nibbles of the path to the node being loaded.
  private path = new Uint8Array(256);

  constructor(
    private readonly getNode: NodeGetter,
    private readonly gen: number,
  ) {}

  load(encoding: Uint8Array, depth: number): TrieNode {
    const decoded = decodeNode(encoding);
    if (decoded.kind === "empty") throw new TrieError({ code: "INVALID_STRUCTURE", detail: "empty node below the root" });
    const partial = decoded.partial;
    const end = depth + partial.length;
    if (end + 1 > this.path.length) {
      const grown = new Uint8Array(Math.max(2 * this.path.length, end + 1));
      grown.set(this.path);
      this.path = grown;
    }
    this.path.set(partial, depth);
    if (decoded.kind === "leaf") return new TrieNode(this.key(end), depth, end, decoded.value.slice(), undefined, this.gen);

    const children = emptyChildren();
    let firstChild: TrieNode | undefined;
    for (let n = 0; n < 16; n++) {
      const ref = decoded.children[n];
      if (ref === undefined) continue;
      let childEncoding = ref;
      if (ref.length === HASH_LENGTH) {
        const found = this.getNode(ref);
        if (found === undefined) throw missing(ref);
        childEncoding = found;
      }
      this.path[end] = n;
      const child = this.load(childEncoding, end + 1);
      child.merkle = ref.slice();
      children[n] = child;
      firstChild ??= child;
    }
    const value = decoded.value?.slice();
    const key = value !== undefined ? this.key(end) : firstChild!.key;
    return new TrieNode(key, depth, end, value, children, this.gen);
  }

  // A node holding a value sits at a whole-byte key, so its path has an even number of nibbles.
  private key(end: number): Uint8Array {
    if ((end & 1) === 1) throw new TrieError({ code: "INVALID_STRUCTURE", detail: `value at an odd nibble depth ${end}` });
    const path = this.path;
    const key = new Uint8Array(end >> 1);
    for (let i = 0; i < key.length; i++) key[i] = (path[2 * i]! << 4) | path[2 * i + 1]!;
    return key;
  }
}

function missing(hash: Uint8Array): TrieError {
  return new TrieError({ code: "MISSING_NODE", detail: `node 0x${Buffer.from(hash).toString("hex")} not found` });
}
