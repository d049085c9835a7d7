/**
 * pallet_timestamp (index 1): the block's time, set once per block by the `set` inherent.
 *
 * The block author puts `Timestamp.set(now)` (milliseconds since the Unix epoch) first in the block. It
 * must come exactly once, at least `MinimumPeriod` after the previous block's time; `on_finalize` checks
 * that it came. Breaking either rule is a panic in FRAME: the block is invalid, which we reproduce by
 * throwing `TimestampPanic` (not a dispatch error) out of the block's execution.
 */
import { compact, u64 } from "../../../primitives/schema.js";
import { ensureNone } from "../../origin.js";
import { call, constant, definePallet, type BlockContext } from "../../pallet.js";
import { MINIMUM_PERIOD, storage } from "./storage.js";
import { timestampWeights as W } from "./weights.js";

export type TimestampPanicCode = "ALREADY_UPDATED" | "TOO_EARLY" | "NOT_UPDATED";

const PANIC_MESSAGES: Record<TimestampPanicCode, string> = {
  ALREADY_UPDATED: "Timestamp must be updated only once in the block",
  TOO_EARLY: "Timestamp must increment by at least <MinimumPeriod> between sequential blocks",
  NOT_UPDATED: "Timestamp must be updated once in the block",
};

/**
 * A broken timestamp rule: FRAME panics, so the block that carries it is invalid.
 *
 * Deliberately not a `DispatchFailure`: it escapes every storage transaction, nested dispatch and the
 * executive, as a panic aborts the whole block.
 */
export class TimestampPanic extends Error {
  constructor(
    readonly code: TimestampPanicCode,
    readonly context: { now?: bigint; previous?: bigint } = {},
  ) {
    super(PANIC_MESSAGES[code]);
    this.name = "TimestampPanic";
  }
}

export interface TimestampConfig {
  /**
   * `OnTimestampSet`: TFChain's is Aura, which panics unless `now / SlotDuration` equals its
   * `CurrentSlot`. Throw to reject the block.
   */
  onTimestampSet?(ctx: BlockContext, now: bigint): void;
}

function set(ctx: BlockContext, moment: bigint, config: TimestampConfig): void {
  const io = ctx.io;
  // FRAME checks that the key exists, not that it holds `true`.
  if (storage.DidUpdate.exists(io)) throw new TimestampPanic("ALREADY_UPDATED", { now: moment });
  const previous = storage.Now.get(io);
  if (previous !== 0n && moment < previous + MINIMUM_PERIOD) throw new TimestampPanic("TOO_EARLY", { now: moment, previous });
  storage.Now.set(io, moment);
  storage.DidUpdate.set(io, true);
  config.onTimestampSet?.(ctx, moment);
}

/** Declares the Timestamp pallet, notifying `config.onTimestampSet` of each new time. */
export function defineTimestamp(config: TimestampConfig = {}) {
  return definePallet({
    name: "Timestamp",
    index: 1,
    storage,
    calls: {
      type: { path: "pallet_timestamp::pallet::Call", params: [{ name: "T" }], docs: ["Contains a variant per dispatchable extrinsic that this pallet has."] },
      list: {
        set: call(0, { now: [compact(u64), "T::Moment"] }, { weight: W.set(), class: "Mandatory", docs: ["See [`Pallet::set`]."] }, (ctx, origin, a) => {
          ensureNone(origin);
          set(ctx, a.now, config);
        }),
      },
    },
    constants: {
      MinimumPeriod: constant(u64, MINIMUM_PERIOD, [
        " The minimum period between blocks. Beware that this is different to the *expected*",
        " period that the block production apparatus provides. Your chosen consensus system will",
        " generally work with this to determine a sensible block time. e.g. For Aura, it will be",
        " double this period on default settings.",
      ]),
    },
    hooks: {
      // FRAME's `on_initialize` only returns what `on_finalize` will cost.
      onInitialize: () => W.onFinalize(),
      onFinalize(ctx) {
        if (!storage.DidUpdate.take(ctx.io)) throw new TimestampPanic("NOT_UPDATED");
      },
    },
    inherents: ["set"],
  });
}

/** The Timestamp pallet without an `OnTimestampSet` listener (runtime/index.ts wires Aura's check in). */
export const timestamp = defineTimestamp();

export { MINIMUM_PERIOD, now, storage } from "./storage.js";
export {
  checkInherent, inherentTime, timestampInherent, INHERENT_IDENTIFIER, MAX_TIMESTAMP_DRIFT_MILLIS, type TimestampInherentError,
} from "./inherent.js";
