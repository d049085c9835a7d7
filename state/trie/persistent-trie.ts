/**
 * An immutable, structurally shared Substrate state trie: the form in which the node holds recent states.
 *
 * Every version is a root node; `update` returns a new version that shares all unchanged subtrees with
 * the old one, which stays valid. Reads are synchronous. `root()` hashes lazily and caches per node, so a
 * root after a small update rehashes only the touched paths. `diffNodes` gives the database the stored
 * nodes a version gains and drops relative to its parent; `fromNodes` rebuilds a version from them.
 *
 * Keys and values are kept by reference, not copied: do not modify arrays after handing them over.
 */
import { blake2_256 as blake2b256 } from "../../primitives/hashing.js";
import { diffTrieNodes, type NodeDiff } from "./node-diff.js";
import { HASH_LENGTH } from "./node-writer.js";
import { readProofNodes } from "./read-proof.js";
import { buildNode } from "./trie-build.js";
import { loadTrie, type NodeGetter } from "./trie-load.js";
import { merkleOf, nextGeneration, type TrieNode } from "./trie-node.js";
import { iterateEntries, lookup, nextKeyAfter } from "./trie-read.js";
import { EMPTY_TRIE_ROOT, sortEntries } from "./trie-root.js";
import { applyChanges } from "./trie-update.js";

const NO_PREFIX = new Uint8Array(0);

/** One immutable version of the state trie; `update` makes the next. */
export class PersistentTrie {
  private cachedRoot: Uint8Array | undefined;

  private constructor(
    /** @internal The root node, undefined for the empty trie. */
    readonly rootNode: TrieNode | undefined,
    /** @internal The generation of the update that made this version; nodes it inherits are not newer. */
    readonly generation: number,
  ) {}

  private static readonly EMPTY = new PersistentTrie(undefined, 0);

  /** The trie without keys. */
  static empty(): PersistentTrie {
    return PersistentTrie.EMPTY;
  }

  /** A trie holding `entries`; for a key given twice the last value counts. */
  static fromEntries(entries: Iterable<readonly [Uint8Array, Uint8Array]>): PersistentTrie {
    const sorted = sortEntries(entries);
    if (sorted.length === 0) return PersistentTrie.EMPTY;
    const gen = nextGeneration();
    return new PersistentTrie(buildNode(sorted, 0, sorted.length, 0, gen), gen);
  }

  /**
   * The version whose state root is `root`, rebuilt from stored node encodings.
   *
   * Every node is loaded eagerly; node hashes are taken from the references, not recomputed. Throws
   * `TrieError` `MISSING_NODE` if `getNode` lacks one, or a codec error for a malformed one.
   */
  static fromNodes(root: Uint8Array, getNode: NodeGetter): PersistentTrie {
    const gen = nextGeneration();
    const node = loadTrie(root, getNode, gen);
    if (node === undefined) return PersistentTrie.EMPTY;
    const trie = new PersistentTrie(node, gen);
    trie.cachedRoot = root.slice();
    return trie;
  }

  /** The value stored under `key`. */
  get(key: Uint8Array): Uint8Array | undefined {
    return lookup(this.rootNode, key);
  }

  /** The first key strictly greater than `key`, for prefix iteration. */
  nextKey(key: Uint8Array): Uint8Array | undefined {
    return nextKeyAfter(this.rootNode, key);
  }

  /** `[key, value]` pairs in key order, only those whose key starts with `prefix` if given. */
  entries(prefix: Uint8Array = NO_PREFIX): IterableIterator<[Uint8Array, Uint8Array]> {
    return iterateEntries(this.rootNode, prefix);
  }

  /** A new version with `changes` applied (a null value deletes); this version is left as it is. */
  update(changes: Iterable<readonly [Uint8Array, Uint8Array | null]>): PersistentTrie {
    const sorted = sortEntries(changes);
    if (sorted.length === 0) return this;
    const gen = nextGeneration();
    const rootNode = applyChanges(this.rootNode, sorted, gen);
    if (rootNode === this.rootNode) return this;
    return rootNode === undefined ? PersistentTrie.EMPTY : new PersistentTrie(rootNode, gen);
  }

  /** The state root: blake2-256 of the root node's encoding. */
  root(): Uint8Array {
    if (this.cachedRoot === undefined) {
      if (this.rootNode === undefined) this.cachedRoot = EMPTY_TRIE_ROOT;
      else {
        const merkle = merkleOf(this.rootNode);
        this.cachedRoot = merkle.length === HASH_LENGTH ? merkle : blake2b256(merkle);
      }
    }
    return this.cachedRoot.slice();
  }

  /** A read proof of `keys`: the encodings of the stored nodes their lookups visit, in byte order. */
  readProof(keys: Iterable<Uint8Array>): Uint8Array[] {
    return readProofNodes(this.rootNode, keys);
  }
}

/**
 * The stored nodes `newer` gains (`[hash, encoding]`) and drops (hash) relative to `older`.
 *
 * Meant for a block's state against its parent's, where it costs only the changed paths; correct for any
 * two versions. Entries count references: apply each inserted entry as +1 and each removed one as −1 on
 * the node's count; the same hash may appear more than once.
 */
export function diffNodes(older: PersistentTrie, newer: PersistentTrie): NodeDiff {
  return diffTrieNodes(older.rootNode, older.generation, newer.rootNode);
}
