import { strict as assert } from "node:assert";
import fc from "fast-check";
import { u8aToHex } from "@polkadot/util";
import { CodecError } from "../../primitives/codec-error.js";
import { DigestItem, engineId, type DigestItem as DigestItemValue } from "../../primitives/digest.js";
import { headerArb } from "./arbitraries.js";
import { decodeHeader, encodeHeader, headerHash, HeaderSchema, type Header } from "../../primitives/header.js";
import { referenceRegistry } from "./reference.js";

const { registry } = referenceRegistry();
const hex = (b: Uint8Array) => u8aToHex(b);

function theirsFromOurs(h: Header) {
  return registry.createType("Header", encodeHeader(h)) as any;
}

describe("header", () => {
  it("hashes a header as @polkadot/types does, and encodes it the same", () => {
    fc.assert(
      fc.property(headerArb, (h) => {
        const bytes = encodeHeader(h);
        const theirs = theirsFromOurs(h);
        assert.equal(theirs.hash.toHex(), hex(headerHash(h)));
        assert.equal(theirs.toHex(), hex(bytes));
        assert.equal(theirs.number.toNumber(), h.number);
        assert.equal(theirs.parentHash.toHex(), hex(h.parentHash));
        assert.equal(theirs.digest.logs.length, h.digest.logs.length);
      }),
      { numRuns: 300 },
    );
  });

  it("decodes a header built by @polkadot/types, with the same hash", () => {
    const theirs = registry.createType("Header", {
      parentHash: "0x" + "11".repeat(32),
      number: 1_234_567,
      stateRoot: "0x" + "22".repeat(32),
      extrinsicsRoot: "0x" + "33".repeat(32),
      digest: {
        logs: [
          { PreRuntime: ["0x61757261", "0x0a00000000000000"] },
          { Consensus: ["0x46524e4b", "0x0102"] },
          { Other: "0xff" },
          "RuntimeEnvironmentUpdated",
          { Seal: ["0x61757261", "0x" + "ab".repeat(64)] },
        ],
      },
    });
    const ours = decodeHeader(theirs.toU8a());
    assert.equal(ours.number, 1_234_567);
    assert.deepEqual(ours.digest.logs.map((l) => l.tag), ["PreRuntime", "Consensus", "Other", "RuntimeEnvironmentUpdated", "Seal"]);
    assert.deepEqual(ours.digest.logs[0], { tag: "PreRuntime", value: [engineId("aura"), Uint8Array.of(10, 0, 0, 0, 0, 0, 0, 0)] });
    assert.equal(hex(headerHash(ours)), theirs.hash.toHex());
    assert.equal(hex(encodeHeader(ours)), theirs.toHex());
  });

  it("round-trips any header", () => {
    fc.assert(fc.property(headerArb, (h) => assert.deepEqual(decodeHeader(encodeHeader(h)), h)));
  });

  it("keeps the Rust field names in its type info", () => {
    const def = HeaderSchema.info.def;
    assert.equal(def.tag, "composite");
    assert.deepEqual(def.tag === "composite" && def.fields.map((f) => [f.name, f.typeName]), [
      ["parent_hash", "Hash::Output"], ["number", "Number"], ["state_root", "Hash::Output"], ["extrinsics_root", "Hash::Output"], ["digest", "Digest"],
    ]);
    assert.deepEqual(HeaderSchema.info.path, ["sp_runtime", "generic", "header", "Header"]);
  });

  it("rejects malformed headers with a CodecError", () => {
    const h: Header = { parentHash: new Uint8Array(32), number: 1, stateRoot: new Uint8Array(32), extrinsicsRoot: new Uint8Array(32), digest: { logs: [{ tag: "Other", value: Uint8Array.of(1) }] } };
    const bytes = encodeHeader(h);
    const at = 32 + 1 + 64 + 1; // first digest item's variant byte
    const cases: [string, Uint8Array, string][] = [
      ["truncated", bytes.slice(0, -1), "MALFORMED"],
      ["trailing byte", Uint8Array.of(...bytes, 0), "TRAILING_BYTES"],
      ["empty", new Uint8Array(0), "MALFORMED"],
      ["digest item 7", Uint8Array.from(bytes, (b, i) => (i === at ? 7 : b)), "UNKNOWN_VARIANT"],
      ["digest item 2 (ChangesTrieRoot, removed)", Uint8Array.from(bytes, (b, i) => (i === at ? 2 : b)), "UNKNOWN_VARIANT"],
      ["digest with more items than bytes", Uint8Array.from(bytes, (b, i) => (i === at - 1 ? 8 : b)), "MALFORMED"],
    ];
    for (const [label, b, code] of cases) {
      assert.throws(() => decodeHeader(b), (e: unknown) => e instanceof CodecError && e.code === code, label);
    }
  });

  it("encodes digest items with Substrate's variant indices", () => {
    const first = (item: DigestItemValue) => DigestItem.enc(item)[0];
    assert.equal(first({ tag: "Other", value: new Uint8Array(0) }), 0);
    assert.equal(first({ tag: "Consensus", value: [engineId("FRNK"), new Uint8Array(0)] }), 4);
    assert.equal(first({ tag: "Seal", value: [engineId("aura"), new Uint8Array(0)] }), 5);
    assert.equal(first({ tag: "PreRuntime", value: [engineId("aura"), new Uint8Array(0)] }), 6);
    assert.equal(first({ tag: "RuntimeEnvironmentUpdated", value: undefined }), 8);
  });
});
