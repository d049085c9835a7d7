/**
 * pallet-smart-contract's `SubstrateWeight<Runtime>` from TFChain 2.9's `weights.rs` (regenerated 2024-08-27
 * with the billing refactor), keyed by WeightInfo function.
 */
import type { Weight } from "../../dispatch-types.js";
import { dbReads, dbWrites } from "../system/constants.js";
import { parts } from "../system/weights.js";

export const smartContractWeights = {
  create_node_contract: parts(49_293_000n + dbReads(12) + dbWrites(8), 4333n),
  update_node_contract: parts(28_023_000n + dbReads(3) + dbWrites(4), 4388n),
  cancel_contract: parts(78_449_000n + dbReads(12) + dbWrites(7), 7590n),
  create_name_contract: parts(25_237_000n + dbReads(6) + dbWrites(5), 3805n),
  cancel_name_contract: parts(52_810_000n + dbReads(8) + dbWrites(4), 4414n),
  add_nru_reports: parts(38_723_000n + dbReads(7) + dbWrites(1), 4751n),
  report_contract_resources: parts(23_644_000n + dbReads(3) + dbWrites(1), 4230n),
  create_rent_contract: parts(35_197_000n + dbReads(9) + dbWrites(5), 4241n),
  cancel_rent_contract: parts(73_970_000n + dbReads(14) + dbWrites(4), 7547n),
  create_solution_provider: parts(9_969_000n + dbReads(1) + dbWrites(2), 1522n),
  approve_solution_provider: parts(12_944_000n + dbReads(1) + dbWrites(1), 3680n),
  bill_contract_for_block: parts(87_505_000n + dbReads(17) + dbWrites(3), 8017n),
  service_contract_create: parts(18_725_000n + dbReads(3) + dbWrites(2), 6335n),
  service_contract_set_metadata: parts(17_162_000n + dbReads(2) + dbWrites(1), 3954n),
  service_contract_set_fees: parts(16_632_000n + dbReads(2) + dbWrites(1), 3954n),
  service_contract_approve: parts(16_781_000n + dbReads(2) + dbWrites(1), 3967n),
  service_contract_reject: parts(17_413_000n + dbReads(2) + dbWrites(1), 3967n),
  service_contract_cancel: parts(16_321_000n + dbReads(2) + dbWrites(1), 3967n),
  service_contract_bill: parts(29_586_000n + dbReads(6) + dbWrites(1), 6781n),
  change_billing_frequency: parts(7_725_000n + dbReads(1) + dbWrites(1), 1522n),
  attach_solution_provider_id: parts(22_552_000n + dbReads(3) + dbWrites(1), 4430n),
  set_dedicated_node_extra_fee: parts(23_544_000n + dbReads(5) + dbWrites(1), 4198n),
  cancel_contract_collective: parts(76_285_000n + dbReads(12) + dbWrites(7), 7590n),
} satisfies Record<string, Weight>;
