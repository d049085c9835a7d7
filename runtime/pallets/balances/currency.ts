/**
 * The `Currency` trait of pallet_balances (polkadot-v1.0.0): what fees and TFChain's pallets call.
 *
 * FRAME returns imbalances whose drop adjusts `TotalIssuance`. Here each operation comes in two forms:
 * `…Imbalance` returns the amount and leaves the issuance alone, for a caller that settles it (the fee
 * adapter); the plain form drops it at once, as TFChain's pallets do (`deposit_creating` mints,
 * `withdraw` + `Burn = ()` burns).
 */
import type { StorageReader } from "../../../state/storage.js";
import { DispatchFailure, fail } from "../../dispatch-error.js";
import type { BlockContext } from "../../pallet.js";
import { equalBytes } from "../../../primitives/bytes.js";
import { canDecProviders } from "../system/account.js";
import {
  accountData, decreaseIssuance, increaseIssuance, totalIssuance as readTotalIssuance, tryMutateAccountHandlingDust,
} from "./account.js";
import { EXISTENTIAL_DEPOSIT, U128_MAX } from "./constants.js";
import { errors } from "./errors.js";
import { fungibleTransfer, reducibleBalance } from "./fungible.js";
import type { ExistenceRequirement } from "./types.js";

const ED = EXISTENTIAL_DEPOSIT;

export function freeBalance(io: StorageReader, who: Uint8Array): bigint {
  return accountData(io, who).free;
}

export function reservedBalance(io: StorageReader, who: Uint8Array): bigint {
  return accountData(io, who).reserved;
}

/** Free plus reserved. */
export function totalBalance(io: StorageReader, who: Uint8Array): bigint {
  const a = accountData(io, who);
  return a.free + a.reserved;
}

export function totalIssuance(io: StorageReader): bigint {
  return readTotalIssuance(io);
}

export function minimumBalance(): bigint {
  return ED;
}

/** `usable_balance`: what may be transferred or reserved, the account being allowed to die. */
export function usableBalance(ctx: BlockContext, who: Uint8Array): bigint {
  return reducibleBalance(ctx, who, "Expendable", "Polite");
}

/** `usable_balance_for_fees`: the same, the account being kept alive. */
export function usableBalanceForFees(ctx: BlockContext, who: Uint8Array): bigint {
  return reducibleBalance(ctx, who, "Protect", "Polite");
}

/**
 * `ensure_can_withdraw`: the new free balance must stay at or above `frozen`.
 *
 * polkadot-v1.0.0 ignores the withdraw reasons: a lock of any reasons blocks fees too.
 */
export function ensureCanWithdraw(io: StorageReader, who: Uint8Array, amount: bigint, newBalance: bigint): void {
  if (amount === 0n) return;
  errors.ensure(newBalance >= accountData(io, who).frozen, "LiquidityRestrictions");
}

/** `Currency::transfer`: a no-op for zero or to oneself; else the `fungible` transfer (Token errors). */
export function transfer(ctx: BlockContext, from: Uint8Array, to: Uint8Array, value: bigint, existence: ExistenceRequirement): void {
  if (value === 0n || equalBytes(from, to)) return;
  fungibleTransfer(ctx, from, to, value, existence === "KeepAlive" ? "Preserve" : "Expendable");
}

/**
 * `Currency::withdraw`, keeping the negative imbalance: takes `value` from the free balance, failing with
 * `InsufficientBalance`, `Expendability` (would kill a `KeepAlive` account) or `LiquidityRestrictions`.
 * `reasons` (a `WithdrawReasons` mask) is accepted for the record; v1.0.0 ignores it.
 */
export function withdrawImbalance(ctx: BlockContext, who: Uint8Array, value: bigint, _reasons: number, liveness: ExistenceRequirement): bigint {
  if (value === 0n) return 0n;
  return tryMutateAccountHandlingDust(ctx, who, (account) => {
    if (account.free < value) throw errors.error("InsufficientBalance");
    const newFree = account.free - value;
    const wouldKill = newFree < ED && account.free >= ED;
    errors.ensure(liveness === "AllowDeath" || !wouldKill, "Expendability");
    ensureCanWithdraw(ctx.io, who, value, newFree);
    account.free = newFree;
    ctx.deposit("Balances", { tag: "Withdraw", value: { who, amount: value } });
    return value;
  });
}

/** `Currency::withdraw` with the imbalance dropped: the funds are burned. */
export function withdraw(ctx: BlockContext, who: Uint8Array, value: bigint, reasons: number, liveness: ExistenceRequirement): bigint {
  const taken = withdrawImbalance(ctx, who, value, reasons, liveness);
  decreaseIssuance(ctx, taken);
  return taken;
}

/** `deposit_into_existing`, keeping the positive imbalance: `DeadAccount` for an account that does not exist. */
export function depositIntoExistingImbalance(ctx: BlockContext, who: Uint8Array, value: bigint): bigint {
  if (value === 0n) return 0n;
  return tryMutateAccountHandlingDust(ctx, who, (account, isNew) => {
    errors.ensure(!isNew, "DeadAccount");
    if (account.free + value > U128_MAX) fail({ tag: "Arithmetic", value: "Overflow" });
    account.free += value;
    ctx.deposit("Balances", { tag: "Deposit", value: { who, amount: value } });
    return value;
  });
}

/** `deposit_into_existing` with the imbalance dropped: the funds are minted. */
export function depositIntoExisting(ctx: BlockContext, who: Uint8Array, value: bigint): bigint {
  const added = depositIntoExistingImbalance(ctx, who, value);
  increaseIssuance(ctx, added);
  return added;
}

/**
 * `deposit_creating`, keeping the positive imbalance: creates the account if `value ≥ ED`; returns 0 (and
 * changes nothing) when it cannot.
 */
export function depositCreatingImbalance(ctx: BlockContext, who: Uint8Array, value: bigint): bigint {
  if (value === 0n) return 0n;
  return infallible(0n, () =>
    tryMutateAccountHandlingDust(ctx, who, (account, isNew) => {
      errors.ensure(value >= ED || !isNew, "ExistentialDeposit");
      // Defensive in FRAME: an overflow makes this a no-op.
      if (account.free + value > U128_MAX) return 0n;
      account.free += value;
      ctx.deposit("Balances", { tag: "Deposit", value: { who, amount: value } });
      return value;
    }),
  );
}

/** `deposit_creating` with the imbalance dropped: the funds are minted. */
export function depositCreating(ctx: BlockContext, who: Uint8Array, value: bigint): bigint {
  const added = depositCreatingImbalance(ctx, who, value);
  increaseIssuance(ctx, added);
  return added;
}

/**
 * `resolve_creating`: pays a negative imbalance (funds already taken elsewhere) into `who`, creating it;
 * whatever cannot be deposited is burned.
 */
export function resolveCreating(ctx: BlockContext, who: Uint8Array, negative: bigint): void {
  const deposited = depositCreatingImbalance(ctx, who, negative);
  decreaseIssuance(ctx, negative - deposited);
}

/**
 * `Currency::slash`, keeping the imbalance: takes up to `value` of the free balance, leaving ED if the
 * account cannot lose its provider. Returns what was slashed and what could not be.
 */
export function slashImbalance(ctx: BlockContext, who: Uint8Array, value: bigint): { slashed: bigint; remaining: bigint } {
  if (value === 0n) return { slashed: 0n, remaining: 0n };
  if (totalBalance(ctx.io, who) === 0n) return { slashed: 0n, remaining: value };
  const out = infallible(undefined, () =>
    tryMutateAccountHandlingDust(ctx, who, (account) => {
      const available = canDecProviders(ctx, who) ? account.free : account.free > ED ? account.free - ED : 0n;
      const actual = value < available ? value : available;
      account.free -= actual;
      return { slashed: actual, remaining: value - actual };
    }),
  );
  if (!out) return { slashed: 0n, remaining: value };
  ctx.deposit("Balances", { tag: "Slashed", value: { who, amount: out.slashed } });
  return out;
}

/** `Currency::slash` with the imbalance dropped: the slashed funds are burned. */
export function slash(ctx: BlockContext, who: Uint8Array, value: bigint): { slashed: bigint; remaining: bigint } {
  const out = slashImbalance(ctx, who, value);
  decreaseIssuance(ctx, out.slashed);
  return out;
}

/**
 * `make_free_balance_be`, with its signed imbalance dropped (the issuance follows). Setting a new account
 * below ED does nothing.
 */
export function makeFreeBalanceBe(ctx: BlockContext, who: Uint8Array, value: bigint): void {
  const delta = infallible(0n, () =>
    tryMutateAccountHandlingDust(ctx, who, (account, isNew) => {
      errors.ensure(value >= ED || !isNew, "ExistentialDeposit");
      const d = value - account.free;
      account.free = value;
      ctx.deposit("Balances", { tag: "BalanceSet", value: { who, free: value } });
      return d;
    }),
  );
  if (delta > 0n) increaseIssuance(ctx, delta);
  else decreaseIssuance(ctx, -delta);
}

// FRAME's `.unwrap_or_else(|_| default)` over a dispatch result.
function infallible<T>(fallback: T, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof DispatchFailure) return fallback;
    throw e;
  }
}
