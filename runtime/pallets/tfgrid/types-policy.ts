/**
 * Pricing and farming policies of `pallet_tfgrid::types`, and the pallet's own storage version enum.
 */
import { AccountId32 } from "../../../primitives/account.js";
import { bool, bytes, struct, u16, u32, u8, unitEnum, type ValueOf } from "../../../primitives/schema.js";
import { FarmCertification } from "./types-farm.js";
import { NodeCertification } from "./types-node.js";

const UNITS = ["Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terrabytes"] as const;
export const Unit = unitEnum({ path: "pallet_tfgrid::types::Unit" }, UNITS);
export type Unit = ValueOf<typeof Unit>;

/** `Unit::default()`. */
export const DEFAULT_UNIT: Unit = "Gigabytes";

/**
 * `Unit::from_u32`: the genesis config's unit code.
 *
 * The code is 1-based (1 = Bytes … 5 = Terrabytes) while the SCALE index is 0-based; any other code is the
 * default, Gigabytes.
 */
export function unitFromCode(code: number): Unit {
  return UNITS[code - 1] ?? DEFAULT_UNIT;
}

export const Policy = struct({ path: "pallet_tfgrid::types::Policy" }, { value: [u32, "u32"], unit: [Unit, "Unit"] });
export type Policy = ValueOf<typeof Policy>;

export const PricingPolicy = struct(
  { path: "pallet_tfgrid::types::PricingPolicy", params: [{ name: "AccountId", type: AccountId32 }] },
  {
    version: [u32, "u32"],
    id: [u32, "u32"],
    name: [bytes, "Vec<u8>"],
    su: [Policy, "Policy"],
    cu: [Policy, "Policy"],
    nu: [Policy, "Policy"],
    ipu: [Policy, "Policy"],
    unique_name: [Policy, "Policy"],
    domain_name: [Policy, "Policy"],
    foundation_account: [AccountId32, "AccountId"],
    certified_sales_account: [AccountId32, "AccountId"],
    discount_for_dedication_nodes: [u8, "u8"],
  },
);
export type PricingPolicy = ValueOf<typeof PricingPolicy>;

export const FarmingPolicy = struct(
  { path: "pallet_tfgrid::types::FarmingPolicy", params: [{ name: "BlockNumber", type: u32 }] },
  {
    version: [u32, "u32"],
    id: [u32, "u32"],
    name: [bytes, "Vec<u8>"],
    cu: [u32, "u32"],
    su: [u32, "u32"],
    nu: [u32, "u32"],
    ipv4: [u32, "u32"],
    minimal_uptime: [u16, "u16"],
    policy_created: [u32, "BlockNumber"],
    policy_end: [u32, "BlockNumber"],
    immutable: [bool, "bool"],
    default: [bool, "bool"],
    node_certification: [NodeCertification, "NodeCertification"],
    farm_certification: [FarmCertification, "FarmCertification"],
  },
);
export type FarmingPolicy = ValueOf<typeof FarmingPolicy>;

/** `FarmingPolicy::default()`: what `FarmingPoliciesMap` (a ValueQuery) reads for an absent id. */
export const DEFAULT_FARMING_POLICY: FarmingPolicy = Object.freeze({
  version: 0, id: 0, name: new Uint8Array(), cu: 0, su: 0, nu: 0, ipv4: 0, minimal_uptime: 0, policy_created: 0,
  policy_end: 0, immutable: false, default: false, node_certification: "Diy", farm_certification: "NotCertified",
});

const STORAGE_VERSIONS = Array.from({ length: 17 }, (_, i) => `V${i + 1}Struct`) as readonly `V${number}Struct`[];
/** `pallet_tfgrid::types::StorageVersion`: the pallet's own migration marker, V1Struct … V17Struct. */
export const StorageVersion = unitEnum({ path: "pallet_tfgrid::types::StorageVersion" }, STORAGE_VERSIONS);
export type StorageVersion = ValueOf<typeof StorageVersion>;
/** `StorageVersion::default()`, the version of 2.9's storage layout. */
export const CURRENT_STORAGE_VERSION: StorageVersion = "V17Struct";
