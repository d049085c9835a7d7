/**
 * Grid contracts (TFChain's `grid_contract.rs`): node contracts (a deployment on a 3Node, with public IPs
 * taken from the farm), rent contracts (a whole node), name contracts (a gateway name); their updates,
 * cancellation and removal, and the reports nodes send about them.
 */
import { equalBytes } from "../../../primitives/bytes.js";
import { u64 } from "../../../primitives/schema.js";
import { DispatchFailure } from "../../dispatch-error.js";
import type { BlockContext } from "../../pallet.js";
import { storage as tfgrid } from "../tfgrid/storage.js";
import type { PublicIP } from "../tfgrid/types-farm.js";
import { billContract, type BillingConfig } from "./billing.js";
import { insertInBillingLoop, removeFromBillingLoop } from "./billing-loop.js";
import { emit, must, nowSeconds } from "./common.js";
import { CONTRACT_VERSION, MAX_NAME_CONTRACT_NAME_LENGTH } from "./constants.js";
import { nruCostUnitsUsd } from "./cost.js";
import { errors } from "./errors.js";
import { newPaymentState } from "./payment-state.js";
import { validateSolutionProvider } from "./solution-provider.js";
import { storage } from "./storage.js";
import type { Cause, Contract, ContractData, ContractResources, ContractState, NodeContract, NruConsumption } from "./types.js";

type Bytes = Uint8Array;

const isDeleted = (c: Contract) => c.state.tag === "Deleted";

/** A node is dedicated when the farmer asks an extra fee for it or its whole farm is dedicated. */
function isDedicated(ctx: BlockContext, nodeId: number, farmDedicated: boolean): boolean {
  return storage.DedicatedNodesExtraFee.get(ctx.io, nodeId) > 0n || farmDedicated;
}

export interface NodeContractInput {
  node_id: number;
  deployment_hash: Bytes;
  deployment_data: Bytes;
  public_ips: number;
  solution_provider_id: bigint | undefined;
}

/**
 * A deployment on a node: the node must be up and not going down, free for the caller (a dedicated node
 * only for its renter), the hash unique on the node among live contracts, the IPs available.
 */
export function createNodeContract(ctx: BlockContext, account: Bytes, a: NodeContractInput): void {
  const twinId = must(tfgrid.TwinIdByAccountID.get(ctx.io, account), "TwinNotExists");
  const node = must(tfgrid.Nodes.get(ctx.io, a.node_id), "NodeNotExists");
  const power = tfgrid.NodePower.get(ctx.io, a.node_id);
  errors.ensure(power.state.tag === "Up" && power.target === "Up", "NodeNotAvailableToDeploy");
  const farm = must(tfgrid.Farms.get(ctx.io, node.farm_id), "FarmNotExists");
  const rentId = storage.ActiveRentContractForNode.get(ctx.io, a.node_id);
  if (rentId !== undefined) {
    const rent = must(storage.Contracts.get(ctx.io, rentId), "ContractNotExists");
    errors.ensure(rent.twin_id === twinId, "NodeNotAvailableToDeploy");
  } else {
    errors.ensure(!isDedicated(ctx, a.node_id, farm.dedicated_farm), "NodeNotAvailableToDeploy");
  }
  if (storage.ContractIDByNodeIDAndHash.contains(ctx.io, a.node_id, a.deployment_hash)) {
    const existing = storage.ContractIDByNodeIDAndHash.get(ctx.io, a.node_id, a.deployment_hash);
    errors.ensure(isDeleted(must(storage.Contracts.get(ctx.io, existing), "ContractNotExists")), "ContractIsNotUnique");
  }
  const nodeContract: NodeContract = {
    node_id: a.node_id,
    deployment_hash: a.deployment_hash,
    deployment_data: a.deployment_data,
    public_ips: a.public_ips,
    public_ips_list: [],
  };
  const contract = createContract(ctx, twinId, { tag: "NodeContract", value: nodeContract }, a.solution_provider_id);
  storage.ContractBillingInformationByID.set(ctx.io, contract.contract_id, {
    previous_nu_reported: 0n, last_updated: nowSeconds(ctx), amount_unbilled: 0n,
  });
  storage.ContractIDByNodeIDAndHash.set(ctx.io, a.node_id, a.deployment_hash, contract.contract_id);
  storage.ActiveNodeContracts.append(ctx.io, a.node_id, u64.enc(contract.contract_id));
  emit(ctx, { tag: "ContractCreated", value: [contract] });
}

/** Rents a whole node: one rent contract per node, on a dedicated farm or an empty node (standby allowed). */
export function createRentContract(ctx: BlockContext, account: Bytes, nodeId: number, solutionProviderId: bigint | undefined): void {
  errors.ensure(!storage.ActiveRentContractForNode.contains(ctx.io, nodeId), "NodeHasRentContract");
  const node = must(tfgrid.Nodes.get(ctx.io, nodeId), "NodeNotExists");
  errors.ensure(tfgrid.Farms.contains(ctx.io, node.farm_id), "FarmNotExists");
  const farm = must(tfgrid.Farms.get(ctx.io, node.farm_id), "FarmNotExists");
  errors.ensure(farm.dedicated_farm || storage.ActiveNodeContracts.get(ctx.io, nodeId).length === 0, "NodeNotAvailableToDeploy");
  const twinId = must(tfgrid.TwinIdByAccountID.get(ctx.io, account), "TwinNotExists");
  const contract = createContract(ctx, twinId, { tag: "RentContract", value: { node_id: nodeId } }, solutionProviderId);
  storage.ActiveRentContractForNode.set(ctx.io, nodeId, contract.contract_id);
  emit(ctx, { tag: "ContractCreated", value: [contract] });
}

const MIN_NAME_LENGTH = 3;

/** `NameContractName::try_from`: 3–64 bytes of `[a-z0-9_-]`. */
function checkName(name: Bytes): void {
  errors.ensure(name.length >= MIN_NAME_LENGTH, "NameContractNameTooShort");
  errors.ensure(name.length <= MAX_NAME_CONTRACT_NAME_LENGTH, "NameContractNameTooLong");
  const valid = name.every((c) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f);
  errors.ensure(valid, "NameNotValid");
}

/** Registers a unique name (for a gateway) to the caller's twin. */
export function createNameContract(ctx: BlockContext, account: Bytes, name: Bytes): void {
  const twinId = must(tfgrid.TwinIdByAccountID.get(ctx.io, account), "TwinNotExists");
  checkName(name);
  errors.ensure(!storage.ContractIDByNameRegistration.contains(ctx.io, name), "NameExists");
  const contract = createContract(ctx, twinId, { tag: "NameContract", value: { name } }, undefined);
  storage.ContractIDByNameRegistration.set(ctx.io, name, contract.contract_id);
  emit(ctx, { tag: "ContractCreated", value: [contract] });
}

/** The common part: next id, IPs reserved (node contracts), provider checked, billing loop, payment state. */
function createContract(ctx: BlockContext, twinId: number, data: ContractData, solutionProviderId: bigint | undefined): Contract {
  const id = storage.ContractID.get(ctx.io) + 1n;
  if (data.tag === "NodeContract") reserveIps(ctx, id, data.value);
  validateSolutionProvider(ctx, solutionProviderId);
  insertInBillingLoop(ctx, id);
  const contract: Contract = {
    version: CONTRACT_VERSION, state: { tag: "Created" }, contract_id: id, twin_id: twinId, contract_type: data,
    solution_provider_id: solutionProviderId,
  };
  storage.Contracts.set(ctx.io, id, contract);
  storage.ContractID.set(ctx.io, id);
  storage.ContractPaymentState.set(ctx.io, id, newPaymentState(nowSeconds(ctx)));
  return contract;
}

/** Changes a node contract's deployment (hash and data); not while in grace period. */
export function updateNodeContract(ctx: BlockContext, account: Bytes, contractId: bigint, hash: Bytes, data: Bytes): void {
  const contract = must(storage.Contracts.get(ctx.io, contractId), "ContractNotExists");
  const twin = must(tfgrid.Twins.get(ctx.io, contract.twin_id), "TwinNotExists");
  errors.ensure(equalBytes(twin.account_id, account), "TwinNotAuthorizedToUpdateContract");
  errors.ensure(contract.state.tag !== "GracePeriod", "CannotUpdateContractInGraceState");
  const nodeContract = nodeContractOf(contract);
  storage.ContractIDByNodeIDAndHash.remove(ctx.io, nodeContract.node_id, nodeContract.deployment_hash);
  storage.ContractIDByNodeIDAndHash.set(ctx.io, nodeContract.node_id, hash, contractId);
  const updated: Contract = {
    ...contract,
    contract_type: { tag: "NodeContract", value: { ...nodeContract, deployment_hash: hash, deployment_data: data } },
  };
  updateContractState(ctx, updated, updated.state);
  emit(ctx, { tag: "ContractUpdated", value: [updated] });
}

/** The owner cancels: the contract is marked deleted and billed one last time, which removes it. */
export function cancelContract(ctx: BlockContext, config: BillingConfig, account: Bytes, contractId: bigint, cause: Cause): void {
  const contract = must(storage.Contracts.get(ctx.io, contractId), "ContractNotExists");
  const twin = must(tfgrid.Twins.get(ctx.io, contract.twin_id), "TwinNotExists");
  errors.ensure(equalBytes(twin.account_id, account), "TwinNotAuthorizedToCancelContract");
  doCancelContract(ctx, config, contract, cause);
}

/** The council cancels any contract. */
export function cancelContractCollective(ctx: BlockContext, config: BillingConfig, contractId: bigint, cause: Cause): void {
  doCancelContract(ctx, config, must(storage.Contracts.get(ctx.io, contractId), "ContractNotExists"), cause);
}

function doCancelContract(ctx: BlockContext, config: BillingConfig, contract: Contract, cause: Cause): void {
  if (contract.contract_type.tag === "RentContract") {
    const nodeId = contract.contract_type.value.node_id;
    errors.ensure(storage.ActiveNodeContracts.get(ctx.io, nodeId).length === 0, "NodeHasActiveContracts");
  }
  updateContractState(ctx, contract, { tag: "Deleted", value: cause });
  billContract(ctx, config, contract.contract_id);
}

/**
 * Removes a deleted contract and everything that points at it: IPs freed, indexes, reports, payment state,
 * billing loop entry; a rent contract takes its node's contracts with it.
 */
export function removeContract(ctx: BlockContext, contractId: bigint): void {
  const contract = must(storage.Contracts.get(ctx.io, contractId), "ContractNotExists");
  const data = contract.contract_type;
  if (data.tag === "NodeContract") {
    const nodeContract = data.value;
    // A failure to free the IPs (node or farm gone) is only logged in TFChain.
    if (nodeContract.public_ips > 0) tryFreeIps(ctx, contractId, nodeContract);
    removeActiveNodeContract(ctx, nodeContract.node_id, contractId);
    storage.ContractIDByNodeIDAndHash.remove(ctx.io, nodeContract.node_id, nodeContract.deployment_hash);
    storage.NodeContractResources.remove(ctx.io, contractId);
    storage.ContractBillingInformationByID.remove(ctx.io, contractId);
    emit(ctx, { tag: "NodeContractCanceled", value: { contract_id: contractId, node_id: nodeContract.node_id, twin_id: contract.twin_id } });
  } else if (data.tag === "NameContract") {
    storage.ContractIDByNameRegistration.remove(ctx.io, data.value.name);
    emit(ctx, { tag: "NameContractCanceled", value: { contract_id: contractId } });
  } else {
    const nodeId = data.value.node_id;
    storage.ActiveRentContractForNode.remove(ctx.io, nodeId);
    for (const id of storage.ActiveNodeContracts.get(ctx.io, nodeId)) removeContract(ctx, id);
    emit(ctx, { tag: "RentContractCanceled", value: { contract_id: contractId } });
  }
  storage.Contracts.remove(ctx.io, contractId);
  storage.ContractPaymentState.remove(ctx.io, contractId);
  removeFromBillingLoop(ctx, contractId);
}

function removeActiveNodeContract(ctx: BlockContext, nodeId: number, contractId: bigint): void {
  const ids = storage.ActiveNodeContracts.get(ctx.io, nodeId);
  const index = ids.indexOf(contractId);
  if (index >= 0) ids.splice(index, 1);
  storage.ActiveNodeContracts.set(ctx.io, nodeId, ids);
}

/**
 * Stores the contract with its new state and keeps the node's active list in step: a deleted node contract
 * leaves it, a node contract back to Created (grace ended) rejoins it.
 */
export function updateContractState(ctx: BlockContext, contract: Contract, state: ContractState): void {
  contract.state = state;
  storage.Contracts.set(ctx.io, contract.contract_id, contract);
  if (contract.contract_type.tag !== "NodeContract") return;
  const nodeId = contract.contract_type.value.node_id;
  const ids = storage.ActiveNodeContracts.get(ctx.io, nodeId);
  const index = ids.indexOf(contract.contract_id);
  if (index >= 0 && state.tag === "Deleted") ids.splice(index, 1);
  else if (index < 0 && state.tag === "Created") ids.push(contract.contract_id);
  storage.ActiveNodeContracts.set(ctx.io, nodeId, ids);
}

export function nodeContractOf(contract: Contract): NodeContract {
  if (contract.contract_type.tag !== "NodeContract") errors.raise("InvalidContractType");
  return contract.contract_type.value as NodeContract;
}

/** The node a node or rent contract runs on (0 for a name contract, as TFChain's `get_node_id`). */
export function nodeIdOf(contract: Contract): number {
  const data = contract.contract_type;
  return data.tag === "NameContract" ? 0 : data.value.node_id;
}

/** Takes the first `public_ips` free IPs of the node's farm, in list order, and marks them with the contract. */
function reserveIps(ctx: BlockContext, contractId: bigint, nodeContract: NodeContract): void {
  if (nodeContract.public_ips === 0) return;
  const node = must(tfgrid.Nodes.get(ctx.io, nodeContract.node_id), "NodeNotExists");
  const farm = must(tfgrid.Farms.get(ctx.io, node.farm_id), "FarmNotExists");
  errors.ensure(farm.public_ips.length >= nodeContract.public_ips, "FarmHasNotEnoughPublicIPs");
  const taken: PublicIP[] = [];
  const publicIps = farm.public_ips.map((ip) => {
    if (taken.length === nodeContract.public_ips || ip.contract_id !== 0n) return ip;
    const reserved = { ...ip, contract_id: contractId };
    taken.push(reserved);
    return reserved;
  });
  errors.ensure(taken.length === nodeContract.public_ips, "FarmHasNotEnoughPublicIPsFree");
  nodeContract.public_ips_list = taken;
  tfgrid.Farms.set(ctx.io, farm.id, { ...farm, public_ips: publicIps });
}

/** Frees every farm IP the contract holds (`IPsFreed`). */
function freeIps(ctx: BlockContext, contractId: bigint, nodeContract: NodeContract): void {
  const node = must(tfgrid.Nodes.get(ctx.io, nodeContract.node_id), "NodeNotExists");
  const farm = must(tfgrid.Farms.get(ctx.io, node.farm_id), "FarmNotExists");
  const freed: PublicIP[] = [];
  const publicIps = farm.public_ips.map((ip) => {
    if (ip.contract_id !== contractId) return ip;
    const free = { ...ip, contract_id: 0n };
    freed.push(free);
    return free;
  });
  tfgrid.Farms.set(ctx.io, farm.id, { ...farm, public_ips: publicIps });
  emit(ctx, { tag: "IPsFreed", value: { contract_id: contractId, public_ips: freed } });
}

function tryFreeIps(ctx: BlockContext, contractId: bigint, nodeContract: NodeContract): void {
  ctx.io.startTransaction();
  try {
    freeIps(ctx, contractId, nodeContract);
    ctx.io.commitTransaction();
  } catch (e) {
    ctx.io.rollbackTransaction();
    if (!(e instanceof DispatchFailure)) throw e;
  }
}

/** `PublicIpModifier::ip_removed`: a node contract whose farm IP went away frees its IPs. */
export function freeContractIps(ctx: BlockContext, contractId: bigint): void {
  const contract = storage.Contracts.get(ctx.io, contractId);
  if (!contract || contract.contract_type.tag !== "NodeContract") return;
  const nodeContract = contract.contract_type.value;
  if (nodeContract.public_ips > 0) tryFreeIps(ctx, contractId, nodeContract);
  storage.Contracts.set(ctx.io, contractId, contract);
}

/** The node's twin reports the resources its contracts use (unknown contracts skipped). Free of fees. */
export function reportContractResources(ctx: BlockContext, account: Bytes, reports: ContractResources[]): void {
  const twinId = must(tfgrid.TwinIdByAccountID.get(ctx.io, account), "TwinNotExists");
  errors.ensure(tfgrid.NodeIdByTwinID.contains(ctx.io, twinId), "NodeNotExists");
  const nodeId = tfgrid.NodeIdByTwinID.get(ctx.io, twinId);
  for (const report of reports) {
    const contract = storage.Contracts.get(ctx.io, report.contract_id);
    if (!contract) continue;
    errors.ensure(nodeContractOf(contract).node_id === nodeId, "NodeNotAuthorizedToComputeReport");
    storage.NodeContractResources.set(ctx.io, contract.contract_id, report);
    emit(ctx, { tag: "UpdatedUsedResources", value: [report] });
  }
}

/**
 * The node's twin reports network use: each report's NU cost, at the farm's pricing policy, joins the
 * contract's unbilled amount (reports older than the last one are ignored). Free of fees.
 */
export function addNruReports(ctx: BlockContext, account: Bytes, reports: NruConsumption[]): void {
  const twinId = must(tfgrid.TwinIdByAccountID.get(ctx.io, account), "TwinNotExists");
  const nodeId = tfgrid.NodeIdByTwinID.get(ctx.io, twinId);
  const node = must(tfgrid.Nodes.get(ctx.io, nodeId), "NodeNotExists");
  const farm = must(tfgrid.Farms.get(ctx.io, node.farm_id), "FarmNotExists");
  const policy = must(tfgrid.PricingPolicies.get(ctx.io, farm.pricing_policy_id), "PricingPolicyNotExists");
  for (const report of reports) {
    if (!storage.Contracts.contains(ctx.io, report.contract_id)) continue;
    if (!storage.ContractBillingInformationByID.contains(ctx.io, report.contract_id)) continue;
    const contract = must(storage.Contracts.get(ctx.io, report.contract_id), "ContractNotExists");
    errors.ensure(nodeContractOf(contract).node_id === nodeId, "NodeNotAuthorizedToComputeReport");
    const info = storage.ContractBillingInformationByID.get(ctx.io, report.contract_id);
    if (report.timestamp >= info.last_updated) {
      const cost = nruCostUnitsUsd(report.nru, report.window, policy);
      storage.ContractBillingInformationByID.set(ctx.io, report.contract_id, {
        ...info,
        amount_unbilled: BigInt.asUintN(64, info.amount_unbilled + cost),
        last_updated: report.timestamp,
      });
    }
    emit(ctx, { tag: "NruConsumptionReportReceived", value: [report] });
  }
}

/** The farmer prices a node as dedicated (mUSD per month); only while nothing runs on it. */
export function setDedicatedNodeExtraFee(ctx: BlockContext, account: Bytes, nodeId: number, extraFee: bigint): void {
  const twinId = must(tfgrid.TwinIdByAccountID.get(ctx.io, account), "TwinNotExists");
  const node = must(tfgrid.Nodes.get(ctx.io, nodeId), "NodeNotExists");
  const farm = must(tfgrid.Farms.get(ctx.io, node.farm_id), "FarmNotExists");
  errors.ensure(twinId === farm.twin_id, "UnauthorizedToSetExtraFee");
  errors.ensure(nodeHasNoActiveContracts(ctx, nodeId), "NodeHasActiveContracts");
  storage.DedicatedNodesExtraFee.set(ctx.io, nodeId, extraFee);
  emit(ctx, { tag: "NodeExtraFeeSet", value: { node_id: nodeId, extra_fee: extraFee } });
}

/** No node contract and no rent contract on the node. */
export function nodeHasNoActiveContracts(ctx: BlockContext, nodeId: number): boolean {
  return storage.ActiveNodeContracts.get(ctx.io, nodeId).length === 0 && !storage.ActiveRentContractForNode.contains(ctx.io, nodeId);
}
