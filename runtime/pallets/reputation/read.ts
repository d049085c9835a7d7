/**
 * The JSON the runtime API `ReputationApi_{node,farm,twin}` and the RPC `reputation_{node,farm,twin}(id, at?)`
 * answer, read from one block's state: the open, settling and last closed periods and the scores. An id the
 * registry does not know is `null`.
 *
 * A period is open until its end, then settling until the sweep closes it. The open period's expected
 * seconds run to the block's time. Times and seconds are JSON numbers (all below 2⁵³).
 */
import type { StorageReader } from "../../../state/storage.js";
import { storage as tfgrid } from "../tfgrid/storage.js";
import type { Node } from "../tfgrid/types-node.js";
import { now as nowMs } from "../timestamp/storage.js";
import { slaOf, uptimePermill } from "./close.js";
import { onlineScore, type OnlineScore } from "./online.js";
import { GOOD_STANDING, NEW_TWIN_PAYMENT, paymentScore, VETTED_BILLS } from "./payment.js";
import { satSub } from "./saturating.js";
import { storage } from "./storage.js";
import { periodEnd, periodOf, periodStart } from "./time.js";
import { EMPTY_NODE_PERIOD, type NodePeriod, type Violation } from "./types.js";

export type ViolationJson = { type: string } & Record<string, number | string>;

export interface NodePeriodJson {
  period: number;
  start: number;
  end: number;
  closed: boolean;
  /** Seconds expected from the node's creation (to the block's time while open). */
  expected: number;
  up: number;
  standby: number;
  reboots: number;
  bootFailures: number;
  /** Uptime ‰ of `up` over `expected`. */
  uptime: number;
  /** The ‰ the node's certification requires. */
  sla: number;
  /** Known once closed. */
  slaMet: boolean | null;
  violation: ViolationJson | null;
}

export interface NodeReputation {
  nodeId: number;
  farmId: number;
  twinId: number;
  certification: string;
  created: number;
  now: number;
  open: NodePeriodJson;
  settling: NodePeriodJson | null;
  lastClosed: NodePeriodJson | null;
  online: OnlineScore;
  lastReport: { at: number; uptime: number } | null;
  standby: { since: number; request: number | null; failed: boolean } | null;
}

export interface FarmPeriodJson {
  period: number;
  closed: boolean;
  nodes: number;
  /** Nodes meeting their SLA; known once closed. */
  slaMet: number | null;
  violating: number;
  up: number;
  expected: number;
  uptime: number;
}

export interface FarmReputation {
  farmId: number;
  now: number;
  nodes: number;
  open: FarmPeriodJson;
  settling: FarmPeriodJson | null;
  lastClosed: FarmPeriodJson | null;
}

export interface TwinReputation {
  twinId: number;
  /** Payment score in ppm. */
  score: number;
  good: boolean;
  vetted: boolean;
  paid: number;
  overdrawn: number;
  grace: number;
  outOfFunds: number;
  collective: number;
}

const num = (x: bigint) => Number(x);

function violationJson(v: Violation | undefined): ViolationJson | null {
  if (!v) return null;
  const fields = Object.fromEntries(Object.entries(v.value ?? {}).map(([k, x]) => [k, typeof x === "bigint" ? Number(x) : String(x)]));
  return { type: v.tag, ...fields };
}

/** Seconds of `period` a node created at `created` was expected up, up to `until`. */
function expectedIn(period: number, created: bigint, until: bigint): bigint {
  const start = periodStart(period);
  const end = periodEnd(period);
  return satSub(until < end ? until : end, created > start ? created : start);
}

function blockTime(io: StorageReader): bigint {
  return nowMs(io) / 1000n;
}

/** Whether the sweep has closed `period` for every node (the cursor holds the oldest period not closed). */
function isClosedPeriod(io: StorageReader, period: number): boolean {
  const cursor = storage.SweepCursor.get(io);
  return cursor !== undefined && period < cursor.period;
}

function nodePeriodJson(node: Node, period: number, record: NodePeriod, now: bigint): NodePeriodJson {
  const expected = record.closed ? record.expected : expectedIn(period, node.created, now);
  const sla = record.closed ? slaOf(record.closed.certification) : slaOf(node.certification);
  return {
    period,
    start: num(periodStart(period)),
    end: num(periodEnd(period)),
    closed: record.closed !== undefined,
    expected: num(expected),
    up: num(record.up),
    standby: num(record.standby),
    reboots: record.reboots,
    bootFailures: record.boot_failures,
    uptime: record.closed ? record.closed.uptime : uptimePermill(record.up, expected),
    sla,
    slaMet: record.closed ? record.closed.sla_met : null,
    violation: violationJson(record.violation),
  };
}

/** `reputation_node(id)`. */
export function nodeReputation(io: StorageReader, nodeId: number): NodeReputation | null {
  const node = tfgrid.Nodes.get(io, nodeId);
  if (!node) return null;
  const now = blockTime(io);
  const open = periodOf(now);
  const records = new Map<number, NodePeriod>(storage.NodePeriods.entriesFor(io, nodeId));
  const recordOf = (p: number) => records.get(p) ?? EMPTY_NODE_PERIOD;
  const previous = open - 1;
  const settles = previous >= 0 && node.created < periodEnd(previous) && !recordOf(previous).closed && !isClosedPeriod(io, previous);
  const closed = [...records].filter(([, r]) => r.closed).sort(([a], [b]) => b - a)[0];
  const state = storage.NodeState.get(io, nodeId);
  return {
    nodeId,
    farmId: node.farm_id,
    twinId: node.twin_id,
    certification: node.certification,
    created: num(node.created),
    now: num(now),
    open: nodePeriodJson(node, open, recordOf(open), now),
    settling: settles ? nodePeriodJson(node, previous, recordOf(previous), now) : null,
    lastClosed: closed ? nodePeriodJson(node, closed[0], closed[1], now) : null,
    online: onlineScore(storage.NodeWindows.get(io, nodeId), node.created, now),
    lastReport: state?.last ? { at: num(state.last.at), uptime: num(state.last.uptime) } : null,
    standby: state?.standby
      ? { since: num(state.standby.since), request: state.standby.request === undefined ? null : num(state.standby.request), failed: state.standby.failed }
      : null,
  };
}

/** A farm's period so far, summed over its nodes' records. */
function liveFarmPeriod(io: StorageReader, nodeIds: number[], period: number, now: bigint): FarmPeriodJson {
  let nodes = 0;
  let violating = 0;
  let up = 0n;
  let expected = 0n;
  for (const id of nodeIds) {
    const node = tfgrid.Nodes.get(io, id);
    if (!node || node.created >= periodEnd(period)) continue;
    const record = storage.NodePeriods.get(io, id, period) ?? EMPTY_NODE_PERIOD;
    const e = expectedIn(period, node.created, now);
    nodes++;
    if (record.violation) violating++;
    up += record.up < e ? record.up : e;
    expected += e;
  }
  return { period, closed: false, nodes, slaMet: null, violating, up: num(up), expected: num(expected), uptime: uptimePermill(up, expected) };
}

/** `reputation_farm(id)`. */
export function farmReputation(io: StorageReader, farmId: number): FarmReputation | null {
  if (!tfgrid.Farms.contains(io, farmId)) return null;
  const now = blockTime(io);
  const open = periodOf(now);
  const nodeIds = tfgrid.NodesByFarmID.get(io, farmId);
  const previous = open - 1;
  const aggregates = [...storage.FarmPeriods.entriesFor(io, farmId)].sort(([a], [b]) => b - a);
  const newest = aggregates[0];
  const settles = previous >= 0 && !isClosedPeriod(io, previous) && newest?.[0] !== previous;
  return {
    farmId,
    now: num(now),
    nodes: nodeIds.length,
    open: liveFarmPeriod(io, nodeIds, open, now),
    settling: settles ? liveFarmPeriod(io, nodeIds, previous, now) : null,
    lastClosed: newest
      ? {
          period: newest[0], closed: true, nodes: newest[1].nodes, slaMet: newest[1].sla_met, violating: newest[1].violating,
          up: num(newest[1].up), expected: num(newest[1].expected), uptime: uptimePermill(newest[1].up, newest[1].expected),
        }
      : null,
  };
}

/** `reputation_twin(id)`. */
export function twinReputation(io: StorageReader, twinId: number): TwinReputation | null {
  if (!tfgrid.Twins.contains(io, twinId)) return null;
  const p = storage.TwinPayment.get(io, twinId) ?? NEW_TWIN_PAYMENT;
  const score = paymentScore(p);
  return {
    twinId,
    score,
    good: score >= GOOD_STANDING,
    vetted: p.paid >= VETTED_BILLS,
    paid: p.paid,
    overdrawn: p.overdrawn,
    grace: p.grace,
    outOfFunds: p.out_of_funds,
    collective: p.collective,
  };
}
