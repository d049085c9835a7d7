/**
 * pallet-tfgrid's `SubstrateWeight<Runtime>`, the WeightInfo TFChain's runtime uses, keyed by call name.
 *
 * Figures from threefoldtech/tfchain `substrate-node/pallets/pallet-tfgrid/src/weights.rs` as of 2.9
 * (regenerated 2024-08-27 with the billing refactor). Storage access is charged at the runtime's `DbWeight`. The entity and
 * twin-entity calls carry inline weights in TFChain.
 */
import type { Weight } from "../../dispatch-types.js";
import { dbReads, dbWrites } from "../system/constants.js";
import { parts } from "../system/weights.js";

export const tfgridWeights = {
  set_storage_version: parts(2_655_000n + dbWrites(1), 0n),
  create_farm: parts(20_980_000n + dbReads(4) + dbWrites(3), 3961n),
  update_farm: parts(22_653_000n + dbReads(3) + dbWrites(3), 3972n),
  add_stellar_payout_v2address: parts(17_012_000n + dbReads(2) + dbWrites(1), 3918n),
  set_farm_certification: parts(13_826_000n + dbReads(1) + dbWrites(1), 3877n),
  add_farm_ip: parts(18_695_000n + dbReads(2) + dbWrites(1), 4034n),
  remove_farm_ip: parts(17_904_000n + dbReads(2) + dbWrites(1), 4034n),
  create_node: parts(49_483_000n + dbReads(12) + dbWrites(5), 11795n),
  update_node: parts(28_073_000n + dbReads(4) + dbWrites(2), 4126n),
  set_node_certification: parts(35_728_000n + dbReads(6) + dbWrites(1), 11846n),
  report_uptime: parts(19_326_000n + dbReads(4), 3919n),
  add_node_public_config: parts(25_488_000n + dbReads(3) + dbWrites(1), 4244n),
  delete_node: parts(28_715_000n + dbReads(6) + dbWrites(3), 4147n),
  create_twin: parts(15_129_000n + dbReads(3) + dbWrites(3), 3700n),
  update_twin: parts(15_610_000n + dbReads(2) + dbWrites(1), 3893n),
  create_pricing_policy: parts(12_795_000n + dbReads(2) + dbWrites(3), 3599n),
  update_pricing_policy: parts(17_433_000n + dbReads(2) + dbWrites(3), 3847n),
  create_farming_policy: parts(10_730_000n + dbReads(1) + dbWrites(2), 1619n),
  user_accept_tc: parts(7_664_000n + dbReads(2) + dbWrites(1), 3605n),
  delete_node_farm: parts(33_854_000n + dbReads(7) + dbWrites(4), 4293n),
  set_farm_dedicated: parts(14_137_000n + dbReads(1) + dbWrites(1), 3877n),
  force_reset_farm_ip: parts(14_387_000n + dbReads(1) + dbWrites(1), 3877n),
  set_connection_price: parts(5_821_000n + dbWrites(1), 0n),
  add_node_certifier: parts(10_109_000n + dbReads(1) + dbWrites(1), 1840n),
  remove_node_certifier: parts(12_504_000n + dbReads(1) + dbWrites(1), 1898n),
  update_farming_policy: parts(13_706_000n + dbReads(1) + dbWrites(1), 3759n),
  attach_policy_to_farm: parts(22_943_000n + dbReads(3) + dbWrites(1), 4037n),
  set_zos_version: parts(8_275_000n + dbReads(1) + dbWrites(1), 1619n),
  change_power_state: parts(38_282_000n + dbReads(4) + dbWrites(1), 4086n),
  change_power_target: parts(27_592_000n + dbReads(6) + dbWrites(1), 4257n),
  bond_twin_account: parts(12_353_000n + dbReads(1) + dbWrites(1), 3852n),
  report_uptime_v2: parts(18_755_000n + dbReads(4), 3919n),
  // `100_000_000 + DbWeight writes/reads`, ref time only.
  create_entity: parts(100_000_000n + dbWrites(4) + dbReads(3)),
  update_entity: parts(100_000_000n + dbWrites(3) + dbReads(3)),
  delete_entity: parts(100_000_000n + dbWrites(3) + dbReads(2)),
  add_twin_entity: parts(100_000_000n + dbWrites(1) + dbReads(2)),
  delete_twin_entity: parts(100_000_000n + dbWrites(1) + dbReads(1)),
} satisfies Record<string, Weight>;
