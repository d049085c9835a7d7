/**
 * The three batches, as pallet_utility runs them.
 *
 * Each call of a batch runs in its own storage transaction, with the batch's origin (Root skips the call
 * filter). `batch` stops at the first failure and still succeeds (`BatchInterrupted`), keeping what the
 * earlier calls did; `batch_all` fails with the first failure, so the executive rolls the whole batch
 * back; `force_batch` runs every call (`ItemFailed` for each failure). Each reports as its actual weight
 * the calls' actual weights plus its own benchmarked part for the calls it ran.
 */
import { DispatchFailure } from "../../dispatch-error.js";
import { ZERO_WEIGHT, type DispatchClass, type Weight } from "../../dispatch-types.js";
import type { BlockContext, PostDispatchInfo, RuntimeCallValue } from "../../pallet.js";
import { saturatingAdd } from "../system/weights.js";
import { errors } from "./errors.js";
import {
  actualWeight, addFilter, dispatchErrorOf, dispatchFiltered, nestedInfo, refuseNone, type CallInfoSource, type FilteredOrigin,
} from "./nested-dispatch.js";
import { utilityWeights as W } from "./weights.js";

/**
 * `batched_calls_limit`: FRAME derives it as `MAX_POSSIBLE_ALLOCATION / 3 / call size`, with the size of
 * `RuntimeCall` rounded up to 1 KiB: 32 MiB / 3 / 1024 = 10922 for TFChain.
 */
export const BATCHED_CALLS_LIMIT = 10922;

/** What a batch declares: its calls' weights plus `base(count)`; Operational only if every call is. */
export function batchInfo(
  calls: RuntimeCallValue[], ctx: CallInfoSource | undefined, base: (count: number) => Weight,
): { weight: Weight; class: DispatchClass } {
  let weight = ZERO_WEIGHT;
  let allOperational = true;
  for (const call of calls) {
    const info = nestedInfo(ctx, call);
    weight = saturatingAdd(weight, info.weight);
    allOperational &&= info.class === "Operational";
  }
  // As Rust's `all`, an empty batch counts as all Operational.
  return { weight: saturatingAdd(weight, base(calls.length)), class: allOperational ? "Operational" : "Normal" };
}

/** `None` is refused, the length checked; true when the origin is Root. */
function begin(origin: FilteredOrigin, calls: RuntimeCallValue[]): boolean {
  refuseNone(origin);
  errors.ensure(calls.length <= BATCHED_CALLS_LIMIT, "TooManyCalls");
  return origin.tag === "Root";
}

function run(ctx: BlockContext, call: RuntimeCallValue, origin: FilteredOrigin, isRoot: boolean) {
  const info = nestedInfo(ctx, call);
  const outcome = isRoot ? ctx.dispatch(call, origin) : dispatchFiltered(ctx, call, origin);
  return { outcome, used: actualWeight(outcome, info) };
}

export function batch(ctx: BlockContext, origin: FilteredOrigin, calls: RuntimeCallValue[]): PostDispatchInfo {
  const isRoot = begin(origin, calls);
  let used = ZERO_WEIGHT;
  for (const [index, call] of calls.entries()) {
    const r = run(ctx, call, origin, isRoot);
    used = saturatingAdd(used, r.used);
    if (!r.outcome.ok) {
      ctx.deposit("Utility", { tag: "BatchInterrupted", value: { index, error: dispatchErrorOf(ctx, r.outcome.error!) } });
      return { actualWeight: saturatingAdd(W.batch(index + 1), used) };
    }
    ctx.deposit("Utility", { tag: "ItemCompleted" });
  }
  ctx.deposit("Utility", { tag: "BatchCompleted" });
  return { actualWeight: saturatingAdd(W.batch(calls.length), used) };
}

const isBatchAll = (call: RuntimeCallValue) => call.tag === "Utility" && call.value.tag === "batch_all";

export function batchAll(ctx: BlockContext, origin: FilteredOrigin, calls: RuntimeCallValue[]): PostDispatchInfo {
  const isRoot = begin(origin, calls);
  // A signed batch_all may not contain another batch_all, at any depth.
  const inner = isRoot ? origin : addFilter(origin, (call) => !isBatchAll(call));
  let used = ZERO_WEIGHT;
  for (const [index, call] of calls.entries()) {
    const r = run(ctx, call, inner, isRoot);
    used = saturatingAdd(used, r.used);
    if (!r.outcome.ok) {
      throw new DispatchFailure(r.outcome.error!, { actualWeight: saturatingAdd(W.batchAll(index + 1), used) });
    }
    ctx.deposit("Utility", { tag: "ItemCompleted" });
  }
  ctx.deposit("Utility", { tag: "BatchCompleted" });
  return { actualWeight: saturatingAdd(W.batchAll(calls.length), used) };
}

export function forceBatch(ctx: BlockContext, origin: FilteredOrigin, calls: RuntimeCallValue[]): PostDispatchInfo {
  const isRoot = begin(origin, calls);
  let used = ZERO_WEIGHT;
  let failed = false;
  for (const call of calls) {
    const r = run(ctx, call, origin, isRoot);
    used = saturatingAdd(used, r.used);
    if (r.outcome.ok) {
      ctx.deposit("Utility", { tag: "ItemCompleted" });
    } else {
      failed = true;
      ctx.deposit("Utility", { tag: "ItemFailed", value: { error: dispatchErrorOf(ctx, r.outcome.error!) } });
    }
  }
  ctx.deposit("Utility", { tag: failed ? "BatchCompletedWithErrors" : "BatchCompleted" });
  // FRAME declares `force_batch(c)` but reports `batch(c)` as the batch's own part afterwards.
  return { actualWeight: saturatingAdd(W.batch(calls.length), used) };
}
