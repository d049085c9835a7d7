/**
 * The dispatchables of pallet_balances: origin, lookup, then the `fungible` or account-level operation.
 */
import { addressAccount, type MultiAddress } from "../../../primitives/account.js";
import { fail } from "../../dispatch-error.js";
import type { BlockContext, PostDispatchInfo } from "../../pallet.js";
import { ensureRoot, ensureSigned, type Origin } from "../../origin.js";
import { decreaseIssuance, ensureUpgraded, increaseIssuance, tryMutateAccountHandlingDust } from "./account.js";
import { EXISTENTIAL_DEPOSIT } from "./constants.js";
import { fungibleTransfer, reducibleBalance } from "./fungible.js";
import { unreserve } from "./reserve.js";
import type { Preservation } from "./types.js";

/** TFChain's `AccountIdLookup`: only `MultiAddress::Id` names an account; anything else is `CannotLookup`. */
export function lookup(address: MultiAddress): Uint8Array {
  const who = addressAccount(address);
  if (!who) fail({ tag: "CannotLookup" });
  return who;
}

/** `transfer_allow_death` (and the deprecated `transfer`): the sender may be reaped. */
export function transferAllowDeath(ctx: BlockContext, origin: Origin, a: { dest: MultiAddress; value: bigint }): void {
  const source = ensureSigned(origin);
  fungibleTransfer(ctx, source, lookup(a.dest), a.value, "Expendable");
}

export function transferKeepAlive(ctx: BlockContext, origin: Origin, a: { dest: MultiAddress; value: bigint }): void {
  const source = ensureSigned(origin);
  fungibleTransfer(ctx, source, lookup(a.dest), a.value, "Preserve");
}

export function forceTransfer(ctx: BlockContext, origin: Origin, a: { source: MultiAddress; dest: MultiAddress; value: bigint }): void {
  ensureRoot(origin);
  const source = lookup(a.source);
  fungibleTransfer(ctx, source, lookup(a.dest), a.value, "Expendable");
}

/** `transfer_all`: everything transferable (less ED when keeping alive), locks and reserves excepted. */
export function transferAll(ctx: BlockContext, origin: Origin, a: { dest: MultiAddress; keep_alive: boolean }): void {
  const transactor = ensureSigned(origin);
  const preservation: Preservation = a.keep_alive ? "Preserve" : "Expendable";
  const reducible = reducibleBalance(ctx, transactor, preservation, "Polite");
  fungibleTransfer(ctx, transactor, lookup(a.dest), reducible, preservation);
}

export function forceUnreserve(ctx: BlockContext, origin: Origin, a: { who: MultiAddress; amount: bigint }): void {
  ensureRoot(origin);
  unreserve(ctx, lookup(a.who), a.amount);
}

/** `upgrade_accounts`: free of charge when at least 90% of the accounts named needed the upgrade. */
export function upgradeAccounts(ctx: BlockContext, origin: Origin, a: { who: Uint8Array[] }): PostDispatchInfo {
  ensureSigned(origin);
  if (a.who.length === 0) return { paysFee: "Yes" };
  let upgraded = 0n;
  for (const who of a.who) if (ensureUpgraded(ctx, who)) upgraded += 1n;
  // `Perbill::from_rational(upgraded, n) >= Perbill::from_percent(90)`, the Perbill rounded down.
  const parts = (upgraded * 1_000_000_000n) / BigInt(a.who.length);
  return { paysFee: parts >= 900_000_000n ? "No" : "Yes" };
}

/** `force_set_balance`: sets the free balance (below ED: zero, reaping the account), minting or burning the difference. */
export function forceSetBalance(ctx: BlockContext, origin: Origin, a: { who: MultiAddress; new_free: bigint }): void {
  ensureRoot(origin);
  const who = lookup(a.who);
  setFree(ctx, who, a.new_free);
}

/** `set_balance_deprecated`: as `force_set_balance`, if `old_reserved` matches the reserve (else `Token(Unsupported)`). */
export function setBalanceDeprecated(
  ctx: BlockContext, origin: Origin, a: { who: MultiAddress; new_free: bigint; old_reserved: bigint },
): void {
  ensureRoot(origin);
  const who = lookup(a.who);
  setFree(ctx, who, a.new_free, a.old_reserved);
}

function setFree(ctx: BlockContext, who: Uint8Array, requested: bigint, oldReserved?: bigint): void {
  const newFree = requested < EXISTENTIAL_DEPOSIT ? 0n : requested;
  const oldFree = tryMutateAccountHandlingDust(ctx, who, (account) => {
    const old = account.free;
    if (oldReserved !== undefined && account.reserved !== oldReserved) fail({ tag: "Token", value: "Unsupported" });
    account.free = newFree;
    return old;
  });
  if (newFree > oldFree) increaseIssuance(ctx, newFree - oldFree);
  else if (newFree < oldFree) decreaseIssuance(ctx, oldFree - newFree);
  ctx.deposit("Balances", { tag: "BalanceSet", value: { who, free: newFree } });
}
