/**
 * Saturating arithmetic for the stored integer widths: hooks never fail, so sums stop at the type's bound
 * and differences at zero.
 */
const U64_MAX = (1n << 64n) - 1n;
const U32_MAX = 0xffff_ffff;

/** `a.saturating_sub(b)` for u64. */
export function satSub(a: bigint, b: bigint): bigint {
  return a > b ? a - b : 0n;
}

/** `a.saturating_add(b)` for u64. */
export function satAdd(a: bigint, b: bigint): bigint {
  const s = a + b;
  return s > U64_MAX ? U64_MAX : s;
}

/** `a.saturating_add(b)` for u32. */
export function satAdd32(a: number, b: number): number {
  return Math.min(U32_MAX, a + b);
}

export function minBig(...xs: bigint[]): bigint {
  let m = xs[0]!;
  for (const x of xs) if (x < m) m = x;
  return m;
}
