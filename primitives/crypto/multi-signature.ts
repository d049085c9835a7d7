/**
 * `sp_runtime::MultiSignature` verification against an `AccountId32` signer (`MultiSigner` into account).
 *
 * Ed25519 and Sr25519 verify against the account id as a public key. Ecdsa recovers the public key from the
 * signature and compares blake2_256(compressed key) with the account id, as `MultiSignature::verify` does.
 */
import { blake2_256 } from "../hashing.js";
import { ecdsaRecover } from "./ecdsa.js";
import { ed25519Verify } from "./ed25519.js";
import { sr25519Verify } from "./sr25519.js";

/** The variants of `MultiSignature`, in SCALE order (Ed25519 = 0, Sr25519 = 1, Ecdsa = 2). */
export type MultiSignature =
  | { tag: "Ed25519"; value: Uint8Array }
  | { tag: "Sr25519"; value: Uint8Array }
  | { tag: "Ecdsa"; value: Uint8Array };

/** Whether `sig` signs `message` for the 32-byte account `signer`; false, never an exception, on malformed input. */
export function verifyMultiSignature(sig: MultiSignature, message: Uint8Array, signer: Uint8Array): boolean {
  if (signer.length !== 32) return false;
  switch (sig.tag) {
    case "Ed25519":
      return ed25519Verify(sig.value, message, signer);
    case "Sr25519":
      return sr25519Verify(sig.value, message, signer);
    case "Ecdsa": {
      const publicKey = ecdsaRecover(sig.value, message);
      return publicKey !== undefined && blake2_256(publicKey).every((b, i) => b === signer[i]);
    }
    default:
      return false;
  }
}
