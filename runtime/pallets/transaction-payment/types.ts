/**
 * pallet_transaction_payment types: the fee multiplier, the storage version, and what the
 * `TransactionPaymentApi` runtime API (version 4) returns.
 */
import { newtype, option, struct, u128, unitEnum, type ValueOf } from "../../../primitives/schema.js";
import { DispatchClass, Weight } from "../../dispatch-types.js";

/** `sp_arithmetic::fixed_point::FixedU128`: a u128 scaled by 10^18. */
export const FixedU128 = newtype({ path: "sp_arithmetic::fixed_point::FixedU128" }, [u128, "u128"]);
export const FIXED_U128_ONE = 1_000_000_000_000_000_000n;

export const Releases = unitEnum({ path: "pallet_transaction_payment::Releases" }, ["V1Ancient", "V2"] as const);
export type Releases = ValueOf<typeof Releases>;

/** `RuntimeDispatchInfo<Balance, Weight>` with `Weight` v2, as `query_info` answers since API version 2. */
export const RuntimeDispatchInfoSchema = struct(
  { path: "pallet_transaction_payment::types::RuntimeDispatchInfo", params: [{ name: "Balance", type: u128 }, { name: "Weight", type: Weight }] },
  { weight: [Weight, "Weight"], class: [DispatchClass, "DispatchClass"], partial_fee: [u128, "Balance"] },
);
export type RuntimeDispatchInfo = ValueOf<typeof RuntimeDispatchInfoSchema>;

export const InclusionFeeSchema = struct(
  { path: "pallet_transaction_payment::types::InclusionFee", params: [{ name: "Balance", type: u128 }] },
  { base_fee: [u128, "Balance"], len_fee: [u128, "Balance"], adjusted_weight_fee: [u128, "Balance"] },
);
export type InclusionFee = ValueOf<typeof InclusionFeeSchema>;

export const FeeDetailsSchema = struct(
  { path: "pallet_transaction_payment::types::FeeDetails", params: [{ name: "Balance", type: u128 }] },
  { inclusion_fee: [option(InclusionFeeSchema), "Option<InclusionFee<Balance>>"], tip: [u128, "Balance"] },
);
export type FeeDetails = ValueOf<typeof FeeDetailsSchema>;
