/**
 * A validated transaction as the pool holds it: its bytes and the runtime's `ValidTransaction` verdict.
 *
 * Tags and hashes are kept as latin1 strings (one char per byte) so that they key JS maps cheaply.
 */
import { keyString } from "../state/storage.js";

/** Where a transaction came from (`sp_runtime::transaction_validity::TransactionSource`). */
export type TransactionSource = "InBlock" | "Local" | "External";
import type { Extrinsic } from "../primitives/extrinsic.js";
import type { RuntimeCallValue } from "../runtime/pallet.js";

export interface PoolTransaction {
  /** blake2_256 of the full encoding. */
  readonly hash: Uint8Array;
  /** `hash` as a map key. */
  readonly key: string;
  /** The full encoding, length prefix included: what goes into a block. */
  readonly encoded: Uint8Array;
  readonly signer: Uint8Array;
  readonly nonce: number;
  readonly priority: bigint;
  /** Tags (map keys) that must be provided by the chain or by ready transactions first. */
  readonly requires: readonly string[];
  readonly provides: readonly string[];
  /** Validated at block n with longevity l, it is `n + l`: dropped once the best block reaches it. */
  validTill: number;
  readonly propagate: boolean;
  /** The era's birth block, and the hash the signature was verified against (an author may skip the check). */
  readonly birthNumber: number;
  readonly birthHash: Uint8Array;
  /** The best block it was last validated at (map key of its hash). */
  validatedAt: string;
  readonly source: TransactionSource;
  /** Its decoding, which validation and the block author reuse rather than decoding again. */
  readonly decoded?: { xt: Extrinsic; call: RuntimeCallValue };
}

export const byteKey = keyString;

/** The bytes behind a map key made by `byteKey`. */
export function keyBytes(key: string): Uint8Array {
  return new Uint8Array(Buffer.from(key, "latin1"));
}
