/**
 * The `TransactionPaymentApi` runtime API (version 4): fee estimates for an extrinsic, as
 * `payment_queryInfo` and `payment_queryFeeDetails` serve them.
 *
 * FRAME estimates with no tip, and unsigned extrinsics (inherents) pay nothing.
 */
import type { StorageReader } from "../../../state/storage.js";
import type { DispatchInfo, Weight } from "../../dispatch-types.js";
import { computeFee, computeFeeDetails, lengthToFee, weightToFee } from "./fee.js";
import type { FeeDetails, RuntimeDispatchInfo } from "./types.js";

/** `query_info`: the extrinsic's weight, class and partial fee (its fee without tip; 0 if unsigned). */
export function queryInfo(io: StorageReader, len: number, info: DispatchInfo, signed = true): RuntimeDispatchInfo {
  return { weight: info.weight, class: info.class, partial_fee: signed ? computeFee(io, len, info, 0n) : 0n };
}

/** `query_fee_details`: the fee's parts with a zero tip; no inclusion fee if unsigned. */
export function queryFeeDetails(io: StorageReader, len: number, info: DispatchInfo, signed = true): FeeDetails {
  return signed ? computeFeeDetails(io, len, info, 0n) : { inclusion_fee: undefined, tip: 0n };
}

/** `query_weight_to_fee`: the unadjusted weight fee (no multiplier). */
export function queryWeightToFee(weight: Weight): bigint {
  return weightToFee(weight);
}

/** `query_length_to_fee`. */
export function queryLengthToFee(len: number): bigint {
  return lengthToFee(len);
}
