/**
 * Farm types: `tfchain_support::types::Farm` and its parts, and the farm name newtype of `pallet_tfgrid::farm`.
 */
import {
  bool, boundedBytes, boundedVec, newtype, option, struct, u32, u64, unitEnum, type ValueOf,
} from "../../../primitives/schema.js";
import { MAX_FARM_NAME_LENGTH, MAX_FARM_PUBLIC_IPS_BOUND, MAX_GW4_LENGTH, MAX_IP4_LENGTH } from "./constants.js";

const T = [{ name: "T" }];

/** `BoundedVec<u8, ConstU32<MAX_IP4_LENGTH>>`: an IPv4 address with prefix, as text. */
export const Ip4Bytes = boundedBytes(MAX_IP4_LENGTH);
/** `BoundedVec<u8, ConstU32<MAX_GW4_LENGTH>>`: an IPv4 gateway, as text. */
export const Gw4Bytes = boundedBytes(MAX_GW4_LENGTH);

export const FarmName = newtype({ path: "pallet_tfgrid::farm::FarmName", params: T }, [
  boundedBytes(MAX_FARM_NAME_LENGTH),
  "BoundedVec<u8, T::MaxFarmNameLength>",
]);

export const FarmCertification = unitEnum({ path: "tfchain_support::types::FarmCertification" }, ["NotCertified", "Gold"] as const);
export type FarmCertification = ValueOf<typeof FarmCertification>;

export const PublicIP = struct(
  { path: "tfchain_support::types::PublicIP" },
  {
    ip: [Ip4Bytes, "BoundedVec<u8, ConstU32<MAX_IP4_LENGTH>>"],
    gateway: [Gw4Bytes, "BoundedVec<u8, ConstU32<MAX_GW4_LENGTH>>"],
    contract_id: [u64, "u64"],
  },
);
export type PublicIP = ValueOf<typeof PublicIP>;

export const FarmingPolicyLimit = struct(
  { path: "tfchain_support::types::FarmingPolicyLimit" },
  {
    farming_policy_id: [u32, "u32"],
    cu: [option(u64), "Option<u64>"],
    su: [option(u64), "Option<u64>"],
    end: [option(u64), "Option<u64>"],
    node_count: [option(u32), "Option<u32>"],
    node_certification: [bool, "bool"],
  },
);
export type FarmingPolicyLimit = ValueOf<typeof FarmingPolicyLimit>;

// The stored farm's IP list is bounded by a literal 256 in the struct, while the runtime's `MaxFarmPublicIps`
// constant says 512: decoding follows the struct.
export const FarmPublicIps = boundedVec(PublicIP, MAX_FARM_PUBLIC_IPS_BOUND);

export const Farm = struct(
  { path: "tfchain_support::types::Farm", params: [{ name: "Name", type: FarmName }] },
  {
    version: [u32, "u32"],
    id: [u32, "u32"],
    name: [FarmName, "Name"],
    twin_id: [u32, "u32"],
    pricing_policy_id: [u32, "u32"],
    certification: [FarmCertification, "FarmCertification"],
    public_ips: [FarmPublicIps, "BoundedVec<PublicIP, ConstU32<256>>"],
    dedicated_farm: [bool, "bool"],
    farming_policy_limits: [option(FarmingPolicyLimit), "Option<FarmingPolicyLimit>"],
  },
);
export type Farm = ValueOf<typeof Farm>;
