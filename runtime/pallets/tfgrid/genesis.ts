/**
 * pallet-tfgrid's genesis build: the default pricing policy, the two default farming policies and the
 * connection price, as TFChain's `GenesisConfig::build`.
 */
import { twox128 } from "../../../primitives/hashing.js";
import { u16 } from "../../../primitives/schema.js";
import type { Storage } from "../../../state/storage.js";
import { storage } from "./storage.js";
import { unitFromCode, type FarmingPolicy, type Policy } from "./types.js";

/** TFChain's `pallet_tfgrid::GenesisConfig`; price units are the 1-based codes of `Unit::from_u32`. */
export interface TfgridGenesisConfig {
  su_price_value: number;
  su_price_unit: number;
  nu_price_value: number;
  nu_price_unit: number;
  cu_price_value: number;
  cu_price_unit: number;
  ipu_price_value: number;
  ipu_price_unit: number;
  unique_name_price_value: number;
  domain_name_price_value: number;
  /** Without both accounts no pricing policy is stored. */
  foundation_account?: Uint8Array;
  sales_account?: Uint8Array;
  farming_policy_diy_cu: number;
  farming_policy_diy_su: number;
  farming_policy_diy_nu: number;
  farming_policy_diy_ipu: number;
  farming_policy_diy_minimal_uptime: number;
  farming_policy_certified_cu: number;
  farming_policy_certified_su: number;
  farming_policy_certified_nu: number;
  farming_policy_certified_ipu: number;
  farming_policy_certified_minimal_uptime: number;
  discount_for_dedication_nodes: number;
  connection_price: number;
}

/** The values of TFChain's `testnet_genesis` (dev, local and live specs), with the spec's two accounts. */
export function testnetTfgridGenesis(foundationAccount: Uint8Array, salesAccount: Uint8Array): TfgridGenesisConfig {
  return {
    su_price_value: 50000, su_price_unit: 4,
    nu_price_value: 15000, nu_price_unit: 4,
    cu_price_value: 100000, cu_price_unit: 4,
    ipu_price_value: 40000, ipu_price_unit: 4,
    unique_name_price_value: 2500,
    domain_name_price_value: 5000,
    foundation_account: foundationAccount,
    sales_account: salesAccount,
    farming_policy_diy_cu: 2400, farming_policy_diy_su: 1000, farming_policy_diy_nu: 30, farming_policy_diy_ipu: 5,
    farming_policy_diy_minimal_uptime: 95,
    farming_policy_certified_cu: 3000, farming_policy_certified_su: 1250, farming_policy_certified_nu: 38,
    farming_policy_certified_ipu: 6, farming_policy_certified_minimal_uptime: 95,
    discount_for_dedication_nodes: 50,
    connection_price: 80,
  };
}

/**
 * FRAME's `:__STORAGE_VERSION__:` key of the pallet. pallet-tfgrid declares no `#[pallet::storage_version]`, so
 * `on_genesis` writes version 0 there; the pallet's own migration marker is `PalletVersion`, which genesis
 * leaves to its default (V17Struct).
 */
export const FRAME_STORAGE_VERSION_KEY = new Uint8Array([
  ...twox128(new TextEncoder().encode("TfgridModule")),
  ...twox128(new TextEncoder().encode(":__STORAGE_VERSION__:")),
]);
export const FRAME_STORAGE_VERSION = 0;

/** `GenesisConfig::build` followed by FRAME's `on_genesis` storage version. */
export function buildTfgridGenesis(io: Storage, config: TfgridGenesisConfig): void {
  const policy = (value: number, unit: number): Policy => ({ value, unit: unitFromCode(unit) });
  const { foundation_account: foundation, sales_account: sales } = config;
  if (foundation && sales) {
    storage.PricingPolicies.set(io, 1, {
      version: 1,
      id: 1,
      name: new TextEncoder().encode("threefold_default_pricing_policy"),
      su: policy(config.su_price_value, config.su_price_unit),
      cu: policy(config.cu_price_value, config.cu_price_unit),
      nu: policy(config.nu_price_value, config.nu_price_unit),
      ipu: policy(config.ipu_price_value, config.ipu_price_unit),
      // Name prices have no unit in the config: `Unit::default()`.
      unique_name: { value: config.unique_name_price_value, unit: "Gigabytes" },
      domain_name: { value: config.domain_name_price_value, unit: "Gigabytes" },
      foundation_account: foundation,
      certified_sales_account: sales,
      discount_for_dedication_nodes: config.discount_for_dedication_nodes,
    });
    // TFChain stores the policy without indexing its name in `PricingPolicyIdByName`.
    storage.PricingPolicyID.set(io, 1);
  }
  const farmingPolicy = (id: number, name: string, certified: boolean, p: [number, number, number, number, number]): FarmingPolicy => ({
    version: 1, id, name: new TextEncoder().encode(name),
    cu: p[0], su: p[1], nu: p[2], ipv4: p[3], minimal_uptime: p[4],
    policy_created: 0, policy_end: 0, immutable: false, default: true,
    node_certification: certified ? "Certified" : "Diy", farm_certification: "NotCertified",
  });
  const c = config;
  storage.FarmingPoliciesMap.set(io, 1, farmingPolicy(1, "threefold_default_diy_farming_policy", false, [
    c.farming_policy_diy_cu, c.farming_policy_diy_su, c.farming_policy_diy_nu, c.farming_policy_diy_ipu, c.farming_policy_diy_minimal_uptime,
  ]));
  storage.FarmingPoliciesMap.set(io, 2, farmingPolicy(2, "threefold_default_certified_farming_policy", true, [
    c.farming_policy_certified_cu, c.farming_policy_certified_su, c.farming_policy_certified_nu, c.farming_policy_certified_ipu,
    c.farming_policy_certified_minimal_uptime,
  ]));
  storage.FarmingPolicyID.set(io, 2);
  storage.ConnectionPrice.set(io, config.connection_price);
  io.set(FRAME_STORAGE_VERSION_KEY, u16.enc(FRAME_STORAGE_VERSION));
}
