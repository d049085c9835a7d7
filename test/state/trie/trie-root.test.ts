import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import fc from "fast-check";
import { blake2_256 as blake2b256 } from "../../../primitives/hashing.js";
import { EMPTY_TRIE_ROOT, orderedTrieRoot, PersistentTrie, trieRoot } from "../../../state/trie/index.js";
import { entriesArb } from "./arbitraries.js";
import {
  EMPTY_ROOT_HEX,
  hexBytes,
  ONE_NODE,
  POLKADOT_BLOCK_789629,
  SINGLE_TUPLE,
  TFCHAIN_MAINNET_GENESIS,
  toHex,
  TWO_TUPLES,
} from "./vectors.js";

const b = (s: string) => new TextEncoder().encode(s);

describe("trie root", () => {
  it("is blake2-256 of [0x00] for the empty trie", () => {
    assert.equal(toHex(trieRoot([])), EMPTY_ROOT_HEX);
    assert.equal(toHex(EMPTY_TRIE_ROOT), EMPTY_ROOT_HEX);
    assert.equal(toHex(blake2b256(Uint8Array.of(0))), EMPTY_ROOT_HEX);
  });

  it("hashes a single key's leaf even though it is shorter than a hash (sp-trie codec_trie_single_tuple)", () => {
    const root = trieRoot([[hexBytes(SINGLE_TUPLE.key), hexBytes(SINGLE_TUPLE.value)]]);
    assert.equal(toHex(root), toHex(blake2b256(hexBytes(SINGLE_TUPLE.rootNode))));
  });

  it("builds sp-trie's two-tuple branch (codec_trie_two_tuples_disjoint_keys)", () => {
    const root = trieRoot(TWO_TUPLES.entries.map(([k, v]) => [hexBytes(k), hexBytes(v)] as const));
    assert.equal(toHex(root), toHex(blake2b256(hexBytes(TWO_TUPLES.rootNode))));
  });

  it("matches smoldot's trie_root_one_node", () => {
    assert.equal(toHex(trieRoot([[hexBytes(ONE_NODE.key), hexBytes(ONE_NODE.value)]])), ONE_NODE.root);
  });

  it("reproduces the TFChain mainnet genesis state root from its raw chain spec", () => {
    const file = new URL(`./vectors/${TFCHAIN_MAINNET_GENESIS.file}`, import.meta.url);
    const top = JSON.parse(gunzipSync(readFileSync(file)).toString("utf8")) as Record<string, string>;
    const entries = Object.entries(top).map(([k, v]) => [hexBytes(k), hexBytes(v)] as const);
    assert.equal(entries.length, TFCHAIN_MAINNET_GENESIS.entries);
    assert.equal(toHex(trieRoot(entries)), TFCHAIN_MAINNET_GENESIS.root);
    assert.equal(toHex(PersistentTrie.fromEntries(entries).root()), TFCHAIN_MAINNET_GENESIS.root);
  });

  it("handles keys that are prefixes of each other", () => {
    const entries = [
      [b(""), b("root value")],
      [b("a"), b("1")],
      [b("ab"), b("2")],
      [b("abc"), new Uint8Array(50)],
      [b("abd"), b("4")],
    ] as const;
    const root = trieRoot(entries);
    assert.equal(toHex(PersistentTrie.fromEntries(entries).root()), toHex(root));
    const shuffled = [entries[3], entries[0], entries[4], entries[2], entries[1]];
    assert.equal(toHex(trieRoot(shuffled)), toHex(root));
    assert.notEqual(toHex(trieRoot(entries.slice(1))), toHex(root));
  });

  it("keeps the last of repeated keys", () => {
    assert.equal(
      toHex(trieRoot([[b("k"), b("old")], [b("x"), b("y")], [b("k"), b("new")]])),
      toHex(trieRoot([[b("x"), b("y")], [b("k"), b("new")]])),
    );
  });

  it("does not depend on entry order", () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        const unique = new Map(entries.map(([k, v]) => [toHex(k), [k, v] as const]));
        const list = [...unique.values()];
        assert.equal(toHex(trieRoot(list.reverse())), toHex(trieRoot([...unique.values()])));
      }),
      { numRuns: 200 },
    );
  });
});

describe("ordered trie root", () => {
  it("is the empty root for no values", () => {
    assert.equal(toHex(orderedTrieRoot([])), EMPTY_ROOT_HEX);
  });

  it("reproduces Polkadot block #789629's extrinsics root", () => {
    const root = orderedTrieRoot(POLKADOT_BLOCK_789629.extrinsics.map(hexBytes));
    assert.equal(toHex(root), POLKADOT_BLOCK_789629.extrinsicsRoot);
  });

  it("keys values by SCALE compact index, past the one-byte compact range", () => {
    const values = Array.from({ length: 70 }, (_, i) => Uint8Array.of(i));
    const keyed = values.map((v, i) => [i < 64 ? Uint8Array.of(i << 2) : Uint8Array.of(((i << 2) | 1) & 0xff, i >> 6), v] as const);
    assert.equal(toHex(orderedTrieRoot(values)), toHex(trieRoot(keyed)));
  });
});
