/**
 * BIP39 mnemonics as Substrate uses them (substrate-bip39).
 *
 * Substrate does not use the BIP39 seed (PBKDF2 over the phrase). It recovers the mnemonic's entropy and runs
 * PBKDF2-HMAC-SHA512(password = entropy, salt = "mnemonic" ‖ password, 2048 rounds); the first 32 of the
 * 64 output bytes are the mini-secret (sr25519) or seed (ed25519, ecdsa).
 */
import { pbkdf2Sync } from "node:crypto";
import { sha256 } from "@noble/hashes/sha2.js";
import { BIP39_ENGLISH } from "./bip39-english.js";
import { KeyError } from "./key-error.js";

const WORD_INDEX = new Map(BIP39_ENGLISH.map((word, i) => [word, i]));
const WORD_COUNTS = [12, 15, 18, 21, 24];

/** Recovers the entropy of an English BIP39 mnemonic, checking its word count, words and checksum. */
export function mnemonicToEntropy(phrase: string): Uint8Array {
  const words = phrase.trim().split(/\s+/);
  if (!WORD_COUNTS.includes(words.length)) {
    throw new KeyError("INVALID_PHRASE", `A mnemonic has 12, 15, 18, 21 or 24 words, not ${words.length}`);
  }
  let bits = "";
  for (const word of words) {
    const index = WORD_INDEX.get(word);
    if (index === undefined) throw new KeyError("INVALID_PHRASE", "The mnemonic has a word outside the BIP39 English list");
    bits += index.toString(2).padStart(11, "0");
  }
  // 11 bits per word = 32 entropy bits + 1 checksum bit per 3 words
  const checksumBits = words.length / 3;
  const entropy = new Uint8Array((bits.length - checksumBits) / 8);
  for (let i = 0; i < entropy.length; i++) entropy[i] = parseInt(bits.slice(i * 8, i * 8 + 8), 2);
  const expected = sha256(entropy)[0]!.toString(2).padStart(8, "0").slice(0, checksumBits);
  if (bits.slice(-checksumBits) !== expected) throw new KeyError("INVALID_PHRASE", "The mnemonic's checksum is wrong");
  return entropy;
}

/** Substrate's 32-byte mini-secret for a mnemonic and optional password (not the BIP39 seed). */
export function mnemonicToMiniSecret(phrase: string, password = ""): Uint8Array {
  const salt = new TextEncoder().encode(`mnemonic${password}`);
  // PERF: node:crypto takes ~1 ms where @noble/hashes' pbkdf2 takes 10–400 ms (every dev key pays it)
  return new Uint8Array(pbkdf2Sync(mnemonicToEntropy(phrase), salt, 2048, 64, "sha512").subarray(0, 32));
}
