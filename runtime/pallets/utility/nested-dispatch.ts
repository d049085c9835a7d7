/**
 * Dispatching calls from inside a call, as pallet_utility does through `RuntimeCall::dispatch`.
 *
 * FRAME's `RuntimeOrigin` carries a call filter. A top-level origin gets the runtime's `BaseCallFilter`
 * (`Everything` in TFChain); `batch_all` adds one that refuses a nested `batch_all`, and the filter then
 * travels with the origin through every nested batch and `as_derivative`. `dispatch` checks it before the
 * call runs (a refused call fails with `System.CallFiltered`, having done nothing); Root passes every
 * filter, and `dispatch_bypass_filter` skips it. Filters live on the origin object, which `BlockContext`
 * hands to handlers as it is.
 */
import { fail, type RaisedError } from "../../dispatch-error.js";
import type { DispatchClass, DispatchErrorValue, Pays, Weight } from "../../dispatch-types.js";
import type { Origin } from "../../origin.js";
import type { BlockContext, DispatchOutcome, RuntimeCallValue } from "../../pallet.js";
import { errors as systemErrors } from "../system/errors.js";
import { minWeight } from "../system/weights.js";

export type CallFilter = (call: RuntimeCallValue) => boolean;

/** An origin with the filters its calls must pass (FRAME's `RuntimeOrigin::add_filter`). */
export type FilteredOrigin = Origin & { readonly filters?: readonly CallFilter[] };

/** What weighing a nested call needs: the block's context, or anything that answers `callInfo`. */
export type CallInfoSource = Pick<BlockContext, "callInfo">;

export interface CallInfo {
  weight: Weight;
  class: DispatchClass;
  pays: Pays;
}

/** A copy of `origin` whose calls must also pass `filter`. */
export function addFilter(origin: FilteredOrigin, filter: CallFilter): FilteredOrigin {
  return { ...origin, filters: [...(origin.filters ?? []), filter] };
}

/** `RuntimeCall::dispatch(origin)`: the origin's filters, then the call in its own storage transaction. */
export function dispatchFiltered(ctx: BlockContext, call: RuntimeCallValue, origin: FilteredOrigin): DispatchOutcome {
  if (origin.tag !== "Root" && origin.filters?.some((allows) => !allows(call))) {
    return { ok: false, error: systemErrors.error("CallFiltered").error, postInfo: {} };
  }
  return ctx.dispatch(call, origin);
}

/** `extract_actual_weight`: the weight a dispatch reported, capped by what it declared. */
export function actualWeight(outcome: DispatchOutcome, info: CallInfo): Weight {
  const reported = outcome.postInfo.actualWeight;
  return reported ? minWeight(reported, info.weight) : info.weight;
}

/** The dispatch info of a call inside a call's arguments (`GetDispatchInfo`). */
export function nestedInfo(ctx: CallInfoSource | undefined, call: RuntimeCallValue): CallInfo {
  if (!ctx) throw new Error("Utility weighs its nested calls through `callInfo`: CallDef.weight needs a context that has it");
  return ctx.callInfo(call);
}

interface ErrorResolver {
  toDispatchError(e: RaisedError): DispatchErrorValue;
}

/**
 * A nested call's error as `DispatchError`, for Utility's events (`Module { index, error }` needs the
 * runtime's pallet indices: the context resolves it, or the runtime it carries).
 */
export function dispatchErrorOf(ctx: BlockContext, e: RaisedError): DispatchErrorValue {
  if (e.tag !== "NamedModule") return e;
  const c = ctx as BlockContext & Partial<ErrorResolver> & { runtime?: ErrorResolver };
  if (typeof c.toDispatchError === "function") return c.toDispatchError(e);
  if (c.runtime && typeof c.runtime.toDispatchError === "function") return c.runtime.toDispatchError(e);
  throw new Error(`cannot report ${e.pallet}.${e.error}: the BlockContext resolves no pallet errors`);
}

/** `ensure_none(origin).is_ok()` → `BadOrigin`: batches refuse the unsigned origin. */
export function refuseNone(origin: Origin): void {
  if (origin.tag === "None") fail({ tag: "BadOrigin" });
}
