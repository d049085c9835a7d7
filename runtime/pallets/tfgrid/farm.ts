/**
 * Farms: creation with public IPs, renaming, payout address, certification, IPs, dedication, policy limits,
 * and a farmer removing one of its nodes.
 */
import { equalBytes } from "../../../primitives/bytes.js";
import type { BlockContext } from "../../pallet.js";
import { emit, must, twinIdOf } from "./common.js";
import { TFGRID_FARM_VERSION } from "./constants.js";
import { errors } from "./errors.js";
import type { TfgridHooks } from "./hooks.js";
import { validateIp4 } from "./net-validation.js";
import { farmingPolicyFor } from "./policy.js";
import { storage } from "./storage.js";
import type { Farm, FarmCertification, FarmingPolicyLimit, PublicIP } from "./types.js";
import { checkFarmName } from "./validate.js";
import { MAX_FARM_PUBLIC_IPS_BOUND } from "./constants.js";

type Bytes = Uint8Array;

function getFarm(ctx: BlockContext, farmId: number): Farm {
  const farm = must(storage.Farms.get(ctx.io, farmId), "FarmNotExists");
  return farm;
}

/** The farm's owner must be `account`, checked through the farm's twin (TFChain's add/remove IP path). */
function ensureFarmTwinAccount(ctx: BlockContext, farm: Farm, account: Bytes): void {
  const twin = must(storage.Twins.get(ctx.io, farm.twin_id), "TwinNotExists");
  errors.ensure(equalBytes(twin.account_id, account), "CannotUpdateFarmWrongTwin");
}

function saveFarm(ctx: BlockContext, farm: Farm): void {
  storage.Farms.set(ctx.io, farm.id, farm);
  emit(ctx, { tag: "FarmUpdated", value: [farm] });
}

/** The farm's initial IP list: each pair valid and public, no exact duplicate, at most 256. */
function initialPublicIps(ips: { ip: Bytes; gw: Bytes }[]): PublicIP[] {
  const list: PublicIP[] = [];
  for (const { ip, gw } of ips) {
    errors.ensure(validateIp4(ip, gw) === undefined, "InvalidPublicIP");
    const entry = { ip, gateway: gw, contract_id: 0n };
    // TFChain compares whole entries here (address and gateway), unlike `add_farm_ip`.
    errors.ensure(!list.some((p) => equalBytes(p.ip, ip) && equalBytes(p.gateway, gw)), "IpExists");
    errors.ensure(list.length < MAX_FARM_PUBLIC_IPS_BOUND, "InvalidPublicIP");
    list.push(entry);
  }
  return list;
}

export function createFarm(ctx: BlockContext, account: Bytes, name: Bytes, publicIps: { ip: Bytes; gw: Bytes }[]): void {
  const twinId = twinIdOf(ctx, account);
  const twin = must(storage.Twins.get(ctx.io, twinId), "TwinNotExists");
  errors.ensure(equalBytes(twin.account_id, account), "CannotCreateFarmWrongTwin");
  errors.ensure(!storage.FarmIdByName.contains(ctx.io, name), "FarmExists");
  const id = storage.FarmID.get(ctx.io) + 1;
  checkFarmName(name);
  const farm: Farm = {
    version: TFGRID_FARM_VERSION,
    id,
    name,
    twin_id: twinId,
    pricing_policy_id: 1,
    certification: "NotCertified",
    public_ips: initialPublicIps(publicIps),
    dedicated_farm: false,
    farming_policy_limits: undefined,
  };
  storage.Farms.set(ctx.io, id, farm);
  storage.FarmIdByName.set(ctx.io, name, id);
  storage.FarmID.set(ctx.io, id);
  emit(ctx, { tag: "FarmStored", value: [farm] });
}

export function updateFarm(ctx: BlockContext, account: Bytes, farmId: number, name: Bytes): void {
  const twinId = twinIdOf(ctx, account);
  const farm = getFarm(ctx, farmId);
  errors.ensure(farm.twin_id === twinId, "CannotUpdateFarmWrongTwin");
  checkFarmName(name);
  const holder = storage.FarmIdByName.get(ctx.io, name);
  if (holder === farmId) return; // same name: nothing to do, no event
  errors.ensure(holder === 0, "InvalidFarmName");
  storage.FarmIdByName.remove(ctx.io, farm.name);
  storage.FarmIdByName.set(ctx.io, name, farmId);
  saveFarm(ctx, { ...farm, name });
}

export function addStellarPayoutV2Address(ctx: BlockContext, account: Bytes, farmId: number, address: Bytes): void {
  const twinId = twinIdOf(ctx, account);
  const farm = getFarm(ctx, farmId);
  errors.ensure(farm.twin_id === twinId, "CannotUpdateFarmWrongTwin");
  storage.FarmPayoutV2AddressByFarmID.set(ctx.io, farmId, address);
  emit(ctx, { tag: "FarmPayoutV2AddressRegistered", value: [farmId, address] });
}

export function setFarmCertification(ctx: BlockContext, farmId: number, certification: FarmCertification): void {
  const farm = getFarm(ctx, farmId);
  storage.Farms.set(ctx.io, farmId, { ...farm, certification });
  emit(ctx, { tag: "FarmCertificationSet", value: [farmId, certification] });
}

export function addFarmIp(ctx: BlockContext, account: Bytes, farmId: number, ip: Bytes, gw: Bytes): void {
  const farm = getFarm(ctx, farmId);
  ensureFarmTwinAccount(ctx, farm, account);
  errors.ensure(validateIp4(ip, gw) === undefined, "InvalidPublicIP");
  errors.ensure(!farm.public_ips.some((p) => equalBytes(p.ip, ip)), "IpExists");
  errors.ensure(farm.public_ips.length < MAX_FARM_PUBLIC_IPS_BOUND, "InvalidPublicIP");
  saveFarm(ctx, { ...farm, public_ips: [...farm.public_ips, { ip, gateway: gw, contract_id: 0n }] });
}

/** Only a free IP (no contract holds it) can be removed. */
export function removeFarmIp(ctx: BlockContext, account: Bytes, farmId: number, ip: Bytes): void {
  const farm = getFarm(ctx, farmId);
  ensureFarmTwinAccount(ctx, farm, account);
  const index = farm.public_ips.findIndex((p) => equalBytes(p.ip, ip) && p.contract_id === 0n);
  errors.ensure(index >= 0, "IpNotExists");
  saveFarm(ctx, { ...farm, public_ips: farm.public_ips.filter((_, i) => i !== index) });
}

/** The farmer removes a node from its farm (and from the grid). */
export function deleteNodeFarm(ctx: BlockContext, hooks: TfgridHooks, account: Bytes, nodeId: number): void {
  const twinId = twinIdOf(ctx, account);
  const node = must(storage.Nodes.get(ctx.io, nodeId), "NodeNotExists");
  const farm = getFarm(ctx, node.farm_id);
  errors.ensure(twinId === farm.twin_id, "FarmerNotAuthorized");
  removeFromFarmList(ctx, node.farm_id, nodeId);
  hooks.nodeDeleted?.(ctx, node);
  storage.Nodes.remove(ctx.io, nodeId);
  storage.NodeIdByTwinID.remove(ctx.io, node.twin_id);
  emit(ctx, { tag: "NodeDeleted", value: [nodeId] });
}

/**
 * Removes `nodeId` from the farm's node list as TFChain does, with a binary search: the list is sorted as
 * long as nodes only join farms at creation. Returns whether it was found.
 */
export function removeFromFarmList(ctx: BlockContext, farmId: number, nodeId: number): boolean {
  const nodes = storage.NodesByFarmID.get(ctx.io, farmId);
  const index = binarySearch(nodes, nodeId);
  if (index < 0) return false;
  storage.NodesByFarmID.set(ctx.io, farmId, nodes.filter((_, i) => i !== index));
  return true;
}

/** Rust's `binary_search` on a sorted list (on an unsorted one it may miss, as TFChain's may). */
function binarySearch(list: number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! === x) return mid;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

export function setFarmDedicated(ctx: BlockContext, farmId: number, dedicated: boolean): void {
  saveFarm(ctx, { ...getFarm(ctx, farmId), dedicated_farm: dedicated });
}

/** Frees an IP whatever contract holds it. */
export function forceResetFarmIp(ctx: BlockContext, farmId: number, ip: Bytes): void {
  const farm = getFarm(ctx, farmId);
  const index = farm.public_ips.findIndex((p) => equalBytes(p.ip, ip));
  errors.ensure(index >= 0, "IpNotExists");
  const publicIps = farm.public_ips.map((p, i) => (i === index ? { ...p, contract_id: 0n } : p));
  saveFarm(ctx, { ...farm, public_ips: publicIps });
}

/**
 * Attaches a farming policy with limits to a farm: the farm takes the policy's certification, and each of
 * its nodes still on a default policy gets a policy anew. `None` does nothing.
 */
export function attachPolicyToFarm(ctx: BlockContext, farmId: number, limits: FarmingPolicyLimit | undefined): void {
  if (!limits) return;
  const policy = storage.FarmingPoliciesMap.get(ctx.io, limits.farming_policy_id);
  errors.ensure(!(policy.policy_end !== 0 && ctx.blockNumber >= policy.policy_created + policy.policy_end), "FarmingPolicyExpired");
  const farm = getFarm(ctx, farmId);
  saveFarm(ctx, { ...farm, farming_policy_limits: limits, certification: policy.farm_certification });
  for (const nodeId of storage.NodesByFarmID.get(ctx.io, farmId)) {
    const node = storage.Nodes.get(ctx.io, nodeId);
    if (!node) continue;
    if (!storage.FarmingPoliciesMap.get(ctx.io, node.farming_policy_id).default) continue;
    const chosen = farmingPolicyFor(ctx, node);
    const updated = { ...node, farming_policy_id: chosen.id, certification: chosen.node_certification };
    storage.Nodes.set(ctx.io, nodeId, updated);
    emit(ctx, { tag: "NodeUpdated", value: [updated] });
  }
  emit(ctx, { tag: "FarmingPolicySet", value: [farmId, limits] });
}
