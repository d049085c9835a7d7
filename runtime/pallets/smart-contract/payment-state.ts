/**
 * The arithmetic of 2.9's `ContractPaymentState`: what a contract has reserved on its twin's account
 * (standard: resources, IPs, names; additional: a dedicated node's extra fee), what it still owes
 * (overdrafts), and the cycles since its last reward distribution. Every sum saturates at u128.
 */
import type { ContractPaymentState } from "./types.js";

const U128_MAX = (1n << 128n) - 1n;
const add = (a: bigint, b: bigint) => (a + b > U128_MAX ? U128_MAX : a + b);

/** The state a new contract starts with: nothing reserved or owed, billed up to `now`. */
export function newPaymentState(now: bigint): ContractPaymentState {
  return { standard_reserve: 0n, additional_reserve: 0n, standard_overdraft: 0n, additional_overdraft: 0n, last_updated_seconds: now, cycles: 0 };
}

export const totalOverdraft = (s: ContractPaymentState): bigint => add(s.standard_overdraft, s.additional_overdraft);
export const totalReserve = (s: ContractPaymentState): bigint => add(s.standard_reserve, s.additional_reserve);
export const hasReserve = (s: ContractPaymentState): boolean => s.standard_reserve > 0n || s.additional_reserve > 0n;

/** The whole due and the whole overdraft were reserved: overdrafts move into the reserves. */
export function reserveAll(s: ContractPaymentState, standardDue: bigint, additionalDue: bigint): void {
  s.standard_reserve = add(add(s.standard_reserve, s.standard_overdraft), standardDue);
  s.additional_reserve = add(add(s.additional_reserve, s.additional_overdraft), additionalDue);
  s.standard_overdraft = 0n;
  s.additional_overdraft = 0n;
}

/**
 * The due could not be reserved: it joins the overdrafts, then `reserved` (all the twin could spare) pays
 * them off, the additional overdraft first (`settle_partial_overdraft`).
 */
export function overdraw(s: ContractPaymentState, standardDue: bigint, additionalDue: bigint, reserved: bigint): void {
  s.standard_overdraft = add(s.standard_overdraft, standardDue);
  s.additional_overdraft = add(s.additional_overdraft, additionalDue);
  let left = reserved;
  const additional = left < s.additional_overdraft ? left : s.additional_overdraft;
  s.additional_overdraft -= additional;
  s.additional_reserve = add(s.additional_reserve, additional);
  left -= additional;
  const standard = left < s.standard_overdraft ? left : s.standard_overdraft;
  s.standard_overdraft -= standard;
  s.standard_reserve = add(s.standard_reserve, standard);
}
