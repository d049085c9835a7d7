/**
 * Unsigned binary fixed point as the `substrate-fixed` crate computes it (TFChain's `U64F64` for billing,
 * `U32F32` for the TFT price average), over BigInt bits: a value is `bits / 2^frac`.
 *
 * Division and multiplication truncate; `round` goes to the nearest integer, ties away from zero; results wrap
 * at the type's width, as the release-built runtime does. Floats appear only as the exact constants TFChain
 * writes (`from_num(0.8)` is the double 0.8, converted exactly).
 */

export interface UFixed {
  readonly frac: bigint;
  readonly width: number;
  /** `from_num(n)` for an integer. */
  int(n: bigint | number): bigint;
  /** `from_num(x)` for a float constant: the double's exact value, rounded to the nearest representable. */
  float(x: number): bigint;
  mul(a: bigint, b: bigint): bigint;
  div(a: bigint, b: bigint): bigint;
  /** `round()`: nearest integer, ties away from zero, still in fixed point. */
  round(a: bigint): bigint;
  /** `to_num::<u64>()` (or `u32`): the integer part, wrapped to `bits` bits. */
  toInt(a: bigint, bits?: number): bigint;
}

function fixedType(intBits: number, fracBits: number): UFixed {
  const frac = BigInt(fracBits);
  const width = intBits + fracBits;
  const wrap = (x: bigint) => BigInt.asUintN(width, x);
  const half = 1n << (frac - 1n);
  return {
    frac,
    width,
    int: (n) => wrap(BigInt(n) << frac),
    float: (x) => {
      if (!(x >= 0) || !Number.isFinite(x)) throw new RangeError(`not a non-negative finite number: ${x}`);
      const [mantissa, exponent] = decompose(x);
      const shift = exponent + fracBits;
      if (shift >= 0) return wrap(mantissa << BigInt(shift));
      const scaled = mantissa >> BigInt(-shift);
      const rest = mantissa - (scaled << BigInt(-shift));
      const halfUnit = 1n << BigInt(-shift - 1);
      return wrap(rest > halfUnit || (rest === halfUnit && (scaled & 1n) === 1n) ? scaled + 1n : scaled);
    },
    mul: (a, b) => wrap((a * b) >> frac),
    div: (a, b) => {
      if (b === 0n) throw new RangeError("division by zero");
      return wrap((a << frac) / b);
    },
    round: (a) => wrap(((a + half) >> frac) << frac),
    toInt: (a, bits = 64) => BigInt.asUintN(bits, a >> frac),
  };
}

/** A double as mantissa · 2^exponent, exactly. */
function decompose(x: number): [bigint, number] {
  if (x === 0) return [0n, 0];
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  return biased === 0 ? [fraction, -1074] : [fraction | (1n << 52n), biased - 1075];
}

export const U64F64 = fixedType(64, 64);
export const U32F32 = fixedType(32, 32);
