/**
 * Substrate's hash functions and FRAME's storage-key hashers.
 *
 * `twox*` are xxHash64 outputs concatenated, each little-endian, with seeds 0, 1, 2, 3 (sp-crypto-hashing).
 * A storage key is `twox128(pallet) ‖ twox128(item) ‖ hashKey(hasher, SCALE(key))…`; the "Concat" hashers and
 * `Identity` append the encoded key after the hash so that iteration can decode keys back.
 */
import { blake2b } from "@noble/hashes/blake2.js";
import { blake2b as wasmBlake2b } from "@polkadot/wasm-crypto";
import { isWasmCryptoReady } from "./crypto/wasm.js";
import { xxh64Into } from "./crypto/xxhash64.js";

const NO_KEY = new Uint8Array(0);

// PERF: the WebAssembly BLAKE2b is ~6× @noble's on the short inputs of storage keys; both give the same bytes.
function blake2(data: Uint8Array, size: 16 | 32): Uint8Array {
  return isWasmCryptoReady() ? wasmBlake2b(data, NO_KEY, size) : blake2b(data, { dkLen: size });
}

/** BLAKE2b with a 16-byte digest. */
export function blake2_128(data: Uint8Array): Uint8Array {
  return blake2(data, 16);
}

/** BLAKE2b with a 32-byte digest: block hashes, trie node hashes, account ids of ecdsa keys. */
export function blake2_256(data: Uint8Array): Uint8Array {
  return blake2(data, 32);
}

/** xxHash64 with seed 0, little-endian (8 bytes). */
export function twox64(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(8);
  xxh64Into(data, 0, out, 0);
  return out;
}

/** xxHash64 with seeds 0 and 1, concatenated (16 bytes): the pallet and item prefixes of storage keys. */
export function twox128(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(16);
  xxh64Into(data, 0, out, 0);
  xxh64Into(data, 1, out, 8);
  return out;
}

/** xxHash64 with seeds 0 to 3, concatenated (32 bytes). */
export function twox256(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(32);
  for (let seed = 0; seed < 4; seed++) xxh64Into(data, seed, out, seed * 8);
  return out;
}

/** The storage hashers of FRAME metadata V14, spelled as in the metadata. */
export type StorageHasher =
  | "Blake2_128" | "Blake2_256" | "Blake2_128Concat" | "Twox128" | "Twox256" | "Twox64Concat" | "Identity";

interface HasherInfo {
  hash: (data: Uint8Array) => Uint8Array;
  hashLength: number;
  concat: boolean;
}

const identity = (): Uint8Array => new Uint8Array(0);

/** Each storage hasher's hash function, hash length and whether the encoded key follows the hash. */
export const STORAGE_HASHERS: Readonly<Record<StorageHasher, HasherInfo>> = {
  Blake2_128: { hash: blake2_128, hashLength: 16, concat: false },
  Blake2_256: { hash: blake2_256, hashLength: 32, concat: false },
  Blake2_128Concat: { hash: blake2_128, hashLength: 16, concat: true },
  Twox128: { hash: twox128, hashLength: 16, concat: false },
  Twox256: { hash: twox256, hashLength: 32, concat: false },
  Twox64Concat: { hash: twox64, hashLength: 8, concat: true },
  Identity: { hash: identity, hashLength: 0, concat: true },
};

/** Hashes one SCALE-encoded storage map key as `hasher` does, appending the key for the concat hashers. */
export function hashKey(hasher: StorageHasher, encodedKey: Uint8Array): Uint8Array {
  const info = STORAGE_HASHERS[hasher];
  if (!info.concat) return info.hash(encodedKey);
  const out = new Uint8Array(info.hashLength + encodedKey.length);
  out.set(info.hash(encodedKey), 0);
  out.set(encodedKey, info.hashLength);
  return out;
}

/** Whether the encoded key follows the hash, so that a storage key can be decoded back to its map key. */
export function isConcatHasher(hasher: StorageHasher): boolean {
  return STORAGE_HASHERS[hasher].concat;
}

/**
 * How many hash bytes this hasher puts before the encoded key.
 *
 * For a concat hasher the encoded key starts at this offset; for the others the whole key part is this long.
 */
export function hashedPrefixLength(hasher: StorageHasher): number {
  return STORAGE_HASHERS[hasher].hashLength;
}
