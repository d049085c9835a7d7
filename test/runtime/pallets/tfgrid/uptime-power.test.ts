// TFChain's pallet-tfgrid tests of what a running node reports (uptime, v1 and v2 with a timestamp hint;
// its power state) and of the power target its farmer sets, plus bad inputs TFChain does not try. Reports
// and power state changes are free (`Pays::No`), as the node sends them unattended.
import { strict as assert } from "node:assert";
import { utf8 } from "../../../../primitives/bytes.js";
import type { TfgridHooks } from "../../../../runtime/pallets/tfgrid/hooks.js";
import { tfgridStorage as storage } from "../../../../runtime/pallets/tfgrid/index.js";
import type { Node } from "../../../../runtime/pallets/tfgrid/types.js";
import { ALICE, BOB, CHARLIE, TfgridBlock } from "./fixtures.js";

const NOW_MS = 1628082000000n;
const NOW = NOW_MS / 1000n;
const DRIFT = 60n;

/** Alice's twin, farm 1 and node 1, with the block's clock at `NOW`. */
function withNode(hooks?: TfgridHooks, number?: number): TfgridBlock {
  const t = new TfgridBlock({ hooks, number });
  t.createTwin();
  t.createFarm();
  t.createNode();
  t.setTimestamp(NOW_MS);
  return t;
}

/** Bob's twin and his own farm, without a node. */
function bobFarm(t: TfgridBlock): void {
  t.createTwin(BOB);
  t.ok(BOB, "create_farm", { name: utf8("bob_farm"), public_ips: [{ ip: utf8("185.206.122.33/24"), gw: utf8("185.206.122.1") }] });
}

describe("TfgridModule uptime and power", () => {
  describe("report_uptime", () => {
    it("records the uptime with the block's time, fee-free (node_report_uptime_works)", () => {
      const t = withNode();
      const out = t.ok(ALICE, "report_uptime", { uptime: 500n });
      assert.equal(out.postInfo.paysFee, "No");
      assert.deepEqual(t.lastEvent(), { name: "NodeUptimeReported", value: [1, NOW, 500n] });
    });

    it("refuses a twin without a node and an account without a twin", () => {
      const t = withNode();
      t.createTwin(BOB);
      t.noop(BOB, "report_uptime", { uptime: 500n }, "NodeNotExists");
      t.noop(CHARLIE, "report_uptime", { uptime: 500n }, "TwinNotExists");
    });

    it("refuses the twin of a node its farmer deleted", () => {
      const t = withNode();
      t.ok(ALICE, "delete_node_farm", { node_id: 1 });
      t.noop(ALICE, "report_uptime", { uptime: 500n }, "NodeNotExists");
    });
  });

  describe("report_uptime_v2", () => {
    it("records the uptime when the hint is the block's time, fee-free (node_report_uptime_v2_works)", () => {
      const t = withNode();
      const out = t.ok(ALICE, "report_uptime_v2", { uptime: 500n, timestamp_hint: NOW });
      assert.equal(out.postInfo.paysFee, "No");
      assert.deepEqual(t.lastEvent(), { name: "NodeUptimeReported", value: [1, NOW, 500n] });
    });

    it("refuses a hint 100 s ahead of the block (node_report_uptime_v2_fails_with_invalid_timestamp_hint)", () => {
      const t = withNode();
      t.noop(ALICE, "report_uptime_v2", { uptime: 500n, timestamp_hint: NOW + 100n }, "InvalidTimestampHint");
    });

    it("accepts hints up to the drift on either side, and no further", () => {
      const t = withNode();
      t.noop(ALICE, "report_uptime_v2", { uptime: 1n, timestamp_hint: NOW - DRIFT - 1n }, "InvalidTimestampHint");
      t.noop(ALICE, "report_uptime_v2", { uptime: 1n, timestamp_hint: NOW + DRIFT + 1n }, "InvalidTimestampHint");
      t.ok(ALICE, "report_uptime_v2", { uptime: 1n, timestamp_hint: NOW - DRIFT });
      t.ok(ALICE, "report_uptime_v2", { uptime: 2n, timestamp_hint: NOW + DRIFT });
      assert.deepEqual(t.lastEvent(), { name: "NodeUptimeReported", value: [1, NOW, 2n] });
    });

    it("lets the lower end stop at zero when the clock is younger than the drift", () => {
      const t = withNode();
      t.setTimestamp(30_000);
      t.ok(ALICE, "report_uptime_v2", { uptime: 1n, timestamp_hint: 0n });
      t.ok(ALICE, "report_uptime_v2", { uptime: 1n, timestamp_hint: 90n });
      t.noop(ALICE, "report_uptime_v2", { uptime: 1n, timestamp_hint: 91n }, "InvalidTimestampHint");
    });
  });

  describe("change_power_state", () => {
    it("marks the node down since this block and tells the listeners, fee-free (change_power_state_works)", () => {
      const changed: Node[] = [];
      const t = withNode({ nodePowerStateChanged: (_, n) => changed.push(n) });
      const out = t.ok(ALICE, "change_power_state", { power_state: "Down" });
      assert.equal(out.postInfo.paysFee, "No");
      assert.deepEqual(storage.NodePower.get(t.io, 1).state, { tag: "Down", value: 1 });
      assert.deepEqual(t.lastEvent(), {
        name: "PowerStateChanged", value: { farm_id: 1, node_id: 1, power_state: { tag: "Down", value: 1 } },
      });
      assert.deepEqual(changed, [storage.Nodes.get(t.io, 1)]);
    });

    it("refuses a twin that has no node (change_power_state_twin_has_no_node_fails)", () => {
      const t = withNode();
      t.createTwin(BOB);
      t.noop(BOB, "change_power_state", { power_state: "Down" }, "NodeNotExists");
      t.noop(CHARLIE, "change_power_state", { power_state: "Down" }, "TwinNotExists");
    });

    it("does nothing, still fee-free, when the state is unchanged", () => {
      const changed: Node[] = [];
      const t = withNode({ nodePowerStateChanged: (_, n) => changed.push(n) }, 7);
      const root = t.stateRoot();
      const events = t.events().length;
      const out = t.ok(ALICE, "change_power_state", { power_state: "Up" });
      assert.equal(out.postInfo.paysFee, "No");
      assert.deepEqual(t.stateRoot(), root);
      assert.equal(t.events().length, events);
      assert.equal(changed.length, 0);

      t.ok(ALICE, "change_power_state", { power_state: "Down" });
      t.ok(ALICE, "change_power_state", { power_state: "Down" });
      assert.equal(changed.length, 1);
      assert.deepEqual(storage.NodePower.get(t.io, 1), { state: { tag: "Down", value: 7 }, target: "Up" });

      t.ok(ALICE, "change_power_state", { power_state: "Up" });
      assert.equal(storage.NodePower.get(t.io, 1).state.tag, "Up");
      assert.equal(changed.length, 2);
    });
  });

  describe("change_power_target", () => {
    it("lets the farmer ask the node down (change_power_target_works)", () => {
      const t = withNode();
      assert.equal(storage.NodePower.get(t.io, 1).target, "Up");
      t.ok(ALICE, "change_power_target", { node_id: 1, power_target: "Down" });
      assert.equal(storage.NodePower.get(t.io, 1).target, "Down");
      assert.equal(storage.NodePower.get(t.io, 1).state.tag, "Up", "the state is the node's to report");
      assert.deepEqual(t.lastEvent(), {
        name: "PowerTargetChanged", value: { farm_id: 1, node_id: 1, power_target: "Down" },
      });
    });

    it("refuses another farm's farmer (change_power_target_unauthorized_fails)", () => {
      const t = withNode();
      bobFarm(t);
      t.noop(BOB, "change_power_target", { node_id: 1, power_target: "Down" }, "UnauthorizedToChangePowerTarget");
    });

    it("refuses an unknown node and a caller without twin", () => {
      const t = withNode();
      t.noop(ALICE, "change_power_target", { node_id: 2, power_target: "Down" }, "NodeNotExists");
      t.noop(CHARLIE, "change_power_target", { node_id: 1, power_target: "Down" }, "TwinNotExists");
    });

    it("refuses Down while the node has active contracts, but still allows Up", () => {
      const asked: number[] = [];
      const t = withNode({ nodeHasNoActiveContracts: (_, id) => (asked.push(id), false) });
      t.noop(ALICE, "change_power_target", { node_id: 1, power_target: "Down" }, "NodeHasActiveContracts");
      assert.deepEqual(asked, [1]);
      t.ok(ALICE, "change_power_target", { node_id: 1, power_target: "Up" });
      assert.deepEqual(asked, [1], "Up needs no check");
      assert.deepEqual(t.lastEvent(), { name: "PowerTargetChanged", value: { farm_id: 1, node_id: 1, power_target: "Up" } });
    });
  });
});
