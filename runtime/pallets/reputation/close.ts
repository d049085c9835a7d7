/**
 * The period close sweep, run in `on_initialize`.
 *
 * From the first block whose time is at least a period's end plus SettleDelay, the sweep visits up to
 * SweepPerBlock node ids a block, ascending, and closes every node alive then and created before the period
 * ended: uptime ‰ = up·1000/expected (expected from the node's creation, capped at 1000), the SLA of its
 * certification (a violation fails it), minting_v3's twin checks for a node that was up (missing twin, missing
 * relay, public key not 33 bytes), a wake request still unanswered as a boot failure. The node's record gets
 * the verdict and its farm's aggregate grows; records RetainPeriods older are pruned. When the last id is
 * visited the period is closed and the next one waits for its own end.
 *
 * Block time here is the previous block's (`Timestamp::set` runs after `on_initialize`); the sweep only
 * depends on storage, so every node re-importing a block closes the same nodes.
 */
import type { StorageReader } from "../../../state/storage.js";
import type { Weight } from "../../dispatch-types.js";
import type { BlockContext } from "../../pallet.js";
import { rocksDb } from "../system/weights.js";
import { storage as tfgrid } from "../tfgrid/storage.js";
import type { Node } from "../tfgrid/types-node.js";
import { MAX_STANDBY, RETAIN_PERIODS, SETTLE_DELAY, SLA_CERTIFIED, SLA_DIY, SWEEP_PER_BLOCK } from "./constants.js";
import { withBootFailure, withViolation } from "./ledger.js";
import { getNodeState, mutateNodePeriod } from "./records-codec.js";
import { satAdd, satAdd32, satSub } from "./saturating.js";
import { storage } from "./storage.js";
import { periodEnd, periodOf, periodStart } from "./time.js";
import { EMPTY_FARM_PERIOD, EMPTY_NODE_PERIOD, type NodePeriod, type Violation } from "./types.js";

/** Length of a compressed secp256k1 public key, the only twin key minting accepts. */
const TWIN_PK_LENGTH = 33;

// Per node closed: node, state, record, twin, farm aggregate reads; record, farm, two prunes, state writes.
const READS_PER_NODE = 5;
const WRITES_PER_NODE = 5;

/** Uptime ‰ of `up` seconds out of `expected`, capped at 1000. */
export function uptimePermill(up: bigint, expected: bigint): number {
  if (expected === 0n) return 0;
  const permill = (up * 1000n) / expected;
  return permill > 1000n ? 1000 : Number(permill);
}

/** The uptime ‰ a node of this certification must reach. */
export function slaOf(certification: Node["certification"]): number {
  return certification === "Certified" ? SLA_CERTIFIED : SLA_DIY;
}

/** minting_v3's end-of-period twin checks, for a node that was up. */
function twinViolation(io: StorageReader, twinId: number): Violation | undefined {
  const twin = tfgrid.Twins.get(io, twinId);
  if (!twin) return { tag: "MissingTwin" };
  if (!twin.relay || twin.relay.length === 0) return { tag: "MissingRelay" };
  if (twin.pk && twin.pk.length !== TWIN_PK_LENGTH) return { tag: "InvalidPublicKey" };
  return undefined;
}

/** Counts a wake request of the period still unanswered at its close as a boot failure. */
function unansweredRequest(ctx: BlockContext, node: Node, period: number, record: NodePeriod): NodePeriod {
  const state = getNodeState(ctx.io, node.id);
  const standby = state?.standby;
  if (!standby || standby.request === undefined || standby.failed || standby.request >= periodEnd(period)) return record;
  storage.NodeState.set(ctx.io, node.id, { ...state!, standby: { ...standby, failed: true } });
  return withBootFailure(ctx, node.id, period, record, standby.request);
}

/** Closes one node's period: verdict, farm aggregate, pruning, event. */
export function closeNode(ctx: BlockContext, node: Node, period: number): void {
  const start = periodStart(period);
  const expected = satSub(periodEnd(period), node.created > start ? node.created : start);
  let closed: NodePeriod = EMPTY_NODE_PERIOD;
  mutateNodePeriod(ctx.io, node.id, period, (stored) => {
    let record = unansweredRequest(ctx, node, period, stored ?? EMPTY_NODE_PERIOD);
    if (record.up > 0n) {
      const found = twinViolation(ctx.io, node.twin_id);
      if (found) record = withViolation(ctx, node.id, period, record, found);
    }
    const uptime = uptimePermill(record.up, expected);
    const slaMet = record.violation === undefined && uptime >= slaOf(node.certification);
    closed = { ...record, expected, closed: { uptime, certification: node.certification, sla_met: slaMet } };
    return closed;
  });
  const verdict = closed.closed!;
  storage.FarmPeriods.mutate(ctx.io, node.farm_id, period, (stored) => {
    const farm = stored ?? EMPTY_FARM_PERIOD;
    return {
      nodes: satAdd32(farm.nodes, 1),
      sla_met: satAdd32(farm.sla_met, verdict.sla_met ? 1 : 0),
      violating: satAdd32(farm.violating, closed.violation ? 1 : 0),
      up: satAdd(farm.up, closed.up < expected ? closed.up : expected),
      expected: satAdd(farm.expected, expected),
    };
  });
  if (period >= RETAIN_PERIODS) {
    storage.NodePeriods.remove(ctx.io, node.id, period - RETAIN_PERIODS);
    storage.FarmPeriods.remove(ctx.io, node.farm_id, period - RETAIN_PERIODS);
  }
  ctx.deposit("Reputation", {
    tag: "NodePeriodClosed",
    value: {
      node_id: node.id, farm_id: node.farm_id, period, up: closed.up, expected, uptime: verdict.uptime, sla_met: verdict.sla_met,
      violation: closed.violation,
    },
  });
}

/** One block's step of the sweep at chain time `now`; returns the weight used. */
export function sweep(ctx: BlockContext, now: bigint): Weight {
  const cursor = storage.SweepCursor.get(ctx.io);
  if (!cursor) {
    if (now === 0n) return rocksDb(2, 0);
    // The oldest period a credit of this block could reach.
    storage.SweepCursor.set(ctx.io, { period: periodOf(satSub(now, MAX_STANDBY)), next_node: 1, closed: 0 });
    return rocksDb(2, 1);
  }
  const { period } = cursor;
  const end = periodEnd(period);
  if (now < end + SETTLE_DELAY) return rocksDb(2, 0);
  const lastId = tfgrid.NodeID.get(ctx.io);
  let id = Math.max(cursor.next_node, 1);
  let closed = cursor.closed;
  let visited = 0;
  for (; id <= lastId && visited < SWEEP_PER_BLOCK; id++, visited++) {
    const node = tfgrid.Nodes.get(ctx.io, id);
    if (!node || node.created >= end) continue;
    closeNode(ctx, node, period);
    closed = satAdd32(closed, 1);
  }
  if (id > lastId) {
    ctx.deposit("Reputation", { tag: "PeriodClosed", value: { period, nodes: closed } });
    storage.SweepCursor.set(ctx.io, { period: period + 1, next_node: 1, closed: 0 });
  } else {
    storage.SweepCursor.set(ctx.io, { period, next_node: id, closed });
  }
  const nodes = closed - cursor.closed;
  return rocksDb(3 + visited + READS_PER_NODE * nodes, 1 + WRITES_PER_NODE * nodes);
}
