/**
 * Account lifecycle as frame_system keeps it: providers, consumers and sufficients reference counts.
 *
 * An account exists while it has a provider or a sufficient reference; the first one creates it
 * (`NewAccount`), losing the last one reaps it (`KilledAccount`) unless consumers remain.
 */
import { fail } from "../../dispatch-error.js";
import type { BlockContext } from "../../pallet.js";
import { DEFAULT_ACCOUNT_DATA, isDefaultAccountData, type AccountData } from "../balances/types.js";
import { storage } from "./storage.js";
import type { AccountInfo } from "./types.js";

/** `MaxConsumers` in TFChain's runtime. */
export const MAX_CONSUMERS = 16;

export type IncRefStatus = "Created" | "Existed";
export type DecRefStatus = "Reaped" | "Exists";

export function account(ctx: Pick<BlockContext, "io">, who: Uint8Array): AccountInfo {
  return storage.Account.get(ctx.io, who);
}

export function incProviders(ctx: BlockContext, who: Uint8Array): IncRefStatus {
  const a = { ...account(ctx, who) };
  let status: IncRefStatus;
  if (a.providers === 0 && a.sufficients === 0) {
    a.providers = 1;
    status = "Created";
  } else {
    a.providers += 1;
    status = "Existed";
  }
  storage.Account.set(ctx.io, who, a);
  if (status === "Created") ctx.deposit("System", { tag: "NewAccount", value: { account: who } });
  return status;
}

/** Drops a provider; reaps the account when none is left and nothing else holds it. */
export function decProviders(ctx: BlockContext, who: Uint8Array): DecRefStatus {
  if (!storage.Account.contains(ctx.io, who)) return "Reaped";
  const a = { ...account(ctx, who) };
  // FRAME logs a logic error and treats a zero count as one.
  if (a.providers === 0) a.providers = 1;
  if (a.providers === 1 && a.consumers === 0 && a.sufficients === 0) {
    storage.Account.remove(ctx.io, who);
    ctx.deposit("System", { tag: "KilledAccount", value: { account: who } });
    return "Reaped";
  }
  if (a.providers === 1 && a.consumers > 0) fail({ tag: "ConsumerRemaining" });
  a.providers -= 1;
  storage.Account.set(ctx.io, who, a);
  return "Exists";
}

export function incSufficients(ctx: BlockContext, who: Uint8Array): IncRefStatus {
  const a = { ...account(ctx, who) };
  let status: IncRefStatus;
  if (a.providers + a.sufficients === 0) {
    a.sufficients = 1;
    status = "Created";
  } else {
    a.sufficients += 1;
    status = "Existed";
  }
  storage.Account.set(ctx.io, who, a);
  if (status === "Created") ctx.deposit("System", { tag: "NewAccount", value: { account: who } });
  return status;
}

export function decSufficients(ctx: BlockContext, who: Uint8Array): DecRefStatus {
  if (!storage.Account.contains(ctx.io, who)) return "Reaped";
  const a = { ...account(ctx, who) };
  if (a.sufficients === 0) return "Exists";
  if (a.sufficients === 1 && a.consumers === 0 && a.providers === 0) {
    storage.Account.remove(ctx.io, who);
    ctx.deposit("System", { tag: "KilledAccount", value: { account: who } });
    return "Reaped";
  }
  a.sufficients -= 1;
  storage.Account.set(ctx.io, who, a);
  return "Exists";
}

/** Adds a consumer reference: needs a provider, and at most `MAX_CONSUMERS` (unless `unlimited`). */
export function incConsumers(ctx: BlockContext, who: Uint8Array, unlimited = false): void {
  const a = account(ctx, who);
  if (a.providers === 0) fail({ tag: "NoProviders" });
  if (!unlimited && a.consumers >= MAX_CONSUMERS) fail({ tag: "TooManyConsumers" });
  storage.Account.set(ctx.io, who, { ...a, consumers: a.consumers + 1 });
}

export function decConsumers(ctx: BlockContext, who: Uint8Array): void {
  const a = account(ctx, who);
  // As FRAME's `Account::mutate`, this writes the entry back even when nothing changed.
  storage.Account.set(ctx.io, who, { ...a, consumers: a.consumers > 0 ? a.consumers - 1 : 0 });
}

export function canDecProviders(ctx: BlockContext, who: Uint8Array): boolean {
  const a = account(ctx, who);
  return a.consumers === 0 || a.providers > 1;
}

export function incAccountNonce(ctx: BlockContext, who: Uint8Array): void {
  const a = account(ctx, who);
  storage.Account.set(ctx.io, who, { ...a, nonce: a.nonce + 1 });
}

/**
 * `StoredMap::try_mutate_exists` over the account data kept in System.Account (Balances' account store):
 * `f` sees `undefined` for default data; the entry is written back only while the account has a provider
 * or a sufficient, else removed.
 */
export function mutateAccountData<R>(
  ctx: BlockContext,
  who: Uint8Array,
  f: (data: AccountData | undefined) => { data: AccountData | undefined; result: R },
): R {
  const a = account(ctx, who);
  const { data, result } = f(isDefaultAccountData(a.data) ? undefined : a.data);
  const now = account(ctx, who);
  if (now.providers > 0 || now.sufficients > 0) {
    storage.Account.set(ctx.io, who, { ...now, data: data ?? DEFAULT_ACCOUNT_DATA });
  } else {
    storage.Account.remove(ctx.io, who);
  }
  return result;
}
