/**
 * Small pieces every SmartContractModule handler uses: event deposit, absent values as module errors, the
 * block's time.
 */
import type { BlockContext } from "../../pallet.js";
import { now } from "../timestamp/storage.js";
import { errors, type SmartContractError } from "./errors.js";
import type { SmartContractEvent } from "./events.js";

export function emit(ctx: BlockContext, event: SmartContractEvent): void {
  ctx.deposit("SmartContractModule", event);
}

/** `value.ok_or(Error::<T>::error)?`. */
export function must<T>(value: T | undefined, error: SmartContractError): T {
  if (value === undefined) errors.raise(error);
  return value as T;
}

/** `get_current_timestamp_in_secs`. */
export function nowSeconds(ctx: BlockContext): bigint {
  return now(ctx.io) / 1000n;
}
