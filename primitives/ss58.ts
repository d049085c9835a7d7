/**
 * SS58 addresses: base58(prefix ‖ payload ‖ checksum), checksum = blake2b-512("SS58PRE" ‖ prefix ‖ payload).
 *
 * Prefixes 0–63 take one byte; 64–16383 take two bytes with the first byte's 0x40 bit set. The checksum is
 * 2 bytes for 32/33-byte payloads (account ids, compressed ecdsa keys) and 1 byte for 1/2/4/8-byte payloads
 * (account indices), as sp-core and @polkadot/util-crypto do. Prefixes 46 and 47 are reserved.
 */
import { blake2b } from "@noble/hashes/blake2.js";
import { base58 } from "@scure/base";

/** The generic Substrate prefix, which TFChain uses. */
export const SS58_DEFAULT_PREFIX = 42;

/** Why an address could not be encoded or decoded. */
export type Ss58ErrorCode =
  | "BAD_BASE58" | "BAD_LENGTH" | "INVALID_PREFIX" | "RESERVED_PREFIX" | "INVALID_CHECKSUM" | "PREFIX_MISMATCH";

/** An address that cannot be encoded or decoded; `code` says why. */
export class Ss58Error extends Error {
  readonly code: Ss58ErrorCode;
  constructor(code: Ss58ErrorCode, detail: string) {
    super(`Invalid SS58 address: ${detail}`);
    this.name = "Ss58Error";
    this.code = code;
  }
}

const SS58PRE = new TextEncoder().encode("SS58PRE");
const MAX_PREFIX = 16383;
const RESERVED_PREFIXES = [46, 47];
const CHECKSUM_LENGTH: Readonly<Record<number, number>> = { 1: 1, 2: 1, 4: 1, 8: 1, 32: 2, 33: 2 };

function checksum(body: Uint8Array): Uint8Array {
  const data = new Uint8Array(SS58PRE.length + body.length);
  data.set(SS58PRE, 0);
  data.set(body, SS58PRE.length);
  return blake2b(data, { dkLen: 64 });
}

function checkPrefix(prefix: number): void {
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > MAX_PREFIX) {
    throw new Ss58Error("INVALID_PREFIX", `prefix ${prefix} is outside 0..${MAX_PREFIX}`);
  }
  if (RESERVED_PREFIXES.includes(prefix)) throw new Ss58Error("RESERVED_PREFIX", `prefix ${prefix} is reserved`);
}

function prefixBytes(prefix: number): number[] {
  if (prefix < 64) return [prefix];
  return [((prefix & 0b1111_1100) >> 2) | 0b0100_0000, (prefix >> 8) | ((prefix & 0b11) << 6)];
}

/** Encodes a payload (normally a 32-byte account id) as an SS58 address with the given network prefix. */
export function encodeSs58(payload: Uint8Array, prefix: number = SS58_DEFAULT_PREFIX): string {
  checkPrefix(prefix);
  const checksumLength = CHECKSUM_LENGTH[payload.length];
  if (checksumLength === undefined) {
    throw new Ss58Error("BAD_LENGTH", `a ${payload.length}-byte payload has no SS58 form (1, 2, 4, 8, 32 or 33)`);
  }
  const head = prefixBytes(prefix);
  const body = new Uint8Array(head.length + payload.length);
  body.set(head, 0);
  body.set(payload, head.length);
  const out = new Uint8Array(body.length + checksumLength);
  out.set(body, 0);
  out.set(checksum(body).subarray(0, checksumLength), body.length);
  return base58.encode(out);
}

/** Decodes an SS58 address into its network prefix and payload, checking the checksum. */
export function decodeSs58(address: string): { prefix: number; payload: Uint8Array } {
  let data: Uint8Array;
  try {
    data = base58.decode(address);
  } catch {
    throw new Ss58Error("BAD_BASE58", `"${address}" is not base58`);
  }
  const first = data[0] ?? 0;
  if (data.length < 2) throw new Ss58Error("BAD_LENGTH", `"${address}" is too short`);
  if (first >= 128) throw new Ss58Error("INVALID_PREFIX", `first byte 0x${first.toString(16)} is not a prefix`);
  const prefixLength = first < 64 ? 1 : 2;
  const second = data[1]!;
  const prefix = first < 64 ? first : ((first & 0b0011_1111) << 2) | (second >> 6) | ((second & 0b0011_1111) << 8);
  const payloadLength = [32, 33, 1, 2, 4, 8].find((n) => prefixLength + n + CHECKSUM_LENGTH[n]! === data.length);
  if (payloadLength === undefined) {
    throw new Ss58Error("BAD_LENGTH", `"${address}" decodes to ${data.length} bytes, which fits no payload length`);
  }
  if (RESERVED_PREFIXES.includes(prefix)) throw new Ss58Error("RESERVED_PREFIX", `prefix ${prefix} is reserved`);
  const bodyLength = prefixLength + payloadLength;
  const expected = checksum(data.subarray(0, bodyLength));
  for (let i = bodyLength; i < data.length; i++) {
    if (data[i] !== expected[i - bodyLength]) throw new Ss58Error("INVALID_CHECKSUM", `"${address}" has a bad checksum`);
  }
  return { prefix, payload: data.slice(prefixLength, bodyLength) };
}

/** Decodes an SS58 address that must hold a 32-byte account id, optionally with a given prefix. */
export function decodeSs58AccountId(address: string, expectedPrefix?: number): Uint8Array {
  const { prefix, payload } = decodeSs58(address);
  if (payload.length !== 32) {
    throw new Ss58Error("BAD_LENGTH", `"${address}" holds ${payload.length} bytes, not a 32-byte account id`);
  }
  if (expectedPrefix !== undefined && prefix !== expectedPrefix) {
    throw new Ss58Error("PREFIX_MISMATCH", `"${address}" has prefix ${prefix}, expected ${expectedPrefix}`);
  }
  return payload;
}

/** Whether a string is a well-formed SS58 address. */
export function isSs58(address: string): boolean {
  try {
    decodeSs58(address);
    return true;
  } catch {
    return false;
  }
}
