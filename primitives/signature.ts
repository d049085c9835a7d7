/**
 * `MultiSignature`: the signature of a signed extrinsic, tagged by scheme.
 *
 * The value's shape `{tag, value}` is what `crypto/multi-signature.ts`' `verifyMultiSignature` takes.
 */
import { enumeration, fixedBytes, newtype, type ValueOf } from "./schema.js";

/** `sp_core::ed25519::Signature`: 64 bytes. */
export const Ed25519Signature = newtype({ path: "sp_core::ed25519::Signature" }, [fixedBytes(64), "[u8; 64]"]);
/** `sp_core::sr25519::Signature`: 64 bytes. */
export const Sr25519Signature = newtype({ path: "sp_core::sr25519::Signature" }, [fixedBytes(64), "[u8; 64]"]);
/** `sp_core::ecdsa::Signature`: 65 bytes, recoverable (r ‖ s ‖ recovery id). */
export const EcdsaSignature = newtype({ path: "sp_core::ecdsa::Signature" }, [fixedBytes(65), "[u8; 65]"]);

/** `sp_runtime::MultiSignature`. */
export const MultiSignature = enumeration(
  { path: "sp_runtime::MultiSignature" },
  {
    Ed25519: { value: [Ed25519Signature, "ed25519::Signature"] },
    Sr25519: { value: [Sr25519Signature, "sr25519::Signature"] },
    Ecdsa: { value: [EcdsaSignature, "ecdsa::Signature"] },
  },
);
export type MultiSignature = ValueOf<typeof MultiSignature>;
