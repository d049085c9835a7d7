/**
 * Why the pool refuses a transaction, with the JSON-RPC code, message and data Substrate's author RPC sends
 * (sc-rpc-api `author/error.rs`, the jsonrpsee version TFChain 2.9 runs). Clients match these strings.
 */
import type { PoolRejection } from "../rpc/services.js";
import { INVALID_TRANSACTION_TEXT, type InvalidTransaction, type TransactionValidityError } from "../runtime/transaction-validity.js";

export type PoolErrorReason =
  /** `author_submitExtrinsic` on bytes that do not decode: Substrate wraps the codec error as a client error. */
  | "UNDECODABLE"
  /** `author_submitAndWatchExtrinsic` on bytes that do not decode. */
  | "BAD_FORMAT"
  | "VERIFICATION"
  | "INVALID"
  | "UNKNOWN_VALIDITY"
  | "TEMPORARILY_BANNED"
  | "ALREADY_IMPORTED"
  | "TOO_LOW_PRIORITY"
  | "CYCLE_DETECTED"
  | "IMMEDIATELY_DROPPED";

/** jsonrpsee's `CALL_EXECUTION_FAILED_CODE`, what `CallError::Failed` becomes. */
const CALL_EXECUTION_FAILED = -32000;
const AUTHOR = 1000;

/** Substrate's author RPC error codes. */
export const POOL_ERROR_CODES = {
  BAD_FORMAT: AUTHOR + 1,
  VERIFICATION_ERROR: AUTHOR + 2,
  POOL_INVALID_TX: AUTHOR + 10,
  POOL_UNKNOWN_VALIDITY: AUTHOR + 11,
  POOL_TEMPORARILY_BANNED: AUTHOR + 12,
  POOL_ALREADY_IMPORTED: AUTHOR + 13,
  POOL_TOO_LOW_PRIORITY: AUTHOR + 14,
  POOL_CYCLE_DETECTED: AUTHOR + 15,
  POOL_IMMEDIATELY_DROPPED: AUTHOR + 16,
} as const;

/** The `data` string of a 1010 "Invalid Transaction" error for `reason`. */
export function invalidTransactionText(reason: InvalidTransaction): string {
  // author/error.rs formats Custom itself rather than using the sp-runtime string.
  if (reason.tag === "Custom") return `Custom error: ${reason.value}`;
  return INVALID_TRANSACTION_TEXT[reason.tag];
}

/** A refusal by the pool; `code`, `message` and `data` are what the RPC client receives. */
export class PoolError extends Error implements PoolRejection {
  readonly code: number;
  readonly data?: string;

  constructor(
    readonly reason: PoolErrorReason,
    rejection: PoolRejection,
    /** The runtime's verdict, when it gave one. */
    readonly validity?: TransactionValidityError,
  ) {
    super(rejection.message);
    this.name = "PoolError";
    this.code = rejection.code;
    if (rejection.data !== undefined) this.data = rejection.data;
  }

  /** The plain `{code, message, data}` object, for JSON. */
  toRejection(): PoolRejection {
    return this.data === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, data: this.data };
  }
}

/** The pool error for a runtime `TransactionValidityError`: 1010 with the reason, or 1011 for unknown validity. */
export function validityError(error: TransactionValidityError): PoolError {
  if (error.tag === "Invalid") {
    return new PoolError("INVALID", { code: POOL_ERROR_CODES.POOL_INVALID_TX, message: "Invalid Transaction", data: invalidTransactionText(error.value) }, error);
  }
  // `format!("{:?}", e)` of UnknownTransaction: `CannotLookup`, `NoUnsignedValidator`, `Custom(7)`.
  const u = error.value;
  const debug = u.tag === "Custom" ? `Custom(${u.value})` : u.tag;
  return new PoolError("UNKNOWN_VALIDITY", { code: POOL_ERROR_CODES.POOL_UNKNOWN_VALIDITY, message: "Unknown Transaction Validity", data: debug }, error);
}

/** Undecodable bytes: `author_submitExtrinsic` answers -32000 "Client error: …", the watch variant 1001. */
export function formatError(detail: string, watched: boolean): PoolError {
  return watched
    ? new PoolError("BAD_FORMAT", { code: POOL_ERROR_CODES.BAD_FORMAT, message: `Extrinsic has invalid format: ${detail}` })
    : new PoolError("UNDECODABLE", { code: CALL_EXECUTION_FAILED, message: `Client error: ${detail}` });
}

/** The runtime failed while validating (not a verdict): 1002. */
export function verificationError(detail: string): PoolError {
  return new PoolError("VERIFICATION", { code: POOL_ERROR_CODES.VERIFICATION_ERROR, message: `Verification Error: ${detail}`, data: detail });
}

export function temporarilyBanned(): PoolError {
  return new PoolError("TEMPORARILY_BANNED", { code: POOL_ERROR_CODES.POOL_TEMPORARILY_BANNED, message: "Transaction is temporarily banned" });
}

/** 1013; the data is the hash as `{:?}` prints an H256: full 0x-hex. */
export function alreadyImported(hash: Uint8Array): PoolError {
  return new PoolError("ALREADY_IMPORTED", {
    code: POOL_ERROR_CODES.POOL_ALREADY_IMPORTED,
    message: "Transaction Already Imported",
    data: `0x${Buffer.from(hash).toString("hex")}`,
  });
}

export function tooLowPriority(old: bigint, next: bigint): PoolError {
  return new PoolError("TOO_LOW_PRIORITY", {
    code: POOL_ERROR_CODES.POOL_TOO_LOW_PRIORITY,
    message: `Priority is too low: (${old} vs ${next})`,
    data: "The transaction has too low priority to replace another transaction already in the pool.",
  });
}

export function cycleDetected(): PoolError {
  return new PoolError("CYCLE_DETECTED", { code: POOL_ERROR_CODES.POOL_CYCLE_DETECTED, message: "Cycle Detected" });
}

export function immediatelyDropped(): PoolError {
  return new PoolError("IMMEDIATELY_DROPPED", {
    code: POOL_ERROR_CODES.POOL_IMMEDIATELY_DROPPED,
    message: "Immediately Dropped",
    data: "The transaction couldn't enter the pool because of the limit",
  });
}
