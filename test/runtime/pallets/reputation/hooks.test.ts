// The hooks other pallets call (hooks.ts, tfgrid-hooks.ts): bounded storage over many periods, node deletion,
// and inputs they must survive without failing.
import { strict as assert } from "node:assert";
import * as hooks from "../../../../runtime/pallets/reputation/hooks.js";
import { nodeReputation } from "../../../../runtime/pallets/reputation/read.js";
import { storage } from "../../../../runtime/pallets/reputation/storage.js";
import { periodStart } from "../../../../runtime/pallets/reputation/time.js";
import { FARMER_TWIN, nodeTwin, P91_END, P91_START, ReputationChain, SETTLE } from "./fixtures.js";

const T0 = P91_START + 500_000n;
const U64_MAX = (1n << 64n) - 1n;

describe("Reputation hooks", () => {
  it("leaves at most 8 period records a node (and 7 a farm) after 20 simulated periods", () => {
    const c = new ReputationChain(T0);
    c.addNode(1, P91_START - 5_000_000n);
    c.addNode(2, P91_START - 5_000_000n);
    for (let p = 92; p <= 111; p++) {
      // Past the previous period's close; both nodes report (a reboot each time) in the open period.
      const t = periodStart(p) + SETTLE + 1_000n;
      c.settle(t);
      c.report(1, t, 1_000n);
      c.report(2, t, 1_000n);
      const records = [...storage.NodePeriods.entriesFor(c.io, 1)].map(([period]) => period);
      assert.equal(records.length <= 8, true, `period ${p}: ${records}`);
      assert.equal([...storage.FarmPeriods.entriesFor(c.io, 1)].length <= 7, true, `period ${p}`);
    }
    const kept = [...storage.NodePeriods.entriesFor(c.io, 1)].map(([period]) => period).sort((a, b) => a - b);
    assert.deepEqual(kept, [105, 106, 107, 108, 109, 110, 111]);
    assert.deepEqual([...storage.FarmPeriods.entriesFor(c.io, 1)].map(([period]) => period).sort((a, b) => a - b), [105, 106, 107, 108, 109, 110]);
    assert.equal(c.events().filter((e) => e.name === "PeriodClosed").length, 20);
  });

  it("drops a deleted node's live state and records; the sweep passes it by", () => {
    const c = new ReputationChain(T0);
    c.addNode(1, P91_START - 5_000_000n);
    c.addNode(2, P91_START - 5_000_000n);
    c.ok(nodeTwin(1), "report_uptime", { uptime: 1_000n });
    c.ok(nodeTwin(2), "report_uptime", { uptime: 1_000n });
    assert.notEqual(storage.NodeState.get(c.io, 1), undefined);
    c.at(T0 + 100n).ok(FARMER_TWIN, "delete_node_farm", { node_id: 1 });
    assert.equal(storage.NodeState.get(c.io, 1), undefined);
    assert.equal(storage.NodeWindows.get(c.io, 1), undefined);
    assert.deepEqual([...storage.NodePeriods.entriesFor(c.io, 1)], []);
    assert.equal(nodeReputation(c.io, 1), null);
    c.settle(P91_END + SETTLE);
    assert.deepEqual(c.events().filter((e) => e.name === "NodePeriodClosed").map((e) => e.value.node_id), [2]);
  });

  it("ignores reports of unknown nodes and power changes of nodes without a state", () => {
    const c = new ReputationChain(T0);
    const root = c.stateRoot();
    hooks.uptimeReported(c.ctx, 42, T0, 100n);
    hooks.powerStateChanged(c.ctx, 42, T0, "Down");
    hooks.powerTargetChanged(c.ctx, 42, T0, "Up");
    hooks.nodeDeleted(c.ctx, 42);
    assert.deepEqual(c.stateRoot(), root);
  });

  it("survives extreme reports: the largest uptime, a clock before the node's creation, uptime 0", () => {
    const c = new ReputationChain(T0);
    c.addNode(1, T0 + 1_000n);
    hooks.uptimeReported(c.ctx, 1, T0, U64_MAX);
    assert.equal(c.up(1, 91), 0n);
    hooks.uptimeReported(c.ctx, 1, T0 + 2_000n, U64_MAX);
    assert.equal(c.record(1, 91)!.violation?.tag, "InvalidReboot");
    hooks.uptimeReported(c.ctx, 1, T0 + 3_000n, 0n);
    assert.equal(c.record(1, 91)!.reboots, 1);
    hooks.uptimeReported(c.ctx, 1, T0 + 3_600n, 600n);
    assert.equal(c.up(1, 91), 600n);
  });

  it("reaches the hooks from TfgridModule's calls with the block's time", () => {
    const c = new ReputationChain(T0);
    c.addNode(1, P91_START - 5_000_000n);
    c.ok(nodeTwin(1), "report_uptime_v2", { uptime: 500n, timestamp_hint: T0 + 30n });
    assert.deepEqual(storage.NodeState.get(c.io, 1)!.last, { at: T0, uptime: 500n, boot: T0 - 500n });
    c.ok(FARMER_TWIN, "change_power_target", { node_id: 1, power_target: "Down" });
    c.at(T0 + 60n).ok(nodeTwin(1), "change_power_state", { power_state: "Down" });
    assert.deepEqual(storage.NodeState.get(c.io, 1)!.standby, { since: T0 + 60n, request: undefined, failed: false });
    c.at(T0 + 120n).ok(FARMER_TWIN, "change_power_target", { node_id: 1, power_target: "Up" });
    assert.equal(storage.NodeState.get(c.io, 1)!.standby!.request, T0 + 120n);
  });
});
