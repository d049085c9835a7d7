/**
 * sr25519 (Schnorr over Ristretto255, signing context "substrate"): account keys, Aura seals.
 *
 * Signing and derivation use @scure/sr25519. Verification uses schnorrkel compiled to WebAssembly
 * (@polkadot/wasm-crypto) once `initCrypto()` has resolved: it is the same code Substrate's host runs, and
 * bench/signatures.ts measures it about 5× faster than @scure. Before that, @scure verifies.
 */
import { sr25519Verify as schnorrkelVerify } from "@polkadot/wasm-crypto";
import { initCrypto, isWasmCryptoReady } from "./wasm.js";
import * as sr25519 from "@scure/sr25519";
import { KeyError } from "./key-error.js";
import { type Junction, parseSecretUri, seedFromPhrase } from "./secret-uri.js";

/** An sr25519 key pair; `secretKey` is 64 bytes (scalar ‖ nonce), `publicKey` 32. */
export interface Sr25519Pair {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

export { initCrypto };

/** Whether verification runs on the WebAssembly schnorrkel (after `initCrypto()`). */
export function isWasmVerifierReady(): boolean {
  return isWasmCryptoReady();
}

/** Expands a 32-byte mini-secret into a key pair (schnorrkel's Ed25519 expansion mode, as Substrate). */
export function sr25519FromSeed(seed: Uint8Array): Sr25519Pair {
  if (seed.length !== 32) throw new KeyError("INVALID_SEED", `An sr25519 seed has 32 bytes, not ${seed.length}`);
  const secretKey = sr25519.secretFromSeed(seed);
  return { publicKey: sr25519.getPublicKey(secretKey), secretKey };
}

/** Applies hard and soft junctions in order, as sp-core's sr25519 `Pair::derive`. */
export function sr25519Derive(pair: Sr25519Pair, junctions: readonly Junction[]): Sr25519Pair {
  let secretKey = pair.secretKey;
  for (const { hard, chainCode } of junctions) {
    secretKey = hard ? sr25519.HDKD.secretHard(secretKey, chainCode) : sr25519.HDKD.secretSoft(secretKey, chainCode);
  }
  return secretKey === pair.secretKey ? pair : { publicKey: sr25519.getPublicKey(secretKey), secretKey };
}

/** The key pair of a Substrate secret URI such as `//Alice`, `<mnemonic>//hard/soft///password` or `0x<seed>`. */
export function sr25519FromUri(uri: string): Sr25519Pair {
  const { phrase, junctions, password } = parseSecretUri(uri);
  return sr25519Derive(sr25519FromSeed(seedFromPhrase(phrase, password)), junctions);
}

/** Signs a message; sr25519 signatures are randomised, so two signatures of one message differ. */
export function sr25519Sign(pair: Sr25519Pair, message: Uint8Array): Uint8Array {
  return sr25519.sign(pair.secretKey, message);
}

/** Verifies a 64-byte signature by a 32-byte public key; false, never an exception, for malformed input. */
export function sr25519Verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== 64 || publicKey.length !== 32) return false;
  if (isWasmCryptoReady()) return schnorrkelVerify(signature, message, publicKey);
  try {
    return sr25519.verify(message, signature, publicKey);
  } catch {
    // @scure throws on a missing schnorrkel marker bit or a point that does not decode
    return false;
  }
}
