/**
 * pallet-tfgrid storage, in declaration order. Every map hashes its key with Blake2_128Concat.
 *
 * Id counters (`FarmID`, `NodeID`, …) hold the last id handed out; ids start at 1.
 */
import { AccountId32 } from "../../../primitives/account.js";
import { bytes, u32, vec } from "../../../primitives/schema.js";
import { map, palletStorage, value } from "../../storage-item.js";
import {
  CURRENT_STORAGE_VERSION, DEFAULT_FARMING_POLICY, DEFAULT_NODE_POWER, Entity, Farm, FarmingPolicy, Node, NodePower,
  PricingPolicy, StorageVersion, TermsAndConditions, Twin,
} from "./types.js";

const H = "Blake2_128Concat";
const EMPTY = new Uint8Array();

export const storage = palletStorage("TfgridModule", {
  Farms: map(H, u32, Farm),
  NodesByFarmID: map(H, u32, vec(u32), { default: [] }),
  FarmIdByName: map(H, bytes, u32, { default: 0 }),
  FarmPayoutV2AddressByFarmID: map(H, u32, bytes, { default: EMPTY }),
  Nodes: map(H, u32, Node),
  NodeIdByTwinID: map(H, u32, u32, { default: 0 }),
  Entities: map(H, u32, Entity),
  EntityIdByAccountID: map(H, AccountId32, u32),
  EntityIdByName: map(H, bytes, u32, { default: 0 }),
  Twins: map(H, u32, Twin),
  TwinIdByAccountID: map(H, AccountId32, u32),
  TwinBoundedAccountID: map(H, u32, AccountId32),
  PricingPolicies: map(H, u32, PricingPolicy),
  PricingPolicyIdByName: map(H, bytes, u32, { default: 0 }),
  // A ValueQuery: an unknown id reads as the all-zero policy, and callers check `id` themselves.
  FarmingPoliciesMap: map(H, u32, FarmingPolicy, { default: DEFAULT_FARMING_POLICY }),
  UsersTermsAndConditions: map(H, AccountId32, vec(TermsAndConditions)),
  // Kept sorted, as TFChain searches it with `binary_search`.
  AllowedNodeCertifiers: value(vec(AccountId32)),
  ConnectionPrice: value(u32, { default: 0 }),
  FarmID: value(u32, { default: 0 }),
  NodeID: value(u32, { default: 0 }),
  EntityID: value(u32, { default: 0 }),
  TwinID: value(u32, { default: 0 }),
  PricingPolicyID: value(u32, { default: 0 }),
  FarmingPolicyID: value(u32, { default: 0 }),
  // Never written at genesis: a fresh chain reads the default, V17Struct.
  PalletVersion: value(StorageVersion, { default: CURRENT_STORAGE_VERSION }),
  ZosVersion: value(bytes, { default: EMPTY }),
  NodePower: map(H, u32, NodePower, { default: DEFAULT_NODE_POWER }),
});
