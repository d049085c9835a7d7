import { AccountId32 } from "../../../primitives/account.js";
import { bytes, enumeration, option, u32, u64, type FieldSpec, type ValueOf } from "../../../primitives/schema.js";
import {
  Entity, Farm, FarmCertification, FarmingPolicy, FarmingPolicyLimit, Node, NodeCertification, Power, PowerState,
  PricingPolicy, PublicConfig, Twin,
} from "./types.js";

const id: FieldSpec = [u32, "u32"];
const text: FieldSpec = [bytes, "Vec<u8>"];
const account: FieldSpec = [AccountId32, "T::AccountId"];
const farm = { tuple: [[Farm, "FarmInfoOf<T>"]] as FieldSpec[] };
const node = { tuple: [[Node, "TfgridNode<T>"]] as FieldSpec[] };
const entity = { tuple: [[Entity, "TfgridEntity<T>"]] as FieldSpec[] };
const twin = { tuple: [[Twin, "types::Twin<T::AccountId>"]] as FieldSpec[] };
const farmingPolicy = { tuple: [[FarmingPolicy, "types::FarmingPolicy<BlockNumberFor<T>>"]] as FieldSpec[] };
const ids = (n: number) => ({ tuple: Array.from({ length: n }, () => id) });

// Every event but PowerTargetChanged is undocumented in TFChain; docs are wire data and stay as they are.
export const events = enumeration(
  { path: "pallet_tfgrid::pallet::Event", params: [{ name: "T" }], docs: ["The `Event` enum of this pallet"] },
  {
    FarmStored: farm,
    FarmUpdated: farm,
    FarmDeleted: ids(1),
    NodeStored: node,
    NodeUpdated: node,
    NodeDeleted: ids(1),
    NodeUptimeReported: { tuple: [id, [u64, "u64"], [u64, "u64"]] },
    NodePublicConfigStored: { tuple: [id, [option(PublicConfig), "Option<pallet::PublicConfig>"]] },
    EntityStored: entity,
    EntityUpdated: entity,
    EntityDeleted: ids(1),
    TwinStored: twin,
    TwinUpdated: twin,
    TwinEntityStored: { tuple: [id, id, text] },
    TwinEntityRemoved: ids(2),
    TwinDeleted: ids(1),
    TwinAccountBounded: { tuple: [id, account] },
    PricingPolicyStored: { tuple: [[PricingPolicy, "types::PricingPolicy<T::AccountId>"]] },
    FarmingPolicyStored: farmingPolicy,
    FarmPayoutV2AddressRegistered: { tuple: [id, text] },
    FarmMarkedAsDedicated: ids(1),
    ConnectionPriceSet: ids(1),
    NodeCertificationSet: { tuple: [id, [NodeCertification, "NodeCertification"]] },
    NodeCertifierAdded: { tuple: [account] },
    NodeCertifierRemoved: { tuple: [account] },
    FarmingPolicyUpdated: farmingPolicy,
    FarmingPolicySet: { tuple: [id, [option(FarmingPolicyLimit), "Option<FarmingPolicyLimit>"]] },
    FarmCertificationSet: { tuple: [id, [FarmCertification, "FarmCertification"]] },
    ZosVersionUpdated: { tuple: [text] },
    PowerTargetChanged: {
      fields: { farm_id: id, node_id: id, power_target: [Power, "Power"] },
      docs: ["Send an event to zero os to change its state"],
    },
    PowerStateChanged: {
      fields: { farm_id: id, node_id: id, power_state: [PowerState, "PowerState<BlockNumberFor<T>>"] },
    },
  },
);
export type TfgridEvent = ValueOf<typeof events>;
