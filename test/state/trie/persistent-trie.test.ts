import { strict as assert } from "node:assert";
import fc from "fast-check";
import { PersistentTrie, trieRoot } from "../../../state/trie/index.js";
import { compareBytes } from "../../../primitives/bytes.js";
import { changesArb, entriesArb, hex, keyArb, Model } from "./arbitraries.js";

const b = (s: string) => new TextEncoder().encode(s);

function assertMatches(trie: PersistentTrie, model: Model, probes: Uint8Array[]): void {
  const expected = model.entries();
  assert.equal(hex(trie.root()), hex(trieRoot(expected)), "root");
  assert.deepEqual([...trie.entries()].map(([k, v]) => [hex(k), hex(v)]), expected.map(([k, v]) => [hex(k), hex(v)]), "entries");
  for (const key of probes) {
    assert.equal(trie.get(key) && hex(trie.get(key)!), model.map.get(hex(key)) && hex(model.map.get(hex(key))!), `get ${hex(key)}`);
    const next = trie.nextKey(key);
    const want = model.nextKey(key);
    assert.equal(next && hex(next), want && hex(want), `nextKey ${hex(key)}`);
    const withPrefix = [...trie.entries(key)].map(([k]) => hex(k));
    assert.deepEqual(withPrefix, expected.filter(([k]) => hex(k).startsWith(hex(key))).map(([k]) => hex(k)), `entries ${hex(key)}`);
  }
}

describe("PersistentTrie", () => {
  it("is empty and has the empty root", () => {
    const t = PersistentTrie.empty();
    assert.equal(t.get(new Uint8Array(0)), undefined);
    assert.equal(t.nextKey(new Uint8Array(0)), undefined);
    assert.equal(t.entries().next().done, true);
    assert.equal(hex(t.root()), hex(trieRoot([])));
  });

  it("reads a single key", () => {
    const t = PersistentTrie.fromEntries([[b("key"), b("value")]]);
    assert.deepEqual(t.get(b("key")), b("value"));
    assert.equal(t.get(b("ke")), undefined);
    assert.equal(t.get(b("keys")), undefined);
    assert.deepEqual(t.nextKey(b("ke")), b("key"));
    assert.equal(t.nextKey(b("key")), undefined);
    assert.deepEqual(t.nextKey(new Uint8Array(0)), b("key"));
  });

  it("matches a sorted map and trieRoot after random update sequences, leaving old versions unchanged", () => {
    fc.assert(
      fc.property(entriesArb, fc.array(changesArb, { maxLength: 5 }), fc.array(keyArb, { maxLength: 8 }), (entries, steps, probes) => {
        const model = new Model();
        model.apply(entries);
        let trie = PersistentTrie.fromEntries(entries);
        assertMatches(trie, model, probes);
        const history: [PersistentTrie, string, string[]][] = [];
        for (const changes of steps) {
          history.push([trie, hex(trie.root()), [...trie.entries()].map(([k, v]) => hex(k) + ":" + hex(v))]);
          trie = trie.update(changes);
          model.apply(changes);
          assertMatches(trie, model, [...probes, ...changes.map(([k]) => k)]);
        }
        for (const [old, root, entries] of history) {
          assert.equal(hex(old.root()), root);
          assert.deepEqual([...old.entries()].map(([k, v]) => hex(k) + ":" + hex(v)), entries);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("gives the same root whether built at once or key by key", () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        let t = PersistentTrie.empty();
        for (const e of entries) t = t.update([e]);
        assert.equal(hex(t.root()), hex(PersistentTrie.fromEntries(entries).root()));
      }),
      { numRuns: 200 },
    );
  });

  it("returns to the empty root when every key is deleted", () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        const t = PersistentTrie.fromEntries(entries).update(entries.map(([k]) => [k, null] as const));
        assert.equal(hex(t.root()), hex(trieRoot([])));
        assert.equal(t.entries().next().done, true);
      }),
      { numRuns: 200 },
    );
  });

  it("returns the same version when nothing changes", () => {
    const t = PersistentTrie.fromEntries([[b("a"), b("1")], [b("b"), b("2")]]);
    assert.equal(t.update([]), t);
    assert.equal(t.update([[b("a"), b("1")], [b("c"), null]]), t);
  });

  it("walks keys in order with nextKey", () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        const t = PersistentTrie.fromEntries(entries);
        const walked: string[] = [];
        let k = t.get(new Uint8Array(0)) !== undefined ? new Uint8Array(0) : t.nextKey(new Uint8Array(0));
        while (k !== undefined) {
          walked.push(hex(k));
          k = t.nextKey(k);
        }
        const sorted = [...new Map(entries.map(([key]) => [hex(key), key])).values()].sort(compareBytes).map(hex);
        assert.deepEqual(walked, sorted);
      }),
      { numRuns: 200 },
    );
  });
});
