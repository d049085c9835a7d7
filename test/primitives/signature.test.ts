import { strict as assert } from "node:assert";
import fc from "fast-check";
import { u8aToHex } from "@polkadot/util";
import { CodecError } from "../../primitives/codec-error.js";
import { MultiSignature } from "../../primitives/signature.js";
import { refTypeId, referenceRegistry } from "./reference.js";

const { registry } = referenceRegistry();

const signatureArb = fc.oneof(
  fc.uint8Array({ minLength: 64, maxLength: 64 }).map((value) => ({ tag: "Ed25519" as const, value })),
  fc.uint8Array({ minLength: 64, maxLength: 64 }).map((value) => ({ tag: "Sr25519" as const, value })),
  fc.uint8Array({ minLength: 65, maxLength: 65 }).map((value) => ({ tag: "Ecdsa" as const, value })),
);

describe("signature", () => {
  it("encodes MultiSignature as the reference metadata's type, checked by @polkadot/types", () => {
    const type = registry.createLookupType(refTypeId("sp_runtime::MultiSignature"));
    fc.assert(
      fc.property(signatureArb, (s) => {
        const bytes = MultiSignature.enc(s);
        const [theirs] = registry.createType(`(${type}, [u8; 40])`, Uint8Array.of(...bytes, ...new Uint8Array(40))) as any;
        assert.equal(theirs.type, s.tag);
        assert.equal(theirs.toHex(), u8aToHex(bytes));
        assert.deepEqual(MultiSignature.dec(bytes), s);
      }),
      { numRuns: 200 },
    );
  });

  it("rejects a signature of the wrong length or scheme with a CodecError", () => {
    assert.throws(() => MultiSignature.enc({ tag: "Ecdsa", value: new Uint8Array(64) }), CodecError);
    assert.throws(() => MultiSignature.enc({ tag: "Sr25519", value: new Uint8Array(65) }), CodecError);
    assert.throws(() => MultiSignature.dec(Uint8Array.of(3, ...new Uint8Array(64))), (e: unknown) => e instanceof CodecError && e.code === "UNKNOWN_VARIANT");
    assert.throws(() => MultiSignature.dec(Uint8Array.of(2, ...new Uint8Array(64))), (e: unknown) => e instanceof CodecError && e.code === "MALFORMED");
    assert.throws(() => MultiSignature.dec(Uint8Array.of(1, ...new Uint8Array(65))), (e: unknown) => e instanceof CodecError && e.code === "TRAILING_BYTES");
  });
});
