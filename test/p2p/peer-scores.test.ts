import { strict as assert } from "node:assert";
import { BANNED_THRESHOLD, PeerScores, Rep } from "../../p2p/peer-scores.js";

describe("p2p/peer-scores", () => {
  it("bans below 82 % of i32::MIN, as Substrate", () => {
    assert.equal(BANNED_THRESHOLD, 82 * Math.trunc(-(2 ** 31) / 100));
  });

  it("a genesis mismatch bans at once", () => {
    const banned: string[] = [];
    const scores = new PeerScores((p) => banned.push(p));
    scores.report("a", Rep.GENESIS_MISMATCH, "genesis");
    assert.deepEqual(banned, ["a"]);
    assert.ok(scores.isBanned("a"));
  });

  it("three bad blocks do not ban, the fourth does (once)", () => {
    const banned: string[] = [];
    const scores = new PeerScores((p) => banned.push(p));
    for (let i = 0; i < 3; i++) scores.report("a", Rep.BAD_BLOCK, "bad block");
    assert.ok(!scores.isBanned("a"));
    scores.report("a", Rep.BAD_BLOCK, "bad block");
    scores.report("a", Rep.BAD_BLOCK, "bad block");
    assert.ok(scores.isBanned("a"));
    assert.deepEqual(banned, ["a"]);
    assert.equal(scores.score("a"), -(2 ** 31), "saturates at i32::MIN");
  });

  it("decays 2 % a second toward 0, and a ban lifts once above the threshold", () => {
    const scores = new PeerScores(() => {});
    scores.report("a", -100_000, "x");
    scores.decay(1);
    assert.equal(scores.score("a"), -98_000);
    scores.report("b", Rep.GENESIS_MISMATCH, "genesis");
    let seconds = 0;
    while (scores.isBanned("b")) {
      scores.decay(1);
      seconds++;
    }
    // ln(0.82) / ln(0.98) ≈ 9.8 s
    assert.equal(seconds, 10);
    scores.report("c", 10, "x");
    scores.decay(10);
    assert.equal(scores.score("c"), 0, "small values move by one point a second and are forgotten at 0");
  });

  it("good transactions raise a score", () => {
    const scores = new PeerScores(() => {});
    scores.report("a", Rep.GOOD_TRANSACTION, "tx");
    assert.equal(scores.score("a"), 128);
  });
});
