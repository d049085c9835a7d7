/**
 * What the registry tells SmartContractModule (TFChain's `ChangeNode`, `PublicIpModifier` and
 * `NodeActiveContracts` implementations), as the `TfgridHooks` the runtime gives TfgridModule.
 */
import { DispatchFailure } from "../../dispatch-error.js";
import type { BlockContext } from "../../pallet.js";
import { runtimeLog } from "../../runtime-log.js";
import { storage as tfgrid } from "../tfgrid/storage.js";
import type { TfgridHooks } from "../tfgrid/hooks.js";
import type { PublicIP } from "../tfgrid/types-farm.js";
import type { Node } from "../tfgrid/types-node.js";
import { billContract, type BillingConfig } from "./billing.js";
import { nowSeconds } from "./common.js";
import { freeContractIps, nodeHasNoActiveContracts, updateContractState } from "./contracts.js";
import { CostTrap } from "./cost.js";
import { storage } from "./storage.js";

/** Cancels and bills a contract of a deleted node; a failing bill is logged and leaves no trace. */
function cancelForDeletedNode(ctx: BlockContext, config: BillingConfig, contractId: bigint): void {
  const contract = storage.Contracts.get(ctx.io, contractId);
  if (!contract) return;
  ctx.io.startTransaction();
  try {
    updateContractState(ctx, contract, { tag: "Deleted", value: "CanceledByUser" });
    billContract(ctx, config, contractId);
    ctx.io.commitTransaction();
  } catch (e) {
    ctx.io.rollbackTransaction();
    if (!(e instanceof DispatchFailure || e instanceof CostTrap)) throw e;
    runtimeLog.warn("Billing a deleted node's contract failed", { contractId, error: e.message });
  }
}

export function smartContractGridHooks(config: BillingConfig): TfgridHooks {
  return {
    nodeDeleted(ctx: BlockContext, node: Node) {
      for (const id of storage.ActiveNodeContracts.get(ctx.io, node.id)) cancelForDeletedNode(ctx, config, id);
      const rent = storage.ActiveRentContractForNode.get(ctx.io, node.id);
      if (rent !== undefined) cancelForDeletedNode(ctx, config, rent);
    },
    // Back from standby: the rent's clock restarts now, the standby time is not billed.
    nodePowerStateChanged(ctx: BlockContext, node: Node) {
      if (tfgrid.NodePower.get(ctx.io, node.id).state.tag !== "Up") return;
      const rent = storage.ActiveRentContractForNode.get(ctx.io, node.id);
      if (rent === undefined) return;
      const state = storage.ContractPaymentState.get(ctx.io, rent);
      if (state) storage.ContractPaymentState.set(ctx.io, rent, { ...state, last_updated_seconds: nowSeconds(ctx) });
    },
    nodeHasNoActiveContracts: (ctx: BlockContext, nodeId: number) => nodeHasNoActiveContracts(ctx, nodeId),
    publicIpRemoved(ctx: BlockContext, ip: PublicIP) {
      freeContractIps(ctx, ip.contract_id);
    },
  };
}
