/**
 * What the other pallets tell Reputation, as plain functions the runtime wires in (after the caller's own
 * checks, inside its dispatch). They are infallible: they never throw a dispatch error, never change the
 * caller's result or events, saturate their arithmetic, and ignore what they cannot use (unknown nodes,
 * reports not newer than the last).
 *
 * TfgridModule: `uptimeReported` (both report calls), `powerStateChanged`, `powerTargetChanged`, `nodeDeleted`.
 * SmartContractModule: `billed`, `overdrawn`, `graceStarted`, `graceEnded`, `graceElapsed`, `canceled`, each
 * with the contract's twin.
 */
import type { BlockContext } from "../../pallet.js";
import { storage as tfgrid } from "../tfgrid/storage.js";
import { RETAIN_PERIODS } from "./constants.js";
import { evaluatePowerDown, evaluateReport, evaluateTarget } from "./credit.js";
import { applyOutcome } from "./ledger.js";
import { afterBill, updatePayment } from "./payment.js";
import { getNodeState } from "./records-codec.js";
import { satAdd32 } from "./saturating.js";
import { storage } from "./storage.js";

export type PowerValue = "Up" | "Down";
export type CancelCause = "CanceledByUser" | "OutOfFunds" | "CanceledByCollective";

/** A node reported `uptime` seconds at chain time `now` (`report_uptime` and `report_uptime_v2`). */
export function uptimeReported(ctx: BlockContext, nodeId: number, now: bigint, uptime: bigint): void {
  const state = getNodeState(ctx.io, nodeId);
  // PERF: only a first report needs the node's creation; a node with a state exists (deletion removes it).
  let created = 0n;
  if (!state?.last) {
    const node = tfgrid.Nodes.get(ctx.io, nodeId);
    if (!node) return;
    created = node.created;
  }
  applyOutcome(ctx, nodeId, now, evaluateReport(state, created, now, uptime));
}

/** A node set its power state at `now`; the farmer's target is read from `TfgridModule::NodePower`. */
export function powerStateChanged(ctx: BlockContext, nodeId: number, now: bigint, state: PowerValue): void {
  if (state !== "Down" || !tfgrid.Nodes.contains(ctx.io, nodeId)) return;
  const target = tfgrid.NodePower.get(ctx.io, nodeId).target;
  applyOutcome(ctx, nodeId, now, evaluatePowerDown(storage.NodeState.get(ctx.io, nodeId), now, target));
}

/** The farmer set a node's power target at `now`. */
export function powerTargetChanged(ctx: BlockContext, nodeId: number, now: bigint, target: PowerValue): void {
  const next = evaluateTarget(storage.NodeState.get(ctx.io, nodeId), now, target);
  if (next) storage.NodeState.set(ctx.io, nodeId, next);
}

/** A node is deleted: its live state and its period records go (its farm's closed aggregates stay). */
export function nodeDeleted(ctx: BlockContext, nodeId: number): void {
  storage.NodeState.remove(ctx.io, nodeId);
  storage.NodeWindows.remove(ctx.io, nodeId);
  // Closed, settling, open and one spare: all a node can hold.
  storage.NodePeriods.removePrefix(ctx.io, nodeId, RETAIN_PERIODS + 3);
}

/** A contract bill of the twin was paid in full. */
export function billed(ctx: BlockContext, twinId: number): void {
  updatePayment(ctx, twinId, (p) => afterBill(p, true));
}

/** A contract bill of the twin could not be paid in full. */
export function overdrawn(ctx: BlockContext, twinId: number): void {
  updatePayment(ctx, twinId, (p) => afterBill(p, false));
}

/** A contract of the twin entered its grace period. */
export function graceStarted(ctx: BlockContext, twinId: number): void {
  updatePayment(ctx, twinId, (p) => ({ ...p, grace: satAdd32(p.grace, 1) }));
}

/** A contract of the twin left its grace period paid up: the bill that paid is counted by `billed`. */
export function graceEnded(_ctx: BlockContext, _twinId: number): void {}

/** A contract of the twin ran out of grace: it is canceled for lack of funds (the only path to `OutOfFunds`). */
export function graceElapsed(ctx: BlockContext, twinId: number): void {
  updatePayment(ctx, twinId, (p) => ({ ...p, out_of_funds: satAdd32(p.out_of_funds, 1) }));
}

/**
 * A contract of the twin was canceled. Only the council's cancels are counted here: `OutOfFunds` is counted
 * once by `graceElapsed`, and a user canceling their own contract says nothing about their payments.
 */
export function canceled(ctx: BlockContext, twinId: number, cause: CancelCause): void {
  if (cause !== "CanceledByCollective") return;
  updatePayment(ctx, twinId, (p) => ({ ...p, collective: satAdd32(p.collective, 1) }));
}
