/**
 * Writes what the rules decide into a node's period records and window ring: credits split across periods
 * and windows, reboots, boot failures and the period's first violation (announced once).
 *
 * A closed period takes nothing more: its verdict and its farm's aggregate are final.
 */
import type { BlockContext } from "../../pallet.js";
import type { Outcome } from "./credit.js";
import { addToWindows } from "./online.js";
import { satAdd, satAdd32, satSub } from "./saturating.js";
import { storage } from "./storage.js";
import { periodOf, splitInterval } from "./time.js";
import { EMPTY_NODE_PERIOD, type NodePeriod, type Violation } from "./types.js";

/** Farmerbot boot failures in one period that make it `BootRequestExpired`. */
export const BOOT_FAILURES_EXPIRED = 2;

/** The oldest period the sweep has not closed (0 before the sweep started). */
function openFrom(ctx: BlockContext): number {
  return storage.SweepCursor.get(ctx.io)?.period ?? 0;
}

/** Changes a node's record of a period not yet closed (`f` returns the new record). */
function updatePeriod(ctx: BlockContext, openFrom: number, nodeId: number, period: number, f: (p: NodePeriod) => NodePeriod): void {
  if (period < openFrom) return;
  storage.NodePeriods.mutate(ctx.io, nodeId, period, (current) => {
    if (current?.closed) return current;
    return f(current ?? EMPTY_NODE_PERIOD);
  });
}

/** Credits [now − seconds, now) to the open periods and the windows it covers. */
export function creditNode(ctx: BlockContext, nodeId: number, now: bigint, seconds: bigint, standby: boolean, from = openFrom(ctx)): void {
  if (seconds <= 0n) return;
  let ring = storage.NodeWindows.get(ctx.io, nodeId);
  for (const piece of splitInterval(satSub(now, seconds), now)) {
    updatePeriod(ctx, from, nodeId, piece.period, (p) => ({
      ...p,
      up: satAdd(p.up, piece.seconds),
      standby: standby ? satAdd(p.standby, piece.seconds) : p.standby,
    }));
    ring = addToWindows(ring, piece.window, Number(piece.seconds));
  }
  if (ring) storage.NodeWindows.set(ctx.io, nodeId, ring);
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
  if (outcome.state) storage.NodeState.set(ctx.io, nodeId, outcome.state);
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
