import { strict as assert } from "node:assert";
import { blake2_256 as blake2b256 } from "../../../primitives/hashing.js";
import { PersistentTrie, TrieError, verifyProof } from "../../../state/trie/index.js";
import { decodeNode } from "../../../state/trie/node-codec.js";
import { hexBytes, POLKADOT_GENESIS_PROOF as P, toHex } from "./vectors.js";

describe("verifyProof", () => {
  const nodes = P.nodes.map(hexBytes);

  it("reads a Polkadot genesis value through smoldot's example proof", () => {
    const [value] = verifyProof(hexBytes(P.root), nodes, [hexBytes(P.present.key)]);
    assert.equal(toHex(value!), P.present.value);
  });

  it("proves a key absent when the path ends before it", () => {
    assert.deepEqual(verifyProof(hexBytes(P.root), nodes, [hexBytes(P.absent)]), [undefined]);
  });

  it("fails with INCOMPLETE_PROOF when the proof lacks a node on the path", () => {
    assert.throws(
      () => verifyProof(hexBytes(P.root), nodes, [hexBytes(P.notCovered)]),
      (e: unknown) => e instanceof TrieError && e.code === "INCOMPLETE_PROOF",
    );
    assert.throws(
      () => verifyProof(new Uint8Array(32), nodes, [hexBytes(P.present.key)]),
      (e: unknown) => e instanceof TrieError && e.code === "INCOMPLETE_PROOF",
    );
  });

  it("finds the root node's child 1 reference smoldot reports", () => {
    const root = nodes.map((n) => decodeNode(n)).find((_, i) => toHex(blake2b256(nodes[i]!)) === P.root);
    assert.ok(root && root.kind === "branch");
    assert.equal(toHex(root.children[1]!), P.rootChild1);
  });

  it("rejects a tampered value: the tampered node no longer hashes to its reference", () => {
    const trie = PersistentTrie.fromEntries(Array.from({ length: 50 }, (_, i) => [Uint8Array.of(i), new Uint8Array(40).fill(i)] as const));
    const proof = trie.readProof([Uint8Array.of(7)]);
    const tampered = proof.map((n) => {
      const copy = n.slice();
      const i = toHex(copy).lastIndexOf("07".repeat(40));
      if (i >= 0) copy[i / 2] = 8;
      return copy;
    });
    assert.throws(
      () => verifyProof(trie.root(), tampered, [Uint8Array.of(7)]),
      (e: unknown) => e instanceof TrieError && e.code === "INCOMPLETE_PROOF",
    );
  });

  it("answers everything absent under the empty root", () => {
    assert.deepEqual(verifyProof(PersistentTrie.empty().root(), [], [Uint8Array.of(1)]), [undefined]);
  });
});
