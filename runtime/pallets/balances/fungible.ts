/**
 * `fungible::{Inspect, Unbalanced, Mutate}` as pallet_balances implements them: what the transfer calls use.
 *
 * A transfer first asks `canWithdraw`/`canDeposit` and fails with their `Token`/`Arithmetic` consequence,
 * then decreases the source (best effort, as the checks passed) and increases the destination.
 */
import { DispatchFailure, fail } from "../../dispatch-error.js";
import type { BlockContext } from "../../pallet.js";
import { account as systemAccount, canDecProviders } from "../system/account.js";
import { accountData, handleDust, totalIssuance, tryMutateAccount } from "./account.js";
import { EXISTENTIAL_DEPOSIT, U128_MAX } from "./constants.js";
import { errors } from "./errors.js";
import type { Fortitude, Precision, Preservation } from "./types.js";

const ED = EXISTENTIAL_DEPOSIT;

const satSub = (a: bigint, b: bigint) => (a > b ? a - b : 0n);
const max = (a: bigint, b: bigint) => (a > b ? a : b);
const min = (a: bigint, b: bigint) => (a < b ? a : b);

/**
 * `reducible_balance`: how much of `who`'s free balance can go without breaking freezes (unless `Force`)
 * or the ED its preservation asks for.
 */
export function reducibleBalance(ctx: BlockContext, who: Uint8Array, preservation: Preservation, force: Fortitude): bigint {
  const a = accountData(ctx.io, who);
  // Frozen applies to the total, so what is on hold already covers part of it.
  let untouchable = force === "Polite" ? satSub(a.frozen, a.reserved) : 0n;
  const needsEd =
    preservation === "Preserve" ||
    (preservation === "Protect" && a.free !== 0n && systemAccount(ctx, who).providers === 1) ||
    (preservation === "Expendable" && a.free !== 0n && !canDecProviders(ctx, who));
  if (needsEd) untouchable = max(untouchable, ED);
  return satSub(a.free, untouchable);
}

export type DepositConsequence = "BelowMinimum" | "CannotCreate" | "UnknownAsset" | "Overflow" | "Success" | "Blocked";
export type WithdrawConsequence =
  | { tag: "BalanceLow" | "WouldDie" | "UnknownAsset" | "Underflow" | "Overflow" | "Frozen" | "Success" }
  | { tag: "ReducedToZero"; value: bigint };

/** `can_deposit`: whether `amount` may be added to `who` (`Minted` also checks the issuance). */
export function canDeposit(ctx: BlockContext, who: Uint8Array, amount: bigint, provenance: "Minted" | "Extant"): DepositConsequence {
  if (amount === 0n) return "Success";
  if (provenance === "Minted" && totalIssuance(ctx.io) + amount > U128_MAX) return "Overflow";
  const a = accountData(ctx.io, who);
  const newFree = a.free + amount;
  if (newFree > U128_MAX) return "Overflow";
  if (newFree < ED) return "BelowMinimum";
  if (a.reserved + newFree > U128_MAX) return "Overflow";
  return "Success";
}

/** `can_withdraw`: whether `amount` may leave `who`, and whether the account would be reaped by it. */
export function canWithdraw(ctx: BlockContext, who: Uint8Array, amount: bigint): WithdrawConsequence {
  if (amount === 0n) return { tag: "Success" };
  if (totalIssuance(ctx.io) < amount) return { tag: "Underflow" };
  const a = accountData(ctx.io, who);
  if (a.free < amount) return { tag: "BalanceLow" };
  const newFree = a.free - amount;
  if (amount > reducibleBalance(ctx, who, "Expendable", "Polite")) return { tag: "Frozen" };
  let success: WithdrawConsequence = { tag: "Success" };
  if (newFree < ED) {
    if (!canDecProviders(ctx, who)) return { tag: "WouldDie" };
    success = { tag: "ReducedToZero", value: newFree };
  }
  if (newFree + a.reserved < a.frozen) return { tag: "Frozen" };
  return success;
}

/** `WithdrawConsequence::into_result`: the `DispatchError` of a refused withdrawal. */
export function withdrawResult(c: WithdrawConsequence, keepNonzero: boolean): bigint {
  switch (c.tag) {
    case "BalanceLow":
      return fail({ tag: "Token", value: "FundsUnavailable" });
    case "WouldDie":
      return fail({ tag: "Token", value: "OnlyProvider" });
    case "UnknownAsset":
      return fail({ tag: "Token", value: "UnknownAsset" });
    case "Underflow":
      return fail({ tag: "Arithmetic", value: "Underflow" });
    case "Overflow":
      return fail({ tag: "Arithmetic", value: "Overflow" });
    case "Frozen":
      return fail({ tag: "Token", value: "Frozen" });
    case "ReducedToZero":
      if (keepNonzero) fail({ tag: "Token", value: "NotExpendable" });
      return c.value;
    case "Success":
      return 0n;
  }
}

/** `DepositConsequence::into_result`. */
export function depositResult(c: DepositConsequence): void {
  switch (c) {
    case "Success":
      return;
    case "Overflow":
      fail({ tag: "Arithmetic", value: "Overflow" });
    case "BelowMinimum":
    case "CannotCreate":
    case "UnknownAsset":
    case "Blocked":
      fail({ tag: "Token", value: c });
  }
}

/**
 * `write_balance`: sets `who`'s free balance, refusing a reduction beyond what `Force` may take. Returns the
 * dust of a reaped account, for the caller to handle.
 */
export function writeBalance(ctx: BlockContext, who: Uint8Array, amount: bigint): bigint | undefined {
  const maxReduction = reducibleBalance(ctx, who, "Expendable", "Force");
  const { result: ok, dust } = tryMutateAccount(ctx, who, (account) => {
    if (satSub(account.free, amount) > maxReduction) return false;
    account.free = amount;
    return true;
  });
  // As FRAME, the refusal is reported after the (unchanged) account was written back.
  if (!ok) throw errors.error("InsufficientBalance");
  return dust;
}

/** `decrease_balance`: takes `amount` (at most the reducible balance with `BestEffort`); returns what left. */
export function decreaseBalance(
  ctx: BlockContext, who: Uint8Array, amount: bigint, precision: Precision, preservation: Preservation, force: Fortitude,
): bigint {
  const old = accountData(ctx.io, who).free;
  if (precision === "BestEffort") amount = min(amount, reducibleBalance(ctx, who, preservation, force));
  if (old < amount) fail({ tag: "Token", value: "FundsUnavailable" });
  const next = old - amount;
  const dust = writeBalance(ctx, who, next);
  if (dust !== undefined) handleDust(ctx, dust);
  return old - next;
}

/** `increase_balance`: adds `amount`; a new account must reach ED (else nothing with `BestEffort`). */
export function increaseBalance(ctx: BlockContext, who: Uint8Array, amount: bigint, precision: Precision): bigint {
  const old = accountData(ctx.io, who).free;
  let next = old + amount;
  if (next > U128_MAX) {
    if (precision === "Exact") fail({ tag: "Arithmetic", value: "Overflow" });
    next = U128_MAX;
  }
  if (next < ED) {
    if (precision === "BestEffort") return 0n;
    fail({ tag: "Token", value: "BelowMinimum" });
  }
  if (next === old) return 0n;
  const dust = writeBalance(ctx, who, next);
  if (dust !== undefined) handleDust(ctx, dust);
  return next - old;
}

/** `fungible::Mutate::transfer`: what `transfer_allow_death`, `transfer_keep_alive` and `transfer_all` do. */
export function fungibleTransfer(ctx: BlockContext, source: Uint8Array, dest: Uint8Array, amount: bigint, preservation: Preservation): bigint {
  withdrawResult(canWithdraw(ctx, source, amount), preservation !== "Expendable");
  depositResult(canDeposit(ctx, dest, amount, "Extant"));
  decreaseBalance(ctx, source, amount, "BestEffort", preservation, "Polite");
  // Cannot fail after `can_deposit`; FRAME ignores the result all the same.
  try {
    increaseBalance(ctx, dest, amount, "BestEffort");
  } catch (e) {
    if (!(e instanceof DispatchFailure)) throw e;
  }
  ctx.deposit("Balances", { tag: "Transfer", value: { from: source, to: dest, amount } });
  return amount;
}
