/**
 * 3Nodes: registration and update by the node's own twin, certification, uptime reports, public config,
 * deletion, certifiers, and the power state (reported by the node) and power target (set by the farmer).
 */
import { compareBytes } from "../../../primitives/bytes.js";
import { u32 } from "../../../primitives/schema.js";
import type { BlockContext } from "../../pallet.js";
import { emit, must, nowSeconds, twinIdOf } from "./common.js";
import { TFGRID_NODE_VERSION, TIMESTAMP_HINT_DRIFT } from "./constants.js";
import { errors } from "./errors.js";
import type { TfgridHooks } from "./hooks.js";
import { removeFromFarmList } from "./farm.js";
import { farmingPolicyFor } from "./policy.js";
import { resourcesChanged } from "./resources.js";
import { storage } from "./storage.js";
import type { Node, NodeCertification, Power, PowerState, PublicConfig, Resources } from "./types.js";
import {
  checkInterfaces, checkLocation, checkResources, checkSerialNumber, isValidPublicConfig, type InterfaceInputValue,
  type LocationInputValue,
} from "./validate.js";

type Bytes = Uint8Array;

export interface NodeInput {
  farm_id: number;
  resources: Resources;
  location: LocationInputValue;
  interfaces: InterfaceInputValue[];
  secure_boot: boolean;
  virtualized: boolean;
  serial_number: Bytes | undefined;
}

/** Validates the node's description in TFChain's order: resources, location, interfaces, serial number. */
function checkNodeInput(input: NodeInput): void {
  checkResources(input.resources);
  checkLocation(input.location);
  checkInterfaces(input.interfaces);
  if (input.serial_number !== undefined) checkSerialNumber(input.serial_number);
}

function getNode(ctx: BlockContext, nodeId: number): Node {
  const node = must(storage.Nodes.get(ctx.io, nodeId), "NodeNotExists");
  return node;
}

export function createNode(ctx: BlockContext, hooks: TfgridHooks, account: Bytes, input: NodeInput): void {
  errors.ensure(storage.Farms.contains(ctx.io, input.farm_id), "FarmNotExists");
  const twinId = twinIdOf(ctx, account);
  errors.ensure(!storage.NodeIdByTwinID.contains(ctx.io, twinId), "NodeWithTwinIdExists");
  const id = storage.NodeID.get(ctx.io) + 1;
  checkNodeInput(input);
  const node: Node = {
    version: TFGRID_NODE_VERSION,
    id,
    farm_id: input.farm_id,
    twin_id: twinId,
    resources: input.resources,
    location: input.location,
    public_config: undefined,
    created: nowSeconds(ctx),
    farming_policy_id: 0,
    interfaces: input.interfaces,
    certification: "Diy",
    secure_boot: input.secure_boot,
    virtualized: input.virtualized,
    serial_number: input.serial_number,
    connection_price: storage.ConnectionPrice.get(ctx.io),
  };
  const policy = farmingPolicyFor(ctx, node);
  node.farming_policy_id = policy.id;
  node.certification = policy.node_certification;
  storage.Nodes.set(ctx.io, id, node);
  storage.NodeID.set(ctx.io, id);
  storage.NodeIdByTwinID.set(ctx.io, twinId, id);
  storage.NodesByFarmID.append(ctx.io, input.farm_id, u32.enc(id));
  hooks.nodeChanged?.(ctx, undefined, node);
  emit(ctx, { tag: "NodeStored", value: [node] });
}

/** The node's twin updates its description; a certified node whose resources moved by over 1 % drops to DIY. */
export function updateNode(ctx: BlockContext, hooks: TfgridHooks, account: Bytes, nodeId: number, input: NodeInput): void {
  const before = getNode(ctx, nodeId);
  const twinId = twinIdOf(ctx, account);
  errors.ensure(before.twin_id === twinId, "NodeUpdateNotAuthorized");
  errors.ensure(storage.Farms.contains(ctx.io, input.farm_id), "FarmNotExists");
  if (before.farm_id !== input.farm_id) {
    const old = storage.NodesByFarmID.get(ctx.io, before.farm_id).filter((id) => id !== nodeId);
    storage.NodesByFarmID.set(ctx.io, before.farm_id, old);
    storage.NodesByFarmID.append(ctx.io, input.farm_id, u32.enc(nodeId));
  }
  checkNodeInput(input);
  let certification = before.certification;
  if (resourcesChanged(before.resources, input.resources, 1) && certification === "Certified") {
    certification = "Diy";
    emit(ctx, { tag: "NodeCertificationSet", value: [nodeId, certification] });
  }
  const node: Node = {
    ...before,
    farm_id: input.farm_id,
    resources: input.resources,
    location: input.location,
    interfaces: input.interfaces,
    secure_boot: input.secure_boot,
    virtualized: input.virtualized,
    serial_number: input.serial_number,
    certification,
  };
  storage.Nodes.set(ctx.io, nodeId, node);
  hooks.nodeChanged?.(ctx, before, node);
  emit(ctx, { tag: "NodeUpdated", value: [node] });
}

/** Sets a node's certification; a node on a default policy gets its policy chosen anew. */
export function setNodeCertification(ctx: BlockContext, nodeId: number, certification: NodeCertification): void {
  const node = { ...getNode(ctx, nodeId), certification };
  if (storage.FarmingPoliciesMap.get(ctx.io, node.farming_policy_id).default) {
    node.farming_policy_id = farmingPolicyFor(ctx, node).id;
  }
  storage.Nodes.set(ctx.io, nodeId, node);
  emit(ctx, { tag: "NodeUpdated", value: [node] });
  emit(ctx, { tag: "NodeCertificationSet", value: [nodeId, certification] });
}

/** May `account` certify nodes? It is in the sorted `AllowedNodeCertifiers` list. */
export function isCertifier(ctx: BlockContext, account: Bytes): boolean {
  return (storage.AllowedNodeCertifiers.get(ctx.io) ?? []).some((c) => compareBytes(c, account) === 0);
}

/**
 * An uptime report from the node's twin. The hint (v2) must lie within `TimestampHintDrift` seconds of the
 * block's time; v1 passes the block's time itself. Only an event is stored.
 */
export function reportUptime(ctx: BlockContext, hooks: TfgridHooks, account: Bytes, uptime: bigint, hint: bigint): void {
  const twinId = twinIdOf(ctx, account);
  errors.ensure(storage.NodeIdByTwinID.contains(ctx.io, twinId), "NodeNotExists");
  const nodeId = storage.NodeIdByTwinID.get(ctx.io, twinId);
  errors.ensure(storage.Nodes.contains(ctx.io, nodeId), "NodeNotExists");
  const now = nowSeconds(ctx);
  const earliest = now > TIMESTAMP_HINT_DRIFT ? now - TIMESTAMP_HINT_DRIFT : 0n;
  errors.ensure(hint >= earliest && hint <= now + TIMESTAMP_HINT_DRIFT, "InvalidTimestampHint");
  emit(ctx, { tag: "NodeUptimeReported", value: [nodeId, now, uptime] });
  hooks.uptimeReported?.(ctx, nodeId, now, uptime);
}

/** The farmer sets (or clears) a node's public config: IPv4 and optional IPv6 pairs and domain. */
export function addNodePublicConfig(
  ctx: BlockContext, account: Bytes, farmId: number, nodeId: number, config: PublicConfig | undefined,
): void {
  const farm = must(storage.Farms.get(ctx.io, farmId), "FarmNotExists");
  const farmTwin = must(storage.Twins.get(ctx.io, farm.twin_id), "TwinNotExists");
  errors.ensure(compareBytes(farmTwin.account_id, account) === 0, "CannotUpdateFarmWrongTwin");
  const node = getNode(ctx, nodeId);
  errors.ensure(node.farm_id === farmId, "NodeUpdateNotAuthorized");
  if (config) errors.ensure(isValidPublicConfig(config), "InvalidPublicConfig");
  storage.Nodes.set(ctx.io, nodeId, { ...node, public_config: config });
  emit(ctx, { tag: "NodePublicConfigStored", value: [nodeId, config] });
}

/** The node's own twin deletes it. Its twin index stays (TFChain quirk: the twin cannot register again). */
export function deleteNode(ctx: BlockContext, hooks: TfgridHooks, account: Bytes, nodeId: number): void {
  const node = getNode(ctx, nodeId);
  const twinId = twinIdOf(ctx, account);
  errors.ensure(node.twin_id === twinId, "NodeUpdateNotAuthorized");
  errors.ensure(removeFromFarmList(ctx, node.farm_id, nodeId), "NodeNotExists");
  hooks.nodeDeleted?.(ctx, node);
  storage.Nodes.remove(ctx.io, nodeId);
  emit(ctx, { tag: "NodeDeleted", value: [nodeId] });
}

/** Adds a certifier, keeping the list sorted; a second time is `AlreadyCertifier`. */
export function addNodeCertifier(ctx: BlockContext, certifier: Bytes): void {
  const certifiers = storage.AllowedNodeCertifiers.get(ctx.io) ?? [];
  errors.ensure(!certifiers.some((c) => compareBytes(c, certifier) === 0), "AlreadyCertifier");
  storage.AllowedNodeCertifiers.set(ctx.io, [...certifiers, certifier].sort(compareBytes));
  emit(ctx, { tag: "NodeCertifierAdded", value: [certifier] });
}

/** Removes a certifier; with no list stored at all this succeeds silently (TFChain quirk). */
export function removeNodeCertifier(ctx: BlockContext, certifier: Bytes): void {
  const certifiers = storage.AllowedNodeCertifiers.get(ctx.io);
  if (certifiers === undefined) return;
  errors.ensure(certifiers.some((c) => compareBytes(c, certifier) === 0), "NotCertifier");
  storage.AllowedNodeCertifiers.set(ctx.io, certifiers.filter((c) => compareBytes(c, certifier) !== 0));
  emit(ctx, { tag: "NodeCertifierRemoved", value: [certifier] });
}

const samePowerState = (a: PowerState, b: PowerState) =>
  a.tag === b.tag && (a.tag === "Up" || (a as { value: number }).value === (b as { value: number }).value);

/** The node reports its power state; `Down` records the block. Nothing happens if the state is unchanged. */
export function changePowerState(ctx: BlockContext, hooks: TfgridHooks, account: Bytes, power: Power): void {
  const twinId = twinIdOf(ctx, account);
  errors.ensure(storage.NodeIdByTwinID.contains(ctx.io, twinId), "NodeNotExists");
  const nodeId = storage.NodeIdByTwinID.get(ctx.io, twinId);
  const node = getNode(ctx, nodeId);
  const state: PowerState = power === "Up" ? { tag: "Up" } : { tag: "Down", value: ctx.blockNumber };
  const current = storage.NodePower.get(ctx.io, nodeId);
  if (samePowerState(current.state, state)) return;
  storage.NodePower.set(ctx.io, nodeId, { ...current, state });
  hooks.nodePowerStateChanged?.(ctx, node);
  emit(ctx, { tag: "PowerStateChanged", value: { farm_id: node.farm_id, node_id: nodeId, power_state: state } });
}

/** The farmer sets the state it wants a node in; Down only without active contracts. */
export function changePowerTarget(ctx: BlockContext, hooks: TfgridHooks, account: Bytes, nodeId: number, target: Power): void {
  const twinId = twinIdOf(ctx, account);
  const node = getNode(ctx, nodeId);
  const farm = must(storage.Farms.get(ctx.io, node.farm_id), "FarmNotExists");
  errors.ensure(twinId === farm.twin_id, "UnauthorizedToChangePowerTarget");
  if (target === "Down") {
    errors.ensure(hooks.nodeHasNoActiveContracts?.(ctx, nodeId) ?? true, "NodeHasActiveContracts");
  }
  storage.NodePower.set(ctx.io, nodeId, { ...storage.NodePower.get(ctx.io, nodeId), target });
  emit(ctx, { tag: "PowerTargetChanged", value: { farm_id: node.farm_id, node_id: nodeId, power_target: target } });
  hooks.powerTargetChanged?.(ctx, node, target);
}
