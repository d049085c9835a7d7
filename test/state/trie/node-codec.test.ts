import { strict as assert } from "node:assert";
import fc from "fast-check";
import { trieNodeDec } from "@polkadot-api/substrate-bindings";
import { decodeNode, encodeNode, TrieError, type DecodedNode } from "../../../state/trie/index.js";
import { hexBytes, POLKADOT_GENESIS_PROOF, SINGLE_TUPLE, toHex, TWO_TUPLES } from "./vectors.js";

const nibblesArb = (max: number) => fc.array(fc.integer({ min: 0, max: 15 }), { maxLength: max }).map((a) => Uint8Array.from(a));
const refArb = fc.oneof(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ minLength: 1, maxLength: 31 }));
const leafArb = fc.record({ kind: fc.constant("leaf" as const), partial: nibblesArb(600), value: fc.uint8Array({ maxLength: 300 }) });
const branchArb = fc
  .record({
    kind: fc.constant("branch" as const),
    partial: nibblesArb(140),
    value: fc.option(fc.uint8Array({ maxLength: 100 }), { nil: undefined }),
    children: fc.array(fc.option(refArb, { nil: undefined }), { minLength: 16, maxLength: 16 }),
  })
  .filter((b) => b.children.some((c) => c !== undefined));
const nodeArb: fc.Arbitrary<Exclude<DecodedNode, { kind: "empty" }>> = fc.oneof(leafArb, branchArb);

describe("trie node codec", () => {
  it("encodes sp-trie's single-tuple leaf and two-tuple branch byte for byte", () => {
    const leaf = decodeNode(hexBytes(SINGLE_TUPLE.rootNode));
    assert.equal(leaf.kind, "leaf");
    assert.equal(toHex(encodeNode(leaf)), SINGLE_TUPLE.rootNode);
    const branch = decodeNode(hexBytes(TWO_TUPLES.rootNode));
    assert.ok(branch.kind === "branch");
    assert.deepEqual(branch.partial, new Uint8Array(0));
    assert.equal(branch.value, undefined);
    assert.deepEqual(branch.children.map((c, i) => (c ? i : -1)).filter((i) => i >= 0), [1, 4]);
    assert.equal(toHex(encodeNode(branch)), TWO_TUPLES.rootNode);
  });

  it("decodes the Polkadot genesis proof nodes and re-encodes them unchanged", () => {
    for (const hex of POLKADOT_GENESIS_PROOF.nodes) assert.equal(toHex(encodeNode(decodeNode(hexBytes(hex)))), hex);
    const root = decodeNode(hexBytes(POLKADOT_GENESIS_PROOF.nodes.find((n) => n.startsWith("80")) ?? POLKADOT_GENESIS_PROOF.nodes[0]!));
    assert.ok(root.kind === "branch");
  });

  it("round-trips any node, long partial keys included", () => {
    fc.assert(
      fc.property(nodeArb, (node) => {
        const bytes = encodeNode(node);
        assert.deepEqual(decodeNode(bytes), { ...node });
      }),
      { numRuns: 500 },
    );
  });

  it("writes what substrate-bindings' trieNodeDec reads", () => {
    fc.assert(
      fc.property(nodeArb, (node) => {
        const decoded = trieNodeDec(encodeNode(node).slice()) as {
          type: string;
          partialKey: string;
          value?: string;
          children?: Record<string, string>;
        };
        assert.equal(decoded.partialKey, Array.from(node.partial, (n) => n.toString(16)).join(""));
        if (node.kind === "leaf") {
          assert.equal(decoded.type, "Leaf");
          // trieNodeDec keeps a leaf value's compact length prefix.
          assert.ok(decoded.value!.endsWith(toHex(node.value)));
        } else {
          assert.equal(decoded.type, node.value === undefined ? "Branch" : "BranchWithVal");
          if (node.value !== undefined) assert.equal(decoded.value, "0x" + toHex(node.value));
          const expected: Record<string, string> = {};
          node.children.forEach((c, i) => {
            if (c) expected[i.toString(16)] = "0x" + toHex(c);
          });
          assert.deepEqual(decoded.children, expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("encodes a 63-nibble partial with a zero continuation byte and 318 nibbles with 255, 0", () => {
    const at = (n: number) => encodeNode({ kind: "leaf", partial: new Uint8Array(n), value: new Uint8Array(0) });
    assert.deepEqual([...at(62).subarray(0, 1)], [0x40 | 62]);
    assert.deepEqual([...at(63).subarray(0, 2)], [0x7f, 0]);
    assert.deepEqual([...at(317).subarray(0, 2)], [0x7f, 254]);
    assert.deepEqual([...at(318).subarray(0, 3)], [0x7f, 255, 0]);
  });

  const malformed: [string, string, string][] = [
    ["an empty input", "", "UNEXPECTED_END"],
    ["a truncated leaf value", "42aa08bb", "UNEXPECTED_END"],
    ["a truncated partial key", "44aa", "UNEXPECTED_END"],
    ["bytes after a node", "42aa04bb00", "TRAILING_BYTES"],
    ["bytes after the empty node", "0000", "TRAILING_BYTES"],
    ["a non-zero padding nibble", "43f31404ff", "INVALID_PADDING"],
    ["a branch without children", "800000", "BRANCH_WITHOUT_CHILDREN"],
    ["a child reference longer than a hash", "8001008400" + "00".repeat(33), "INVALID_CHILD_REFERENCE"],
    ["an empty child reference", "80010000", "INVALID_CHILD_REFERENCE"],
    ["a state version 1 hashed-value leaf", "21aa" + "00".repeat(32), "HASHED_VALUE_UNSUPPORTED"],
    ["a state version 1 hashed-value branch", "10" + "0100" + "00".repeat(32), "HASHED_VALUE_UNSUPPORTED"],
    ["the compact proof escape header", "01", "INVALID_HEADER"],
    ["a length prefix beyond u32", "40" + "07ffffffffff", "INVALID_LENGTH"],
    ["an endless nibble count", "7f" + "ff".repeat(300), "PARTIAL_KEY_TOO_LONG"],
  ];
  for (const [what, hex, code] of malformed) {
    it(`rejects ${what} with TrieError ${code}`, () => {
      assert.throws(() => decodeNode(hexBytes(hex)), (e: unknown) => e instanceof TrieError && e.code === code);
    });
  }

  it("throws only TrieError on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        try {
          const node = decodeNode(bytes);
          assert.deepEqual(encodeNode(node), bytes);
        } catch (e) {
          assert.ok(e instanceof TrieError, String(e));
        }
      }),
      { numRuns: 5000 },
    );
  });
});
