/**
 * Timestamp storage and the time other pallets read.
 */
import { bool, u64 } from "../../../primitives/schema.js";
import type { StorageReader } from "../../../state/storage.js";
import { palletStorage, value } from "../../storage-item.js";

/** TFChain's `MinimumPeriod`: `SLOT_DURATION / 2` = 3000 ms. */
export const MINIMUM_PERIOD = 3000n;

export const storage = palletStorage("Timestamp", {
  Now: value(u64, { default: 0n, docs: [" Current time for the current block."] }),
  DidUpdate: value(bool, { default: false, docs: [" Did the timestamp get updated in this block?"] }),
});

/**
 * `Timestamp::now()` in ms: this block's time once `set` ran, the previous block's before (0 at genesis).
 * TFChain's pallets use `now(io) / 1000n` as seconds.
 */
export function now(io: StorageReader): bigint {
  return storage.Now.get(io);
}
