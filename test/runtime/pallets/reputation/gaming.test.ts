// Attempts to earn uptime that was not served (credit.ts through TfgridModule's calls): none gains more than
// honest reporting does, and the ones that bend the rules cost the period its SLA.
import { strict as assert } from "node:assert";
import { storage } from "../../../../runtime/pallets/reputation/storage.js";
import { FARMER_TWIN, nodeTwin, P91_END, P91_START, ReputationChain, SETTLE } from "./fixtures.js";

const T0 = P91_START + 500_000n;
const U0 = 100_000n;

function chain(): ReputationChain {
  const c = new ReputationChain(T0);
  c.addNode(1, P91_START - 5_000_000n);
  return c;
}

/** Node 1 reports at T0 + 2_400·i for i in 0..n with the uptime `uptimeAt(i)`; returns its credited seconds. */
function reporting(n: number, uptimeAt: (i: number) => bigint): ReputationChain {
  const c = chain();
  for (let i = 0; i <= n; i++) c.at(T0 + 2_400n * BigInt(i)).ok(nodeTwin(1), "report_uptime", { uptime: uptimeAt(i) });
  return c;
}

const honest = (n: number) => reporting(n, (i) => U0 + 2_400n * BigInt(i)).up(1, 91);

describe("Reputation gaming", () => {
  it("gains nothing from reports batched in one block", () => {
    const c = chain();
    for (let i = 0; i < 40; i++) c.ok(nodeTwin(1), "report_uptime", { uptime: U0 + 60n * BigInt(i) });
    assert.equal(c.up(1, 91), 2_460n);
    c.at(T0 + 2_400n);
    for (let i = 0; i < 40; i++) c.ok(nodeTwin(1), "report_uptime", { uptime: U0 + 2_400n + 60n * BigInt(i) });
    assert.equal(c.up(1, 91), 2_460n + 2_400n);
  });

  it("gains nothing from uptime growing faster than time, and loses the SLA", () => {
    assert.equal(honest(10), 2_460n + 24_000n);
    const inflated = reporting(10, (i) => U0 + 2_461n * BigInt(i));
    assert.equal(inflated.up(1, 91), 2_460n);
    assert.equal(inflated.record(1, 91)!.violation?.tag, "UptimeTooHigh");
  });

  it("gains nothing from uptime creeping ahead within the drift: ClockSkew", () => {
    const creeping = reporting(10, (i) => U0 + 2_459n * BigInt(i));
    assert.equal(creeping.up(1, 91) < honest(10), true);
    assert.equal(creeping.record(1, 91)!.violation?.tag, "ClockSkew");
    creeping.settle(P91_END + SETTLE);
    assert.equal(creeping.record(1, 91)!.closed!.sla_met, false);
  });

  it("gains nothing from a reboot loop: each reboot credits at most the time since the last report", () => {
    const loop = reporting(100, (i) => (i === 0 ? U0 : 2_400n));
    assert.equal(loop.up(1, 91), honest(100));
    assert.equal(loop.record(1, 91)!.reboots, 100);
    // A reboot claiming to have been up the whole gap of a day credits one report's worth.
    const c = chain();
    c.ok(nodeTwin(1), "report_uptime", { uptime: U0 });
    c.at(T0 + 86_400n).ok(nodeTwin(1), "report_uptime", { uptime: 86_400n });
    assert.equal(c.up(1, 91), 2_460n + 2_460n);
  });

  it("gains nothing from going Down without the farmer's target", () => {
    const c = chain();
    c.ok(nodeTwin(1), "report_uptime", { uptime: U0 });
    c.at(T0 + 600n).ok(nodeTwin(1), "change_power_state", { power_state: "Down" });
    assert.equal(storage.NodeState.get(c.io, 1)!.standby, undefined);
    c.at(T0 + 10_000n).ok(FARMER_TWIN, "change_power_target", { node_id: 1, power_target: "Up" });
    c.at(T0 + 20_000n).ok(nodeTwin(1), "report_uptime", { uptime: 60n });
    // The first report, then the reboot's 60 s: neither the 600 s before going down nor the time down.
    assert.equal(c.up(1, 91), 2_460n + 60n);
  });
});
