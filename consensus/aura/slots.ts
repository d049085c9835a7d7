/**
 * Aura slots on the client side: wall-clock time cut into 6 s slots, numbered from the Unix epoch.
 *
 * The slot of a block is the one its author claims in the `aura` pre-runtime digest; the runtime checks that
 * the block's timestamp lies in it. Authors act at slot boundaries; importers refuse blocks from slots too
 * far ahead of their own clock.
 */
import { SLOT_DURATION, slotAt } from "../../runtime/pallets/aura/index.js";

export { SLOT_DURATION, slotAt };

/** The slot duration as a number of milliseconds, for timers. */
export const SLOT_DURATION_MS = Number(SLOT_DURATION);

/** How many slots ahead of the local clock a block may claim (Substrate's Aura verifier allows `slot_now + 1`). */
export const MAX_FUTURE_SLOTS = 1n;

/** The first millisecond of `slot`. */
export function slotStart(slot: bigint): bigint {
  return slot * SLOT_DURATION;
}

/** Milliseconds from `nowMs` to the start of the next slot (never 0). */
export function msUntilNextSlot(nowMs: number): number {
  return SLOT_DURATION_MS - (nowMs % SLOT_DURATION_MS);
}
