/**
 * pallet-tfgrid's configuration in TFChain's runtime and the bounds of its stored types.
 */
import { u32, u64 } from "../../../primitives/schema.js";
import { constant } from "../../pallet.js";

/** `MaxFarmNameLength`. */
export const MAX_FARM_NAME_LENGTH = 40;
/** `MaxFarmPublicIps` (the runtime constant; the stored `Farm` bounds its list at 256). */
export const MAX_FARM_PUBLIC_IPS = 512;
export const MAX_FARM_PUBLIC_IPS_BOUND = 256;
/** `MaxInterfacesLength`. */
export const MAX_INTERFACES_LENGTH = 10;
/** `MaxInterfaceIpsLength`. */
export const MAX_INTERFACE_IPS_LENGTH = 10;
/** `TimestampHintDrift`: seconds a `report_uptime_v2` timestamp hint may differ from the block's time. */
export const TIMESTAMP_HINT_DRIFT = 60n;

/** Record versions written by the 2.9 pallet (`TFGRID_*_VERSION`). */
export const TFGRID_ENTITY_VERSION = 1;
export const TFGRID_FARM_VERSION = 4;
export const TFGRID_TWIN_VERSION = 1;
export const TFGRID_NODE_VERSION = 5;
export const TFGRID_PRICING_POLICY_VERSION = 2;
export const TFGRID_FARMING_POLICY_VERSION = 2;

// Byte bounds of the stored types (`support/src/types.rs`, `pallet-tfgrid/src/{node,interface,types,terms_cond}.rs`).
export const MAX_IP4_LENGTH = 18;
export const MAX_GW4_LENGTH = 15;
export const MAX_IP6_LENGTH = 43;
export const MAX_GW6_LENGTH = 39;
export const MAX_DOMAIN_NAME_LENGTH = 128;
export const MAX_CITY_NAME_LENGTH = 58;
export const MAX_COUNTRY_NAME_LENGTH = 56;
export const MAX_LATITUDE_LENGTH = 50;
export const MAX_LONGITUDE_LENGTH = 50;
export const MAX_SERIAL_NUMBER_LENGTH = 128;
export const MAX_INTF_NAME_LENGTH = 20;
export const INTERFACE_MAC_LENGTH = 17;
export const MAX_INTERFACE_IP_LENGTH = 42;
export const MAX_PK_LENGTH = 128;
export const MAX_RELAY_LENGTH = 1024;
export const MAX_DOCUMENT_LINK_LENGTH = 2048;
export const MAX_DOCUMENT_HASH_LENGTH = 50;

/** The pallet's metadata constants, in declaration order (none has docs). */
export const constants = {
  MaxFarmNameLength: constant(u32, MAX_FARM_NAME_LENGTH, []),
  MaxFarmPublicIps: constant(u32, MAX_FARM_PUBLIC_IPS, []),
  MaxInterfacesLength: constant(u32, MAX_INTERFACES_LENGTH, []),
  MaxInterfaceIpsLength: constant(u32, MAX_INTERFACE_IPS_LENGTH, []),
  TimestampHintDrift: constant(u64, TIMESTAMP_HINT_DRIFT, []),
};
