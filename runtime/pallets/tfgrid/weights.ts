/**
 * pallet-tfgrid's `SubstrateWeight<Runtime>`, the WeightInfo TFChain's runtime uses, keyed by call name.
 *
 * Figures from threefoldtech/tfchain `substrate-node/pallets/pallet-tfgrid/src/weights.rs` as of 2.9
 * (regenerated 2024-05-28). Storage access is charged at the runtime's `DbWeight`. The entity and
 * twin-entity calls carry inline weights in TFChain.
 */
import type { Weight } from "../../dispatch-types.js";
import { dbReads, dbWrites } from "../system/constants.js";
import { parts } from "../system/weights.js";

export const tfgridWeights = {
  set_storage_version: parts(2_625_000n + dbWrites(1), 0n),
  create_farm: parts(20_369_000n + dbReads(4) + dbWrites(3), 3961n),
  update_farm: parts(21_921_000n + dbReads(3) + dbWrites(3), 3972n),
  add_stellar_payout_v2address: parts(16_100_000n + dbReads(2) + dbWrites(1), 3918n),
  set_farm_certification: parts(13_345_000n + dbReads(1) + dbWrites(1), 3877n),
  add_farm_ip: parts(17_894_000n + dbReads(2) + dbWrites(1), 4034n),
  remove_farm_ip: parts(17_153_000n + dbReads(2) + dbWrites(1), 4034n),
  create_node: parts(49_514_000n + dbReads(12) + dbWrites(5), 11795n),
  update_node: parts(27_422_000n + dbReads(4) + dbWrites(2), 4126n),
  set_node_certification: parts(34_926_000n + dbReads(6) + dbWrites(1), 11846n),
  report_uptime: parts(18_886_000n + dbReads(4), 3919n),
  add_node_public_config: parts(24_957_000n + dbReads(3) + dbWrites(1), 4244n),
  delete_node: parts(28_203_000n + dbReads(6) + dbWrites(3), 4147n),
  create_twin: parts(14_357_000n + dbReads(3) + dbWrites(3), 3700n),
  update_twin: parts(15_249_000n + dbReads(2) + dbWrites(1), 3893n),
  create_pricing_policy: parts(12_463_000n + dbReads(2) + dbWrites(3), 3599n),
  update_pricing_policy: parts(16_611_000n + dbReads(2) + dbWrites(3), 3847n),
  create_farming_policy: parts(10_430_000n + dbReads(1) + dbWrites(2), 1619n),
  user_accept_tc: parts(7_504_000n + dbReads(2) + dbWrites(1), 3605n),
  delete_node_farm: parts(32_913_000n + dbReads(7) + dbWrites(4), 4293n),
  set_farm_dedicated: parts(13_505_000n + dbReads(1) + dbWrites(1), 3877n),
  force_reset_farm_ip: parts(13_796_000n + dbReads(1) + dbWrites(1), 3877n),
  set_connection_price: parts(5_721_000n + dbWrites(1), 0n),
  add_node_certifier: parts(9_668_000n + dbReads(1) + dbWrites(1), 1840n),
  remove_node_certifier: parts(12_133_000n + dbReads(1) + dbWrites(1), 1898n),
  update_farming_policy: parts(13_175_000n + dbReads(1) + dbWrites(1), 3759n),
  attach_policy_to_farm: parts(22_332_000n + dbReads(3) + dbWrites(1), 4037n),
  set_zos_version: parts(8_075_000n + dbReads(1) + dbWrites(1), 1619n),
  change_power_state: parts(22_843_000n + dbReads(4) + dbWrites(1), 4086n),
  change_power_target: parts(26_310_000n + dbReads(6) + dbWrites(1), 4257n),
  bond_twin_account: parts(12_063_000n + dbReads(1) + dbWrites(1), 3852n),
  report_uptime_v2: parts(18_114_000n + dbReads(4), 3919n),
  // `100_000_000 + DbWeight writes/reads`, ref time only.
  create_entity: parts(100_000_000n + dbWrites(4) + dbReads(3)),
  update_entity: parts(100_000_000n + dbWrites(3) + dbReads(3)),
  delete_entity: parts(100_000_000n + dbWrites(3) + dbReads(2)),
  add_twin_entity: parts(100_000_000n + dbWrites(1) + dbReads(2)),
  delete_twin_entity: parts(100_000_000n + dbWrites(1) + dbReads(1)),
} satisfies Record<string, Weight>;
