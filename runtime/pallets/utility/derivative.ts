/**
 * Derivative accounts: the pseudonyms `as_derivative` dispatches from.
 */
import { blake2_256 } from "../../../primitives/hashing.js";
import { u16 } from "../../../primitives/schema.js";
import { concat, utf8 } from "../../../primitives/bytes.js";

// `(b"modlpy/utilisuba", who, index)` SCALE-encoded: a byte-array literal has no length prefix.
const ENTROPY_PREFIX = utf8("modlpy/utilisuba");

/**
 * `Pallet::derivative_account_id`: `blake2_256(b"modlpy/utilisuba" ‖ who ‖ index as u16 LE)`, read as an
 * AccountId32 (the 32 hash bytes).
 */
export function derivativeAccountId(who: Uint8Array, index: number): Uint8Array {
  return blake2_256(concat(ENTROPY_PREFIX, who, u16.enc(index)));
}
