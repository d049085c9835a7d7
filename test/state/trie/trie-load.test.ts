import { strict as assert } from "node:assert";
import fc from "fast-check";
import { diffNodes, PersistentTrie, TrieError } from "../../../state/trie/index.js";
import { changesArb, entriesArb, hex } from "./arbitraries.js";

function storeOf(...tries: PersistentTrie[]): Map<string, Uint8Array> {
  const store = new Map<string, Uint8Array>();
  for (const t of tries) for (const [h, enc] of diffNodes(PersistentTrie.empty(), t).inserted) store.set(hex(h), enc);
  return store;
}

describe("PersistentTrie.fromNodes", () => {
  it("rebuilds a version from its stored nodes, and its updates behave as the original's", () => {
    fc.assert(
      fc.property(entriesArb, changesArb, (entries, changes) => {
        const original = PersistentTrie.fromEntries(entries);
        const store = storeOf(original);
        const loaded = PersistentTrie.fromNodes(original.root(), (h) => store.get(hex(h)));
        assert.equal(hex(loaded.root()), hex(original.root()));
        assert.deepEqual([...loaded.entries()].map(([k, v]) => hex(k) + hex(v)), [...original.entries()].map(([k, v]) => hex(k) + hex(v)));
        const next = loaded.update(changes);
        assert.equal(hex(next.root()), hex(original.update(changes).root()));
        assert.equal(hex(PersistentTrie.fromEntries([...next.entries()]).root()), hex(next.root()));
      }),
      { numRuns: 300 },
    );
  });

  it("loads the empty trie from the empty root without a lookup", () => {
    const t = PersistentTrie.fromNodes(PersistentTrie.empty().root(), () => assert.fail("no lookup expected"));
    assert.equal(t.entries().next().done, true);
  });

  it("throws MISSING_NODE when a node is not stored", () => {
    const t = PersistentTrie.fromEntries(Array.from({ length: 20 }, (_, i) => [Uint8Array.of(i), new Uint8Array(40)] as const));
    const store = storeOf(t);
    const [victim] = [...store.keys()].filter((k) => k !== hex(t.root()));
    store.delete(victim!);
    assert.throws(
      () => PersistentTrie.fromNodes(t.root(), (h) => store.get(hex(h))),
      (e: unknown) => e instanceof TrieError && e.code === "MISSING_NODE",
    );
    assert.throws(
      () => PersistentTrie.fromNodes(new Uint8Array(32), () => undefined),
      (e: unknown) => e instanceof TrieError && e.code === "MISSING_NODE",
    );
  });
});
