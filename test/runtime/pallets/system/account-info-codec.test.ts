import { strict as assert } from "node:assert";
import fc from "fast-check";
import { CodecError } from "../../../../primitives/codec-error.js";
import { AccountInfo, AccountInfoGeneric } from "../../../../runtime/pallets/system/types.js";
import { referenceRegistry } from "../../../primitives/reference.js";

const u128 = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n });
const u32 = fc.integer({ min: 0, max: 2 ** 32 - 1 });
const info = fc.record({
  nonce: u32, consumers: u32, providers: u32, sufficients: u32,
  data: fc.record({ free: u128, reserved: u128, frozen: u128, flags: u128 }),
});

describe("runtime/pallets/system AccountInfo codec", () => {
  it("encodes and decodes exactly as the generic struct codec (property)", () => {
    fc.assert(fc.property(info, (a) => {
      const fast = AccountInfo.enc(a);
      assert.deepEqual(fast, AccountInfoGeneric.enc(a));
      assert.deepEqual(AccountInfo.dec(fast), structuredClone(a));
    }));
  });

  it("agrees with @polkadot/types' AccountInfo of TFChain 2.9", () => {
    const { registry } = referenceRegistry();
    fc.assert(fc.property(info, (a) => {
      const theirs = registry.createType("FrameSystemAccountInfo", AccountInfo.enc(a)) as any;
      assert.equal(theirs.nonce.toNumber(), a.nonce);
      assert.equal(theirs.data.free.toBigInt(), a.data.free);
      assert.equal(theirs.data.flags.toBigInt(), a.data.flags);
    }), { numRuns: 50 });
  });

  it("rejects short input and out-of-range balances with a CodecError", () => {
    assert.throws(() => AccountInfo.dec(new Uint8Array(79)), CodecError);
    assert.throws(() => AccountInfo.dec(new Uint8Array(81)), CodecError);
    const a = { nonce: 0, consumers: 0, providers: 0, sufficients: 0, data: { free: 1n << 128n, reserved: 0n, frozen: 0n, flags: 0n } };
    assert.throws(() => AccountInfo.enc(a), CodecError);
  });
});
