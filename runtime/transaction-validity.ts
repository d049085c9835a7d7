/**
 * Transaction validity as sp_runtime encodes it: what `validate_transaction` and `apply_extrinsic` return.
 */
import {
  bool, bytes, enumeration, result, struct, u64, u8, unit, vec, type ValueOf,
} from "../primitives/schema.js";
import { DispatchErrorSchema } from "./dispatch-types.js";

export const InvalidTransaction = enumeration({ path: "sp_runtime::transaction_validity::InvalidTransaction" }, {
  Call: null,
  Payment: null,
  Future: null,
  Stale: null,
  BadProof: null,
  AncientBirthBlock: null,
  ExhaustsResources: null,
  Custom: { value: [u8, "u8"] },
  BadMandatory: null,
  MandatoryValidation: null,
  BadSigner: null,
});
export type InvalidTransaction = ValueOf<typeof InvalidTransaction>;

export const UnknownTransaction = enumeration({ path: "sp_runtime::transaction_validity::UnknownTransaction" }, {
  CannotLookup: null,
  NoUnsignedValidator: null,
  Custom: { value: [u8, "u8"] },
});

export const TransactionValidityError = enumeration({ path: "sp_runtime::transaction_validity::TransactionValidityError" }, {
  Invalid: { value: [InvalidTransaction, "InvalidTransaction"] },
  Unknown: { value: [UnknownTransaction, "UnknownTransaction"] },
});
export type TransactionValidityError = ValueOf<typeof TransactionValidityError>;

export const ValidTransaction = struct({ path: "sp_runtime::transaction_validity::ValidTransaction" }, {
  priority: [u64, "TransactionPriority"],
  requires: [vec(bytes), "Vec<TransactionTag>"],
  provides: [vec(bytes), "Vec<TransactionTag>"],
  longevity: [u64, "TransactionLongevity"],
  propagate: [bool, "bool"],
});
export type ValidTransaction = ValueOf<typeof ValidTransaction>;

export const TransactionValidity = result(ValidTransaction, TransactionValidityError);

/** `ApplyExtrinsicResult`: `Result<Result<(), DispatchError>, TransactionValidityError>`. */
export const ApplyExtrinsicResult = result(result(unit, DispatchErrorSchema), TransactionValidityError);

/** `TransactionSource` passed to `validate_transaction`. */
export const TransactionSource = enumeration({ path: "sp_runtime::transaction_validity::TransactionSource" }, {
  InBlock: null,
  Local: null,
  External: null,
});

export const TRANSACTION_LONGEVITY_MAX = (1n << 64n) - 1n;

/** Thrown while checking an extrinsic: it is invalid, not failed, and must not enter a block. */
export class TransactionInvalid extends Error {
  constructor(readonly error: TransactionValidityError) {
    super(`Transaction is invalid: ${error.tag}(${typeof error.value === "object" ? error.value.tag : String(error.value)})`);
    this.name = "TransactionInvalid";
  }
}

export function invalid(reason: InvalidTransaction["tag"], custom?: number): never {
  const value = (reason === "Custom" ? { tag: reason, value: custom } : { tag: reason }) as InvalidTransaction;
  throw new TransactionInvalid({ tag: "Invalid", value });
}

/** `impl From<InvalidTransaction> for &'static str` (sp-runtime), the `data` of a 1010 error. */
export const INVALID_TRANSACTION_TEXT: Record<Exclude<InvalidTransaction["tag"], "Custom">, string> = {
  Call: "Transaction call is not expected",
  Payment: "Inability to pay some fees (e.g. account balance too low)",
  Future: "Transaction will be valid in the future",
  Stale: "Transaction is outdated",
  BadProof: "Transaction has a bad signature",
  AncientBirthBlock: "Transaction has an ancient birth block",
  ExhaustsResources: "Transaction would exhaust the block limits",
  BadMandatory: "A call was labelled as mandatory, but resulted in an Error.",
  MandatoryValidation: "Transaction dispatch is mandatory; transactions must not be validated.",
  BadSigner: "Invalid signing address",
};

