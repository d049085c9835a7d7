/**
 * The timestamp inherent: what the block author puts in and what an importer checks (`ProvideInherent`).
 *
 * The inherent data (`timstap0`) is the author's clock in ms. The author proposes
 * `max(data, Now + MinimumPeriod)`; an importer accepts a time from `Now + MinimumPeriod` up to 30 s past
 * its own clock.
 */
import type { StorageReader } from "../../../state/storage.js";
import type { RuntimeCallValue } from "../../pallet.js";
import { MINIMUM_PERIOD, storage } from "./storage.js";

/** `sp_timestamp::INHERENT_IDENTIFIER`. */
export const INHERENT_IDENTIFIER = new TextEncoder().encode("timstap0");

/** How far past the importer's clock a block's time may be (`MAX_TIMESTAMP_DRIFT_MILLIS`). */
export const MAX_TIMESTAMP_DRIFT_MILLIS = 30_000n;

/** `RuntimeCall::Timestamp(set { now })`. */
export function timestampInherent(now: bigint): RuntimeCallValue {
  return { tag: "Timestamp", value: { tag: "set", value: { now } } };
}

/** `create_inherent`: the time to propose given the author's clock `data` (ms). */
export function inherentTime(io: StorageReader, data: bigint): bigint {
  const earliest = storage.Now.get(io) + MINIMUM_PERIOD;
  return data > earliest ? data : earliest;
}

/** `sp_timestamp::InherentError` variants that `check_inherent` returns. */
export type TimestampInherentError = "TooFarInFuture" | "TooEarly";

/**
 * `check_inherent`: whether a block's `set(now)` fits the importer's clock `data` (ms), against the
 * parent state in `io`.
 */
export function checkInherent(io: StorageReader, now: bigint, data: bigint): TimestampInherentError | undefined {
  if (now > data + MAX_TIMESTAMP_DRIFT_MILLIS) return "TooFarInFuture";
  if (now < storage.Now.get(io) + MINIMUM_PERIOD) return "TooEarly";
  return undefined;
}
