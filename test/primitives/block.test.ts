import { strict as assert } from "node:assert";
import fc from "fast-check";
import { u8aToHex } from "@polkadot/util";
import { Block, blockHash, OpaqueExtrinsic, SignedBlock } from "../../primitives/block.js";
import { CodecError } from "../../primitives/codec-error.js";
import { encodeCompact } from "../../primitives/compact.js";
import { keyFromUri } from "../../primitives/crypto/keyring.js";
import { engineId } from "../../primitives/digest.js";
import { Era } from "../../primitives/era.js";
import { decodeExtrinsic, signExtrinsic, unsignedExtrinsic } from "../../primitives/extrinsic.js";
import { headerHash, type Header } from "../../primitives/header.js";
import { headerArb } from "./arbitraries.js";
import { referenceRegistry } from "./reference.js";

const { registry } = referenceRegistry();
const hex = (b: Uint8Array) => u8aToHex(b);

const header: Header = {
  parentHash: new Uint8Array(32).fill(1),
  number: 42,
  stateRoot: new Uint8Array(32).fill(2),
  extrinsicsRoot: new Uint8Array(32).fill(3),
  digest: { logs: [{ tag: "PreRuntime", value: [engineId("aura"), Uint8Array.of(7, 0, 0, 0, 0, 0, 0, 0)] }] },
};

function sampleExtrinsics(): Uint8Array[] {
  const timestamp = registry.createType("Call", { callIndex: [1, 0], args: { now: 1_700_000_000_000 } }).toU8a();
  const transfer = registry.createType("Call", { callIndex: [20, 3], args: { dest: { Id: "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty" }, value: 1n } }).toU8a();
  const genesis = new Uint8Array(32).fill(9);
  const signed = signExtrinsic(transfer, keyFromUri("//Alice"), { era: Era.immortal, nonce: 0, tip: 0n }, { specVersion: 152, txVersion: 2, genesisHash: genesis, birthHash: genesis });
  return [unsignedExtrinsic(timestamp).encoded, signed.encoded];
}

const opaqueArb = fc.uint8Array({ maxLength: 300 }).map((body) => Uint8Array.from([...encodeCompact(body.length), ...body]));
const blockArb = fc.record({ header: headerArb, extrinsics: fc.array(opaqueArb, { maxLength: 5 }) }).map((b) => ({ ...b }));

describe("block", () => {
  it("encodes a block that @polkadot/types decodes with the same hash and extrinsics", () => {
    const block: Block = { header, extrinsics: sampleExtrinsics() };
    const theirs = registry.createType("Block", Block.enc(block)) as any;
    assert.equal(theirs.header.hash.toHex(), hex(blockHash(block)));
    assert.deepEqual(theirs.extrinsics.map((x: any) => x.toHex()), block.extrinsics.map(hex));
    assert.equal(theirs.extrinsics[1].isSigned, true);
    assert.deepEqual(Block.dec(Block.enc(block)), block);
    for (const x of Block.dec(Block.enc(block)).extrinsics) decodeExtrinsic(x);
  });

  it("decodes a signed block with a justification built by @polkadot/types", () => {
    const theirs = registry.createType("SignedBlock", {
      block: { header: registry.createType("Header", { number: 7, parentHash: "0x" + "aa".repeat(32) }), extrinsics: sampleExtrinsics() },
      justifications: [["0x46524e4b", "0x010203"]],
    }) as any;
    const ours = SignedBlock.dec(theirs.toU8a());
    assert.equal(ours.block.header.number, 7);
    assert.equal(hex(headerHash(ours.block.header)), theirs.block.header.hash.toHex());
    assert.deepEqual(ours.justifications, [[engineId("FRNK"), Uint8Array.of(1, 2, 3)]]);
    assert.equal(hex(SignedBlock.enc(ours)), theirs.toHex());
    const none = registry.createType("SignedBlock", { block: theirs.block }) as any;
    assert.equal(SignedBlock.dec(none.toU8a()).justifications, undefined);
  });

  it("round-trips any block, keeping each extrinsic's length prefix", () => {
    fc.assert(
      fc.property(blockArb, fc.option(fc.array(fc.tuple(fc.uint8Array({ minLength: 4, maxLength: 4 }), fc.uint8Array({ maxLength: 50 })), { maxLength: 3 }), { nil: undefined }), (block, justifications) => {
        assert.deepEqual(Block.dec(Block.enc(block)), block);
        const signed = { block, justifications };
        assert.deepEqual(SignedBlock.dec(SignedBlock.enc(signed)), signed);
      }),
      { numRuns: 200 },
    );
  });

  it("rejects malformed blocks with a CodecError", () => {
    const bytes = Block.enc({ header, extrinsics: sampleExtrinsics() });
    const cases: [string, Uint8Array, string][] = [
      ["truncated", bytes.slice(0, -1), "MALFORMED"],
      ["trailing byte", Uint8Array.of(...bytes, 0), "TRAILING_BYTES"],
      ["extrinsic count past the end", Uint8Array.from([...bytes.slice(0, bytes.length - sampleExtrinsics().flat().length)]), "MALFORMED"],
    ];
    for (const [label, b, code] of cases) {
      assert.throws(() => Block.dec(b), (e: unknown) => e instanceof CodecError && e.code === code, label);
    }
    assert.throws(() => OpaqueExtrinsic.dec(Uint8Array.of(0x08, 1)), (e: unknown) => e instanceof CodecError && e.code === "MALFORMED", "length past the end");
    assert.throws(() => OpaqueExtrinsic.enc(Uint8Array.of(0x08, 1)), CodecError, "encoding bytes without their length prefix");
    assert.throws(() => OpaqueExtrinsic.dec(Uint8Array.of(0x01, 0x00)), CodecError, "non-canonical length");
  });

  it("decodes any bytes to a block or a CodecError, nothing else", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (b) => {
        try {
          SignedBlock.dec(b);
        } catch (e) {
          assert.ok(e instanceof CodecError, String(e));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
