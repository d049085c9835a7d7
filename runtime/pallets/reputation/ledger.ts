/**
 * Writes what the rules decide into a node's period records and window ring: credits split across periods
 * and windows, reboots, boot failures and the period's first violation (announced once).
 *
 * A closed period takes nothing more: its verdict and its farm's aggregate are final.
 */
import type { BlockContext } from "../../pallet.js";
import type { Outcome } from "./credit.js";
import { mutateNodePeriod, setNodeState } from "./records-codec.js";
import { satAdd, satAdd32, satSub } from "./saturating.js";
import { storage } from "./storage.js";
import { periodOf, splitInterval } from "./time.js";
import { EMPTY_NODE_PERIOD, type NodePeriod, type Violation } from "./types.js";
import { addToWindowsBytes, emptyWindowsBytes, WINDOWS_SIZE } from "./windows-codec.js";

/** Farmerbot boot failures in one period that make it `BootRequestExpired`. */
export const BOOT_FAILURES_EXPIRED = 2;

/** Bytes of an encoded `SweepCursor` (three u32). */
const CURSOR_SIZE = 12;

/** The oldest period the sweep has not closed (0 before the sweep started). */
function openFrom(ctx: BlockContext): number {
  // PERF: read for every credit; only the cursor's first field is needed, a little-endian u32.
  const raw = ctx.io.get(storage.SweepCursor.key());
  if (raw === undefined) return 0;
  if (raw.length !== CURSOR_SIZE) return storage.SweepCursor.value.dec(raw).period;
  return (raw[0]! | (raw[1]! << 8) | (raw[2]! << 16) | (raw[3]! << 24)) >>> 0;
}

/** Changes a node's record of a period not yet closed (`f` returns the new record). */
function updatePeriod(ctx: BlockContext, openFrom: number, nodeId: number, period: number, f: (p: NodePeriod) => NodePeriod): void {
  if (period < openFrom) return;
  mutateNodePeriod(ctx.io, nodeId, period, (current) => {
    if (current?.closed) return current;
    return f(current ?? EMPTY_NODE_PERIOD);
  });
}

/** Credits [now − seconds, now) to the open periods and the windows it covers. */
export function creditNode(ctx: BlockContext, nodeId: number, now: bigint, seconds: bigint, standby: boolean, from = openFrom(ctx)): void {
  if (seconds <= 0n) return;
  // PERF: the window ring is credited on a copy of its stored bytes, without decoding and encoding it.
  const ringKey = storage.NodeWindows.key(nodeId);
  const stored = ctx.io.get(ringKey);
  // A ring that is not 124 bytes fails to decode, as it would through the codec.
  if (stored !== undefined && stored.length !== WINDOWS_SIZE) storage.NodeWindows.value.dec(stored);
  let ring: Uint8Array | undefined = stored?.slice();
  for (const piece of splitInterval(satSub(now, seconds), now)) {
    updatePeriod(ctx, from, nodeId, piece.period, (p) => ({
      ...p,
      up: satAdd(p.up, piece.seconds),
      standby: standby ? satAdd(p.standby, piece.seconds) : p.standby,
    }));
    ring ??= emptyWindowsBytes(piece.window);
    addToWindowsBytes(ring, piece.window, Number(piece.seconds));
  }
  if (ring) ctx.io.set(ringKey, ring);
}

/** Gives the record its first violation and announces it; a record that has one keeps it. */
export function withViolation(ctx: BlockContext, nodeId: number, period: number, p: NodePeriod, violation: Violation): NodePeriod {
  if (p.violation) return p;
  ctx.deposit("Reputation", { tag: "NodeViolation", value: { node_id: nodeId, period, violation } });
  return { ...p, violation };
}

/** Counts a farmerbot boot failure; the second of a period is `BootRequestExpired`. */
export function withBootFailure(ctx: BlockContext, nodeId: number, period: number, p: NodePeriod, requestedAt: bigint): NodePeriod {
  const counted = { ...p, boot_failures: satAdd32(p.boot_failures, 1) };
  if (counted.boot_failures < BOOT_FAILURES_EXPIRED) return counted;
  return withViolation(ctx, nodeId, period, counted, { tag: "BootRequestExpired", value: { requested_at: requestedAt } });
}

/** Stores an outcome of the rules at chain time `now`. */
export function applyOutcome(ctx: BlockContext, nodeId: number, now: bigint, outcome: Outcome): void {
  if (outcome.state) setNodeState(ctx.io, nodeId, outcome.state);
  const from = openFrom(ctx);
  creditNode(ctx, nodeId, now, outcome.credit, outcome.standby ?? false, from);
  const period = periodOf(now);
  if (outcome.reboot) updatePeriod(ctx, from, nodeId, period, (p) => ({ ...p, reboots: satAdd32(p.reboots, 1) }));
  const violation = outcome.violation;
  if (violation) updatePeriod(ctx, from, nodeId, period, (p) => withViolation(ctx, nodeId, period, p, violation));
  const failedAt = outcome.bootFailure;
  if (failedAt !== undefined) {
    const requested = periodOf(failedAt);
    updatePeriod(ctx, from, nodeId, requested, (p) => withBootFailure(ctx, nodeId, requested, p, failedAt));
  }
}
