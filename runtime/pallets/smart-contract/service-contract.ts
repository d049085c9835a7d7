/**
 * Service contracts: a consumer pays a service (both twins) directly, a base fee per hour and a variable
 * amount per bill, once both have approved the terms (metadata and fees). No reserve, no distribution.
 */
import { U64F64 as F } from "../../../primitives/fixed-point.js";
import type { BlockContext } from "../../pallet.js";
import { transfer } from "../balances/currency.js";
import { storage as tfgrid } from "../tfgrid/storage.js";
import { storage as tftPrice } from "../tft-price/storage.js";
import { usableBalance } from "./billing.js";
import { emit, must, nowSeconds } from "./common.js";
import { MAX_BILL_METADATA_LENGTH, MAX_METADATA_LENGTH } from "./constants.js";
import { BILLING_REFERENCE_PERIOD, costInTft, serviceBillCostUnitsUsd } from "./cost.js";
import { errors } from "./errors.js";
import { storage } from "./storage.js";
import type { Cause, ServiceContract } from "./types.js";

type Bytes = Uint8Array;

const twinOf = (ctx: BlockContext, account: Bytes) => must(tfgrid.TwinIdByAccountID.get(ctx.io, account), "TwinNotExists");
const contractOf = (ctx: BlockContext, id: bigint) => must(storage.ServiceContracts.get(ctx.io, id), "ServiceContractNotExists");
const isParty = (c: ServiceContract, twinId: number) => twinId === c.service_twin_id || twinId === c.consumer_twin_id;

/** Either party creates it; the two twins must differ. */
export function createServiceContract(ctx: BlockContext, caller: Bytes, service: Bytes, consumer: Bytes): void {
  const callerTwin = twinOf(ctx, caller);
  const serviceTwin = twinOf(ctx, service);
  const consumerTwin = twinOf(ctx, consumer);
  errors.ensure(callerTwin === serviceTwin || callerTwin === consumerTwin, "TwinNotAuthorized");
  errors.ensure(serviceTwin !== consumerTwin, "ServiceContractCreationNotAllowed");
  const id = storage.ServiceContractID.get(ctx.io) + 1n;
  const contract: ServiceContract = {
    service_contract_id: id, service_twin_id: serviceTwin, consumer_twin_id: consumerTwin, base_fee: 0n, variable_fee: 0n,
    metadata: new Uint8Array(), accepted_by_service: false, accepted_by_consumer: false, last_bill: 0n, state: "Created",
  };
  storage.ServiceContracts.set(ctx.io, id, contract);
  storage.ServiceContractID.set(ctx.io, id);
  emit(ctx, { tag: "ServiceContractCreated", value: [contract] });
}

/** Either party sets the metadata (≤ 64 bytes) until both approved; with fees set the agreement is ready. */
export function setServiceContractMetadata(ctx: BlockContext, account: Bytes, id: bigint, metadata: Bytes): void {
  const twinId = twinOf(ctx, account);
  const contract = contractOf(ctx, id);
  errors.ensure(isParty(contract, twinId), "TwinNotAuthorized");
  errors.ensure(contract.state !== "ApprovedByBoth", "ServiceContractModificationNotAllowed");
  errors.ensure(metadata.length <= MAX_METADATA_LENGTH, "ServiceContractMetadataTooLong");
  const updated = { ...contract, metadata, state: contract.base_fee !== 0n ? "AgreementReady" as const : contract.state };
  storage.ServiceContracts.set(ctx.io, id, updated);
  emit(ctx, { tag: "ServiceContractMetadataSet", value: [updated] });
}

/** The service sets its fees until both approved; with metadata set the agreement is ready. */
export function setServiceContractFees(ctx: BlockContext, account: Bytes, id: bigint, baseFee: bigint, variableFee: bigint): void {
  const twinId = twinOf(ctx, account);
  const contract = contractOf(ctx, id);
  errors.ensure(twinId === contract.service_twin_id, "TwinNotAuthorized");
  errors.ensure(contract.state !== "ApprovedByBoth", "ServiceContractModificationNotAllowed");
  const ready = contract.metadata.length > 0;
  const updated = { ...contract, base_fee: baseFee, variable_fee: variableFee, state: ready ? "AgreementReady" as const : contract.state };
  storage.ServiceContracts.set(ctx.io, id, updated);
  emit(ctx, { tag: "ServiceContractFeesSet", value: [updated] });
}

/** Each party approves a ready agreement; with both, billing starts now. */
export function approveServiceContract(ctx: BlockContext, account: Bytes, id: bigint): void {
  const twinId = twinOf(ctx, account);
  const contract = contractOf(ctx, id);
  errors.ensure(contract.state === "AgreementReady", "ServiceContractApprovalNotAllowed");
  const updated = { ...contract };
  if (twinId === contract.service_twin_id) updated.accepted_by_service = true;
  else if (twinId === contract.consumer_twin_id) updated.accepted_by_consumer = true;
  else errors.raise("TwinNotAuthorized");
  if (updated.accepted_by_service && updated.accepted_by_consumer) {
    updated.state = "ApprovedByBoth";
    updated.last_bill = nowSeconds(ctx);
  }
  storage.ServiceContracts.set(ctx.io, id, updated);
  emit(ctx, { tag: "ServiceContractApproved", value: [updated] });
}

/** Either party rejects a ready agreement: the contract is removed. */
export function rejectServiceContract(ctx: BlockContext, account: Bytes, id: bigint): void {
  errors.ensure(contractOf(ctx, id).state === "AgreementReady", "ServiceContractRejectionNotAllowed");
  cancelServiceContract(ctx, account, id, "CanceledByUser");
}

/** Either party cancels, in any state. */
export function cancelServiceContract(ctx: BlockContext, account: Bytes, id: bigint, cause: Cause): void {
  const twinId = twinOf(ctx, account);
  const contract = contractOf(ctx, id);
  errors.ensure(isParty(contract, twinId), "TwinNotAuthorized");
  storage.ServiceContracts.remove(ctx.io, id);
  emit(ctx, { tag: "ServiceContractCanceled", value: { service_contract_id: id, cause } });
}

/**
 * The service bills: the window is the time since the last bill, at most an hour; the variable amount may
 * not exceed the variable fee's share of that window. The consumer pays, kept alive; a consumer short of
 * funds fails the bill (`ServiceContractNotEnoughFundsToPayBill`), nothing changed.
 */
export function billServiceContract(ctx: BlockContext, account: Bytes, id: bigint, variableAmount: bigint, metadata: Bytes): void {
  const twinId = twinOf(ctx, account);
  const contract = contractOf(ctx, id);
  errors.ensure(twinId === contract.service_twin_id, "TwinNotAuthorized");
  errors.ensure(contract.state === "ApprovedByBoth", "ServiceContractBillingNotApprovedByBoth");
  const now = nowSeconds(ctx);
  const elapsed = BigInt.asUintN(64, now - contract.last_bill);
  const window = elapsed < BILLING_REFERENCE_PERIOD ? elapsed : BILLING_REFERENCE_PERIOD;
  const allowed = F.toInt(F.round(F.mul(F.div(F.int(window), F.int(BILLING_REFERENCE_PERIOD)), F.int(contract.variable_fee))));
  errors.ensure(variableAmount <= allowed, "ServiceContractBillingVariableAmountTooHigh");
  errors.ensure(metadata.length <= MAX_BILL_METADATA_LENGTH, "ServiceContractBillMetadataTooLong");
  const bill = { variable_amount: variableAmount, window, metadata };
  const cost = serviceBillCostUnitsUsd(contract.base_fee, variableAmount, window);
  const prices = { average: tftPrice.AverageTftPrice.get(ctx.io), min: tftPrice.MinTftPrice.get(ctx.io), max: tftPrice.MaxTftPrice.get(ctx.io) };
  const amount = cost === 0n ? 0n : costInTft(cost, prices);
  const service = must(tfgrid.Twins.get(ctx.io, contract.service_twin_id), "TwinNotExists");
  const consumer = must(tfgrid.Twins.get(ctx.io, contract.consumer_twin_id), "TwinNotExists");
  // TFChain cancels the contract here and returns the error, which rolls the cancellation back.
  errors.ensure(usableBalance(ctx, consumer.account_id) >= amount, "ServiceContractNotEnoughFundsToPayBill");
  transfer(ctx, consumer.account_id, service.account_id, amount, "KeepAlive");
  const updated = { ...contract, last_bill: now };
  storage.ServiceContracts.set(ctx.io, id, updated);
  emit(ctx, { tag: "ServiceContractBilled", value: { service_contract: updated, bill, amount } });
}
