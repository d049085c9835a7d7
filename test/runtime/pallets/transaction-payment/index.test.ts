// The TransactionPayment pallet: genesis, the per-block multiplier update, and its wire formats against
// @polkadot/types (reference metadata and its built-in runtime API types).
import { strict as assert } from "node:assert";
import { u8aToHex } from "@polkadot/util";
import { storage } from "../../../../runtime/pallets/transaction-payment/storage.js";
import { computeFee } from "../../../../runtime/pallets/transaction-payment/fee.js";
import { transactionPayment } from "../../../../runtime/pallets/transaction-payment/index.js";
import { FeeDetailsSchema, InclusionFeeSchema, RuntimeDispatchInfoSchema } from "../../../../runtime/pallets/transaction-payment/types.js";
import { MemoryStorage } from "../../../../state/memory-storage.js";
import { referenceRegistry } from "../../../primitives/reference.js";
import { acc, newExt } from "../balances/ext-builder.js";

const hex = (b: Uint8Array | undefined) => (b ? u8aToHex(b) : undefined);

describe("runtime/pallets/transaction-payment", () => {
  it("writes StorageVersion V2 and a multiplier of 1 at genesis (genesis_default_works)", () => {
    const io = new MemoryStorage();
    transactionPayment.genesis!(io, {});
    assert.equal(hex(io.get(storage.StorageVersion.key())), "0x01");
    assert.equal(hex(io.get(storage.NextFeeMultiplier.key())), "0x000064a7b3b6e00d0000000000000000");
  });

  it("reads a missing multiplier as 1 and a missing version as V1Ancient", () => {
    const io = new MemoryStorage();
    assert.equal(storage.NextFeeMultiplier.get(io), 10n ** 18n);
    assert.equal(storage.StorageVersion.get(io), "V1Ancient");
  });

  it("sets the multiplier to 0 at the end of every block, as TFChain's FeeMultiplierUpdate = () does", () => {
    const ext = newExt();
    const w = { weight: { ref_time: 1_000_000_000n, proof_size: 0n }, class: "Normal" as const, pays_fee: "Yes" as const };
    assert.equal(computeFee(ext.io, 0, w, 0n), 10_000n + 80_376n);
    ext.pb.finalize();
    assert.equal(hex(ext.io.get(storage.NextFeeMultiplier.key())), "0x" + "00".repeat(16));
    assert.equal(computeFee(ext.io, 0, w, 0n), 10_000n);
  });

  it("encodes TransactionFeePaid as the reference metadata declares it", () => {
    const ext = newExt();
    const bytes = ext.pb.runtime.eventSchema.enc({
      tag: "TransactionPayment",
      value: { tag: "TransactionFeePaid", value: { who: acc(1), actual_fee: 123n, tip: 4n } },
    });
    const ev = referenceRegistry().registry.createType("Event", bytes) as any;
    assert.equal(`${ev.section}.${ev.method}`, "transactionPayment.TransactionFeePaid");
    assert.equal(u8aToHex(ev.toU8a()), u8aToHex(bytes));
    assert.deepEqual([u8aToHex(ev.data[0].toU8a()), ev.data[1].toString(), ev.data[2].toString()], [u8aToHex(acc(1)), "123", "4"]);
  });

  it("encodes RuntimeDispatchInfo with a v2 weight and InclusionFee as @polkadot/types reads them", () => {
    const { registry } = referenceRegistry();
    const info = { weight: { ref_time: 169_207_000n, proof_size: 3593n }, class: "Operational" as const, partial_fee: 23_750n };
    const bytes = RuntimeDispatchInfoSchema.enc(info);
    const theirs = registry.createType("RuntimeDispatchInfoV2", bytes);
    assert.deepEqual(theirs.toJSON(), { weight: { refTime: 169_207_000, proofSize: 3593 }, class: "Operational", partialFee: 23_750 });
    assert.equal(u8aToHex(theirs.toU8a()), u8aToHex(bytes));
    const fee = { base_fee: 10_000n, len_fee: 150n, adjusted_weight_fee: 0n };
    assert.deepEqual(registry.createType("InclusionFee", InclusionFeeSchema.enc(fee)).toJSON(), { baseFee: 10_000, lenFee: 150, adjustedWeightFee: 0 });
    // FeeDetails = Option<InclusionFee> ‖ tip: the tip is on the wire (serde skips it only in JSON).
    assert.equal(u8aToHex(FeeDetailsSchema.enc({ inclusion_fee: undefined, tip: 5n })), "0x00" + "05" + "00".repeat(15));
  });
});
