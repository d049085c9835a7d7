// The uptime rules of minting_v3 as the issue states them (credit.ts), alone and through TfgridModule's report calls.
import { strict as assert } from "node:assert";
import { evaluateReport } from "../../../../runtime/pallets/reputation/credit.js";
import { storage } from "../../../../runtime/pallets/reputation/storage.js";
import type { NodeState } from "../../../../runtime/pallets/reputation/types.js";
import { nodeTwin, P91_START, ReputationChain } from "./fixtures.js";

const T0 = P91_START + 500_000n;
const CREATED = P91_START - 5_000_000n;

/** The state after an accepted report of `uptime` at `at`. */
const after = (at: bigint, uptime: bigint): NodeState => ({ last: { at, uptime, boot: at - uptime }, standby: undefined });

/** A chain in period 91 with node 1, created long before. */
function chain(): ReputationChain {
  const c = new ReputationChain(T0);
  c.addNode(1, CREATED);
  return c;
}

describe("Reputation uptime rules", () => {
  describe("first report", () => {
    it("credits the uptime, capped by the node's age and by 2_460 s", () => {
      assert.equal(evaluateReport(undefined, CREATED, T0, 100n).credit, 100n);
      assert.equal(evaluateReport(undefined, T0 - 50n, T0, 100n).credit, 50n);
      assert.equal(evaluateReport(undefined, CREATED, T0, 10_000n).credit, 2_460n);
      assert.deepEqual(evaluateReport(undefined, CREATED, T0, 10_000n).state, after(T0, 10_000n));
    });

    it("credits nothing to a node the clock says is not created yet", () => {
      assert.equal(evaluateReport(undefined, T0 + 10n, T0, 100n).credit, 0n);
    });
  });

  describe("later reports", () => {
    const last = after(T0, 100_000n);

    it("credit the uptime growth when it matches the time between reports within 60 s", () => {
      assert.equal(evaluateReport(last, CREATED, T0 + 2_400n, 102_400n).credit, 2_400n);
      assert.equal(evaluateReport(last, CREATED, T0 + 2_400n, 102_460n).credit, 2_460n);
      assert.equal(evaluateReport(last, CREATED, T0 + 2_400n, 102_340n).credit, 2_340n);
      // Growth past 2_460 s is capped: the node missed a report.
      assert.equal(evaluateReport(last, CREATED, T0 + 4_800n, 104_800n).credit, 2_460n);
    });

    it("keeps the boot time of the last boot across healthy reports", () => {
      const out = evaluateReport(last, CREATED, T0 + 2_400n, 102_430n);
      assert.equal(out.state!.last!.boot, T0 - 100_000n);
    });

    it("calls growth beyond the time plus 60 s UptimeTooHigh, credits nothing and takes the report as the last", () => {
      const out = evaluateReport(last, CREATED, T0 + 2_400n, 102_461n);
      assert.equal(out.credit, 0n);
      assert.equal(out.violation?.tag, "UptimeTooHigh");
      assert.deepEqual(out.violation?.value, { previous_uptime: 100_000n, previous_timestamp: T0, reported_uptime: 102_461n, reported_timestamp: T0 + 2_400n });
      assert.deepEqual(out.state, after(T0 + 2_400n, 102_461n));
    });

    it("calls a boot time moved 120 s or more ClockSkew and credits nothing", () => {
      // Each report is within the drift, but the boot time creeps: 59 s, then 118 s, then 177 s.
      let state = last;
      let t = T0;
      let uptime = 100_000n;
      const credits: bigint[] = [];
      for (let i = 0; i < 3; i++) {
        t += 2_400n;
        uptime += 2_459n;
        const out = evaluateReport(state, CREATED, t, uptime);
        credits.push(out.credit);
        if (i === 2) assert.equal(out.violation?.tag, "ClockSkew");
        else assert.equal(out.violation, undefined);
        state = out.state!;
      }
      assert.deepEqual(credits, [2_459n, 2_459n, 0n]);
      // The boot time the next reports are measured against is the new one.
      assert.equal(state.last!.boot, t - uptime);
    });

    it("takes an uptime no larger than the time since the last report as a reboot crediting min(uptime, 2_460)", () => {
      const out = evaluateReport(last, CREATED, T0 + 600n, 500n);
      assert.equal(out.credit, 500n);
      assert.equal(out.reboot, true);
      assert.deepEqual(out.state, after(T0 + 600n, 500n));
      assert.equal(evaluateReport(last, CREATED, T0 + 90_000n, 80_000n).credit, 2_460n);
    });

    it("rejects uptime 1_094_688 6 s after 1_094_689 as InvalidReboot, keeping the last report (zos#1713)", () => {
      const out = evaluateReport(after(T0, 1_094_689n), CREATED, T0 + 6n, 1_094_688n);
      assert.equal(out.credit, 0n);
      assert.equal(out.violation?.tag, "InvalidReboot");
      assert.equal(out.state, undefined);
    });

    it("ignores a report not newer than the last", () => {
      assert.deepEqual(evaluateReport(last, CREATED, T0, 100_010n), { credit: 0n });
      assert.deepEqual(evaluateReport(last, CREATED, T0 - 6n, 99_990n), { credit: 0n });
    });
  });

  describe("through TfgridModule", () => {
    const U0 = 100_000n;

    it("v1: a report 7_776 s later with 7_206 s more uptime is UptimeTooLow; the next report credits 2_460 (zos#1856)", () => {
      const c = chain();
      c.ok(nodeTwin(1), "report_uptime", { uptime: U0 });
      c.at(T0 + 7_776n).ok(nodeTwin(1), "report_uptime", { uptime: U0 + 7_206n });
      const violation = c.events().find((e) => e.name === "NodeViolation");
      assert.equal(violation?.value.violation.tag, "UptimeTooLow");
      assert.equal(c.record(1, 91)!.up, 2_460n);
      // The rejected report is not the last: the next one is measured against the first.
      assert.deepEqual(storage.NodeState.get(c.io, 1)!.last, { at: T0, uptime: U0, boot: T0 - U0 });
      c.at(T0 + 9_606n).ok(nodeTwin(1), "report_uptime", { uptime: U0 + 9_606n });
      assert.equal(c.record(1, 91)!.up, 2_460n + 2_460n);
    });

    it("v2: the late hint of the same report is InvalidTimestampHint and nothing changes (zos#1856)", () => {
      const c = chain();
      c.ok(nodeTwin(1), "report_uptime_v2", { uptime: U0, timestamp_hint: T0 });
      c.at(T0 + 7_776n);
      const root = c.stateRoot();
      const out = c.call(nodeTwin(1), "report_uptime_v2", { uptime: U0 + 7_206n, timestamp_hint: T0 + 7_206n });
      assert.deepEqual(out.error, { tag: "NamedModule", pallet: "TfgridModule", error: "InvalidTimestampHint" });
      assert.deepEqual(c.stateRoot(), root);
      assert.equal(c.events().filter((e) => e.name === "NodeViolation").length, 0);
      c.at(T0 + 9_606n).ok(nodeTwin(1), "report_uptime_v2", { uptime: U0 + 9_606n, timestamp_hint: T0 + 9_606n });
      assert.equal(c.record(1, 91)!.up, 2_460n + 2_460n);
    });

    it("one lost 40-minute report costs 2_340 s (zos#2268)", () => {
      const upAfter = (lost: number | undefined) => {
        const c = chain();
        for (let i = 0; i <= 10; i++) {
          if (i === lost) continue;
          c.at(T0 + 2_400n * BigInt(i)).ok(nodeTwin(1), "report_uptime", { uptime: U0 + 2_400n * BigInt(i) });
        }
        return c.record(1, 91)!.up;
      };
      assert.equal(upAfter(undefined) - upAfter(5), 2_340n);
    });
  });
});
