import { strict as assert } from "node:assert";
import fc from "fast-check";
import { blake2_256 as blake2b256 } from "../../../primitives/hashing.js";
import { diffNodes, PersistentTrie } from "../../../state/trie/index.js";
import { decodeNode } from "../../../state/trie/node-codec.js";
import { changesArb, entriesArb, hex } from "./arbitraries.js";

// Counts the stored nodes of a version by walking its encodings from the root: the root always, then
// every child referenced by hash. This is what a database holding that version must contain.
function storedCounts(trie: PersistentTrie, store: Map<string, Uint8Array>): Map<string, number> {
  const counts = new Map<string, number>();
  const root = trie.root();
  if (trie.entries().next().done) return counts;
  const visit = (hash: Uint8Array): void => {
    const id = hex(hash);
    counts.set(id, (counts.get(id) ?? 0) + 1);
    const enc = store.get(id);
    assert.ok(enc, `node ${id} is stored`);
    visitEncoding(enc);
  };
  const visitEncoding = (enc: Uint8Array): void => {
    const node = decodeNode(enc);
    if (node.kind !== "branch") return;
    for (const ref of node.children) {
      if (ref === undefined) continue;
      if (ref.length === 32) visit(ref);
      else visitEncoding(ref);
    }
  };
  visit(root);
  return counts;
}

describe("trie diffNodes", () => {
  it("counts every stored node of a fresh trie as inserted, keyed by its hash", () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        const trie = PersistentTrie.fromEntries(entries);
        const { inserted, removed } = diffNodes(PersistentTrie.empty(), trie);
        assert.equal(removed.length, 0);
        const store = new Map<string, Uint8Array>();
        for (const [hash, encoding] of inserted) {
          assert.equal(hex(blake2b256(encoding)), hex(hash));
          store.set(hex(hash), encoding);
        }
        const counts = storedCounts(trie, store);
        const total = [...counts.values()].reduce((a, b) => a + b, 0);
        assert.equal(inserted.length, total);
      }),
      { numRuns: 300 },
    );
  });

  it("changes each hash's reference count by exactly its count difference between the versions", () => {
    fc.assert(
      fc.property(entriesArb, fc.array(changesArb, { minLength: 1, maxLength: 4 }), (entries, steps) => {
        // Apply diffs to a reference-counted store that never forgets encodings, then compare with a walk.
        const store = new Map<string, Uint8Array>();
        const refs = new Map<string, number>();
        const apply = (older: PersistentTrie, newer: PersistentTrie): void => {
          const d = diffNodes(older, newer);
          for (const [hash, encoding] of d.inserted) {
            store.set(hex(hash), encoding);
            refs.set(hex(hash), (refs.get(hex(hash)) ?? 0) + 1);
          }
          for (const hash of d.removed) refs.set(hex(hash), (refs.get(hex(hash)) ?? 0) - 1);
        };
        let trie = PersistentTrie.fromEntries(entries);
        apply(PersistentTrie.empty(), trie);
        for (const changes of steps) {
          const next = trie.update(changes);
          apply(trie, next);
          trie = next;
          const expected = storedCounts(trie, store);
          for (const [id, n] of refs) assert.equal(n, expected.get(id) ?? 0, `count of ${id}`);
          for (const [id, n] of expected) assert.equal(refs.get(id), n, `count of ${id}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("works across several updates and for an emptied trie", () => {
    const a = PersistentTrie.fromEntries([[Uint8Array.of(1), new Uint8Array(40)], [Uint8Array.of(2), new Uint8Array(40)]]);
    const b = a.update([[Uint8Array.of(3), new Uint8Array(40)]]);
    const c = b.update([[Uint8Array.of(1), null], [Uint8Array.of(2), null], [Uint8Array.of(3), null]]);
    const all = diffNodes(a, c);
    assert.equal(all.inserted.length, 0);
    assert.equal(all.removed.length, diffNodes(PersistentTrie.empty(), a).inserted.length);
    assert.deepEqual(diffNodes(b, b), { inserted: [], removed: [] });
  });

  it("is exact between any two versions: reversed, siblings, or built apart", () => {
    fc.assert(
      fc.property(entriesArb, changesArb, changesArb, (entries, left, right) => {
        const base = PersistentTrie.fromEntries(entries);
        const a = base.update(left);
        const b = base.update(right);
        const apart = PersistentTrie.fromEntries([...b.entries()]);
        const store = new Map<string, Uint8Array>();
        for (const t of [base, a, b, apart]) {
          for (const [hash, encoding] of diffNodes(PersistentTrie.empty(), t).inserted) store.set(hex(hash), encoding);
        }
        for (const [from, to] of [[a, b], [b, a], [a, base], [apart, a], [a, apart]] as const) {
          const d = diffNodes(from, to);
          const counts = storedCounts(from, store);
          for (const [hash] of d.inserted) counts.set(hex(hash), (counts.get(hex(hash)) ?? 0) + 1);
          for (const hash of d.removed) counts.set(hex(hash), (counts.get(hex(hash)) ?? 0) - 1);
          const expected = storedCounts(to, store);
          for (const [id, n] of counts) assert.equal(n, expected.get(id) ?? 0, `count of ${id}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});
