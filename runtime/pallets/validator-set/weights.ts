/**
 * substrate-validator-set's `SubstrateWeight<Runtime>`, from TFChain 2.9's
 * `pallets/substrate-validator-set/src/weights.rs` (regenerated 2024-08-27).
 */
import type { Weight } from "../../dispatch-types.js";
import { dbReads, dbWrites } from "../system/constants.js";
import { parts } from "../system/weights.js";

export const validatorSetWeights = {
  /** Validators (r:1 w:1), ApprovedValidators (r:1 w:1). */
  add_validator: parts(14_588_000n + dbReads(2) + dbWrites(2), 1624n),
  /** Validators (r:1 w:1), ApprovedValidators (r:1). */
  remove_validator: parts(11_812_000n + dbReads(2) + dbWrites(1), 1690n),
  /** ApprovedValidators (r:1), Validators (r:1 w:1). */
  add_validator_again: parts(13_095_000n + dbReads(2) + dbWrites(1), 1657n),
} satisfies Record<string, Weight>;
