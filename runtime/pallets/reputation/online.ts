/**
 * The online score, after Storj's audit and online scores: the share of the last `Windows` complete 12-hour
 * windows a node was up, counted from its creation.
 *
 * A node's ring holds up-seconds per window (slot `w % Windows`); windows newer than its `latest` or older
 * than the ring are dark. A window that began before the node's creation expects only the seconds after it.
 * Below 600 ‰ the node is unreliable; with 42 complete windows since its creation (Storj's 504 h) it is vetted.
 */
import { WINDOW_LENGTH, WINDOWS } from "./constants.js";
import { windowOf, windowStart } from "./time.js";
import type { NodeWindows } from "./types.js";

/** Below this (‰) a node is unreliable. */
export const UNRELIABLE_BELOW = 600;
/** Complete windows since creation before a node is vetted. */
export const VETTED_WINDOWS = 42;

const WINDOW_SECONDS = Number(WINDOW_LENGTH);

/** Adds `seconds` to window `w` of the ring (a new ring if none), clearing the windows skipped since `latest`. */
export function addToWindows(ring: NodeWindows | undefined, w: number, seconds: number): NodeWindows {
  const next: NodeWindows = ring ? { latest: ring.latest, up: [...ring.up] } : { latest: w, up: new Array<number>(WINDOWS).fill(0) };
  if (w > next.latest) {
    for (let i = 1; i <= Math.min(w - next.latest, WINDOWS); i++) next.up[(next.latest + i) % WINDOWS] = 0;
    next.latest = w;
  }
  if (w + WINDOWS <= next.latest) return next;
  const slot = w % WINDOWS;
  next.up[slot] = Math.min(WINDOW_SECONDS, next.up[slot]! + seconds);
  return next;
}

/** Up-seconds the ring holds for window `w` (0 when dark or out of the ring). */
export function upIn(ring: NodeWindows | undefined, w: number): number {
  if (!ring || w > ring.latest || w + WINDOWS <= ring.latest) return 0;
  return ring.up[w % WINDOWS]!;
}

export interface OnlineScore {
  /** Up ‰ over the complete windows counted; `null` before the first complete window. */
  score: number | null;
  /** Complete windows counted (at most `Windows`). */
  windows: number;
  unreliable: boolean;
  vetted: boolean;
}

/** The online score at `now` of a node created at `created`. */
export function onlineScore(ring: NodeWindows | undefined, created: bigint, now: bigint): OnlineScore {
  const current = windowOf(now);
  const first = windowOf(created);
  let up = 0;
  let expected = 0;
  let windows = 0;
  for (let w = Math.max(current - WINDOWS, first, 0); w < current; w++) {
    const start = windowStart(w);
    const expect = WINDOW_SECONDS - (created > start ? Number(created - start) : 0);
    if (expect <= 0) continue;
    windows++;
    expected += expect;
    up += Math.min(expect, upIn(ring, w));
  }
  const score = expected > 0 ? Math.floor((up * 1000) / expected) : null;
  // Windows wholly after the creation: the one the node was created in is partial.
  const complete = current - (created % WINDOW_LENGTH === 0n ? first : first + 1);
  return { score, windows, unreliable: score !== null && score < UNRELIABLE_BELOW, vetted: complete >= VETTED_WINDOWS };
}
