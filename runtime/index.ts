/**
 * TFChain's runtime as tfchain-ts builds it: the pallets in `construct_runtime!` order.
 *
 * TODO(#6–#9): Scheduler, ValidatorSet, Session, Grandpa, Historical, the other grid pallets, Council,
 * CouncilMembership, Dao and Validator join this list as their issues land.
 */
import { aura, onTimestampSet } from "./pallets/aura/index.js";
import { authorities } from "./pallets/aura/storage.js";
import { authorship } from "./pallets/authorship/index.js";
import { balances } from "./pallets/balances/index.js";
import { burning } from "./pallets/burning/index.js";
import { kvstore } from "./pallets/kvstore/index.js";
import { reputation, reputationHooks, reputationTfgridHooks } from "./pallets/reputation/index.js";
import { defineSmartContract, RUNTIME_BILLING, smartContractGridHooks } from "./pallets/smart-contract/index.js";
import { combineTfgridHooks } from "./pallets/tfgrid/hooks.js";
import { defineTfgrid } from "./pallets/tfgrid/index.js";
import { defineTftPrice } from "./pallets/tft-price/index.js";
import { system } from "./pallets/system/index.js";
import { bindEventRecords } from "./pallets/system/storage.js";
import { eventRecord } from "./pallets/system/types.js";
import { VERSION } from "./pallets/system/constants.js";
import { defineTimestamp } from "./pallets/timestamp/index.js";
import { transactionPayment } from "./pallets/transaction-payment/index.js";
import { utility } from "./pallets/utility/index.js";
import { bindRuntime, Runtime } from "./runtime.js";
import { vec } from "../primitives/schema.js";

function buildRuntime(): Runtime {
  // `OnTimestampSet = Aura`: the block's time must fall in the slot its digest claims.
  const timestamp = defineTimestamp({ onTimestampSet });
  // TODO(#8): Session's validators; until then the Aura authorities are the validator set.
  const tftPrice = defineTftPrice({ validators: authorities });
  // The reputation registry (ours, index 60) listens to the registry's reports and the contracts' payments.
  const billing = { ...RUNTIME_BILLING, hooks: reputationHooks };
  const smartContract = defineSmartContract({ ...billing, validators: authorities });
  const tfgrid = defineTfgrid(combineTfgridHooks(smartContractGridHooks(billing), reputationTfgridHooks()));
  const pallets = [
    system, timestamp, utility, aura, authorship, balances, transactionPayment, tfgrid, smartContract, tftPrice, burning, kvstore,
    reputation,
  ];
  const runtime = bindRuntime(new Runtime(pallets, VERSION));
  bindEventRecords(vec(eventRecord(runtime.eventSchema)));
  return runtime;
}

/** The one runtime this node release carries. */
export const runtime: Runtime = buildRuntime();
