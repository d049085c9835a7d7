/**
 * Balances' account bookkeeping over System's account store: the existential-deposit law and reference counts.
 *
 * Every change to an account's balance goes through `tryMutateAccount` (FRAME's `try_mutate_account`): the
 * account is a provider reference while `free ≥ ED` and a consumer while anything is reserved or frozen.
 * Crossing those lines adds or drops the references, which may create the account (`NewAccount`, then
 * `Endowed`) or reap it (`KilledAccount`, then `DustLost` for any free balance below ED, which is burned).
 * None of this adjusts `TotalIssuance`; callers account for the imbalance they create.
 */
import type { StorageReader } from "../../../state/storage.js";
import { DispatchFailure } from "../../dispatch-error.js";
import type { BlockContext } from "../../pallet.js";
import {
  account as systemAccount, decConsumers, decProviders, incConsumers, incProviders, mutateAccountData,
} from "../system/account.js";
import { storage as systemStorage } from "../system/storage.js";
import { EXISTENTIAL_DEPOSIT, U128_MAX } from "./constants.js";
import { storage } from "./storage.js";
import { DEFAULT_ACCOUNT_DATA, IS_NEW_LOGIC, isNewLogic, type AccountData } from "./types.js";

const ED = EXISTENTIAL_DEPOSIT;

/** `AccountStore::get`: the account's balance data, the default (new logic) for an absent account. */
export function accountData(io: StorageReader, who: Uint8Array): AccountData {
  return systemStorage.Account.get(io, who).data;
}

export function totalIssuance(io: StorageReader): bigint {
  return storage.TotalIssuance.get(io);
}

/** Writes `TotalIssuance` (as FRAME's `mutate`, even when unchanged). */
export function setTotalIssuance(ctx: Pick<BlockContext, "io">, value: bigint): void {
  storage.TotalIssuance.set(ctx.io, value);
}

/** Dropping a `PositiveImbalance`: funds that appeared in accounts are added to the issuance (saturating). */
export function increaseIssuance(ctx: Pick<BlockContext, "io">, amount: bigint): void {
  if (amount === 0n) return;
  const t = totalIssuance(ctx.io) + amount;
  setTotalIssuance(ctx, t > U128_MAX ? U128_MAX : t);
}

/** Dropping a `NegativeImbalance` (or a `fungible` credit): funds that left accounts are burned (saturating). */
export function decreaseIssuance(ctx: Pick<BlockContext, "io">, amount: bigint): void {
  if (amount === 0n) return;
  const t = totalIssuance(ctx.io);
  setTotalIssuance(ctx, t > amount ? t - amount : 0n);
}

/**
 * `handle_raw_dust`: the dust of a reaped account goes to `DustRemoval`, which TFChain sets to `()`, so the
 * credit is dropped and the issuance shrinks. Capped at `ED - 1`.
 */
export function handleRawDust(ctx: Pick<BlockContext, "io">, amount: bigint): void {
  decreaseIssuance(ctx, amount < ED - 1n ? amount : ED - 1n);
}

/** `handle_dust` (the `fungible` path): the same, uncapped. */
export function handleDust(ctx: Pick<BlockContext, "io">, amount: bigint): void {
  decreaseIssuance(ctx, amount);
}

export interface Mutated<R> {
  result: R;
  /** Free balance below ED that was removed with the account; not yet taken out of the issuance. */
  dust?: bigint;
}

/**
 * `try_mutate_account`: lets `f` change a copy of the account's data, then enforces the ED law and the
 * reference counts. `f` throws a `DispatchFailure` to abort (nothing of the account is written then).
 */
export function tryMutateAccount<R>(ctx: BlockContext, who: Uint8Array, f: (account: AccountData, isNew: boolean) => R): Mutated<R> {
  ensureUpgraded(ctx, who);
  // System's StoredMap hands over `None` (undefined) for default data, absent or not: a new account.
  const outcome = mutateAccountData(ctx, who, (stored) => {
    const isNew = stored === undefined;
    const account: AccountData = { ...(stored ?? DEFAULT_ACCOUNT_DATA) };
    const didProvide = account.free >= ED;
    const didConsume = !isNew && (account.reserved !== 0n || account.frozen !== 0n);

    const result = f(account, isNew);

    const doesProvide = account.free >= ED;
    const doesConsume = account.reserved !== 0n || account.frozen !== 0n;
    if (!didProvide && doesProvide) incProviders(ctx, who);
    if (didConsume && !doesConsume) decConsumers(ctx, who);
    if (!didConsume && doesConsume) incConsumers(ctx, who);
    // Dropping the provider may reap the account, so it goes last.
    if (didProvide && !doesProvide) {
      try {
        decProviders(ctx, who);
      } catch (e) {
        // As FRAME: undo the consumer change best-effort, then fail.
        if (e instanceof DispatchFailure) {
          if (didConsume && !doesConsume) tryIgnore(() => incConsumers(ctx, who));
          if (!didConsume && doesConsume) decConsumers(ctx, who);
        }
        throw e;
      }
    }

    const endowed = isNew ? account.free : undefined;
    // Reserved funds imply a consumer reference, so an account is only dropped when nothing is reserved.
    if (account.free < ED && account.reserved === 0n) {
      const dust = account.free === 0n ? undefined : account.free;
      // `None`: written back as default data while another reference keeps the account, else removed.
      return { data: undefined, result: { result, endowed, dust } };
    }
    return { data: account, result: { result, endowed, dust: undefined as bigint | undefined } };
  });
  if (outcome.endowed !== undefined) ctx.deposit("Balances", { tag: "Endowed", value: { account: who, free_balance: outcome.endowed } });
  if (outcome.dust !== undefined) ctx.deposit("Balances", { tag: "DustLost", value: { account: who, amount: outcome.dust } });
  return { result: outcome.result, dust: outcome.dust };
}

/** `try_mutate_account_handling_dust`: the dust, if any, is burned right away. */
export function tryMutateAccountHandlingDust<R>(ctx: BlockContext, who: Uint8Array, f: (account: AccountData, isNew: boolean) => R): R {
  const { result, dust } = tryMutateAccount(ctx, who, f);
  if (dust !== undefined) handleRawDust(ctx, dust);
  return result;
}

/**
 * `ensure_upgraded`: moves an account still under the old reference counting (flag bit 127 clear) to the new
 * one, giving reserved funds their consumer reference. Returns whether it upgraded.
 */
export function ensureUpgraded(ctx: BlockContext, who: Uint8Array): boolean {
  const a = { ...accountData(ctx.io, who) };
  if (isNewLogic(a)) return false;
  a.flags |= IS_NEW_LOGIC;
  if (a.reserved !== 0n && a.frozen === 0n) {
    if (systemAccount(ctx, who).providers === 0) {
      // No provider for funds on reserve should not happen; FRAME gives the account an ED to be safe.
      if (a.free < ED) a.free = ED;
      incProviders(ctx, who);
    }
    tryIgnore(() => incConsumers(ctx, who, true));
  }
  mutateAccountData(ctx, who, () => ({ data: a, result: undefined }));
  ctx.deposit("Balances", { tag: "Upgraded", value: { who } });
  return true;
}

// FRAME's `.defensive()` / `let _ =` on a fallible call: the error is logged and ignored.
function tryIgnore(f: () => void): void {
  try {
    f();
  } catch (e) {
    if (!(e instanceof DispatchFailure)) throw e;
  }
}
