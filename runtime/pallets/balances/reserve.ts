/**
 * `ReservableCurrency`: moving funds between free and reserved, and a reserve to another account.
 *
 * Reserved funds stay in the issuance; only slashing them burns.
 */
import type { StorageReader } from "../../../state/storage.js";
import { DispatchFailure, fail } from "../../dispatch-error.js";
import type { BlockContext } from "../../pallet.js";
import { equalBytes } from "../../../primitives/bytes.js";
import { accountData, decreaseIssuance, handleRawDust, tryMutateAccount, tryMutateAccountHandlingDust } from "./account.js";
import { EXISTENTIAL_DEPOSIT, U128_MAX } from "./constants.js";
import { ensureCanWithdraw, totalBalance } from "./currency.js";
import { errors } from "./errors.js";
import type { BalanceStatus } from "./types.js";

/** `can_reserve`: `value` can leave the free balance keeping ED and the locks. */
export function canReserve(io: StorageReader, who: Uint8Array, value: bigint): boolean {
  if (value === 0n) return true;
  const free = accountData(io, who).free;
  if (free < value) return false;
  const next = free - value;
  if (next < EXISTENTIAL_DEPOSIT) return false;
  try {
    ensureCanWithdraw(io, who, value, next);
    return true;
  } catch (e) {
    if (e instanceof DispatchFailure) return false;
    throw e;
  }
}

/** `reserve`: moves `value` from free to reserved (`InsufficientBalance`, `LiquidityRestrictions`). */
export function reserve(ctx: BlockContext, who: Uint8Array, value: bigint): void {
  if (value === 0n) return;
  tryMutateAccountHandlingDust(ctx, who, (account) => {
    if (account.free < value) throw errors.error("InsufficientBalance");
    account.free -= value;
    if (account.reserved + value > U128_MAX) fail({ tag: "Arithmetic", value: "Overflow" });
    account.reserved += value;
    ensureCanWithdraw(ctx.io, who, value, account.free);
  });
  ctx.deposit("Balances", { tag: "Reserved", value: { who, amount: value } });
}

/** `unreserve`: moves up to `value` back to free; returns the part that was not reserved. */
export function unreserve(ctx: BlockContext, who: Uint8Array, value: bigint): bigint {
  if (value === 0n) return 0n;
  if (totalBalance(ctx.io, who) === 0n) return value;
  let actual: bigint;
  try {
    actual = tryMutateAccountHandlingDust(ctx, who, (account) => {
      const a = account.reserved < value ? account.reserved : value;
      account.reserved -= a;
      const free = account.free + a;
      account.free = free > U128_MAX ? U128_MAX : free;
      return a;
    });
  } catch (e) {
    // Cannot happen (the total is unchanged); FRAME then reports nothing unreserved.
    if (e instanceof DispatchFailure) return value;
    throw e;
  }
  ctx.deposit("Balances", { tag: "Unreserved", value: { who, amount: actual } });
  return value - actual;
}

/**
 * `slash_reserved`, keeping the imbalance: takes up to `value` of the reserve out of the account without
 * touching the issuance. Returns what was slashed and what could not be.
 */
export function slashReservedImbalance(ctx: BlockContext, who: Uint8Array, value: bigint): { slashed: bigint; remaining: bigint } {
  if (value === 0n) return { slashed: 0n, remaining: 0n };
  if (totalBalance(ctx.io, who) === 0n) return { slashed: 0n, remaining: value };
  let actual: bigint;
  try {
    actual = tryMutateAccountHandlingDust(ctx, who, (account) => {
      const a = account.reserved < value ? account.reserved : value;
      account.reserved -= a;
      return a;
    });
  } catch (e) {
    if (e instanceof DispatchFailure) return { slashed: 0n, remaining: value };
    throw e;
  }
  ctx.deposit("Balances", { tag: "Slashed", value: { who, amount: actual } });
  return { slashed: actual, remaining: value - actual };
}

/** `slash_reserved` with the imbalance dropped: the slashed reserve is burned. */
export function slashReserved(ctx: BlockContext, who: Uint8Array, value: bigint): { slashed: bigint; remaining: bigint } {
  const out = slashReservedImbalance(ctx, who, value);
  decreaseIssuance(ctx, out.slashed);
  return out;
}

/**
 * `repatriate_reserved`: moves up to `value` of `slashed`'s reserve to `beneficiary`'s free or reserved
 * balance (`DeadAccount` if the beneficiary does not exist). Returns the part that could not be moved.
 */
export function repatriateReserved(
  ctx: BlockContext, slashed: Uint8Array, beneficiary: Uint8Array, value: bigint, status: BalanceStatus,
): bigint {
  return value - transferReserved(ctx, slashed, beneficiary, value, status);
}

/** `do_transfer_reserved` with `BestEffort` and `Polite`: returns the amount moved. */
function transferReserved(ctx: BlockContext, slashed: Uint8Array, beneficiary: Uint8Array, value: bigint, status: BalanceStatus): bigint {
  if (value === 0n) return 0n;
  const a = accountData(ctx.io, slashed);
  // `reducible_total_balance_on_hold(Polite)`: the freeze applies to the total, free funds count first.
  const frozenOnHold = a.frozen > a.free ? a.frozen - a.free : 0n;
  const max = a.reserved > frozenOnHold ? a.reserved - frozenOnHold : 0n;
  const actual = value < max ? value : max;
  if (equalBytes(slashed, beneficiary)) {
    return status === "Free" ? actual - unreserve(ctx, slashed, actual) : actual;
  }
  const outer = tryMutateAccount(ctx, beneficiary, (to, isNew) => {
    errors.ensure(!isNew, "DeadAccount");
    return tryMutateAccount(ctx, slashed, (from) => {
      if (status === "Free") {
        if (to.free + actual > U128_MAX) fail({ tag: "Arithmetic", value: "Overflow" });
        to.free += actual;
      } else {
        if (to.reserved + actual > U128_MAX) fail({ tag: "Arithmetic", value: "Overflow" });
        to.reserved += actual;
      }
      from.reserved -= actual;
    }).dust;
  });
  if (outer.result !== undefined) handleRawDust(ctx, outer.result);
  if (outer.dust !== undefined) handleRawDust(ctx, outer.dust);
  ctx.deposit("Balances", { tag: "ReserveRepatriated", value: { from: slashed, to: beneficiary, amount: actual, destination_status: status } });
  return actual;
}
