/**
 * Checks storage read proofs against a state root, as a light client does with `state_getReadProof`.
 *
 * The proof's nodes are indexed by their blake2-256 hash; each key is then looked up from the root
 * through them, decoding each node met and following 32-byte child references through the index and
 * shorter ones in place. A lookup that needs a node the proof lacks fails; a lookup that ends proves the
 * key's value or its absence.
 */
import { blake2_256 as blake2b256 } from "../../primitives/hashing.js";
import { nibbleAt } from "./nibbles.js";
import { decodeNode } from "./node-codec.js";
import { HASH_LENGTH } from "./node-writer.js";
import { equalBytes } from "../../primitives/bytes.js";
import { TrieError } from "./trie-error.js";
import { EMPTY_TRIE_ROOT } from "./trie-root.js";

/**
 * The values of `keys` (undefined when proven absent) under `root`, read through the proof's nodes.
 *
 * Throws `TrieError` `INCOMPLETE_PROOF` when the proof lacks a node a lookup needs, or a codec error
 * when a node on a lookup path is malformed.
 */
export function verifyProof(
  root: Uint8Array,
  proof: Iterable<Uint8Array>,
  keys: readonly Uint8Array[],
): (Uint8Array | undefined)[] {
  const byHash = new Map<string, Uint8Array>();
  for (const node of proof) byHash.set(idOf(blake2b256(node)), node);
  return keys.map((key) => (equalBytes(root, EMPTY_TRIE_ROOT) ? undefined : lookupInProof(root, byHash, key)));
}

function lookupInProof(root: Uint8Array, byHash: Map<string, Uint8Array>, key: Uint8Array): Uint8Array | undefined {
  let encoding = fetch(byHash, root);
  let at = 0;
  const keyNibbles = key.length * 2;
  for (;;) {
    const node = decodeNode(encoding);
    if (node.kind === "empty") return undefined;
    const partial = node.partial;
    if (keyNibbles - at < partial.length) return undefined;
    for (let i = 0; i < partial.length; i++) if (nibbleAt(key, at + i) !== partial[i]) return undefined;
    at += partial.length;
    if (at === keyNibbles) return node.value?.slice();
    if (node.kind === "leaf") return undefined;
    const ref = node.children[nibbleAt(key, at)];
    if (ref === undefined) return undefined;
    at++;
    encoding = ref.length === HASH_LENGTH ? fetch(byHash, ref) : ref;
  }
}

function fetch(byHash: Map<string, Uint8Array>, hash: Uint8Array): Uint8Array {
  const found = byHash.get(idOf(hash));
  if (found === undefined) {
    throw new TrieError({ code: "INCOMPLETE_PROOF", detail: `proof lacks node 0x${Buffer.from(hash).toString("hex")}` });
  }
  return found;
}

function idOf(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}
