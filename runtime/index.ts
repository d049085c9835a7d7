/**
 * TFChain's runtime as tfchain-ts builds it: the pallets in `construct_runtime!` order.
 *
 * TODO(#6–#9): Scheduler, the other grid pallets (bridge, runtime upgrade), Council, CouncilMembership and Dao
 * join this list as their issues land.
 */
import { aura, onTimestampSet } from "./pallets/aura/index.js";
import { auraSessionHandler } from "./pallets/aura/session-handler.js";
import { authorship } from "./pallets/authorship/index.js";
import { balances } from "./pallets/balances/index.js";
import { burning } from "./pallets/burning/index.js";
import { grandpa } from "./pallets/grandpa/index.js";
import { grandpaSessionHandler } from "./pallets/grandpa/session-handler.js";
import { historical } from "./pallets/historical/index.js";
import { kvstore } from "./pallets/kvstore/index.js";
import { reputation, reputationHooks, reputationTfgridHooks } from "./pallets/reputation/index.js";
import { defineSession, SESSION_PERIOD } from "./pallets/session/index.js";
import { sessionValidators } from "./pallets/session/storage.js";
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
import { councilMembershipStandIn, defineValidator } from "./pallets/validator/index.js";
import { addValidator, defineValidatorSet, MIN_AUTHORITIES, removeValidator, validatorSetSessionManager } from "./pallets/validator-set/index.js";
import { bindRuntime, Runtime } from "./runtime.js";
import { vec } from "../primitives/schema.js";

export interface RuntimeOptions {
  /** Blocks per session: TFChain's 600 unless a test chain wants validator-set changes sooner. */
  sessionPeriod?: number;
}

/** Builds TFChain's runtime (and binds it as the one `RuntimeCallRef` resolves to). */
export function buildRuntime(options: RuntimeOptions = {}): Runtime {
  // `OnTimestampSet = Aura`: the block's time must fall in the slot its digest claims.
  const timestamp = defineTimestamp({ onTimestampSet });
  // ValidatorSet plans each session's validators; Aura and GRANDPA take their keys from Session.
  const validatorSet = defineValidatorSet({ minAuthorities: MIN_AUTHORITIES });
  const session = defineSession({
    period: options.sessionPeriod ?? SESSION_PERIOD,
    offset: 0,
    manager: validatorSetSessionManager,
    handlers: [auraSessionHandler, grandpaSessionHandler],
  });
  const validator = defineValidator({
    validatorSet: { addValidator, removeValidator: (ctx, who) => removeValidator(ctx, who, MIN_AUTHORITIES) },
    council: councilMembershipStandIn,
  });
  const tftPrice = defineTftPrice({ validators: sessionValidators });
  // The reputation registry (ours, index 60) listens to the registry's reports and the contracts' payments.
  const billing = { ...RUNTIME_BILLING, hooks: reputationHooks };
  const smartContract = defineSmartContract({ ...billing, validators: sessionValidators });
  const tfgrid = defineTfgrid(combineTfgridHooks(smartContractGridHooks(billing), reputationTfgridHooks()));
  const pallets = [
    system, timestamp, utility, validatorSet, session, aura, grandpa, historical, authorship, balances, transactionPayment, tfgrid,
    smartContract, tftPrice, burning, kvstore, validator, reputation,
  ];
  const runtime = bindRuntime(new Runtime(pallets, VERSION));
  bindEventRecords(vec(eventRecord(runtime.eventSchema)));
  return runtime;
}

/** The one runtime this node release carries. */
export const runtime: Runtime = buildRuntime();
