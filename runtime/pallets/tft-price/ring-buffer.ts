/**
 * The price history: a ring buffer of 1440 slots in `TftPriceHistory`, its range in `BufferRange`.
 *
 * As TFChain's `RingBufferTransient`: a push writes slot `end` and moves `end` on (wrapping at 1440), pushing
 * `start` ahead when full; old slots are overwritten, never removed, so the history map holds up to 1440 prices
 * and the average is over all of them.
 */
import { U32F32 } from "../../../primitives/fixed-point.js";
import type { Storage, StorageReader } from "../../../state/storage.js";
import { storage } from "./storage.js";

export const HISTORY_SLOTS = 1440;

export function pushPrice(io: Storage, price: number): void {
  let [start, end] = storage.BufferRange.get(io);
  storage.TftPriceHistory.set(io, end, price);
  const next = end + 1 === HISTORY_SLOTS ? 0 : end + 1;
  if (next === start) start = start + 1 >= HISTORY_SLOTS ? 0 : start + 1;
  end = next;
  storage.BufferRange.set(io, [start, end]);
}

/** Every price in the history map (slot order does not matter for the average). */
export function historyPrices(io: StorageReader): number[] {
  return [...storage.TftPriceHistory.entries(io)].map(([, price]) => price);
}

/**
 * `calc_avg`: the u32 sum (saturating) divided as U32F32 fixed point (truncating to 32 fractional bits), then
 * rounded to nearest, ties away from zero.
 */
export function averagePrice(prices: number[]): number {
  if (prices.length === 0) return 0;
  let sum = 0n;
  for (const p of prices) sum = sum + BigInt(p) > 0xffff_ffffn ? 0xffff_ffffn : sum + BigInt(p);
  const average = U32F32.div(U32F32.int(sum), U32F32.int(prices.length));
  return Number(U32F32.toInt(U32F32.round(average), 32));
}
