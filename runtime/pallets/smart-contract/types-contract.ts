/**
 * Grid contracts of `pallet_smart_contract::types`: the contract record with its state and kind (node, name,
 * rent), the per-contract billing information and the resource and network reports of nodes.
 */
import {
  boundedBytes, boundedVec, enumeration, fixedBytes, newtype, option, struct, u32, u64, unitEnum, type ValueOf,
} from "../../../primitives/schema.js";
import { PublicIP } from "../tfgrid/types-farm.js";
import { Resources } from "../tfgrid/types-node.js";
import { MAX_DEPLOYMENT_DATA_LENGTH, MAX_NAME_CONTRACT_NAME_LENGTH, MAX_NODE_CONTRACT_PUBLIC_IPS } from "./constants.js";

const T = [{ name: "T" }];

/** `HexHash`: a deployment's 32-byte hash, stored without a length prefix. */
export const HexHash = fixedBytes(32);

export const Cause = unitEnum({ path: "pallet_smart_contract::types::Cause" }, ["CanceledByUser", "OutOfFunds", "CanceledByCollective"] as const);
export type Cause = ValueOf<typeof Cause>;

/** `ContractState`: grace periods carry the block they started at, as a u64. */
export const ContractState = enumeration(
  { path: "pallet_smart_contract::types::ContractState" },
  { Created: null, Deleted: { value: [Cause, "Cause"] }, GracePeriod: { value: [u64, "BlockNumber"] } },
);
export type ContractState = ValueOf<typeof ContractState>;

export const ContractPublicIps = boundedVec(PublicIP, MAX_NODE_CONTRACT_PUBLIC_IPS);

export const NodeContract = struct(
  { path: "pallet_smart_contract::types::NodeContract", params: T },
  {
    node_id: [u32, "u32"],
    deployment_hash: [HexHash, "HexHash"],
    deployment_data: [boundedBytes(MAX_DEPLOYMENT_DATA_LENGTH), "BoundedVec<u8, MaxDeploymentDataLength<T>>"],
    public_ips: [u32, "u32"],
    public_ips_list: [ContractPublicIps, "BoundedVec<PublicIP, MaxNodeContractPublicIPs<T>>"],
  },
);
export type NodeContract = ValueOf<typeof NodeContract>;

export const NameContractName = newtype({ path: "pallet_smart_contract::grid_contract::NameContractName", params: T }, [
  boundedBytes(MAX_NAME_CONTRACT_NAME_LENGTH),
  "BoundedVec<u8, T::MaxNameContractNameLength>",
]);

export const NameContract = struct(
  { path: "pallet_smart_contract::types::NameContract", params: T },
  { name: [NameContractName, "T::NameContractName"] },
);

export const RentContract = struct({ path: "pallet_smart_contract::types::RentContract" }, { node_id: [u32, "u32"] });

export const ContractData = enumeration(
  { path: "pallet_smart_contract::types::ContractData", params: T },
  {
    NodeContract: { value: [NodeContract, "NodeContract<T>"] },
    NameContract: { value: [NameContract, "NameContract<T>"] },
    RentContract: { value: [RentContract, "RentContract"] },
  },
);
export type ContractData = ValueOf<typeof ContractData>;

export const Contract = struct(
  { path: "pallet_smart_contract::types::Contract", params: T },
  {
    version: [u32, "u32"],
    state: [ContractState, "ContractState"],
    contract_id: [u64, "u64"],
    twin_id: [u32, "u32"],
    contract_type: [ContractData, "ContractData<T>"],
    solution_provider_id: [option(u64), "Option<u64>"],
  },
);
export type Contract = ValueOf<typeof Contract>;

/** Per node contract: the NU cost not billed yet and when it was last reported. */
export const ContractBillingInformation = struct(
  { path: "pallet_smart_contract::types::ContractBillingInformation" },
  { previous_nu_reported: [u64, "u64"], last_updated: [u64, "u64"], amount_unbilled: [u64, "u64"] },
);
export type ContractBillingInformation = ValueOf<typeof ContractBillingInformation>;

export const ContractResources = struct(
  { path: "pallet_smart_contract::types::ContractResources" },
  { contract_id: [u64, "u64"], used: [Resources, "Resources"] },
);
export type ContractResources = ValueOf<typeof ContractResources>;

export const NruConsumption = struct(
  { path: "pallet_smart_contract::types::NruConsumption" },
  { contract_id: [u64, "u64"], timestamp: [u64, "u64"], window: [u64, "u64"], nru: [u64, "u64"] },
);
export type NruConsumption = ValueOf<typeof NruConsumption>;

/** Deprecated report type, still in the `ConsumptionReportReceived` event. */
export const Consumption = struct(
  { path: "pallet_smart_contract::types::Consumption" },
  {
    contract_id: [u64, "u64"], timestamp: [u64, "u64"], cru: [u64, "u64"], sru: [u64, "u64"], hru: [u64, "u64"],
    mru: [u64, "u64"], nru: [u64, "u64"],
  },
);

const VERSIONS = Array.from({ length: 12 }, (_, i) => `V${i + 1}`) as readonly `V${number}`[];
/** `pallet_smart_contract::types::StorageVersion`, V1 … V12; a fresh chain reads the default, V10. */
export const StorageVersion = unitEnum({ path: "pallet_smart_contract::types::StorageVersion" }, VERSIONS);
export type StorageVersion = ValueOf<typeof StorageVersion>;
export const DEFAULT_STORAGE_VERSION: StorageVersion = "V10";
