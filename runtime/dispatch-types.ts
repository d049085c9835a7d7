/**
 * FRAME's dispatch vocabulary as schemas: weights, dispatch info, dispatch errors and results.
 */
import {
  compact, enumeration, fixedBytes, result, struct, u64, u8, unit, unitEnum, type ValueOf,
} from "../primitives/schema.js";

export const Weight = struct({ path: "sp_weights::weight_v2::Weight" }, {
  ref_time: [compact(u64), "u64"],
  proof_size: [compact(u64), "u64"],
});
export type Weight = ValueOf<typeof Weight>;

export const ZERO_WEIGHT: Weight = Object.freeze({ ref_time: 0n, proof_size: 0n });

export function weight(refTime: bigint, proofSize = 0n): Weight {
  return { ref_time: refTime, proof_size: proofSize };
}

export function addWeight(a: Weight, b: Weight): Weight {
  return { ref_time: a.ref_time + b.ref_time, proof_size: a.proof_size + b.proof_size };
}

export const DispatchClass = unitEnum({ path: "frame_support::dispatch::DispatchClass" }, ["Normal", "Operational", "Mandatory"] as const);
export type DispatchClass = ValueOf<typeof DispatchClass>;

export const Pays = unitEnum({ path: "frame_support::dispatch::Pays" }, ["Yes", "No"] as const);
export type Pays = ValueOf<typeof Pays>;

export const DispatchInfo = struct({ path: "frame_support::dispatch::DispatchInfo" }, {
  weight: [Weight, "Weight"],
  class: [DispatchClass, "DispatchClass"],
  pays_fee: [Pays, "Pays"],
});
export type DispatchInfo = ValueOf<typeof DispatchInfo>;

export const ModuleErrorSchema = struct({ path: "sp_runtime::ModuleError" }, {
  index: [u8, "u8"],
  error: [fixedBytes(4), "[u8; MAX_MODULE_ERROR_ENCODED_SIZE]"],
});

export const TokenError = unitEnum({ path: "sp_runtime::TokenError" }, [
  "FundsUnavailable", "OnlyProvider", "BelowMinimum", "CannotCreate", "UnknownAsset", "Frozen", "Unsupported",
  "CannotCreateHold", "NotExpendable", "Blocked",
] as const);
export type TokenError = ValueOf<typeof TokenError>;

export const ArithmeticError = unitEnum({ path: "sp_arithmetic::ArithmeticError" }, ["Underflow", "Overflow", "DivisionByZero"] as const);
export type ArithmeticError = ValueOf<typeof ArithmeticError>;

export const TransactionalError = unitEnum({ path: "sp_runtime::TransactionalError" }, ["LimitReached", "NoLayer"] as const);

export const DispatchErrorSchema = enumeration({ path: "sp_runtime::DispatchError" }, {
  Other: null,
  CannotLookup: null,
  BadOrigin: null,
  Module: { value: [ModuleErrorSchema, "ModuleError"] },
  ConsumerRemaining: null,
  NoProviders: null,
  TooManyConsumers: null,
  Token: { value: [TokenError, "TokenError"] },
  Arithmetic: { value: [ArithmeticError, "ArithmeticError"] },
  Transactional: { value: [TransactionalError, "TransactionalError"] },
  Exhausted: null,
  Corruption: null,
  Unavailable: null,
  RootNotAllowed: null,
});
export type DispatchErrorValue = ValueOf<typeof DispatchErrorSchema>;

export const DispatchResult = result(unit, DispatchErrorSchema);
