/**
 * TfgridModule's 37 calls with TFChain's indices (7, 21 and 39 are retired) and argument types. Each
 * checks its origin and hands over to the handler of its concept.
 *
 * Restricted calls take TFChain's `RestrictedOrigin` (Root or a Council majority); until the Council
 * pallet exists only Root passes.
 */
import { AccountId32 } from "../../../primitives/account.js";
import { bool, bytes, option, u16, u32, u64, u8, type FieldSpec } from "../../../primitives/schema.js";
import { ensureRoot, ensureSigned, type Origin } from "../../origin.js";
import { call, type CallDef } from "../../pallet.js";
import { nowSeconds } from "./common.js";
import { errors } from "./errors.js";
import * as entity from "./entity.js";
import * as farm from "./farm.js";
import type { TfgridHooks } from "./hooks.js";
import {
  CityNameInput, CountryNameInput, DocumentHashInput, DocumentLinkInput, FarmNameInput, InterfaceInput, LocationInput,
  PkInput, PublicIpListInput, RelayInput, SerialNumberInput,
} from "./inputs.js";
import * as node from "./node.js";
import * as policy from "./policy.js";
import { storage } from "./storage.js";
import * as twin from "./twin.js";
import {
  FarmCertification, FarmingPolicyLimit, Gw4Bytes, Ip4Bytes, NodeCertification, Policy, Power, PublicConfig, Resources,
  StorageVersion,
} from "./types.js";
import { tfgridWeights as W } from "./weights.js";

const id: FieldSpec = [u32, "u32"];
const text: FieldSpec = [bytes, "Vec<u8>"];
const account: FieldSpec = [AccountId32, "T::AccountId"];
const policyArg: FieldSpec = [Policy, "types::Policy"];
const NO_FEE = { paysFee: "No" as const };

/** `T::RestrictedOrigin::ensure_origin`. */
const ensureRestricted = (origin: Origin) => ensureRoot(origin);

const nodeArgs = {
  farm_id: id,
  resources: [Resources, "ResourcesInput"],
  location: [LocationInput, "LocationInput"],
  interfaces: [InterfaceInput, "InterfaceInput<T>"],
  secure_boot: [bool, "bool"],
  virtualized: [bool, "bool"],
  serial_number: [SerialNumberInput, "Option<SerialNumberInput>"],
} satisfies Record<string, FieldSpec>;

const pricingPolicyArgs = {
  name: text,
  su: policyArg,
  cu: policyArg,
  nu: policyArg,
  ipu: policyArg,
  unique_name: policyArg,
  domain_name: policyArg,
  foundation_account: account,
  certified_sales_account: account,
  discount_for_dedication_nodes: [u8, "u8"],
} satisfies Record<string, FieldSpec>;

const farmingPolicyArgs = {
  name: text,
  su: id,
  cu: id,
  nu: id,
  ipv4: id,
  minimal_uptime: [u16, "u16"],
  policy_end: [u32, "BlockNumberFor<T>"],
} satisfies Record<string, FieldSpec>;

const certifications = {
  node_certification: [NodeCertification, "NodeCertification"],
  farm_certification: [FarmCertification, "FarmCertification"],
} satisfies Record<string, FieldSpec>;

const see = (name: string) => ({ docs: [`See [\`Pallet::${name}\`].`] });

export function tfgridCalls(hooks: TfgridHooks): Record<string, CallDef> {
  return {
    set_storage_version: call(0, { version: [StorageVersion, "types::StorageVersion"] }, { weight: W.set_storage_version, ...see("set_storage_version") }, (ctx, origin, a) => {
      ensureRestricted(origin);
      storage.PalletVersion.set(ctx.io, a.version);
    }),
    create_farm: call(1, { name: [FarmNameInput, "FarmNameInput<T>"], public_ips: [PublicIpListInput, "PublicIpListInput<T>"] }, { weight: W.create_farm, ...see("create_farm") }, (ctx, origin, a) => {
      farm.createFarm(ctx, ensureSigned(origin), a.name, a.public_ips);
    }),
    update_farm: call(2, { farm_id: id, name: [FarmNameInput, "FarmNameInput<T>"] }, { weight: W.update_farm, ...see("update_farm") }, (ctx, origin, a) => {
      farm.updateFarm(ctx, ensureSigned(origin), a.farm_id, a.name);
    }),
    add_stellar_payout_v2address: call(3, { farm_id: id, stellar_address: text }, { weight: W.add_stellar_payout_v2address, ...see("add_stellar_payout_v2address") }, (ctx, origin, a) => {
      farm.addStellarPayoutV2Address(ctx, ensureSigned(origin), a.farm_id, a.stellar_address);
    }),
    set_farm_certification: call(4, { farm_id: id, certification: [FarmCertification, "FarmCertification"] }, { weight: W.set_farm_certification, ...see("set_farm_certification") }, (ctx, origin, a) => {
      ensureRestricted(origin);
      farm.setFarmCertification(ctx, a.farm_id, a.certification);
    }),
    add_farm_ip: call(5, { farm_id: id, ip: [Ip4Bytes, "Ip4Input"], gw: [Gw4Bytes, "Gw4Input"] }, { weight: W.add_farm_ip, ...see("add_farm_ip") }, (ctx, origin, a) => {
      farm.addFarmIp(ctx, ensureSigned(origin), a.farm_id, a.ip, a.gw);
    }),
    remove_farm_ip: call(6, { farm_id: id, ip: [Ip4Bytes, "Ip4Input"] }, { weight: W.remove_farm_ip, ...see("remove_farm_ip") }, (ctx, origin, a) => {
      farm.removeFarmIp(ctx, ensureSigned(origin), a.farm_id, a.ip);
    }),
    create_node: call(8, nodeArgs, { weight: W.create_node, ...see("create_node") }, (ctx, origin, a) => {
      node.createNode(ctx, hooks, ensureSigned(origin), a);
    }),
    update_node: call(9, { node_id: id, ...nodeArgs }, { weight: W.update_node, ...see("update_node") }, (ctx, origin, a) => {
      node.updateNode(ctx, hooks, ensureSigned(origin), a.node_id, a);
      return NO_FEE;
    }),
    set_node_certification: call(10, { node_id: id, node_certification: [NodeCertification, "NodeCertification"] }, { weight: W.set_node_certification, ...see("set_node_certification") }, (ctx, origin, a) => {
      // The restricted origin, or a signed certifier.
      if (origin.tag !== "Root") errors.ensure(node.isCertifier(ctx, ensureSigned(origin)), "NotAllowedToCertifyNode");
      node.setNodeCertification(ctx, a.node_id, a.node_certification);
    }),
    report_uptime: call(11, { uptime: [u64, "u64"] }, { weight: W.report_uptime, ...see("report_uptime") }, (ctx, origin, a) => {
      const who = ensureSigned(origin);
      node.reportUptime(ctx, hooks, who, a.uptime, nowSeconds(ctx));
      return NO_FEE;
    }),
    add_node_public_config: call(12, { farm_id: id, node_id: id, public_config: [option(PublicConfig), "Option<PublicConfig>"] }, { weight: W.add_node_public_config, ...see("add_node_public_config") }, (ctx, origin, a) => {
      node.addNodePublicConfig(ctx, ensureSigned(origin), a.farm_id, a.node_id, a.public_config);
    }),
    delete_node: call(13, { node_id: id }, { weight: W.delete_node, ...see("delete_node") }, (ctx, origin, a) => {
      node.deleteNode(ctx, hooks, ensureSigned(origin), a.node_id);
    }),
    create_entity: call(14, { target: account, name: text, country: [CountryNameInput, "CountryNameInput"], city: [CityNameInput, "CityNameInput"], signature: text }, { weight: W.create_entity, ...see("create_entity") }, (ctx, origin, a) => {
      ensureSigned(origin);
      entity.createEntity(ctx, a.target, a.name, a.country, a.city, a.signature);
    }),
    update_entity: call(15, { name: text, country: [CountryNameInput, "CountryNameInput"], city: [CityNameInput, "CityNameInput"] }, { weight: W.update_entity, ...see("update_entity") }, (ctx, origin, a) => {
      entity.updateEntity(ctx, ensureSigned(origin), a.name, a.country, a.city);
    }),
    delete_entity: call(16, {}, { weight: W.delete_entity, ...see("delete_entity") }, (ctx, origin) => {
      entity.deleteEntity(ctx, ensureSigned(origin));
    }),
    create_twin: call(17, { relay: [RelayInput, "RelayInput"], pk: [PkInput, "PkInput"] }, { weight: W.create_twin, ...see("create_twin") }, (ctx, origin, a) => {
      twin.createTwin(ctx, ensureSigned(origin), a.relay, a.pk);
    }),
    update_twin: call(18, { relay: [RelayInput, "RelayInput"], pk: [PkInput, "PkInput"] }, { weight: W.update_twin, ...see("update_twin") }, (ctx, origin, a) => {
      twin.updateTwin(ctx, ensureSigned(origin), a.relay, a.pk);
    }),
    add_twin_entity: call(19, { twin_id: id, entity_id: id, signature: text }, { weight: W.add_twin_entity, ...see("add_twin_entity") }, (ctx, origin, a) => {
      twin.addTwinEntity(ctx, ensureSigned(origin), a.twin_id, a.entity_id, a.signature);
    }),
    delete_twin_entity: call(20, { twin_id: id, entity_id: id }, { weight: W.delete_twin_entity, ...see("delete_twin_entity") }, (ctx, origin, a) => {
      twin.deleteTwinEntity(ctx, ensureSigned(origin), a.twin_id, a.entity_id);
    }),
    create_pricing_policy: call(22, pricingPolicyArgs, { weight: W.create_pricing_policy, ...see("create_pricing_policy") }, (ctx, origin, a) => {
      ensureRestricted(origin);
      policy.createPricingPolicy(ctx, a);
    }),
    update_pricing_policy: call(23, { pricing_policy_id: id, ...pricingPolicyArgs }, { weight: W.update_pricing_policy, ...see("update_pricing_policy") }, (ctx, origin, a) => {
      ensureRestricted(origin);
      policy.updatePricingPolicy(ctx, a);
    }),
    create_farming_policy: call(24, { ...farmingPolicyArgs, immutable: [bool, "bool"], default: [bool, "bool"], ...certifications }, { weight: W.create_farming_policy, ...see("create_farming_policy") }, (ctx, origin, a) => {
      ensureRestricted(origin);
      policy.createFarmingPolicy(ctx, a);
    }),
    user_accept_tc: call(25, { document_link: [DocumentLinkInput, "DocumentLinkInput"], document_hash: [DocumentHashInput, "DocumentHashInput"] }, { weight: W.user_accept_tc, ...see("user_accept_tc") }, (ctx, origin, a) => {
      twin.userAcceptTc(ctx, ensureSigned(origin), a.document_link, a.document_hash);
    }),
    delete_node_farm: call(26, { node_id: id }, { weight: W.delete_node_farm, ...see("delete_node_farm") }, (ctx, origin, a) => {
      farm.deleteNodeFarm(ctx, hooks, ensureSigned(origin), a.node_id);
    }),
    set_farm_dedicated: call(27, { farm_id: id, dedicated: [bool, "bool"] }, { weight: W.set_farm_dedicated, ...see("set_farm_dedicated") }, (ctx, origin, a) => {
      ensureRestricted(origin);
      farm.setFarmDedicated(ctx, a.farm_id, a.dedicated);
    }),
    force_reset_farm_ip: call(28, { farm_id: id, ip: [Ip4Bytes, "Ip4Input"] }, { weight: W.force_reset_farm_ip, ...see("force_reset_farm_ip") }, (ctx, origin, a) => {
      ensureRestricted(origin);
      farm.forceResetFarmIp(ctx, a.farm_id, a.ip);
    }),
    set_connection_price: call(29, { price: id }, { weight: W.set_connection_price, ...see("set_connection_price") }, (ctx, origin, a) => {
      ensureRestricted(origin);
      policy.setConnectionPrice(ctx, a.price);
    }),
    add_node_certifier: call(30, { certifier: account }, { weight: W.add_node_certifier, ...see("add_node_certifier") }, (ctx, origin, a) => {
      ensureRestricted(origin);
      node.addNodeCertifier(ctx, a.certifier);
    }),
    remove_node_certifier: call(31, { certifier: account }, { weight: W.remove_node_certifier, ...see("remove_node_certifier") }, (ctx, origin, a) => {
      ensureRestricted(origin);
      node.removeNodeCertifier(ctx, a.certifier);
    }),
    update_farming_policy: call(32, { farming_policy_id: id, ...farmingPolicyArgs, default: [bool, "bool"], ...certifications }, { weight: W.update_farming_policy, ...see("update_farming_policy") }, (ctx, origin, a) => {
      ensureRestricted(origin);
      policy.updateFarmingPolicy(ctx, a);
    }),
    attach_policy_to_farm: call(33, { farm_id: id, limits: [option(FarmingPolicyLimit), "Option<FarmingPolicyLimit>"] }, { weight: W.attach_policy_to_farm, ...see("attach_policy_to_farm") }, (ctx, origin, a) => {
      ensureRestricted(origin);
      farm.attachPolicyToFarm(ctx, a.farm_id, a.limits);
    }),
    set_zos_version: call(34, { zos_version: text }, { weight: W.set_zos_version, ...see("set_zos_version") }, (ctx, origin, a) => {
      ensureRestricted(origin);
      policy.setZosVersion(ctx, a.zos_version);
    }),
    change_power_state: call(35, { power_state: [Power, "Power"] }, { weight: W.change_power_state, ...see("change_power_state") }, (ctx, origin, a) => {
      node.changePowerState(ctx, hooks, ensureSigned(origin), a.power_state);
      return NO_FEE;
    }),
    change_power_target: call(36, { node_id: id, power_target: [Power, "Power"] }, { weight: W.change_power_target, ...see("change_power_target") }, (ctx, origin, a) => {
      node.changePowerTarget(ctx, hooks, ensureSigned(origin), a.node_id, a.power_target);
    }),
    bond_twin_account: call(37, { twin_id: id }, { weight: W.bond_twin_account, ...see("bond_twin_account") }, (ctx, origin, a) => {
      twin.bondTwinAccount(ctx, ensureSigned(origin), a.twin_id);
    }),
    report_uptime_v2: call(38, { uptime: [u64, "u64"], timestamp_hint: [u64, "u64"] }, { weight: W.report_uptime_v2, ...see("report_uptime_v2") }, (ctx, origin, a) => {
      node.reportUptime(ctx, hooks, ensureSigned(origin), a.uptime, a.timestamp_hint);
      return NO_FEE;
    }),
  };
}
