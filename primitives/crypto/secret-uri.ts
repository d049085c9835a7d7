/**
 * Substrate secret URIs: `<phrase or 0x-seed>` then `/soft` and `//hard` junctions, then `///password`.
 *
 * An absent phrase means the dev phrase, so `//Alice` is the dev phrase hard-derived by "Alice". A junction
 * that parses as a u64 is SCALE-encoded as a u64, any other as a SCALE string (compact length ‖ UTF-8); the
 * chain code is that encoding zero-padded to 32 bytes, or its blake2_256 when longer (sp-core DeriveJunction).
 * A `0x` seed must be exactly 32 bytes and ignores the password, as sp-core does.
 */
import { hexToBytes } from "@noble/hashes/utils.js";
import { str, u64 } from "scale-ts";
import { blake2_256 } from "../hashing.js";
import { KeyError } from "./key-error.js";
import { mnemonicToMiniSecret } from "./mnemonic.js";

/** The well-known development mnemonic behind `//Alice`, `//Bob`, … */
export const DEV_PHRASE = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";

/** One derivation step: a 32-byte chain code, hard or soft. */
export interface Junction {
  hard: boolean;
  chainCode: Uint8Array;
}

/** A parsed secret URI; `phrase` is undefined when the URI starts with a junction (the dev phrase). */
export interface SecretUri {
  phrase: string | undefined;
  junctions: Junction[];
  password: string | undefined;
}

// sp-core's SECRET_PHRASE_REGEX, with Rust's Unicode `\w`/`\d` spelled out
const SECRET_URI = /^([\p{Alphabetic}\p{M}\p{Nd}\p{Pc} ]+)?((?:\/\/?[^/]+)*)(?:\/\/\/(.*))?$/u;
const JUNCTION = /\/(\/?)([^/]+)/g;
const U64_MAX = 2n ** 64n - 1n;

/** The chain code of one junction, as sp-core's `DeriveJunction::from(&str)` computes it. */
export function junctionFromString(code: string, hard: boolean): Junction {
  const encoded = /^\+?\d+$/.test(code) && BigInt(code) <= U64_MAX ? u64.enc(BigInt(code)) : str.enc(code);
  const chainCode = new Uint8Array(32);
  chainCode.set(encoded.length > 32 ? blake2_256(encoded) : encoded);
  return { hard, chainCode };
}

/** Splits a secret URI into phrase, junctions and password. */
export function parseSecretUri(uri: string): SecretUri {
  const match = SECRET_URI.exec(uri);
  if (match === null) throw new KeyError("INVALID_URI", "Not a secret URI: expected <phrase or 0x-seed>[/soft][//hard][///password]");
  const [, phrase, path = "", password] = match;
  const junctions = [...path.matchAll(JUNCTION)].map((m) => junctionFromString(m[2]!, m[1] === "/"));
  return { phrase, junctions, password };
}

/** The 32-byte root seed of a phrase: a `0x` hex seed as is, else a mnemonic's Substrate mini-secret. */
export function seedFromPhrase(phrase: string | undefined, password: string | undefined): Uint8Array {
  const p = phrase ?? DEV_PHRASE;
  if (!p.startsWith("0x")) return mnemonicToMiniSecret(p, password);
  let seed: Uint8Array;
  try {
    seed = hexToBytes(p.slice(2));
  } catch {
    throw new KeyError("INVALID_SEED", "The 0x seed is not valid hex");
  }
  if (seed.length !== 32) throw new KeyError("INVALID_SEED", `A 0x seed has 32 bytes, not ${seed.length}`);
  return seed;
}

/**
 * Hard-derives a 32-byte seed the way sp-core does for ed25519 ("Ed25519HDKD") and ecdsa ("Secp256k1HDKD"):
 * blake2_256(SCALE(label) ‖ seed ‖ chainCode). These schemes have no soft derivation.
 */
export function deriveSeed(label: string, seed: Uint8Array, junctions: readonly Junction[]): Uint8Array {
  const prefix = str.enc(label);
  return junctions.reduce((acc, junction) => {
    if (!junction.hard) throw new KeyError("SOFT_DERIVATION_UNSUPPORTED", `${label} keys have no soft derivation: use //`);
    const data = new Uint8Array(prefix.length + 64);
    data.set(prefix, 0);
    data.set(acc, prefix.length);
    data.set(junction.chainCode, prefix.length + 32);
    return blake2_256(data);
  }, seed);
}
