// The JSON views behind `reputation_{node,farm,twin}` (read.ts): open, settling and last closed periods.
import { strict as assert } from "node:assert";
import { farmReputation, nodeReputation } from "../../../../runtime/pallets/reputation/read.js";
import { P91_END, P91_START, ReputationChain, SETTLE } from "./fixtures.js";

const T0 = P91_START + 500_000n;
const CREATED = P91_START - 5_000_000n;

function chain(): ReputationChain {
  const c = new ReputationChain(T0);
  c.addNode(1, CREATED, { certification: "Certified" });
  c.addNode(2, CREATED);
  c.report(1, T0, 100_000n);
  c.report(1, T0 + 2_400n, 102_400n);
  c.report(2, T0, 100_000n);
  c.report(2, T0 + 100n, 100_300n);
  return c;
}

describe("Reputation reads", () => {
  it("answers null for unknown nodes and farms", () => {
    const c = chain();
    assert.equal(nodeReputation(c.io, 99), null);
    assert.equal(farmReputation(c.io, 99), null);
  });

  it("shows a node's open period so far, its online score and last report", () => {
    const c = chain().at(T0 + 2_400n);
    const view = nodeReputation(c.io, 1)!;
    assert.deepEqual(view.open, {
      period: 91, start: Number(P91_START), end: Number(P91_END), closed: false, expected: 502_400, up: 4_860, standby: 0,
      reboots: 0, bootFailures: 0, uptime: 9, sla: 980, slaMet: null, violation: null,
    });
    assert.equal(view.settling, null);
    assert.equal(view.lastClosed, null);
    assert.deepEqual(view.lastReport, { at: Number(T0 + 2_400n), uptime: 102_400 });
    assert.equal(view.standby, null);
    assert.equal(view.certification, "Certified");
    assert.deepEqual(nodeReputation(c.io, 2)!.open.violation, {
      type: "UptimeTooHigh", previous_uptime: 100_000, previous_timestamp: Number(T0), reported_uptime: 100_300, reported_timestamp: Number(T0 + 100n),
    });
  });

  it("shows the ended period as settling until the sweep closes it, then as the last closed", () => {
    const c = chain();
    c.at(P91_END + 10n);
    const settling = nodeReputation(c.io, 1)!;
    assert.equal(settling.open.period, 92);
    assert.equal(settling.settling?.period, 91);
    assert.equal(settling.settling?.expected, 2_630_880);
    assert.equal(settling.lastClosed, null);
    assert.equal(farmReputation(c.io, 1)!.settling?.nodes, 2);

    c.settle(P91_END + SETTLE);
    const closed = nodeReputation(c.io, 1)!;
    assert.equal(closed.settling, null);
    assert.equal(closed.lastClosed?.period, 91);
    assert.equal(closed.lastClosed?.closed, true);
    assert.equal(closed.lastClosed?.slaMet, false);
    assert.equal(closed.lastClosed?.up, 4_860);
  });

  it("shows a farm's live sums and its last closed aggregate", () => {
    const c = chain().at(T0 + 2_400n);
    const open = farmReputation(c.io, 1)!;
    assert.equal(open.nodes, 2);
    assert.deepEqual(open.open, {
      period: 91, closed: false, nodes: 2, slaMet: null, violating: 1, up: 4_860 + 2_460, expected: 2 * 502_400, uptime: 7,
    });
    c.settle(P91_END + SETTLE);
    const view = farmReputation(c.io, 1)!;
    assert.equal(view.settling, null);
    assert.deepEqual(view.lastClosed, {
      period: 91, closed: true, nodes: 2, slaMet: 0, violating: 1, up: 4_860 + 2_460, expected: 2 * 2_630_880, uptime: 1,
    });
  });
});
