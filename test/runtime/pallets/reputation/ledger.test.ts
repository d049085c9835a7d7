// Where credits land (ledger.ts): periods and windows a credit crosses, and closed periods left alone.
import { strict as assert } from "node:assert";
import { creditNode } from "../../../../runtime/pallets/reputation/ledger.js";
import { upIn } from "../../../../runtime/pallets/reputation/online.js";
import { storage } from "../../../../runtime/pallets/reputation/storage.js";
import { P91_END, P91_START, ReputationChain, SETTLE } from "./fixtures.js";

describe("Reputation ledger", () => {
  it("lands a credit crossing a window and a period in both periods and both windows", () => {
    const now = P91_START + 1_000n;
    const c = new ReputationChain(now);
    c.addNode(1, P91_START - 5_000_000n);
    c.report(1, now - 2_400n, 50_000n);
    c.report(1, now, 52_400n);
    assert.equal(c.up(1, 90), 2_460n + 1_400n);
    assert.equal(c.up(1, 91), 1_000n);
    // Window 40_785 starts 920 s into period 91.
    const ring = storage.NodeWindows.get(c.io, 1)!;
    assert.equal(upIn(ring, 40_784), 2_460 + 2_320);
    assert.equal(upIn(ring, 40_785), 80);
  });

  it("adds nothing to a closed period", () => {
    const c = new ReputationChain(P91_START + 1_000n);
    c.addNode(1, P91_START - 5_000_000n);
    c.settle(P91_END + SETTLE);
    const closed = c.record(1, 91)!;
    creditNode(c.ctx, 1, P91_END + 10n, 100n, false);
    assert.deepEqual(c.record(1, 91), closed);
    assert.equal(c.up(1, 92), 10n);
  });
});
