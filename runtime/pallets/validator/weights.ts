/**
 * pallet-validator's `SubstrateWeight<Runtime>`, from TFChain 2.9's `pallets/pallet-validator/src/weights.rs`
 * (regenerated 2024-08-27).
 */
import type { Weight } from "../../dispatch-types.js";
import { dbReads, dbWrites } from "../system/constants.js";
import { parts } from "../system/weights.js";

const w = (refTime: bigint, proof: bigint, reads: number, writes: number): Weight => parts(refTime + dbReads(reads) + dbWrites(writes), proof);

export const validatorWeights = {
  create_validator_request: w(10_259_000n, 3507n, 1, 1),
  activate_validator_node: w(25_889_000n, 3830n, 3, 3),
  change_validator_node_account: w(35_016_000n, 3896n, 3, 3),
  bond: w(9_047_000n, 3507n, 1, 1),
  approve_validator: w(26_180_000n, 4687n, 3, 4),
  remove_validator: w(23_364_000n, 4687n, 4, 4),
} satisfies Record<string, Weight>;
