/**
 * Small pieces every TfgridModule handler uses: event deposit, the caller's twin, the block's time.
 */
import type { BlockContext } from "../../pallet.js";
import { now } from "../timestamp/storage.js";
import { errors, type TfgridError } from "./errors.js";
import type { TfgridEvent } from "./events.js";
import { storage } from "./storage.js";

export function emit(ctx: BlockContext, event: TfgridEvent): void {
  ctx.deposit("TfgridModule", event);
}

/** The twin id of `account`, or `TwinNotExists`. */
export function twinIdOf(ctx: BlockContext, account: Uint8Array): number {
  return must(storage.TwinIdByAccountID.get(ctx.io, account), "TwinNotExists");
}

/** The block's timestamp in seconds (`pallet_timestamp::get() / 1000`). */
export function nowSeconds(ctx: BlockContext): bigint {
  return now(ctx.io) / 1000n;
}

/** `value.ok_or(Error::<T>::error)?`: the value, or the module error when it is absent. */
export function must<T>(value: T | undefined, error: TfgridError): T {
  if (value === undefined) errors.raise(error);
  return value as T;
}
