/**
 * Canonical SCALE compact integers, decoded as parity-scale-codec decodes them.
 *
 * parity-scale-codec rejects a compact that is not in its shortest form (1 as two bytes, a 4-byte-mode value
 * below 2^14, a big-integer-mode value whose top byte is zero or that fits the 4-byte mode) and one too large
 * for its type. scale-ts accepts both, and returns a bigint for every big-integer-mode value, even one that fits
 * a u32. Where a non-canonical encoding would let us accept bytes TFChain rejects (extrinsic length prefixes,
 * nonces, tips), decode with these.
 */
import * as scale from "scale-ts";
import type { Codec } from "scale-ts";
import { CodecError } from "./codec-error.js";

export type CompactBits = 32 | 64 | 128;

/**
 * Reads a canonical `Compact<uN>` at `offset`; returns its value and the offset after it.
 *
 * Throws a `CodecError` (`MALFORMED` for a short or non-canonical input, `OUT_OF_RANGE` past `uN`).
 */
export function readCompact(bytes: Uint8Array, offset: number, bits: CompactBits, what?: string): { value: bigint; next: number } {
  // PERF: on the decode path of every compact; no closure or message is built unless it fails.
  if (offset >= bytes.length) return failCompact("MALFORMED", what, bits, "input too short");
  const first = bytes[offset]!;
  const mode = first & 3;
  if (mode === 0) return { value: BigInt(first >> 2), next: offset + 1 };
  if (mode === 1) {
    if (offset + 2 > bytes.length) return failCompact("MALFORMED", what, bits, "input too short");
    const v = (first | (bytes[offset + 1]! << 8)) >>> 2;
    if (v < 1 << 6) return failCompact("MALFORMED", what, bits, "not canonical");
    return { value: BigInt(v), next: offset + 2 };
  }
  if (mode === 2) {
    if (offset + 4 > bytes.length) return failCompact("MALFORMED", what, bits, "input too short");
    const v = (first | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16) | (bytes[offset + 3]! << 24)) >>> 2;
    if (v < 1 << 14) return failCompact("MALFORMED", what, bits, "not canonical");
    return { value: BigInt(v), next: offset + 4 };
  }
  const n = (first >> 2) + 4;
  if (n > bits / 8) return failCompact("OUT_OF_RANGE", what, bits, `${n} bytes for a u${bits}`);
  if (offset + 1 + n > bytes.length) return failCompact("MALFORMED", what, bits, "input too short");
  let v = 0n;
  for (let i = n; i >= 1; i--) v = (v << 8n) | BigInt(bytes[offset + i]!);
  const min = n === 4 ? 1n << 30n : 1n << BigInt(8 * (n - 1));
  if (v < min) return failCompact("MALFORMED", what, bits, "not canonical");
  return { value: v, next: offset + 1 + n };
}

function failCompact(code: "MALFORMED" | "OUT_OF_RANGE", what: string | undefined, bits: CompactBits, detail: string): never {
  throw new CodecError({ code, what: what ?? `Compact<u${bits}>`, detail });
}

/**
 * Throws a `CodecError` unless `encoded` is one canonical compact length followed by exactly that many bytes.
 *
 * Returns the offset of the body.
 */
export function checkLengthPrefixed(encoded: Uint8Array, what: string): number {
  const { value: len, next } = readCompact(encoded, 0, 32, what);
  const end = next + Number(len);
  if (end > encoded.length) throw new CodecError({ code: "MALFORMED", what, detail: "length past the end" });
  if (end < encoded.length) throw new CodecError({ code: "TRAILING_BYTES", what, detail: `${encoded.length - end} bytes left` });
  return next;
}

/** Encodes a compact integer (scale-ts' encoder writes the canonical form). */
export function encodeCompact(value: number | bigint): Uint8Array {
  return scale.compact.enc(value);
}

/** A scale-ts codec for canonical `Compact<u32>` as a number. */
export const compactU32Strict: Codec<number> = strictCodec(32, (v) => Number(v));
/** A scale-ts codec for canonical `Compact<u64>` as a bigint. */
export const compactU64Strict: Codec<bigint> = strictCodec(64, (v) => v);
/** A scale-ts codec for canonical `Compact<u128>` as a bigint. */
export const compactU128Strict: Codec<bigint> = strictCodec(128, (v) => v);

function strictCodec<T extends number | bigint>(bits: CompactBits, to: (v: bigint) => T): Codec<T> {
  const max = (1n << BigInt(bits)) - 1n;
  return scale.createCodec(
    (v: T) => {
      if (v < 0 || BigInt(v) > max) throw new CodecError({ code: "OUT_OF_RANGE", what: `Compact<u${bits}>`, detail: String(v) });
      return scale.compact.enc(v);
    },
    scale.createDecoder((view: any): T => {
      const { value, next } = readCompact(view, view.i, bits);
      view.i = next;
      return to(value);
    }),
  );
}
