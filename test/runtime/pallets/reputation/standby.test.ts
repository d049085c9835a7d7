// The farmerbot standby rules (credit.ts, evaluatePowerDown/evaluateTarget and the wake-up report), through
// TfgridModule's power calls: the farmer's target, the node's state, then its reports.
import { strict as assert } from "node:assert";
import { storage } from "../../../../runtime/pallets/reputation/storage.js";
import { FARMER_TWIN, nodeTwin, P91_END, P91_START, ReputationChain, SETTLE } from "./fixtures.js";

const T0 = P91_START + 500_000n;
const U0 = 100_000n;

/**
 * Node 1's first report at `down − 600` (credited 2_460 s), then its farmer targets Down and the node goes Down
 * at `down`, which credits the 600 s since the report.
 */
function standbyAt(down: bigint): ReputationChain {
  const c = new ReputationChain(down - 600n);
  c.addNode(1, P91_START - 5_000_000n);
  c.ok(nodeTwin(1), "report_uptime", { uptime: U0 });
  c.at(down);
  c.ok(FARMER_TWIN, "change_power_target", { node_id: 1, power_target: "Down" });
  c.ok(nodeTwin(1), "change_power_state", { power_state: "Down" });
  return c;
}

/** The farmer asks node 1 to wake at `request`; it boots at `boot` and reports 60 s later. */
function wake(c: ReputationChain, request: bigint, boot: bigint): void {
  c.at(request).ok(FARMER_TWIN, "change_power_target", { node_id: 1, power_target: "Up" });
  c.at(boot + 60n).ok(nodeTwin(1), "report_uptime", { uptime: 60n });
}

describe("Reputation farmerbot standby", () => {
  it("credits the time since the last report when the node goes down on its farmer's target, then starts a standby", () => {
    const c = standbyAt(T0);
    assert.equal(c.up(1, 91), 2_460n + 600n);
    assert.deepEqual(storage.NodeState.get(c.io, 1)!.standby, { since: T0, request: undefined, failed: false });
  });

  it("credits the whole standby when the node boots 1_800 s after the wake request", () => {
    const c = standbyAt(T0);
    wake(c, T0 + 10_000n, T0 + 11_800n);
    const record = c.record(1, 91)!;
    assert.equal(record.up, 2_460n + 600n + 11_860n);
    assert.equal(record.standby, 11_860n);
    assert.equal(record.boot_failures, 0);
    assert.equal(storage.NodeState.get(c.io, 1)!.standby, undefined);
  });

  it("credits nothing for a boot 1_801 s after the request, a boot failure; the second in a period is BootRequestExpired", () => {
    const c = standbyAt(T0);
    wake(c, T0 + 10_000n, T0 + 11_801n);
    assert.equal(c.up(1, 91), 2_460n + 600n);
    assert.equal(c.record(1, 91)!.boot_failures, 1);
    assert.equal(c.record(1, 91)!.violation, undefined);

    c.at(T0 + 20_000n).ok(FARMER_TWIN, "change_power_target", { node_id: 1, power_target: "Down" });
    c.ok(nodeTwin(1), "change_power_state", { power_state: "Down" });
    wake(c, T0 + 30_000n, T0 + 40_000n);
    const record = c.record(1, 91)!;
    assert.equal(record.boot_failures, 2);
    assert.deepEqual(record.violation, { tag: "BootRequestExpired", value: { requested_at: T0 + 30_000n } });
    assert.deepEqual(c.events().filter((e) => e.name === "NodeViolation").map((e) => e.value.violation.tag), ["BootRequestExpired"]);
  });

  it("credits a standby of 86_400 s and not one of 86_401 s", () => {
    for (const [slept, credited] of [[86_400n, true], [86_401n, false]] as const) {
      const c = standbyAt(T0);
      // Requested 80_000 s in, booted 100 s later, reported when the standby is `slept` old.
      c.at(T0 + 80_000n).ok(FARMER_TWIN, "change_power_target", { node_id: 1, power_target: "Up" });
      c.at(T0 + slept).ok(nodeTwin(1), "report_uptime", { uptime: slept - 80_100n });
      assert.equal(c.up(1, 91), 2_460n + 600n + (credited ? slept : 0n), `standby of ${slept} s`);
      assert.equal(c.record(1, 91)!.boot_failures, 0);
    }
  });

  it("lets a late standby credit reach the settling period", () => {
    const c = standbyAt(P91_END - 3_600n);
    wake(c, P91_END + 1_000n, P91_END + 1_500n);
    assert.equal(c.record(1, 91)!.standby, 3_600n);
    assert.equal(c.record(1, 92)!.standby, 1_560n);
    c.settle(P91_END + SETTLE);
    assert.equal(c.record(1, 91)!.closed !== undefined, true);
    assert.equal(c.record(1, 91)!.up, 2_460n + 600n + 3_600n);
  });

  it("counts a wake request still unanswered at the close as a boot failure, once", () => {
    const c = standbyAt(P91_END - 10_000n);
    c.at(P91_END - 5_000n).ok(FARMER_TWIN, "change_power_target", { node_id: 1, power_target: "Up" });
    c.settle(P91_END + SETTLE);
    assert.equal(c.record(1, 91)!.boot_failures, 1);
    assert.equal(storage.NodeState.get(c.io, 1)!.standby!.failed, true);
    // It boots at last: no credit, and no second failure.
    c.at(P91_END + SETTLE + 100n).ok(nodeTwin(1), "report_uptime", { uptime: 60n });
    assert.equal(c.record(1, 92)?.boot_failures ?? 0, 0);
    assert.equal(c.up(1, 92), 0n);
  });

  it("ends a standby with an unrequested wake, credited as a reboot", () => {
    const c = standbyAt(T0);
    c.at(T0 + 5_000n).ok(nodeTwin(1), "report_uptime", { uptime: 300n });
    assert.equal(c.up(1, 91), 2_460n + 600n + 300n);
    assert.equal(c.record(1, 91)!.reboots, 1);
    assert.equal(storage.NodeState.get(c.io, 1)!.standby, undefined);
  });

  it("ignores reports of the boot before the standby started", () => {
    const c = standbyAt(T0);
    c.at(T0 + 100n).ok(nodeTwin(1), "report_uptime", { uptime: U0 + 700n });
    assert.equal(c.up(1, 91), 2_460n + 600n);
    assert.equal(storage.NodeState.get(c.io, 1)!.standby!.since, T0);
  });

  it("keeps the first wake request", () => {
    const c = standbyAt(T0);
    c.at(T0 + 1_000n).ok(FARMER_TWIN, "change_power_target", { node_id: 1, power_target: "Up" });
    c.at(T0 + 2_000n).ok(FARMER_TWIN, "change_power_target", { node_id: 1, power_target: "Down" });
    c.at(T0 + 3_000n).ok(FARMER_TWIN, "change_power_target", { node_id: 1, power_target: "Up" });
    assert.equal(storage.NodeState.get(c.io, 1)!.standby!.request, T0 + 1_000n);
  });
});
