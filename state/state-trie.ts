/**
 * TEMPORARY stand-in for `state/trie/` while it is being written: a content-addressed two-level "trie"
 * (one root node listing leaf hashes) with the same contract. Not Substrate-compatible. Replaced by
 * re-exports of `./trie/index.js` once that module lands.
 */
import { blake2_256 } from "../primitives/hashing.js";
import { compareBytes, keyString, type StorageReader } from "./storage.js";

export type NodeGetter = (hash: Uint8Array) => Uint8Array | undefined;

export interface TrieUpdate {
  trie: PersistentTrie;
  /** Hashed nodes the new version references that the old one did not build: `[hash, encoding]`. */
  inserted: [Uint8Array, Uint8Array][];
  /** Hashes the old version referenced and the new one no longer does. */
  removed: Uint8Array[];
}

interface Leaf {
  key: Uint8Array;
  value: Uint8Array;
  hash: Uint8Array;
  encoding: Uint8Array;
}

export class PersistentTrie implements StorageReader {
  private rootCache: { hash: Uint8Array; encoding: Uint8Array } | undefined;

  private constructor(private readonly leaves: readonly Leaf[]) {}

  static empty(): PersistentTrie {
    return new PersistentTrie([]);
  }

  static fromEntries(entries: Iterable<[Uint8Array, Uint8Array]>): PersistentTrie {
    return PersistentTrie.empty().update([...entries]);
  }

  static fromNodes(root: Uint8Array, getNode: NodeGetter): PersistentTrie {
    const enc = getNode(root);
    if (enc === undefined) throw new Error("missing root node");
    if (enc.length === 1) return PersistentTrie.empty();
    const leaves: Leaf[] = [];
    for (let i = 1; i < enc.length; i += 32) {
      const hash = enc.subarray(i, i + 32);
      const le = getNode(hash);
      if (le === undefined) throw new Error("missing node");
      const kl = new DataView(le.buffer, le.byteOffset).getUint32(1, true);
      leaves.push({ key: le.slice(5, 5 + kl), value: le.slice(5 + kl), hash, encoding: le });
    }
    return new PersistentTrie(leaves);
  }

  get(key: Uint8Array): Uint8Array | undefined {
    const i = this.find(key);
    return i < this.leaves.length && compareBytes(this.leaves[i]!.key, key) === 0 ? this.leaves[i]!.value : undefined;
  }

  nextKey(key: Uint8Array): Uint8Array | undefined {
    let i = this.find(key);
    if (i < this.leaves.length && compareBytes(this.leaves[i]!.key, key) === 0) i++;
    return this.leaves[i]?.key;
  }

  *entries(prefix: Uint8Array = new Uint8Array()): Generator<[Uint8Array, Uint8Array]> {
    for (const l of this.leaves) if (keyString(l.key).startsWith(keyString(prefix))) yield [l.key, l.value];
  }

  root(): Uint8Array {
    return this.rootNode().hash;
  }

  update(changes: Iterable<[Uint8Array, Uint8Array | null]>): PersistentTrie {
    return this.updateWithNodes(changes).trie;
  }

  updateWithNodes(changes: Iterable<[Uint8Array, Uint8Array | null]>): TrieUpdate {
    const map = new Map<string, Leaf>();
    for (const l of this.leaves) map.set(keyString(l.key), l);
    const inserted: [Uint8Array, Uint8Array][] = [];
    const removed: Uint8Array[] = [this.root()];
    for (const [key, value] of changes) {
      const k = keyString(key);
      const old = map.get(k);
      if (old) removed.push(old.hash);
      if (value === null) map.delete(k);
      else {
        const encoding = new Uint8Array(5 + key.length + value.length);
        encoding[0] = 1;
        new DataView(encoding.buffer).setUint32(1, key.length, true);
        encoding.set(key, 5);
        encoding.set(value, 5 + key.length);
        const leaf = { key: key.slice(), value: value.slice(), hash: blake2_256(encoding), encoding };
        map.set(k, leaf);
        inserted.push([leaf.hash, encoding]);
      }
    }
    const trie = new PersistentTrie([...map.values()].sort((a, b) => compareBytes(a.key, b.key)));
    const r = trie.rootNode();
    inserted.push([r.hash, r.encoding]);
    return { trie, inserted, removed };
  }

  /** All hashed nodes with their encodings (the fake's equivalent of walking the trie). */
  nodes(): [Uint8Array, Uint8Array][] {
    const r = this.rootNode();
    return [[r.hash, r.encoding], ...this.leaves.map((l): [Uint8Array, Uint8Array] => [l.hash, l.encoding])];
  }

  readProof(keys: Iterable<Uint8Array>): Uint8Array[] {
    const out = [this.rootNode().encoding];
    for (const k of keys) {
      const i = this.find(k);
      const l = this.leaves[i];
      if (l && compareBytes(l.key, k) === 0) out.push(l.encoding);
    }
    return out;
  }

  private rootNode(): { hash: Uint8Array; encoding: Uint8Array } {
    if (this.rootCache) return this.rootCache;
    const encoding = new Uint8Array(1 + 32 * this.leaves.length);
    encoding[0] = this.leaves.length ? 2 : 0;
    this.leaves.forEach((l, i) => encoding.set(l.hash, 1 + 32 * i));
    return (this.rootCache = { hash: blake2_256(encoding), encoding });
  }

  private find(key: Uint8Array): number {
    let lo = 0;
    let hi = this.leaves.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareBytes(this.leaves[mid]!.key, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export const EMPTY_TRIE_ROOT = blake2_256(new Uint8Array([0]));
