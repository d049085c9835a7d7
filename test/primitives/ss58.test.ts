import assert from "node:assert/strict";
import fc from "fast-check";
import { u8aToHex } from "@polkadot/util";
import { base58Decode, base58Encode, decodeAddress, encodeAddress } from "@polkadot/util-crypto";
import { Ss58Error, decodeSs58, decodeSs58AccountId, encodeSs58, isSs58 } from "../../primitives/ss58.js";

const ALICE = Uint8Array.from(Buffer.from("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d", "hex"));
const ALICE_42 = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

const prefixArb = fc.integer({ min: 0, max: 16383 }).filter((p) => p !== 46 && p !== 47);
const payloadArb = fc.constantFrom(1, 2, 4, 8, 32, 33).chain((n) => fc.uint8Array({ minLength: n, maxLength: n }));

function throwsCode(fn: () => unknown, code: string): void {
  assert.throws(fn, (e: unknown) => e instanceof Ss58Error && e.code === code && e.message.startsWith("Invalid SS58 address"));
}

describe("ss58", () => {
  it("encodes Alice with the default prefix 42 as every Substrate tool does", () => {
    assert.equal(encodeSs58(ALICE), ALICE_42);
    assert.deepEqual(decodeSs58(ALICE_42), { prefix: 42, payload: ALICE });
  });

  it("encodes like @polkadot/util-crypto for 1- and 2-byte prefixes and every payload length", () => {
    fc.assert(
      fc.property(payloadArb, prefixArb, (payload, prefix) => {
        assert.equal(encodeSs58(payload, prefix), encodeAddress(payload, prefix));
      }),
      { numRuns: 500 },
    );
  });

  it("round-trips and decodes what @polkadot/util-crypto encodes", () => {
    fc.assert(
      fc.property(payloadArb, prefixArb, (payload, prefix) => {
        const decoded = decodeSs58(encodeAddress(payload, prefix));
        assert.equal(decoded.prefix, prefix);
        assert.equal(u8aToHex(decoded.payload), u8aToHex(payload));
        // @polkadot/util-crypto only decodes 1/2/4/8-byte payloads with 1-byte prefixes
        if (payload.length >= 32 || prefix < 64) {
          assert.equal(u8aToHex(decodeAddress(encodeSs58(payload, prefix))), u8aToHex(payload));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("decodes a 2-byte prefix (TFChain-independent example: 16383)", () => {
    const address = encodeAddress(ALICE, 16383);
    assert.equal(decodeSs58(address).prefix, 16383);
  });

  it("rejects a changed character with INVALID_CHECKSUM", () => {
    const bad = ALICE_42.slice(0, -1) + (ALICE_42.endsWith("Y") ? "Z" : "Y");
    throwsCode(() => decodeSs58(bad), "INVALID_CHECKSUM");
    assert.equal(isSs58(bad), false);
  });

  it("rejects every single corrupted byte of the decoded form", () => {
    const raw = base58Decode(ALICE_42);
    for (let i = 0; i < raw.length; i++) {
      const copy = raw.slice();
      copy[i]! ^= 0x01;
      assert.equal(isSs58(base58Encode(copy)), false, `byte ${i}`);
    }
  });

  it("rejects non-base58 characters with BAD_BASE58", () => {
    throwsCode(() => decodeSs58("0OIl"), "BAD_BASE58");
  });

  it("rejects lengths that fit no payload with BAD_LENGTH", () => {
    throwsCode(() => decodeSs58(base58Encode(new Uint8Array(20).fill(1))), "BAD_LENGTH");
    throwsCode(() => decodeSs58(""), "BAD_LENGTH");
    throwsCode(() => encodeSs58(new Uint8Array(31)), "BAD_LENGTH");
  });

  it("rejects reserved prefixes 46 and 47 and out-of-range prefixes", () => {
    throwsCode(() => encodeSs58(ALICE, 46), "RESERVED_PREFIX");
    throwsCode(() => encodeSs58(ALICE, 16384), "INVALID_PREFIX");
    throwsCode(() => encodeSs58(ALICE, -1), "INVALID_PREFIX");
    const reserved = new Uint8Array([47, ...ALICE, 0, 0]);
    throwsCode(() => decodeSs58(base58Encode(reserved)), "RESERVED_PREFIX");
    throwsCode(() => decodeSs58(base58Encode(new Uint8Array([0x80, ...ALICE, 0, 0]))), "INVALID_PREFIX");
  });

  it("decodeSs58AccountId insists on 32 bytes and, when asked, on the prefix", () => {
    assert.equal(u8aToHex(decodeSs58AccountId(ALICE_42, 42)), u8aToHex(ALICE));
    throwsCode(() => decodeSs58AccountId(encodeSs58(ALICE, 0), 42), "PREFIX_MISMATCH");
    throwsCode(() => decodeSs58AccountId(encodeSs58(new Uint8Array(33))), "BAD_LENGTH");
  });

  it("never throws anything but Ss58Error on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        try {
          decodeSs58(s);
        } catch (e) {
          assert.ok(e instanceof Ss58Error);
        }
      }),
    );
  });
});
