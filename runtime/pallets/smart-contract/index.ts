/**
 * pallet-smart-contract as `SmartContractModule` (index 26): node, name, rent and service contracts, solution
 * providers, and their billing in TFT as TFChain 2.9 does it (funds reserved on the twin's account,
 * overdrafts, grace periods, rewards every 24 cycles).
 *
 * One deliberate difference: TFChain bills only when validators' offchain workers submit
 * `bill_contract_for_block`; here each block's finalization bills its due contracts itself
 * (`billing-loop.ts`), so no contract misses a cycle. The call stays for anyone to use.
 */
import type { Storage, StorageReader } from "../../../state/storage.js";
import type { Weight } from "../../dispatch-types.js";
import { definePallet } from "../../pallet.js";
import { runtimeLog } from "../../runtime-log.js";
import { saturatingMul } from "../system/weights.js";
import { billDueContracts, billsDueAt } from "./billing-loop.js";
import { smartContractCalls, type SmartContractCallConfig } from "./calls.js";
import { constants } from "./constants.js";
import { errors } from "./errors.js";
import { events } from "./events.js";
import { storage } from "./storage.js";
import { smartContractWeights as W } from "./weights.js";

/** The staking pool account of TFChain's runtime (`5CNposRewardAccount11111111111111111111111111FSU`). */
export const STAKING_POOL_ACCOUNT = Uint8Array.from([
  13, 209, 209, 166, 229, 163, 90, 168, 199, 245, 229, 126, 30, 221, 12, 63, 189, 106, 191, 46, 170, 142, 244, 37, 72, 152,
  110, 84, 162, 86, 32, 0,
]);

/** TFChain's runtime: 14 days of 6 s blocks, rewards every 24 cycles. */
export const RUNTIME_BILLING = { gracePeriod: 201_600n, distributionFrequency: 24, stakingPoolAccount: STAKING_POOL_ACCOUNT };

export function defineSmartContract(config: SmartContractCallConfig) {
  return definePallet({
    name: "SmartContractModule",
    index: 26,
    storage,
    calls: {
      type: { path: "pallet_smart_contract::pallet::Call", params: [{ name: "T" }], docs: ["Contains a variant per dispatchable extrinsic that this pallet has."] },
      list: smartContractCalls(config),
    },
    events,
    errors: { type: { path: "pallet_smart_contract::pallet::Error", params: [{ name: "T" }], docs: ["The `Error` enum of this pallet."] }, list: errors },
    constants,
    hooks: {
      // The bills of this block's finalization, counted now so the block keeps room for them.
      onInitialize: (ctx): Weight => saturatingMul(W.bill_contract_for_block, billsDueAt(ctx, config, ctx.blockNumber)),
      onFinalize(ctx) {
        billDueContracts(ctx, config, { skipped: (contractId, reason) => runtimeLog.warn("Contract bill skipped", { contractId, reason }) });
      },
    },
    genesis: (io: Storage, spec: { billingFrequency: bigint }) => storage.BillingFrequency.set(io, spec.billingFrequency),
  });
}

/** SmartContractModule with TFChain's billing constants and no validators (declaration and pallet tests). */
export const smartContract = defineSmartContract({ ...RUNTIME_BILLING, validators: (_io: StorageReader) => [] });

export { storage as smartContractStorage } from "./storage.js";
export { smartContractGridHooks } from "./grid-hooks.js";
