/**
 * The billing loop: contract `id` sits in bucket `ContractsToBillAt[id % BillingFrequency]` from creation to
 * removal, and block `n` bills bucket `n % BillingFrequency`.
 *
 * TFChain bills only when a validator's offchain worker submits `bill_contract_for_block` for each contract;
 * a missing, mis-keyed or stalled worker leaves contracts unbilled. Here block `n`'s finalization bills them
 * itself, through the same `bill_contract`: never skipped. At most `BILLS_PER_BLOCK` bills run in a block;
 * the rest wait, in order and without duplicates, in a spill entry `ContractsToBillAt[u64::MAX]` that later
 * blocks drain first and remove when empty — no new storage item, and storage equals TFChain's whenever
 * nothing is spilled.
 */
import { u64 } from "../../../primitives/schema.js";
import { DispatchFailure } from "../../dispatch-error.js";
import type { BlockContext } from "../../pallet.js";
import { billContract, type BillingConfig } from "./billing.js";
import { CostTrap } from "./cost.js";
import { errors } from "./errors.js";
import { storage } from "./storage.js";
import type { Contract } from "./types.js";

/** The most contracts one block's finalization bills. */
export const BILLS_PER_BLOCK = 2_000;
/** The bucket holding what earlier blocks could not bill. */
export const SPILL_BUCKET = (1n << 64n) - 1n;

const bucketOf = (ctx: BlockContext, id: bigint) => id % storage.BillingFrequency.get(ctx.io);

export function insertInBillingLoop(ctx: BlockContext, contractId: bigint): void {
  const bucket = bucketOf(ctx, contractId);
  const ids = storage.ContractsToBillAt.get(ctx.io, bucket);
  if (!ids.includes(contractId)) storage.ContractsToBillAt.append(ctx.io, bucket, u64.enc(contractId));
}

/** `ContractWrongBillingLoopIndex` when the contract is not in its bucket (frequency changed since). */
export function removeFromBillingLoop(ctx: BlockContext, contractId: bigint): void {
  const bucket = bucketOf(ctx, contractId);
  const ids = storage.ContractsToBillAt.get(ctx.io, bucket);
  errors.ensure(ids.includes(contractId), "ContractWrongBillingLoopIndex");
  storage.ContractsToBillAt.set(ctx.io, bucket, ids.filter((id) => id !== contractId));
}

/**
 * `should_bill_contract`: what TFChain's worker submits — name and rent contracts always, node contracts
 * with public IPs, reported resources or unbilled network use.
 */
export function shouldBill(ctx: BlockContext, contract: Contract): boolean {
  if (contract.contract_type.tag !== "NodeContract") return true;
  const id = contract.contract_id;
  const used = storage.NodeContractResources.get(ctx.io, id).used;
  const hasResources = used.hru !== 0n || used.sru !== 0n || used.cru !== 0n || used.mru !== 0n;
  return contract.contract_type.value.public_ips > 0 || hasResources || storage.ContractBillingInformationByID.get(ctx.io, id).amount_unbilled > 0n;
}

/** The contracts block `number` will bill: the spill first, then its bucket's billable contracts. */
function dueAt(ctx: BlockContext, number: number): { spilled: bigint[]; due: bigint[] } {
  const spilled = storage.ContractsToBillAt.get(ctx.io, SPILL_BUCKET);
  const bucket = BigInt(number) % storage.BillingFrequency.get(ctx.io);
  const due = storage.ContractsToBillAt.get(ctx.io, bucket).filter((id) => {
    const contract = storage.Contracts.get(ctx.io, id);
    return contract !== undefined && shouldBill(ctx, contract);
  });
  return { spilled, due };
}

/** How many bills block `number`'s finalization will run (for its weight, reserved at initialization). */
export function billsDueAt(ctx: BlockContext, config: BillingConfig, number: number): number {
  const { spilled, due } = dueAt(ctx, number);
  return Math.min(config.billsPerBlock ?? BILLS_PER_BLOCK, spilled.length + due.length);
}

export interface BillingLog {
  skipped(contractId: bigint, reason: string): void;
}

/** Block `ctx.blockNumber`'s billing, at finalization. */
export function billDueContracts(ctx: BlockContext, config: BillingConfig, log: BillingLog): void {
  const { spilled, due } = dueAt(ctx, ctx.blockNumber);
  const queue = [...spilled];
  const queued = new Set(spilled);
  for (const id of due) if (!queued.has(id)) queue.push(id);
  const cap = config.billsPerBlock ?? BILLS_PER_BLOCK;
  const now = queue.slice(0, cap);
  const later = queue.slice(cap);
  if (later.length > 0) storage.ContractsToBillAt.set(ctx.io, SPILL_BUCKET, later);
  else if (spilled.length > 0) storage.ContractsToBillAt.remove(ctx.io, SPILL_BUCKET);
  for (const id of now) billSafely(ctx, config, id, log);
}

/**
 * One bill in its own storage transaction: a module error (contract gone, node deleted…) or an arithmetic
 * trap undoes that bill alone, which is logged and stays due.
 */
function billSafely(ctx: BlockContext, config: BillingConfig, contractId: bigint, log: BillingLog): void {
  if (!storage.Contracts.contains(ctx.io, contractId)) return;
  ctx.io.startTransaction();
  try {
    billContract(ctx, config, contractId);
    ctx.io.commitTransaction();
  } catch (e) {
    ctx.io.rollbackTransaction();
    if (e instanceof DispatchFailure || e instanceof CostTrap) log.skipped(contractId, e.message);
    else throw e;
  }
}

/** The council lengthens the cycle; existing contracts keep their buckets (as in TFChain). */
export function changeBillingFrequency(ctx: BlockContext, frequency: bigint): void {
  errors.ensure(frequency > storage.BillingFrequency.get(ctx.io), "CanOnlyIncreaseFrequency");
  storage.BillingFrequency.set(ctx.io, frequency);
  ctx.deposit("SmartContractModule", { tag: "BillingFrequencyChanged", value: [frequency] });
}
