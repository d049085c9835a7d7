/**
 * Minting periods and online windows over chain time (seconds).
 *
 * Period p is [PeriodOrigin + p·PeriodLength, PeriodOrigin + (p+1)·PeriodLength), as minting_v3 counts them;
 * times before the origin belong to period 0. Window w is [w·WindowLength, (w+1)·WindowLength), aligned on the
 * unix epoch. A credit covers the interval [now − credit, now), cut where it crosses a window or a period.
 */
import { PERIOD_LENGTH, PERIOD_ORIGIN, WINDOW_LENGTH } from "./constants.js";
import { minBig, satSub } from "./saturating.js";

const U32_MAX = 0xffff_ffffn;

/** The minting period holding time `t` (u32, saturating). */
export function periodOf(t: bigint): number {
  const p = satSub(t, PERIOD_ORIGIN) / PERIOD_LENGTH;
  return Number(p > U32_MAX ? U32_MAX : p);
}

export function periodStart(period: number): bigint {
  return PERIOD_ORIGIN + BigInt(period) * PERIOD_LENGTH;
}

/** The first second after the period. */
export function periodEnd(period: number): bigint {
  return periodStart(period + 1);
}

/** The online window holding time `t`. */
export function windowOf(t: bigint): number {
  const w = t / WINDOW_LENGTH;
  return Number(w > U32_MAX ? U32_MAX : w);
}

export function windowStart(window: number): bigint {
  return BigInt(window) * WINDOW_LENGTH;
}

/** One piece of a credited interval: the seconds of it inside one period and one window. */
export interface CreditPiece {
  period: number;
  window: number;
  seconds: bigint;
}

/** Cuts [from, to) at every window and period boundary, oldest piece first. */
export function splitInterval(from: bigint, to: bigint): CreditPiece[] {
  const pieces: CreditPiece[] = [];
  let t = from;
  while (t < to) {
    const period = periodOf(t);
    const window = windowOf(t);
    const periodNext = t < PERIOD_ORIGIN ? PERIOD_ORIGIN : periodEnd(period);
    const next = minBig(to, periodNext, windowStart(window + 1));
    pieces.push({ period, window, seconds: next - t });
    t = next;
  }
  return pieces;
}
