/**
 * `LockableCurrency`: named locks on the free balance.
 *
 * Locks overlay rather than stack: `frozen` is the largest lock (and freeze) amount, whatever the
 * reasons. The first lock takes a consumer reference on the account, removing the last one drops it.
 */
import type { StorageReader } from "../../../state/storage.js";
import type { BlockContext } from "../../pallet.js";
import { equalBytes } from "../../../primitives/bytes.js";
import { DispatchFailure } from "../../dispatch-error.js";
import { decConsumers, incConsumers } from "../system/account.js";
import { tryMutateAccount } from "./account.js";
import { storage } from "./storage.js";
import { reasonsFrom, reasonsOr, type BalanceLock } from "./types.js";

export function locks(io: StorageReader, who: Uint8Array): BalanceLock[] {
  return storage.Locks.get(io, who);
}

/** `set_lock`: creates or replaces lock `id`; zero amount or no reasons removes it. */
export function setLock(ctx: BlockContext, id: Uint8Array, who: Uint8Array, amount: bigint, reasons: number): void {
  if (reasons === 0 || amount === 0n) return removeLock(ctx, id, who);
  let next: BalanceLock | undefined = { id, amount, reasons: reasonsFrom(reasons) };
  const list: BalanceLock[] = [];
  for (const l of locks(ctx.io, who)) {
    if (!equalBytes(l.id, id)) list.push(l);
    // Only the first lock with this id is replaced; any later duplicate is dropped.
    else if (next) list.push(next), (next = undefined);
  }
  if (next) list.push(next);
  updateLocks(ctx, who, list);
}

/** `extend_lock`: raises lock `id` to at least `amount`, widening its reasons; creates it if absent. */
export function extendLock(ctx: BlockContext, id: Uint8Array, who: Uint8Array, amount: bigint, reasons: number): void {
  if (amount === 0n || reasons === 0) return;
  let next: BalanceLock | undefined = { id, amount, reasons: reasonsFrom(reasons) };
  const list: BalanceLock[] = [];
  for (const l of locks(ctx.io, who)) {
    if (!equalBytes(l.id, id)) list.push(l);
    else if (next) {
      list.push({ id: l.id, amount: l.amount > next.amount ? l.amount : next.amount, reasons: reasonsOr(l.reasons, next.reasons) });
      next = undefined;
    }
  }
  if (next) list.push(next);
  updateLocks(ctx, who, list);
}

export function removeLock(ctx: BlockContext, id: Uint8Array, who: Uint8Array): void {
  updateLocks(ctx, who, locks(ctx.io, who).filter((l) => !equalBytes(l.id, id)));
}

/** `update_locks`: stores the locks, recomputes `frozen`, keeps the consumer reference, emits Locked/Unlocked. */
export function updateLocks(ctx: BlockContext, who: Uint8Array, list: BalanceLock[]): void {
  const freezes = storage.Freezes.get(ctx.io, who);
  let prev = 0n;
  let after = 0n;
  // No dust: free and reserved are untouched. A newly frozen balance takes a consumer reference of its own,
  // which can fail (`TooManyConsumers`); FRAME ignores that and the account keeps its old `frozen`.
  try {
    tryMutateAccount(ctx, who, (b) => {
      prev = b.frozen;
      b.frozen = 0n;
      for (const l of list) if (l.amount > b.frozen) b.frozen = l.amount;
      for (const f of freezes) if (f.amount > b.frozen) b.frozen = f.amount;
      after = b.frozen;
    });
  } catch (e) {
    if (!(e instanceof DispatchFailure)) throw e;
  }
  const existed = storage.Locks.contains(ctx.io, who);
  if (list.length === 0) {
    storage.Locks.remove(ctx.io, who);
    if (existed) decConsumers(ctx, who);
  } else {
    storage.Locks.set(ctx.io, who, list);
    if (!existed) {
      try {
        incConsumers(ctx, who, true);
      } catch (e) {
        // No provider for the locked funds: FRAME logs it and carries on.
        if (!(e instanceof DispatchFailure)) throw e;
      }
    }
  }
  if (prev > after) ctx.deposit("Balances", { tag: "Unlocked", value: { who, amount: prev - after } });
  else if (after > prev) ctx.deposit("Balances", { tag: "Locked", value: { who, amount: after - prev } });
}
