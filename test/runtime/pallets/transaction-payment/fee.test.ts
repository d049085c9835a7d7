// TFChain's fee formula, and the figures it gives (ported facts from pallet_transaction_payment's tests).
import { strict as assert } from "node:assert";
import type { DispatchInfo } from "../../../../runtime/dispatch-types.js";
import { EXTRINSIC_BASE_WEIGHT } from "../../../../runtime/pallets/system/constants.js";
import {
  computeActualFee, computeFee, computeFeeDetails, lengthToFee, perbillMul, WEIGHT_TO_FEE_COEFF_FRAC, WEIGHT_TO_FEE_COEFF_INTEGER, weightToFee,
} from "../../../../runtime/pallets/transaction-payment/fee.js";
import { queryFeeDetails, queryInfo } from "../../../../runtime/pallets/transaction-payment/query.js";
import { storage } from "../../../../runtime/pallets/transaction-payment/storage.js";
import { MemoryStorage } from "../../../../state/memory-storage.js";
import { transactionPayment } from "../../../../runtime/pallets/transaction-payment/index.js";

const info = (ref: bigint, o: Partial<DispatchInfo> = {}): DispatchInfo => ({ weight: { ref_time: ref, proof_size: 0n }, class: "Normal", pays_fee: "Yes", ...o });
// transfer_keep_alive's declared weight.
const TRANSFER = info(169_207_000n);

function state(multiplier?: bigint): MemoryStorage {
  const io = new MemoryStorage();
  transactionPayment.genesis!(io, {});
  if (multiplier !== undefined) storage.NextFeeMultiplier.set(io, multiplier);
  return io;
}

describe("runtime/pallets/transaction-payment fee", () => {
  it("uses WeightToFee coefficients 0 + 80_376 per billion (Perbill::from_rational rounds down)", () => {
    assert.equal(WEIGHT_TO_FEE_COEFF_INTEGER, 0n);
    assert.equal(WEIGHT_TO_FEE_COEFF_FRAC, 80_376n);
  });

  it("charges 10_000 units (0.001 TFT) for ExtrinsicBaseWeight (extrinsic_base_fee_is_correct)", () => {
    assert.equal(weightToFee({ ref_time: EXTRINSIC_BASE_WEIGHT, proof_size: 0n }), 10_000n);
  });

  it("multiplies by a Perbill rounding to nearest, ties down", () => {
    assert.equal(perbillMul(500_000_000n, 3n), 1n);
    assert.equal(perbillMul(500_000_000n, 5n), 2n);
    assert.equal(perbillMul(600_000_000n, 3n), 2n);
    assert.equal(perbillMul(80_376n, 2_000_000_001n), 160_752n);
    assert.equal(weightToFee({ ref_time: 169_207_000n, proof_size: 0n }), 13_600n);
  });

  it("caps the weight at the block's maximum (signed_extension_transaction_payment_is_bounded)", () => {
    assert.equal(weightToFee({ ref_time: (1n << 64n) - 1n, proof_size: 0n }), weightToFee({ ref_time: 2_000_000_000_000n, proof_size: 0n }));
    assert.equal(weightToFee({ ref_time: 2_000_000_000_000n, proof_size: 0n }), 160_752_000n);
  });

  it("charges one unit per byte", () => {
    assert.equal(lengthToFee(0), 0n);
    assert.equal(lengthToFee(150), 150n);
  });

  it("adds base fee, length fee, multiplied weight fee and tip", () => {
    const io = state();
    assert.deepEqual(computeFeeDetails(io, 150, TRANSFER, 7n), {
      inclusion_fee: { base_fee: 10_000n, len_fee: 150n, adjusted_weight_fee: 13_600n },
      tip: 7n,
    });
    assert.equal(computeFee(io, 150, TRANSFER, 7n), 10_000n + 150n + 13_600n + 7n);
  });

  it("drops the weight fee once the multiplier is TFChain's steady 0", () => {
    assert.equal(computeFee(state(0n), 150, TRANSFER, 0n), 10_150n);
    // The multiplier scales the weight fee only (signed_ext_length_fee_is_also_updated_per_congestion), rounding down.
    assert.equal(computeFee(state(1_500_000_000_000_000_000n), 0, info(124_414_001n), 0n), 10_000n + 15_000n);
  });

  it("charges only the tip for Pays::No (signed_extension_allows_free_transactions)", () => {
    const io = state();
    assert.equal(computeFee(io, 100, info(0n, { pays_fee: "No", class: "Operational" }), 0n), 0n);
    assert.equal(computeFee(io, 100, info(1_000_000n, { pays_fee: "No" }), 5n), 5n);
    assert.deepEqual(computeFeeDetails(io, 100, info(0n, { pays_fee: "No" }), 5n), { inclusion_fee: undefined, tip: 5n });
  });

  it("computes the actual fee from the actual weight, never above the declared (refund_consistent_with_actual_weight)", () => {
    const io = state();
    const declared = info(1_000_000_000n);
    const full = computeFee(io, 10, declared, 5n);
    assert.equal(computeActualFee(io, 10, declared, {}, 5n), full);
    assert.equal(computeActualFee(io, 10, declared, { actualWeight: { ref_time: 2_000_000_000n, proof_size: 0n } }, 5n), full);
    assert.equal(computeActualFee(io, 10, declared, { actualWeight: { ref_time: 124_414_000n, proof_size: 0n } }, 5n), 10_000n + 10n + 10_000n + 5n);
    assert.equal(computeActualFee(io, 10, declared, { paysFee: "No" }, 5n), 5n, "post_info_can_change_pays_fee");
  });

  it("answers query_info and query_fee_details with no tip, and nothing for unsigned extrinsics", () => {
    const io = state();
    assert.deepEqual(queryInfo(io, 150, TRANSFER), { weight: TRANSFER.weight, class: "Normal", partial_fee: 23_750n });
    assert.deepEqual(queryInfo(io, 150, TRANSFER, false), { weight: TRANSFER.weight, class: "Normal", partial_fee: 0n });
    assert.equal(queryFeeDetails(io, 150, TRANSFER).tip, 0n);
    assert.deepEqual(queryFeeDetails(io, 150, TRANSFER, false), { inclusion_fee: undefined, tip: 0n });
  });
});
