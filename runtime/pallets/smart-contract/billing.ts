/**
 * `bill_contract` as TFChain 2.9 does it (the billing refactor, PR #992): a contract's due since it was last
 * billed is *reserved* on its twin's account; what cannot be reserved is an overdraft, carried to the next
 * cycle; a contract short of funds enters a grace period and is deleted when it elapses. Every 24 cycles (or
 * on deletion) the reserve is paid out: 10 % to the staking pool, 40 % to the foundation and 50 % to the
 * farmer (name contracts: 90 % to the foundation), a dedicated node's extra fee 100 % to the farmer.
 */
import { equalBytes } from "../../../primitives/bytes.js";
import type { BlockContext } from "../../pallet.js";
import { accountData } from "../balances/account.js";
import { EXISTENTIAL_DEPOSIT } from "../balances/constants.js";
import { resolveCreating } from "../balances/currency.js";
import { canReserve, repatriateReserved, reserve, slashReservedImbalance } from "../balances/reserve.js";
import { storage as systemStorage } from "../system/storage.js";
import { storage as tfgrid } from "../tfgrid/storage.js";
import type { NodeCertification } from "../tfgrid/types-node.js";
import type { PricingPolicy } from "../tfgrid/types-policy.js";
import type { Twin } from "../tfgrid/types-twin.js";
import { storage as tftPrice } from "../tft-price/storage.js";
import { nodeIdOf, removeContract, updateContractState } from "./contracts.js";
import { emit, must, nowSeconds } from "./common.js";
import {
  costInTft, discountTft, extraFeeCostUnitsUsd, nameCostUnitsUsd, percentOf, rentCostUnitsUsd, resourcesCostUnitsUsd,
  type TftPrices,
} from "./cost.js";
import { errors } from "./errors.js";
import type { SmartContractHooks } from "./hooks.js";
import { hasReserve, overdraw, reserveAll } from "./payment-state.js";
import { storage } from "./storage.js";
import type { Contract, ContractState, DiscountLevel } from "./types.js";

export interface BillingConfig {
  /** Blocks a contract may stay in grace before it is deleted (TFChain: 14 days = 201,600). */
  gracePeriod: bigint;
  /** Cycles between reward distributions (TFChain: 24). */
  distributionFrequency: number;
  /** Receives 10 % of every standard reward. */
  stakingPoolAccount: Uint8Array;
  /** The most bills one block's finalization runs (`BILLS_PER_BLOCK` unless a test wants fewer). */
  billsPerBlock?: number;
  /** Listeners to contract payments (the reputation registry). */
  hooks?: SmartContractHooks;
}

const U128_MAX = (1n << 128n) - 1n;
const add = (a: bigint, b: bigint) => (a + b > U128_MAX ? U128_MAX : a + b);

/** `get_usable_balance`: free − max(ED, frozen), what can be reserved. */
export function usableBalance(ctx: BlockContext, who: Uint8Array): bigint {
  const a = accountData(ctx.io, who);
  const keep = a.frozen > EXISTENTIAL_DEPOSIT ? a.frozen : EXISTENTIAL_DEPOSIT;
  return a.free > keep ? a.free - keep : 0n;
}

/** The usable balance of the account bonded to the twin (its stash), which counts for the discount. */
function stashBalance(ctx: BlockContext, twinId: number): bigint {
  const stash = tfgrid.TwinBoundedAccountID.get(ctx.io, twinId);
  return stash ? usableBalance(ctx, stash) : 0n;
}

function tftPrices(ctx: BlockContext): TftPrices {
  return { average: tftPrice.AverageTftPrice.get(ctx.io), min: tftPrice.MinTftPrice.get(ctx.io), max: tftPrice.MaxTftPrice.get(ctx.io) };
}

/**
 * `calculate_contract_cost_tft`: the contract's standard due for `seconds` in TFT units (pricing policy 1),
 * after the discount its twin's balance earns; certified nodes pay ×1.25.
 */
export function contractCostTft(
  ctx: BlockContext, contract: Contract, policy: PricingPolicy, seconds: bigint, balance: bigint, certification: NodeCertification | undefined,
): { amount: bigint; level: DiscountLevel } {
  if (seconds === 0n) return { amount: 0n, level: "None" };
  const data = contract.contract_type;
  let cost: bigint;
  if (data.tag === "NodeContract") {
    errors.ensure(tfgrid.Nodes.contains(ctx.io, data.value.node_id), "NodeNotExists");
    const used = storage.NodeContractResources.get(ctx.io, contract.contract_id).used;
    // A rented node's contracts pay only IPs and network: the rent covers the resources.
    const billResources = !storage.ActiveRentContractForNode.contains(ctx.io, data.value.node_id);
    const unbilled = storage.ContractBillingInformationByID.get(ctx.io, contract.contract_id).amount_unbilled;
    cost = BigInt.asUintN(64, resourcesCostUnitsUsd(used, data.value.public_ips, seconds, policy, billResources) + unbilled);
  } else if (data.tag === "RentContract") {
    const node = must(tfgrid.Nodes.get(ctx.io, data.value.node_id), "NodeNotExists");
    cost = rentCostUnitsUsd(node.resources, seconds, policy);
  } else {
    cost = nameCostUnitsUsd(seconds, policy);
  }
  if (cost === 0n) return { amount: 0n, level: "None" };
  return discountTft(costInTft(cost, tftPrices(ctx)), seconds, balance, certification === "Certified");
}

/** `calculate_extra_fee_cost_tft`: a dedicated node's extra fee for `seconds`, in TFT units, no discount. */
function additionalDue(ctx: BlockContext, nodeId: number, seconds: bigint): bigint {
  const cost = extraFeeCostUnitsUsd(storage.DedicatedNodesExtraFee.get(ctx.io, nodeId), seconds);
  return cost === 0n ? 0n : costInTft(cost, tftPrices(ctx));
}

/** Bills one contract (`bill_contract`); a deleted contract is paid out and removed. */
export function billContract(ctx: BlockContext, config: BillingConfig, contractId: bigint): void {
  const contract = must(storage.Contracts.get(ctx.io, contractId), "ContractNotExists");
  const twin = must(tfgrid.Twins.get(ctx.io, contract.twin_id), "TwinNotExists");
  const policy = must(tfgrid.PricingPolicies.get(ctx.io, 1), "PricingPolicyNotExists");
  let farmer: Twin | undefined;
  let certification: NodeCertification | undefined;
  if (contract.contract_type.tag !== "NameContract") {
    const node = must(tfgrid.Nodes.get(ctx.io, nodeIdOf(contract)), "NodeNotExists");
    const farm = must(tfgrid.Farms.get(ctx.io, node.farm_id), "FarmNotExists");
    farmer = must(tfgrid.Twins.get(ctx.io, farm.twin_id), "TwinNotExists");
    certification = node.certification;
  }
  const state = must(storage.ContractPaymentState.get(ctx.io, contractId), "ContractPaymentStateNotExists");
  const twinUsable = usableBalance(ctx, twin.account_id);
  const totalUsable = add(twinUsable, stashBalance(ctx, twin.id));
  const now = nowSeconds(ctx);
  const seconds = now > state.last_updated_seconds ? now - state.last_updated_seconds : 0n;

  const data = contract.contract_type;
  const waived = data.tag === "RentContract" && tfgrid.NodePower.get(ctx.io, data.value.node_id).state.tag === "Down";
  if (waived) {
    emit(ctx, { tag: "RentWaived", value: { contract_id: contractId } });
    // A live rent on a standby node does not advance its clock; a deleted one still settles and is removed.
    if (contract.state.tag === "Created") return;
  }
  const { amount: standard, level } = waived ? { amount: 0n, level: "None" as const } : contractCostTft(ctx, contract, policy, seconds, totalUsable, certification);
  const additional = data.tag === "RentContract" && !waived ? additionalDue(ctx, data.value.node_id, seconds) : 0n;
  const due = add(standard, additional);
  if (due === 0n && contract.state.tag !== "Deleted") return;

  const toReserve = add(add(standard, state.standard_overdraft), add(additional, state.additional_overdraft));
  const sufficient = canReserve(ctx.io, twin.account_id, toReserve);
  manageContractState(ctx, config, contract, sufficient);
  if (sufficient) {
    reserve(ctx, twin.account_id, toReserve);
    reserveAll(state, standard, additional);
    emit(ctx, { tag: "ContractBilled", value: [{ contract_id: contractId, timestamp: now, discount_level: level, amount_billed: toReserve }] });
    config.hooks?.billed?.(ctx, contract.twin_id);
  } else {
    reserve(ctx, twin.account_id, twinUsable);
    overdraw(state, standard, additional, twinUsable);
    const overdraft = due > twinUsable ? due - twinUsable : 0n;
    emit(ctx, { tag: "ContractPaymentOverdrawn", value: { contract_id: contractId, timestamp: now, partially_billed_amount: twinUsable, overdraft } });
    config.hooks?.overdrawn?.(ctx, contract.twin_id);
  }

  remitFunds(ctx, config, contract, state, twin, farmer, policy);
  if (contract.state.tag === "Deleted") {
    config.hooks?.canceled?.(ctx, contract.twin_id, contract.state.value);
    removeContract(ctx, contractId);
    return;
  }
  if (data.tag === "NodeContract") {
    const info = storage.ContractBillingInformationByID.get(ctx.io, contractId);
    storage.ContractBillingInformationByID.set(ctx.io, contractId, { ...info, amount_unbilled: 0n });
  }
  state.last_updated_seconds = now;
  storage.ContractPaymentState.set(ctx.io, contractId, state);
}

/**
 * Grace periods (`manage_contract_state`): short of funds a live contract enters grace (a rent contract takes
 * its node's contracts along); with funds back it leaves grace; after `gracePeriod` blocks it is deleted.
 */
function manageContractState(ctx: BlockContext, config: BillingConfig, contract: Contract, sufficient: boolean): void {
  const block = BigInt(ctx.blockNumber);
  const id = contract.contract_id;
  const nodeId = nodeIdOf(contract);
  if (contract.state.tag === "GracePeriod" && sufficient) {
    updateContractState(ctx, contract, { tag: "Created" });
    emit(ctx, { tag: "ContractGracePeriodEnded", value: { contract_id: id, node_id: nodeId, twin_id: contract.twin_id } });
    config.hooks?.graceEnded?.(ctx, contract.twin_id);
    synchronizeRentedNodeContracts(ctx, config, contract, { tag: "Created" });
  } else if (contract.state.tag === "GracePeriod") {
    const start = contract.state.value;
    const elapsed = block > start ? block - start : 0n;
    if (elapsed >= config.gracePeriod) {
      emit(ctx, { tag: "ContractGracePeriodElapsed", value: { contract_id: id, grace_period: elapsed } });
      config.hooks?.graceElapsed?.(ctx, contract.twin_id);
      updateContractState(ctx, contract, { tag: "Deleted", value: "OutOfFunds" });
    }
  } else if (contract.state.tag === "Created" && !sufficient) {
    updateContractState(ctx, contract, { tag: "GracePeriod", value: block });
    emit(ctx, { tag: "ContractGracePeriodStarted", value: { contract_id: id, node_id: nodeId, twin_id: contract.twin_id, block_number: block } });
    config.hooks?.graceStarted?.(ctx, contract.twin_id);
    synchronizeRentedNodeContracts(ctx, config, contract, { tag: "GracePeriod", value: block });
  }
}

/** A rent contract's node contracts follow it into and out of grace, each with its own event. */
function synchronizeRentedNodeContracts(ctx: BlockContext, config: BillingConfig, contract: Contract, state: ContractState): void {
  if (contract.contract_type.tag !== "RentContract") return;
  const nodeId = contract.contract_type.value.node_id;
  for (const id of storage.ActiveNodeContracts.get(ctx.io, nodeId)) {
    const nodeContract = must(storage.Contracts.get(ctx.io, id), "ContractNotExists");
    updateContractState(ctx, nodeContract, state);
    if (state.tag === "Created") {
      emit(ctx, { tag: "ContractGracePeriodEnded", value: { contract_id: id, node_id: nodeId, twin_id: nodeContract.twin_id } });
      config.hooks?.graceEnded?.(ctx, nodeContract.twin_id);
    } else if (state.tag === "GracePeriod") {
      emit(ctx, { tag: "ContractGracePeriodStarted", value: { contract_id: id, node_id: nodeId, twin_id: nodeContract.twin_id, block_number: state.value } });
      config.hooks?.graceStarted?.(ctx, nodeContract.twin_id);
    }
  }
}

/**
 * `remit_funds`: one more cycle; at `distributionFrequency` cycles, or on deletion, the reserves are paid out.
 * A failed payout fails the bill, except for a deleted contract (then it is only dropped).
 */
function remitFunds(
  ctx: BlockContext, config: BillingConfig, contract: Contract, state: import("./types.js").ContractPaymentState,
  twin: Twin, farmer: Twin | undefined, policy: PricingPolicy,
): void {
  state.cycles = state.cycles >= 0xffff ? 0xffff : state.cycles + 1;
  const deleted = contract.state.tag === "Deleted";
  if (!((state.cycles >= config.distributionFrequency || deleted) && hasReserve(state))) return;
  const standardRewards = state.standard_reserve;
  const additionalRewards = state.additional_reserve;
  const tolerant = (pay: () => void) => {
    try {
      pay();
    } catch (e) {
      if (!deleted) throw e;
    }
  };
  if (contract.contract_type.tag === "RentContract") {
    tolerant(() => {
      if (additionalRewards > 0n && farmer) transferReserved(ctx, twin.account_id, farmer.account_id, additionalRewards);
    });
    state.additional_reserve = 0n;
  }
  tolerant(() => distributeStandardRewards(ctx, config, twin, farmer, standardRewards, policy));
  state.standard_reserve = 0n;
  state.cycles = 0;
  emit(ctx, { tag: "RewardDistributed", value: { contract_id: contract.contract_id, standard_rewards: standardRewards, additional_rewards: additionalRewards } });
}

/** 10 % staking pool; with a node 40 % foundation and the remainder (50 %) to the farmer; else 90 % foundation. */
function distributeStandardRewards(
  ctx: BlockContext, config: BillingConfig, twin: Twin, farmer: Twin | undefined, rewards: bigint, policy: PricingPolicy,
): void {
  if (rewards === 0n) return;
  const staking = perbillPercent(10, rewards);
  transferReserved(ctx, twin.account_id, config.stakingPoolAccount, staking);
  let foundation: bigint;
  if (farmer) {
    foundation = perbillPercent(40, rewards);
    const farmerShare = rewards > foundation + staking ? rewards - foundation - staking : 0n;
    transferReserved(ctx, twin.account_id, farmer.account_id, farmerShare);
  } else {
    foundation = rewards > staking ? rewards - staking : 0n;
  }
  transferReserved(ctx, twin.account_id, policy.foundation_account, foundation);
}

/** `Perbill::from_percent(p) * x` for whole percents: rounded to the nearest, halves down. */
const perbillPercent = (percent: number, x: bigint) => percentOf(percent, x);

/**
 * Moves reserved funds to a beneficiary's free balance; an account that does not exist yet is created from
 * the slashed reserve (if it reaches ED). Anything left over is `RewardDistributionError`.
 */
function transferReserved(ctx: BlockContext, from: Uint8Array, to: Uint8Array, amount: bigint): void {
  if (amount === 0n) return;
  let remainder: bigint;
  if (systemStorage.Account.contains(ctx.io, to) || equalBytes(from, to)) {
    remainder = repatriateReserved(ctx, from, to, amount, "Free");
  } else {
    const { slashed, remaining } = slashReservedImbalance(ctx, from, amount);
    if (remaining === 0n) resolveCreating(ctx, to, slashed);
    remainder = remaining;
  }
  errors.ensure(remainder === 0n, "RewardDistributionError");
}
