// The online score over the last 60 complete 12-hour windows (online.ts), from a node's reports, and the ring's
// fixed-layout codec (windows-codec.ts).
import { strict as assert } from "node:assert";
import { addToWindows, onlineScore, upIn } from "../../../../runtime/pallets/reputation/online.js";
import { nodeReputation } from "../../../../runtime/pallets/reputation/read.js";
import { storage } from "../../../../runtime/pallets/reputation/storage.js";
import { windowStart } from "../../../../runtime/pallets/reputation/time.js";
import { NodeWindows, NodeWindowsGeneric } from "../../../../runtime/pallets/reputation/types.js";
import { ReputationChain } from "./fixtures.js";

/** The window the scores are read in: its 60 predecessors are the ones that count. */
const CURRENT = 40_900;

/** Node 1, created long before, reporting every 40 minutes from window `CURRENT − 60` until `dark` windows remain. */
function upUntilDark(dark: number): ReputationChain {
  const from = windowStart(CURRENT - 60);
  const until = windowStart(CURRENT - dark);
  const c = new ReputationChain(from);
  c.addNode(1, from - 10_000_000n);
  for (let t = from, uptime = 2_400n; t <= until; t += 2_400n, uptime += 2_400n) c.report(1, t, uptime);
  c.at(windowStart(CURRENT) + 100n);
  return c;
}

describe("Reputation online score", () => {
  it("scores 24 dark windows of 60 at 600 ‰, still reliable", () => {
    const online = nodeReputation(upUntilDark(24).io, 1)!.online;
    assert.deepEqual(online, { score: 600, windows: 60, unreliable: false, vetted: true });
  });

  it("scores 25 dark windows of 60 at 583 ‰, unreliable", () => {
    const online = nodeReputation(upUntilDark(25).io, 1)!.online;
    assert.deepEqual(online, { score: 583, windows: 60, unreliable: true, vetted: true });
  });

  it("counts windows from the node's creation and vets it after 42 complete windows", () => {
    const created = windowStart(CURRENT - 42) + 600n;
    const ring = { latest: CURRENT - 1, up: new Array(60).fill(43_200) };
    const young = onlineScore(ring, created, windowStart(CURRENT) + 5n);
    // 42 windows, the first from the creation on: 41 complete ones.
    assert.equal(young.windows, 42);
    assert.equal(young.score, 1000);
    assert.equal(young.vetted, false);
    assert.equal(onlineScore(ring, created, windowStart(CURRENT + 1)).vetted, true);
    assert.equal(onlineScore(ring, windowStart(CURRENT - 42), windowStart(CURRENT)).vetted, true);
  });

  it("has no score before a node's first complete window", () => {
    assert.deepEqual(onlineScore(undefined, windowStart(CURRENT) + 10n, windowStart(CURRENT) + 20n), { score: null, windows: 0, unreliable: false, vetted: false });
  });

  it("clears the windows a ring skips and caps a window at its length", () => {
    let ring = addToWindows(undefined, 100, 40_000);
    ring = addToWindows(ring, 100, 40_000);
    assert.equal(upIn(ring, 100), 43_200);
    ring = addToWindows(ring, 160, 10);
    assert.equal(upIn(ring, 100), 0);
    assert.equal(upIn(ring, 160), 10);
    // Older than the ring: dropped.
    ring = addToWindows(ring, 100, 5);
    assert.equal(upIn(ring, 100), 0);
    assert.equal(ring.up.reduce((a, b) => a + b, 0), 10);
  });

  it("lands a credit crossing a window boundary in both windows", () => {
    const c = new ReputationChain(windowStart(CURRENT) + 1_000n);
    c.addNode(1, 0n);
    c.report(1, windowStart(CURRENT) + 1_000n, 2_400n);
    const ring = storage.NodeWindows.get(c.io, 1)!;
    assert.equal(upIn(ring, CURRENT - 1), 1_400);
    assert.equal(upIn(ring, CURRENT), 1_000);
  });
});

describe("Reputation NodeWindows codec", () => {
  it("writes the bytes of the generic [u16; 60] struct codec and reads them back", () => {
    const value = { latest: 40_900, up: Array.from({ length: 60 }, (_, i) => (i * 719) % 43_201) };
    const fast = NodeWindows.enc(value);
    assert.deepEqual(fast, NodeWindowsGeneric.enc(value));
    assert.equal(fast.length, 124);
    assert.deepEqual(NodeWindows.dec(fast), value);
    assert.deepEqual(NodeWindowsGeneric.dec(fast), value);
    assert.throws(() => NodeWindows.dec(fast.subarray(0, 123)));
  });
});
