/**
 * ecdsa over secp256k1 as Substrate uses it: `MultiSignature::Ecdsa` and Ethereum-style bridges.
 *
 * Messages are hashed with blake2_256 and signed as a prehash (`ecdsa::Pair::sign`); signatures are 65 bytes
 * r ‖ s ‖ v, with v in 0..3 or 27..30 accepted on recovery (sp-io `secp256k1_ecdsa_recover_compressed`).
 * Recovery accepts high-s signatures as libsecp256k1 does, so @polkadot/wasm-crypto (which rejects them by
 * panicking) is not used. An ecdsa signer's AccountId32 is blake2_256 of its 33-byte compressed public key.
 */
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { blake2_256 } from "../hashing.js";
import { KeyError } from "./key-error.js";
import { type Junction, deriveSeed, parseSecretUri, seedFromPhrase } from "./secret-uri.js";

/** An ecdsa key pair: the 32-byte secret key and the 33-byte compressed public key. */
export interface EcdsaPair {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

/** The key pair whose secret key is this 32-byte seed (it must be a valid secp256k1 scalar). */
export function ecdsaFromSeed(seed: Uint8Array): EcdsaPair {
  if (seed.length !== 32 || !secp256k1.utils.isValidSecretKey(seed)) {
    throw new KeyError("INVALID_SEED", "An ecdsa seed is a 32-byte secp256k1 secret key in 1..n-1");
  }
  return { publicKey: secp256k1.getPublicKey(seed, true), secretKey: seed };
}

/** Applies hard junctions (soft ones are an error), as sp-core's ecdsa `Pair::derive`. */
export function ecdsaDerive(pair: EcdsaPair, junctions: readonly Junction[]): EcdsaPair {
  return junctions.length === 0 ? pair : ecdsaFromSeed(deriveSeed("Secp256k1HDKD", pair.secretKey, junctions));
}

/** The key pair of a Substrate secret URI such as `//Alice` or `<mnemonic>//hard///password`. */
export function ecdsaFromUri(uri: string): EcdsaPair {
  const { phrase, junctions, password } = parseSecretUri(uri);
  return ecdsaDerive(ecdsaFromSeed(seedFromPhrase(phrase, password)), junctions);
}

/** The AccountId32 of an ecdsa public key: blake2_256 of the compressed key. */
export function ecdsaAccountId(publicKey: Uint8Array): Uint8Array {
  return blake2_256(publicKey);
}

/** Signs blake2_256(message) deterministically (RFC 6979, low s), returning r ‖ s ‖ v with v in 0/1. */
export function ecdsaSign(pair: EcdsaPair, message: Uint8Array): Uint8Array {
  const recovered = secp256k1.sign(blake2_256(message), pair.secretKey, { prehash: false, format: "recovered" });
  const out = new Uint8Array(65);
  out.set(recovered.subarray(1), 0);
  out[64] = recovered[0]!;
  return out;
}

/** The compressed public key that signed blake2_256(message), or undefined if none can be recovered. */
export function ecdsaRecover(signature: Uint8Array, message: Uint8Array): Uint8Array | undefined {
  if (signature.length !== 65) return undefined;
  const v = signature[64]!;
  const recovery = v > 26 ? v - 27 : v;
  if (recovery < 0 || recovery > 3) return undefined;
  try {
    return secp256k1.Signature.fromBytes(signature.subarray(0, 64), "compact")
      .addRecoveryBit(recovery)
      .recoverPublicKey(blake2_256(message))
      .toBytes(true);
  } catch {
    return undefined;
  }
}

/** Verifies a 65-byte recoverable signature against a 33-byte compressed public key. */
export function ecdsaVerify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  const recovered = ecdsaRecover(signature, message);
  return recovered !== undefined && publicKey.length === 33 && recovered.every((b, i) => b === publicKey[i]);
}
