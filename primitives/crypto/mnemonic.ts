/**
 * BIP39 mnemonics as Substrate uses them (substrate-bip39).
 *
 * Substrate does not use the BIP39 seed (PBKDF2 over the phrase). It recovers the mnemonic's entropy and runs
 * PBKDF2-HMAC-SHA512(password = entropy, salt = "mnemonic" ‖ password, 2048 rounds); the first 32 of the
 * 64 output bytes are the mini-secret (sr25519) or seed (ed25519, ecdsa).
 */
import { pbkdf2Sync } from "node:crypto";
import { mnemonicToEntropy as scureEntropy } from "@scure/bip39";
import { wordlist } from "@scure/bip39/wordlists/english.js";
import { KeyError } from "./key-error.js";

/** Recovers the entropy of an English BIP39 mnemonic, checking its word count, words and checksum. */
export function mnemonicToEntropy(phrase: string): Uint8Array {
  try {
    return scureEntropy(phrase.trim().split(/\s+/).join(" "), wordlist);
  } catch (e) {
    // The library's message names the problem (length, unknown word, checksum) and never the phrase.
    throw new KeyError("INVALID_PHRASE", `Invalid mnemonic: ${(e as Error).message}`);
  }
}

/** Substrate's 32-byte mini-secret for a mnemonic and optional password (not the BIP39 seed). */
export function mnemonicToMiniSecret(phrase: string, password = ""): Uint8Array {
  const salt = new TextEncoder().encode(`mnemonic${password}`);
  // PERF: node:crypto takes ~1 ms where @noble/hashes' pbkdf2 takes 10–400 ms (every dev key pays it)
  return new Uint8Array(pbkdf2Sync(mnemonicToEntropy(phrase), salt, 2048, 64, "sha512").subarray(0, 32));
}
