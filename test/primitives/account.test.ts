import { strict as assert } from "node:assert";
import fc from "fast-check";
import { u8aToHex } from "@polkadot/util";
import { AccountId32, addressAccount, addressId, MultiAddress } from "../../primitives/account.js";
import { CodecError } from "../../primitives/codec-error.js";
import { refTypeId, referenceRegistry } from "./reference.js";

const { registry } = referenceRegistry();
const hex = (b: Uint8Array) => u8aToHex(b);
const lookup = (path: string) => registry.createLookupType(refTypeId(path));

const addressArb = fc.oneof(
  fc.uint8Array({ minLength: 32, maxLength: 32 }).map((value) => ({ tag: "Id" as const, value })),
  fc.constant({ tag: "Index" as const, value: undefined }),
  fc.uint8Array({ maxLength: 100 }).map((value) => ({ tag: "Raw" as const, value })),
  fc.uint8Array({ minLength: 32, maxLength: 32 }).map((value) => ({ tag: "Address32" as const, value })),
  fc.uint8Array({ minLength: 20, maxLength: 20 }).map((value) => ({ tag: "Address20" as const, value })),
);

describe("account", () => {
  it("encodes MultiAddress as the reference metadata's type, checked by @polkadot/types", () => {
    const type = lookup("sp_runtime::multiaddress::MultiAddress");
    fc.assert(
      // @polkadot/types reads a byte for `Compact<()>`, which parity-scale-codec encodes as nothing: not an oracle for Index.
      fc.property(addressArb.filter((a) => a.tag !== "Index"), (a) => {
        const bytes = MultiAddress.enc(a);
        // Followed by 40 bytes, so that @polkadot/types decodes the address instead of guessing its variant from the length.
        const [theirs] = registry.createType(`(${type}, [u8; 40])`, Uint8Array.of(...bytes, ...new Uint8Array(40))) as any;
        assert.equal(theirs.type, a.tag);
        assert.equal(theirs.toHex(), hex(bytes));
        assert.deepEqual(MultiAddress.dec(bytes), a);
      }),
      { numRuns: 300 },
    );
  });

  it("encodes MultiAddress::Index(Compact<()>) as the single byte 0x01", () => {
    assert.deepEqual(MultiAddress.enc({ tag: "Index", value: undefined }), Uint8Array.of(1));
    assert.deepEqual(MultiAddress.dec(Uint8Array.of(1)), { tag: "Index", value: undefined });
  });

  it("resolves only MultiAddress::Id to an account, as AccountIdLookup", () => {
    const id = new Uint8Array(32).fill(5);
    assert.deepEqual(addressAccount(addressId(id)), id);
    assert.equal(addressAccount({ tag: "Address32", value: id }), undefined);
    assert.equal(addressAccount({ tag: "Index", value: undefined }), undefined);
  });

  it("round-trips AccountId32 and rejects a wrong length", () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (a) => assert.deepEqual(AccountId32.dec(AccountId32.enc(a)), a)));
    assert.throws(() => AccountId32.enc(new Uint8Array(31)), CodecError);
    assert.throws(() => AccountId32.dec(new Uint8Array(31)), CodecError);
    assert.throws(() => AccountId32.dec(new Uint8Array(33)), (e: unknown) => e instanceof CodecError && e.code === "TRAILING_BYTES");
  });

  it("rejects malformed addresses with a CodecError", () => {
    const cases: [string, number[], string][] = [
      ["unknown variant", [5, ...new Array(32).fill(0)], "UNKNOWN_VARIANT"],
      ["short Id", [0, 1, 2], "MALFORMED"],
      ["Raw past the end", [2, 0x10, 1], "MALFORMED"],
      ["trailing after Index", [1, 0], "TRAILING_BYTES"],
      ["empty", [], "MALFORMED"],
    ];
    for (const [label, b, code] of cases) {
      assert.throws(() => MultiAddress.dec(Uint8Array.from(b)), (e: unknown) => e instanceof CodecError && e.code === code, label);
    }
  });
});
