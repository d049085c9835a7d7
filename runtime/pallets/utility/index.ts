/**
 * pallet_utility (index 3): batches of calls, derivative accounts, and Root's dispatch helpers.
 *
 * Its calls take other calls as arguments (`RuntimeCallRef`), so their weight and class come from the
 * calls they carry: each definition's `weight(args, ctx)` and `classOf(args, ctx)` ask `ctx.callInfo`.
 */
import { enumeration, u16, u32, vec, type FieldSpec, type Schema, type StructValue } from "../../../primitives/schema.js";
import { DispatchFailure } from "../../dispatch-error.js";
import {
  DispatchErrorSchema, DispatchResult, Weight, ZERO_WEIGHT, type DispatchClass,
} from "../../dispatch-types.js";
import { ensureRoot, ensureSigned, ROOT } from "../../origin.js";
import {
  call, constant, definePallet, type CallDef, type Handler, type RuntimeCallValue,
} from "../../pallet.js";
import { RuntimeCallRef } from "../../runtime.js";
import { dbReads, dbWrites } from "../system/constants.js";
import { parts, saturatingAdd } from "../system/weights.js";
import { batch, BATCHED_CALLS_LIMIT, batchAll, batchInfo, forceBatch } from "./batch.js";
import { derivativeAccountId } from "./derivative.js";
import { errors } from "./errors.js";
import {
  actualWeight, dispatchErrorOf, dispatchFiltered, nestedInfo, type CallInfoSource, type FilteredOrigin,
} from "./nested-dispatch.js";
import { originOf, OriginCaller } from "./origin-caller.js";
import { utilityWeights as W } from "./weights.js";

export const events = enumeration({ path: "pallet_utility::pallet::Event", docs: ["The `Event` enum of this pallet"] }, {
  BatchInterrupted: {
    fields: { index: [u32, "u32"], error: [DispatchErrorSchema, "DispatchError"] },
    docs: ["Batch of dispatches did not complete fully. Index of first failing dispatch given, as", "well as the error."],
  },
  BatchCompleted: { docs: ["Batch of dispatches completed fully with no error."] },
  BatchCompletedWithErrors: { docs: ["Batch of dispatches completed but has errors."] },
  ItemCompleted: { docs: ["A single item within a Batch of dispatches has completed with no error."] },
  ItemFailed: {
    fields: { error: [DispatchErrorSchema, "DispatchError"] },
    docs: ["A single item within a Batch of dispatches has completed with error."],
  },
  DispatchedAs: { fields: { result: [DispatchResult, "DispatchResult"] }, docs: ["A call was dispatched."] },
});

/** A call whose weight and class depend on the calls in its arguments. */
export type NestingCallDef<A> = CallDef<A> & { classOf(args: A, ctx?: CallInfoSource): DispatchClass };

function nestingCall<F extends Record<string, FieldSpec>>(
  index: number,
  args: F,
  docs: string[],
  info: (a: StructValue<F>, ctx?: CallInfoSource) => { weight: Weight; class: DispatchClass },
  handler: Handler<StructValue<F>>,
): NestingCallDef<StructValue<F>> {
  const def = call(index, args, { weight: ZERO_WEIGHT, docs }, handler);
  return Object.assign(def, {
    weight: (a: StructValue<F>, ctx?: CallInfoSource) => info(a, ctx).weight,
    classOf: (a: StructValue<F>, ctx?: CallInfoSource) => info(a, ctx).class,
  });
}

const CALLS: [Schema<RuntimeCallValue[]>, string] = [vec(RuntimeCallRef), "Vec<<T as Config>::RuntimeCall>"];
const BOXED_CALL: [Schema<RuntimeCallValue>, string] = [RuntimeCallRef, "Box<<T as Config>::RuntimeCall>"];

// as_derivative also pays for the pseudonym's account data: one read and one write at the runtime's DbWeight.
const derivativeOverhead = () => saturatingAdd(W.asDerivative(), parts(dbReads(1) + dbWrites(1)));

export const utility = definePallet({
  name: "Utility",
  index: 3,
  calls: {
    type: { path: "pallet_utility::pallet::Call", params: [{ name: "T" }], docs: ["Contains a variant per dispatchable extrinsic that this pallet has."] },
    list: {
      batch: nestingCall(0, { calls: CALLS }, ["See [`Pallet::batch`]."], (a, ctx) => batchInfo(a.calls, ctx, W.batch), (ctx, origin, a) =>
        batch(ctx, origin, a.calls)),
      as_derivative: nestingCall(
        1,
        { index: [u16, "u16"], call: BOXED_CALL },
        ["See [`Pallet::as_derivative`]."],
        (a, ctx) => {
          const inner = nestedInfo(ctx, a.call);
          return { weight: saturatingAdd(derivativeOverhead(), inner.weight), class: inner.class };
        },
        (ctx, origin: FilteredOrigin, a) => {
          const pseudonym = derivativeAccountId(ensureSigned(origin), a.index);
          const info = nestedInfo(ctx, a.call);
          // The pseudonym keeps the caller's call filters.
          const outcome = dispatchFiltered(ctx, a.call, { ...origin, tag: "Signed", value: pseudonym });
          const used = saturatingAdd(derivativeOverhead(), actualWeight(outcome, info));
          if (!outcome.ok) throw new DispatchFailure(outcome.error!, { actualWeight: used });
          return { actualWeight: used };
        },
      ),
      batch_all: nestingCall(2, { calls: CALLS }, ["See [`Pallet::batch_all`]."], (a, ctx) => batchInfo(a.calls, ctx, W.batchAll), (ctx, origin, a) =>
        batchAll(ctx, origin, a.calls)),
      dispatch_as: nestingCall(
        3,
        { as_origin: [OriginCaller, "Box<T::PalletsOrigin>"], call: BOXED_CALL },
        ["See [`Pallet::dispatch_as`]."],
        (a, ctx) => {
          const inner = nestedInfo(ctx, a.call);
          return { weight: saturatingAdd(W.dispatchAs(), inner.weight), class: inner.class };
        },
        (ctx, origin, a) => {
          ensureRoot(origin);
          const outcome = ctx.dispatch(a.call, originOf(a.as_origin));
          const result = outcome.ok
            ? { success: true as const, value: undefined }
            : { success: false as const, value: dispatchErrorOf(ctx, outcome.error!) };
          ctx.deposit("Utility", { tag: "DispatchedAs", value: { result } });
        },
      ),
      force_batch: nestingCall(4, { calls: CALLS }, ["See [`Pallet::force_batch`]."], (a, ctx) => batchInfo(a.calls, ctx, W.forceBatch), (ctx, origin, a) =>
        forceBatch(ctx, origin, a.calls)),
      with_weight: nestingCall(
        5,
        { call: BOXED_CALL, weight: [Weight, "Weight"] },
        ["See [`Pallet::with_weight`]."],
        (a, ctx) => ({ weight: a.weight, class: nestedInfo(ctx, a.call).class }),
        (ctx, origin, a) => {
          ensureRoot(origin);
          const outcome = ctx.dispatch(a.call, ROOT);
          // Only the error is kept: the declared weight is charged in full.
          if (!outcome.ok) throw new DispatchFailure(outcome.error!);
        },
      ),
    },
  },
  events,
  errors: { type: { path: "pallet_utility::pallet::Error", params: [{ name: "T" }], docs: ["The `Error` enum of this pallet."] }, list: errors },
  constants: {
    batched_calls_limit: constant(u32, BATCHED_CALLS_LIMIT, [" The limit on the number of batched calls."]),
  },
});

export { BATCHED_CALLS_LIMIT } from "./batch.js";
export { derivativeAccountId } from "./derivative.js";
export { OriginCaller, originOf } from "./origin-caller.js";
