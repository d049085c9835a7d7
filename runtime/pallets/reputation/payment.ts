/**
 * A twin's payment score, after Storj's beta reputation: alpha counts paid bills, beta overdrawn ones, both
 * decaying by 0.999 a bill, in integers of 10⁻⁶ (alpha starts at 10⁹, beta at 0).
 *
 * Per bill: alpha = ⌊alpha·999/1000⌋, beta = ⌊beta·999/1000⌋, then 10⁶ is added to alpha when the bill was paid
 * and to beta when it was overdrawn. Score (ppm) = ⌊alpha·10⁶/(alpha + beta)⌋; a twin stands well from 960_000
 * and is vetted from 100 paid bills. After 40 overdrafts in a row the score is 960_770, after 41 it is 959_809.
 */
import type { BlockContext } from "../../pallet.js";
import { satAdd, satAdd32 } from "./saturating.js";
import { storage } from "./storage.js";
import type { TwinPayment } from "./types.js";

export const ALPHA_START = 1_000_000_000n;
const BILL_WEIGHT = 1_000_000n;
const PPM = 1_000_000n;
/** A twin scoring this (ppm) or more stands well. */
export const GOOD_STANDING = 960_000;
/** Paid bills before a twin's score is vetted. */
export const VETTED_BILLS = 100;

export const NEW_TWIN_PAYMENT: TwinPayment = Object.freeze({
  alpha: ALPHA_START, beta: 0n, paid: 0, overdrawn: 0, grace: 0, out_of_funds: 0, collective: 0,
});

/** The score in ppm. */
export function paymentScore(p: TwinPayment): number {
  const total = p.alpha + p.beta;
  return total === 0n ? Number(PPM) : Number((p.alpha * PPM) / total);
}

/** One bill, paid in full or overdrawn. */
export function afterBill(p: TwinPayment, paid: boolean): TwinPayment {
  const alpha = (p.alpha * 999n) / 1000n;
  const beta = (p.beta * 999n) / 1000n;
  return paid
    ? { ...p, alpha: satAdd(alpha, BILL_WEIGHT), beta, paid: satAdd32(p.paid, 1) }
    : { ...p, alpha, beta: satAdd(beta, BILL_WEIGHT), overdrawn: satAdd32(p.overdrawn, 1) };
}

/** Applies `f` to the twin's record and announces a crossing of the good standing threshold. */
export function updatePayment(ctx: BlockContext, twinId: number, f: (p: TwinPayment) => TwinPayment): void {
  const before = storage.TwinPayment.get(ctx.io, twinId) ?? NEW_TWIN_PAYMENT;
  const after = f(before);
  storage.TwinPayment.set(ctx.io, twinId, after);
  const [was, is] = [paymentScore(before), paymentScore(after)];
  if (was >= GOOD_STANDING !== is >= GOOD_STANDING) {
    ctx.deposit("Reputation", { tag: "TwinPaymentStanding", value: { twin_id: twinId, score: is, good: is >= GOOD_STANDING } });
  }
}
