import { blake2b } from "@noble/hashes/blake2.js";

const OPTS = { dkLen: 32 } as const;

/** blake2b with a 32-byte digest, the trie's node hasher (`BlakeTwo256`). */
export function blake2b256(data: Uint8Array): Uint8Array {
  return blake2b(data, OPTS);
}
