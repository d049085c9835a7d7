// Minting periods and online windows (time.ts).
import { strict as assert } from "node:assert";
import { periodEnd, periodOf, periodStart, splitInterval, windowOf, windowStart } from "../../../../runtime/pallets/reputation/time.js";
import { P91_END, P91_START } from "./fixtures.js";

describe("Reputation time", () => {
  it("puts t 1_764_000_000 in period 91 = [1_761_911_080, 1_764_541_960)", () => {
    assert.equal(periodOf(1_764_000_000n), 91);
    assert.equal(periodStart(91), P91_START);
    assert.equal(periodEnd(91), P91_END);
    assert.equal(periodOf(P91_START), 91);
    assert.equal(periodOf(P91_START - 1n), 90);
    assert.equal(periodOf(P91_END - 1n), 91);
    assert.equal(periodOf(P91_END), 92);
  });

  it("counts times before the origin as period 0", () => {
    assert.equal(periodOf(0n), 0);
    assert.equal(periodOf(1_522_501_000n + 2_630_879n), 0);
  });

  it("aligns windows on the unix epoch", () => {
    assert.equal(windowOf(0n), 0);
    assert.equal(windowOf(43_199n), 0);
    assert.equal(windowOf(43_200n), 1);
    assert.equal(windowStart(40_785), 1_761_912_000n);
  });

  it("cuts a credit crossing a period and a window into its pieces", () => {
    // Period 91 starts 920 s before window 40_785 does.
    const pieces = splitInterval(P91_START - 1_400n, P91_START + 1_000n);
    assert.deepEqual(pieces, [
      { period: 90, window: 40_784, seconds: 1_400n },
      { period: 91, window: 40_784, seconds: 920n },
      { period: 91, window: 40_785, seconds: 80n },
    ]);
  });

  it("gives an empty interval no piece", () => {
    assert.deepEqual(splitInterval(10n, 10n), []);
  });
});
