// Twins' payment scores (payment.ts) through the SmartContractModule hooks, and their read view.
import { strict as assert } from "node:assert";
import * as hooks from "../../../../runtime/pallets/reputation/hooks.js";
import { afterBill, NEW_TWIN_PAYMENT, paymentScore } from "../../../../runtime/pallets/reputation/payment.js";
import { twinReputation } from "../../../../runtime/pallets/reputation/read.js";
import { storage } from "../../../../runtime/pallets/reputation/storage.js";
import { P91_START, ReputationChain } from "./fixtures.js";

const TWIN = 7;

function chain(): ReputationChain {
  const c = new ReputationChain(P91_START + 1_000n);
  c.addTwin(TWIN);
  return c;
}

const scoreAfterOverdrafts = (n: number) => {
  let p = NEW_TWIN_PAYMENT;
  for (let i = 0; i < n; i++) p = afterBill(p, false);
  return paymentScore(p);
};

describe("Reputation payment score", () => {
  it("scores 960_770 ppm after 40 overdrafts, 959_809 after 41, 714_503 after 336 (14 days hourly)", () => {
    assert.equal(scoreAfterOverdrafts(0), 1_000_000);
    assert.equal(scoreAfterOverdrafts(40), 960_770);
    assert.equal(scoreAfterOverdrafts(41), 959_809);
    assert.equal(scoreAfterOverdrafts(336), 714_503);
  });

  it("reaches the same scores through the overdrawn hook", () => {
    const c = chain();
    const scores = new Map<number, number>();
    for (let i = 1; i <= 336; i++) {
      hooks.overdrawn(c.ctx, TWIN);
      scores.set(i, twinReputation(c.io, TWIN)!.score);
    }
    assert.deepEqual([scores.get(40), scores.get(41), scores.get(336)], [960_770, 959_809, 714_503]);
    assert.equal(twinReputation(c.io, TWIN)!.overdrawn, 336);
  });

  it("decays both counts by 999/1000, floored, before adding the bill", () => {
    const p = afterBill({ ...NEW_TWIN_PAYMENT, alpha: 1_999n, beta: 1_001n }, true);
    assert.equal(p.alpha, 1_997n + 1_000_000n);
    assert.equal(p.beta, 999n);
  });

  it("announces the crossing of 960_000 ppm, down then up, once each", () => {
    const c = chain();
    for (let i = 0; i < 41; i++) hooks.overdrawn(c.ctx, TWIN);
    assert.deepEqual(c.events(), [{ name: "TwinPaymentStanding", value: { twin_id: TWIN, score: 959_809, good: false } }]);
    assert.equal(twinReputation(c.io, TWIN)!.score, 959_809);
    hooks.overdrawn(c.ctx, TWIN);
    let bills = 0;
    while (!twinReputation(c.io, TWIN)!.good) {
      hooks.billed(c.ctx, TWIN);
      bills++;
    }
    const events = c.events();
    assert.equal(events.length, 2);
    assert.equal(events[1]!.value.good, true);
    assert.equal(events[1]!.value.score >= 960_000, true);
    assert.equal(bills > 0, true);
  });

  it("vets a twin from 100 paid bills", () => {
    const c = chain();
    for (let i = 0; i < 99; i++) hooks.billed(c.ctx, TWIN);
    assert.equal(twinReputation(c.io, TWIN)!.vetted, false);
    hooks.billed(c.ctx, TWIN);
    assert.equal(twinReputation(c.io, TWIN)!.vetted, true);
    assert.equal(twinReputation(c.io, TWIN)!.score, 1_000_000);
  });

  it("counts grace periods, running out of funds and the council's cancels, not a user's own cancel", () => {
    const c = chain();
    hooks.graceStarted(c.ctx, TWIN);
    hooks.graceEnded(c.ctx, TWIN);
    hooks.graceStarted(c.ctx, TWIN);
    hooks.graceElapsed(c.ctx, TWIN);
    hooks.canceled(c.ctx, TWIN, "OutOfFunds");
    hooks.canceled(c.ctx, TWIN, "CanceledByCollective");
    hooks.canceled(c.ctx, TWIN, "CanceledByUser");
    const view = twinReputation(c.io, TWIN)!;
    assert.deepEqual(
      [view.grace, view.outOfFunds, view.collective, view.paid, view.overdrawn, view.score],
      [2, 1, 1, 0, 0, 1_000_000],
    );
  });

  it("reads an unknown twin as null and a twin without bills as a fresh score", () => {
    const c = chain();
    assert.equal(twinReputation(c.io, 999), null);
    assert.deepEqual(twinReputation(c.io, TWIN), {
      twinId: TWIN, score: 1_000_000, good: true, vetted: false, paid: 0, overdrawn: 0, grace: 0, outOfFunds: 0, collective: 0,
    });
    assert.equal(storage.TwinPayment.get(c.io, TWIN), undefined);
  });
});
