/**
 * Node types: `tfchain_support::types::Node` with its resources, public config, interfaces and power, and the
 * bounded-text newtypes of `pallet_tfgrid::node` and `pallet_tfgrid::interface`.
 */
import {
  type AnySchema, bool, boundedBytes, boundedVec, enumeration, newtype, option, struct, u32, u64, unitEnum, vec, type ValueOf,
} from "../../../primitives/schema.js";
import {
  INTERFACE_MAC_LENGTH, MAX_CITY_NAME_LENGTH, MAX_COUNTRY_NAME_LENGTH, MAX_GW6_LENGTH, MAX_INTERFACE_IP_LENGTH,
  MAX_INTERFACE_IPS_LENGTH, MAX_INTF_NAME_LENGTH, MAX_IP6_LENGTH, MAX_LATITUDE_LENGTH,
} from "./constants.js";
import { Gw4Bytes, Ip4Bytes } from "./types-farm.js";

const T = [{ name: "T" }];

// Rust's `BoundedVec<u8, ConstU32<N>>` is one type per N: the types bounded alike share one schema.
/** `BoundedVec<u8, ConstU32<128>>`: domain, serial number, twin public key. */
export const Bytes128 = boundedBytes(128);
/** `BoundedVec<u8, ConstU32<50>>`: latitude, longitude, document hash. */
export const Bytes50 = boundedBytes(MAX_LATITUDE_LENGTH);

export const Resources = struct(
  { path: "tfchain_support::resources::Resources" },
  { hru: [u64, "u64"], sru: [u64, "u64"], cru: [u64, "u64"], mru: [u64, "u64"] },
);
export type Resources = ValueOf<typeof Resources>;

export const CityName = newtype({ path: "pallet_tfgrid::node::CityName", params: T }, [
  boundedBytes(MAX_CITY_NAME_LENGTH),
  "BoundedVec<u8, ConstU32<MAX_CITY_NAME_LENGTH>>",
]);
export const CountryName = newtype({ path: "pallet_tfgrid::node::CountryName", params: T }, [
  boundedBytes(MAX_COUNTRY_NAME_LENGTH),
  "BoundedVec<u8, ConstU32<MAX_COUNTRY_NAME_LENGTH>>",
]);

export const Location = struct(
  { path: "pallet_tfgrid::node::Location", params: T },
  {
    city: [CityName, "CityName<T>"],
    country: [CountryName, "CountryName<T>"],
    latitude: [Bytes50, "BoundedVec<u8, ConstU32<MAX_LATITUDE_LENGTH>>"],
    longitude: [Bytes50, "BoundedVec<u8, ConstU32<MAX_LONGITUDE_LENGTH>>"],
  },
);
export type Location = ValueOf<typeof Location>;

export const IP4 = struct(
  { path: "tfchain_support::types::IP4" },
  { ip: [Ip4Bytes, "BoundedVec<u8, ConstU32<MAX_IP4_LENGTH>>"], gw: [Gw4Bytes, "BoundedVec<u8, ConstU32<MAX_GW4_LENGTH>>"] },
);
export const IP6 = struct(
  { path: "tfchain_support::types::IP6" },
  {
    ip: [boundedBytes(MAX_IP6_LENGTH), "BoundedVec<u8, ConstU32<MAX_IP6_LENGTH>>"],
    gw: [boundedBytes(MAX_GW6_LENGTH), "BoundedVec<u8, ConstU32<MAX_GW6_LENGTH>>"],
  },
);

export const PublicConfig = struct(
  { path: "tfchain_support::types::PublicConfig" },
  {
    ip4: [IP4, "IP4"],
    ip6: [option(IP6), "Option<IP6>"],
    domain: [option(Bytes128), "Option<BoundedVec<u8, ConstU32<MAX_DOMAIN_NAME_LENGTH>>>"],
  },
);
export type PublicConfig = ValueOf<typeof PublicConfig>;

export const InterfaceName = newtype({ path: "pallet_tfgrid::interface::InterfaceName", params: T }, [
  boundedBytes(MAX_INTF_NAME_LENGTH),
  "BoundedVec<u8, ConstU32<MAX_INTF_NAME_LENGTH>>",
]);
export const InterfaceMac = newtype({ path: "pallet_tfgrid::interface::InterfaceMac", params: T }, [
  boundedBytes(INTERFACE_MAC_LENGTH),
  "BoundedVec<u8, ConstU32<INTERFACE_MAC_LENGTH>>",
]);
export const InterfaceIp = newtype({ path: "pallet_tfgrid::interface::InterfaceIp", params: T }, [
  boundedBytes(MAX_INTERFACE_IP_LENGTH),
  "BoundedVec<u8, ConstU32<MAX_INTERFACE_IP_LENGTH>>",
]);
/** `InterfaceIps<T>`: `BoundedVec<InterfaceIp<T>, T::MaxInterfaceIpsLength>`. */
export const InterfaceIps = boundedVec(InterfaceIp, MAX_INTERFACE_IPS_LENGTH);

/** `Interface<Name, Mac, Ips>`: the stored form uses the validated newtypes, the call input plain bounded bytes. */
export function interfaceOf<N extends AnySchema, M extends AnySchema, I extends AnySchema>(name: N, mac: M, ips: I) {
  return struct(
    {
      path: "tfchain_support::types::Interface",
      params: [{ name: "Name", type: name }, { name: "Mac", type: mac }, { name: "Ips", type: ips }],
    },
    { name: [name, "Name"], mac: [mac, "Mac"], ips: [ips, "Ips"] },
  );
}

export const Interface = interfaceOf(InterfaceName, InterfaceMac, InterfaceIps);
export type Interface = ValueOf<typeof Interface>;

export const SerialNumber = newtype({ path: "pallet_tfgrid::node::SerialNumber", params: T }, [
  Bytes128,
  "BoundedVec<u8, ConstU32<MAX_SERIAL_NUMBER_LENGTH>>",
]);

export const NodeCertification = unitEnum({ path: "tfchain_support::types::NodeCertification" }, ["Diy", "Certified"] as const);
export type NodeCertification = ValueOf<typeof NodeCertification>;

export const Node = struct(
  {
    path: "tfchain_support::types::Node",
    params: [{ name: "Location", type: Location }, { name: "If", type: Interface }, { name: "SerialNumber", type: SerialNumber }],
  },
  {
    version: [u32, "u32"],
    id: [u32, "u32"],
    farm_id: [u32, "u32"],
    twin_id: [u32, "u32"],
    resources: [Resources, "Resources"],
    location: [Location, "Location"],
    public_config: [option(PublicConfig), "Option<PublicConfig>"],
    created: [u64, "u64"],
    farming_policy_id: [u32, "u32"],
    interfaces: [vec(Interface), "Vec<If>"],
    certification: [NodeCertification, "NodeCertification"],
    secure_boot: [bool, "bool"],
    virtualized: [bool, "bool"],
    serial_number: [option(SerialNumber), "Option<SerialNumber>"],
    connection_price: [u32, "u32"],
  },
);
export type Node = ValueOf<typeof Node>;

/** `Power`: the state a farmer wants the node in. */
export const Power = unitEnum({ path: "tfchain_support::types::Power" }, ["Up", "Down"] as const);
export type Power = ValueOf<typeof Power>;

/** `PowerState<B>`: the node's reported state; `Down` carries the block it went down at. */
export const PowerState = enumeration(
  { path: "tfchain_support::types::PowerState", params: [{ name: "B", type: u32 }] },
  { Up: null, Down: { value: [u32, "B"] } },
);
export type PowerState = ValueOf<typeof PowerState>;

export const NodePower = struct(
  { path: "tfchain_support::types::NodePower", params: [{ name: "B", type: u32 }] },
  { state: [PowerState, "PowerState<B>"], target: [Power, "Power"] },
);
export type NodePower = ValueOf<typeof NodePower>;

/** `NodePower::default()`: up, and meant to stay up. */
export const DEFAULT_NODE_POWER: NodePower = Object.freeze({ state: { tag: "Up" as const }, target: "Up" as const });
