/**
 * TFChain's fee formula: what an extrinsic pays, from its weight, length and tip.
 *
 * inclusion fee = base fee + length fee + multiplier × weight fee, where the base fee is WeightToFee of the
 * class's `ExtrinsicBaseWeight`, the length fee is 1 unit per byte, and WeightToFee is TFChain's degree-1
 * polynomial mapping `ExtrinsicBaseWeight` to 1/10 CENT (10_000 units = 0.001 TFT). The multiplier is
 * `NextFeeMultiplier`: 1 at genesis, and 0 from the end of block 1 on, since TFChain's
 * `FeeMultiplierUpdate = ()` converts it to `FixedU128::default()` every block. `Pays::No` pays the tip only.
 */
import type { StorageReader } from "../../../state/storage.js";
import type { DispatchInfo, Weight } from "../../dispatch-types.js";
import type { PostDispatchInfo } from "../../pallet.js";
import { baseExtrinsicWeight } from "../system/block.js";
import { BLOCK_WEIGHTS, EXTRINSIC_BASE_WEIGHT } from "../system/constants.js";
import { storage } from "./storage.js";
import { FIXED_U128_ONE, type FeeDetails } from "./types.js";

/** TFChain's `currency::CENTS`: 1 TFT is 10^7 units, a CENT 10^5. */
export const CENTS = 100_000n;
/** `TransactionByteFee`: `LengthToFee = ConstantMultiplier<Balance, 1>`. */
export const TRANSACTION_BYTE_FEE = 1n;
/** `OperationalFeeMultiplier`. */
export const OPERATIONAL_FEE_MULTIPLIER = 5;

const PERBILL = 1_000_000_000n;
const U128_MAX = (1n << 128n) - 1n;
const WEIGHT_TO_FEE_Q = 10n * EXTRINSIC_BASE_WEIGHT;
/** `coeff_integer = CENTS / q` (0). */
export const WEIGHT_TO_FEE_COEFF_INTEGER = CENTS / WEIGHT_TO_FEE_Q;
/** `coeff_frac = Perbill::from_rational(CENTS % q, q)` in parts per billion, rounded down (80_376). */
export const WEIGHT_TO_FEE_COEFF_FRAC = (PERBILL * (CENTS % WEIGHT_TO_FEE_Q)) / WEIGHT_TO_FEE_Q;

/**
 * `Perbill × n`: `(n / 10^9) × parts` plus the remainder's share rounded to nearest, ties down
 * (sp-arithmetic's `overflow_prune_mul` with `NearestPrefDown`).
 */
export function perbillMul(parts: bigint, n: bigint): bigint {
  const rem = (n % PERBILL) * parts;
  let correction = rem / PERBILL;
  if (rem % PERBILL > PERBILL / 2n) correction += 1n;
  return (n / PERBILL) * parts + correction;
}

/** `WeightToFee` (TFChain's `WeightToFeeStruct`) of the weight's ref time, capped at the block's maximum. */
export function weightToFee(w: Weight): bigint {
  const maxRef = BLOCK_WEIGHTS.max_block.ref_time;
  const x = w.ref_time < maxRef ? w.ref_time : maxRef;
  return sat(perbillMul(WEIGHT_TO_FEE_COEFF_FRAC, x) + WEIGHT_TO_FEE_COEFF_INTEGER * x);
}

/** `LengthToFee`: one unit per byte. */
export function lengthToFee(len: number): bigint {
  return BigInt(len) * TRANSACTION_BYTE_FEE;
}

/** `NextFeeMultiplier` as a FixedU128 inner value (10^18 = 1). */
export function nextFeeMultiplier(io: StorageReader): bigint {
  return storage.NextFeeMultiplier.get(io);
}

/** `FixedU128::saturating_mul_int`: rounded down, saturating at `u128::MAX`. */
export function multiplierMul(multiplier: bigint, n: bigint): bigint {
  return sat((multiplier * n) / FIXED_U128_ONE);
}

/** `compute_fee_raw`: the fee's parts for a weight, length, tip, pays flag and class. */
export function computeFeeDetailsRaw(io: StorageReader, len: number, weight: Weight, tip: bigint, pays: "Yes" | "No", cls: DispatchInfo["class"]): FeeDetails {
  if (pays === "No") return { inclusion_fee: undefined, tip };
  return {
    inclusion_fee: {
      base_fee: weightToFee(baseExtrinsicWeight(cls)),
      len_fee: lengthToFee(len),
      adjusted_weight_fee: multiplierMul(nextFeeMultiplier(io), weightToFee(weight)),
    },
    tip,
  };
}

/** `FeeDetails::final_fee`: inclusion fee plus tip, saturating. */
export function finalFee(d: FeeDetails): bigint {
  const i = d.inclusion_fee;
  return sat((i ? i.base_fee + i.len_fee + i.adjusted_weight_fee : 0n) + d.tip);
}

/** `compute_fee_details`: the fee as declared before dispatch. */
export function computeFeeDetails(io: StorageReader, len: number, info: DispatchInfo, tip: bigint): FeeDetails {
  return computeFeeDetailsRaw(io, len, info.weight, tip, info.pays_fee, info.class);
}

/** `compute_fee`: what is withdrawn before dispatch (tip included). */
export function computeFee(io: StorageReader, len: number, info: DispatchInfo, tip: bigint): bigint {
  return finalFee(computeFeeDetails(io, len, info, tip));
}

/** `compute_actual_fee_details`: the fee after dispatch, from the actual weight and pays flag. */
export function computeActualFeeDetails(io: StorageReader, len: number, info: DispatchInfo, post: PostDispatchInfo, tip: bigint): FeeDetails {
  return computeFeeDetailsRaw(io, len, actualWeight(info, post), tip, paysFee(info, post), info.class);
}

/** `compute_actual_fee`: what the transaction finally pays (tip included). */
export function computeActualFee(io: StorageReader, len: number, info: DispatchInfo, post: PostDispatchInfo, tip: bigint): bigint {
  return finalFee(computeActualFeeDetails(io, len, info, post, tip));
}

/** `PostDispatchInfo::calc_actual_weight`: the reported weight, never above the declared one (per component). */
export function actualWeight(info: DispatchInfo, post: PostDispatchInfo): Weight {
  const a = post.actualWeight;
  if (!a) return info.weight;
  return {
    ref_time: a.ref_time < info.weight.ref_time ? a.ref_time : info.weight.ref_time,
    proof_size: a.proof_size < info.weight.proof_size ? a.proof_size : info.weight.proof_size,
  };
}

/** `PostDispatchInfo::pays_fee`: free if either the declaration or the dispatch says so. */
export function paysFee(info: DispatchInfo, post: PostDispatchInfo): "Yes" | "No" {
  return info.pays_fee === "No" || post.paysFee === "No" ? "No" : "Yes";
}

function sat(v: bigint): bigint {
  return v > U128_MAX ? U128_MAX : v;
}
