// The period close sweep (close.ts): uptime per mille and SLA by certification, minting_v3's twin checks, farm
// aggregates, and the sweep's pace over blocks.
import { strict as assert } from "node:assert";
import { utf8 } from "../../../../primitives/bytes.js";
import { storage } from "../../../../runtime/pallets/reputation/storage.js";
import { EMPTY_NODE_PERIOD, type Violation } from "../../../../runtime/pallets/reputation/types.js";
import { tfgridStorage as tfgrid } from "../../../../runtime/pallets/tfgrid/index.js";
import type { NodeCertification } from "../../../../runtime/pallets/tfgrid/types-node.js";
import { nodeTwin, P91_END, P91_START, ReputationChain, SETTLE } from "./fixtures.js";

const T0 = P91_START + 500_000n;
const BEFORE = P91_START - 5_000_000n;
const DUE = P91_END + SETTLE;

/** Writes node `id`'s period-91 record with `up` seconds (and a violation if given). */
function credited(c: ReputationChain, id: number, up: bigint, violation?: Violation): void {
  storage.NodePeriods.set(c.io, id, 91, { ...EMPTY_NODE_PERIOD, up, violation });
}

function closedEvent(c: ReputationChain, id: number) {
  return c.events().find((e) => e.name === "NodePeriodClosed" && e.value.node_id === id)?.value;
}

describe("Reputation period close", () => {
  it("judges uptime against the SLA of the node's certification (950 ‰ DIY, 980 ‰ certified)", () => {
    const c = new ReputationChain(T0);
    const cases: [NodeCertification, bigint, number, boolean][] = [
      ["Diy", 2_499_336n, 950, true],
      ["Diy", 2_499_335n, 949, false],
      ["Certified", 2_578_263n, 980, true],
      ["Certified", 2_578_262n, 979, false],
    ];
    cases.forEach(([certification, up], i) => {
      c.addNode(i + 1, BEFORE, { certification });
      credited(c, i + 1, up);
    });
    c.settle(DUE);
    cases.forEach(([certification, up, uptime, met], i) => {
      const id = i + 1;
      assert.deepEqual(
        closedEvent(c, id),
        { node_id: id, farm_id: 1, period: 91, up, expected: 2_630_880n, uptime, sla_met: met, violation: undefined },
        `node ${id}`,
      );
      assert.deepEqual(c.record(id, 91)!.closed, { uptime, certification, sla_met: met }, `node ${id}`);
      assert.equal(c.record(id, 91)!.expected, 2_630_880n);
    });
    assert.deepEqual(c.events().find((e) => e.name === "PeriodClosed")?.value, { period: 91, nodes: 4 });
  });

  it("expects uptime from the node's creation and caps it at 1000 ‰", () => {
    const c = new ReputationChain(T0);
    const created = P91_START + 1_000_000n;
    c.addNode(1, created);
    credited(c, 1, P91_END - created);
    c.addNode(2, BEFORE);
    credited(c, 2, 3_000_000n);
    c.settle(DUE);
    assert.equal(closedEvent(c, 1).expected, P91_END - created);
    assert.equal(closedEvent(c, 1).uptime, 1000);
    assert.equal(closedEvent(c, 2).uptime, 1000);
  });

  it("fails the SLA of a period with a violation whatever its uptime", () => {
    const c = new ReputationChain(T0);
    c.addNode(1, BEFORE);
    credited(c, 1, 2_630_880n, { tag: "UptimeTooLow", value: { previous_uptime: 1n, previous_timestamp: 2n, reported_uptime: 3n, reported_timestamp: 4n } });
    c.settle(DUE);
    assert.equal(closedEvent(c, 1).uptime, 1000);
    assert.equal(closedEvent(c, 1).sla_met, false);
  });

  it("checks the twin of a node that was up: MissingRelay, InvalidPublicKey, MissingTwin (minting_v3)", () => {
    const c = new ReputationChain(T0);
    c.addNode(1, BEFORE, { relay: null });
    c.addNode(2, BEFORE, { relay: utf8("") });
    c.addNode(3, BEFORE, { pk: new Uint8Array(32) });
    c.addNode(4, BEFORE, { pk: null });
    c.addNode(5, BEFORE);
    tfgrid.Twins.remove(c.io, nodeTwin(5));
    c.addNode(6, BEFORE, { relay: null });
    for (const id of [1, 2, 3, 4, 5]) credited(c, id, 2_600_000n);
    c.settle(DUE);
    const tags = [1, 2, 3, 4, 5, 6].map((id) => closedEvent(c, id).violation?.tag);
    // Node 4 has no key at all, which minting accepts; node 6 was never up, so its twin is not looked at.
    assert.deepEqual(tags, ["MissingRelay", "MissingRelay", "InvalidPublicKey", undefined, "MissingTwin", undefined]);
    assert.deepEqual(
      c.events().filter((e) => e.name === "NodeViolation").map((e) => [e.value.node_id, e.value.period, e.value.violation.tag]),
      [[1, 91, "MissingRelay"], [2, 91, "MissingRelay"], [3, 91, "InvalidPublicKey"], [5, 91, "MissingTwin"]],
    );
    assert.equal(closedEvent(c, 4).sla_met, true);
  });

  it("adds each node to its farm's aggregate", () => {
    const c = new ReputationChain(T0);
    c.addFarm(2);
    c.addNode(1, BEFORE);
    c.addNode(2, BEFORE);
    c.addNode(3, BEFORE, { farm: 2 });
    credited(c, 1, 2_630_880n);
    credited(c, 2, 1_000_000n, { tag: "MissingRelay" });
    credited(c, 3, 2_500_000n);
    c.settle(DUE);
    assert.deepEqual(storage.FarmPeriods.get(c.io, 1, 91), { nodes: 2, sla_met: 1, violating: 1, up: 3_630_880n, expected: 5_261_760n });
    assert.deepEqual(storage.FarmPeriods.get(c.io, 2, 91), { nodes: 1, sla_met: 1, violating: 0, up: 2_500_000n, expected: 2_630_880n });
  });

  it("waits until the period's end plus 27 h, as seen by the block's on_initialize", () => {
    const c = new ReputationChain(T0);
    c.addNode(1, BEFORE);
    c.at(DUE - 1n).at(DUE);
    assert.equal(c.events().some((e) => e.name === "NodePeriodClosed"), false);
    c.at(DUE);
    assert.equal(c.events().filter((e) => e.name === "NodePeriodClosed").length, 1);
  });

  it("closes only nodes alive and created before the period ended", () => {
    const c = new ReputationChain(T0);
    c.addNode(1, BEFORE);
    c.addNode(2, BEFORE);
    c.addNode(3, P91_END);
    c.addNode(4, BEFORE);
    tfgrid.Nodes.remove(c.io, 2);
    c.settle(DUE);
    assert.deepEqual(c.events().filter((e) => e.name === "NodePeriodClosed").map((e) => e.value.node_id), [1, 4]);
    assert.equal(c.record(3, 91), undefined);
    assert.deepEqual(c.events().find((e) => e.name === "PeriodClosed")?.value, { period: 91, nodes: 2 });
  });

  it("resumes the sweep across blocks, 100 node ids a block in ascending order, the same on re-import", () => {
    const build = () => {
      const c = new ReputationChain(T0);
      for (let id = 1; id <= 250; id++) {
        c.addNode(id, BEFORE);
        if (id % 3 === 0) c.report(id, T0, 1_000n);
      }
      return c;
    };
    const [a, b] = [build(), build()];
    const perBlock: number[][] = [];
    for (let i = 0; i < 5; i++) {
      a.at(DUE);
      b.at(DUE);
      assert.deepEqual(a.stateRoot(), b.stateRoot(), `block ${a.number}`);
      perBlock.push(a.block.events().filter((e) => e.name === "NodePeriodClosed").map((e) => (e.value as { node_id: number }).node_id));
    }
    assert.deepEqual(perBlock.map((ids) => ids.length), [0, 100, 100, 50, 0]);
    assert.deepEqual(perBlock.flat(), Array.from({ length: 250 }, (_, i) => i + 1));
    assert.deepEqual(a.events().filter((e) => e.name === "PeriodClosed").map((e) => e.value), [{ period: 91, nodes: 250 }]);
    assert.deepEqual(storage.SweepCursor.get(a.io), { period: 92, next_node: 1, closed: 0 });
  });
});
