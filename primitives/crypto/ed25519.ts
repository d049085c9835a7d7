/**
 * ed25519: GRANDPA votes, session keys, `MultiSignature::Ed25519`.
 *
 * The 32-byte seed is the secret key. Verification follows ZIP-215 (cofactored equation, non-canonical point
 * encodings accepted, S < L required) because Substrate verifies with ed25519-zebra, which implements it.
 * @polkadot/wasm-crypto's ed25519-dalek is faster but checks the cofactorless equation, so it disagrees with
 * Substrate on small-order keys; it is not used.
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import { KeyError } from "./key-error.js";
import { type Junction, deriveSeed, parseSecretUri, seedFromPhrase } from "./secret-uri.js";

/** An ed25519 key pair: the 32-byte seed and the 32-byte public key. */
export interface Ed25519Pair {
  publicKey: Uint8Array;
  seed: Uint8Array;
}

/** The key pair of a 32-byte seed. */
export function ed25519FromSeed(seed: Uint8Array): Ed25519Pair {
  if (seed.length !== 32) throw new KeyError("INVALID_SEED", `An ed25519 seed has 32 bytes, not ${seed.length}`);
  return { publicKey: ed25519.getPublicKey(seed), seed };
}

/** Applies hard junctions (soft ones are an error), as sp-core's ed25519 `Pair::derive`. */
export function ed25519Derive(pair: Ed25519Pair, junctions: readonly Junction[]): Ed25519Pair {
  return junctions.length === 0 ? pair : ed25519FromSeed(deriveSeed("Ed25519HDKD", pair.seed, junctions));
}

/** The key pair of a Substrate secret URI such as `//Alice` or `<mnemonic>//hard///password`. */
export function ed25519FromUri(uri: string): Ed25519Pair {
  const { phrase, junctions, password } = parseSecretUri(uri);
  return ed25519Derive(ed25519FromSeed(seedFromPhrase(phrase, password)), junctions);
}

/** Signs a message (deterministic, RFC 8032). */
export function ed25519Sign(pair: Ed25519Pair, message: Uint8Array): Uint8Array {
  return ed25519.sign(message, pair.seed);
}

/** Verifies a 64-byte signature by a 32-byte public key; false, never an exception, for malformed input. */
export function ed25519Verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== 64 || publicKey.length !== 32) return false;
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: true });
  } catch {
    return false;
  }
}
