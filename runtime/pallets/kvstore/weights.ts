/**
 * pallet_kvstore's `SubstrateWeight<Runtime>`, the WeightInfo TFChain's runtime uses.
 *
 * Figures from threefoldtech/tfchain `substrate-node/pallets/pallet-kvstore/src/weights.rs` (generated
 * 2024-02-26). Storage access is charged at the runtime's `DbWeight` (`dbReads`/`dbWrites`).
 */
import type { Weight } from "../../dispatch-types.js";
import { dbReads, dbWrites } from "../system/constants.js";
import { parts } from "../system/weights.js";

export const kvstoreWeights = {
  /** Writes TFKVStore::TFKVStore (r:0 w:1). */
  set: (): Weight => parts(11_722_000n + dbWrites(1), 0n),
  /** Reads and removes TFKVStore::TFKVStore (r:1 w:1). */
  delete: (): Weight => parts(21_210_000n + dbReads(1) + dbWrites(1), 3611n),
};
