import { strict as assert } from "node:assert";
import fc from "fast-check";
import { validateProofs } from "@polkadot-api/substrate-bindings";
import { blake2_256 as blake2b256 } from "../../../primitives/hashing.js";
import { decodeNode, PersistentTrie, verifyProof } from "../../../state/trie/index.js";
import { entriesArb, hex, keyArb } from "./arbitraries.js";

describe("PersistentTrie.readProof", () => {
  it("proves present and absent keys to our verifier and to substrate-bindings' validateProofs", () => {
    fc.assert(
      fc.property(entriesArb, fc.array(keyArb, { maxLength: 6 }), (entries, extra) => {
        const trie = PersistentTrie.fromEntries(entries);
        const keys = [...entries.slice(0, 4).map(([k]) => k), ...extra];
        const proof = trie.readProof(keys);
        const values = verifyProof(trie.root(), proof, keys);
        keys.forEach((k, i) => assert.equal(values[i] && hex(values[i]!), trie.get(k) && hex(trie.get(k)!), `key ${hex(k)}`));
        if (entries.length === 0) {
          assert.equal(proof.length, 0);
          return;
        }
        const checked = validateProofs(proof.map((p) => "0x" + hex(p)) as `0x${string}`[]);
        assert.ok(checked, "validateProofs finds one root");
        assert.equal(checked.rootHash, "0x" + hex(trie.root()));
        for (const node of proof) assert.notEqual(decodeNode(node).kind, "empty");
      }),
      { numRuns: 300 },
    );
  });

  it("holds only stored nodes, each once, in byte order, root included even when short", () => {
    const small = PersistentTrie.fromEntries([[Uint8Array.of(1), Uint8Array.of(2)]]);
    const proof = small.readProof([Uint8Array.of(1), Uint8Array.of(1)]);
    assert.equal(proof.length, 1);
    assert.equal(hex(blake2b256(proof[0]!)), hex(small.root()));

    const big = PersistentTrie.fromEntries(Array.from({ length: 300 }, (_, i) => [Uint8Array.of(i >> 8, i & 0xff, 7), new Uint8Array(40).fill(i)] as const));
    const p = big.readProof([Uint8Array.of(0, 5, 7), Uint8Array.of(1, 5, 7), Uint8Array.of(0, 5, 7)]);
    const sorted = [...p].sort((a, b) => Buffer.compare(a, b));
    assert.deepEqual(p.map(hex), sorted.map(hex));
    assert.equal(new Set(p.map(hex)).size, p.length);
    for (const node of p) assert.ok(node.length >= 32 || hex(blake2b256(node)) === hex(big.root()));
  });
});
