/**
 * Reputation as TfgridModule listeners: the `TfgridHooks` the runtime merges with SmartContractModule's when
 * it builds TfgridModule. Chain time is the block's (`Timestamp::now() / 1000`).
 */
import type { BlockContext } from "../../pallet.js";
import type { TfgridHooks } from "../tfgrid/hooks.js";
import { storage as tfgrid } from "../tfgrid/storage.js";
import { now } from "../timestamp/storage.js";
import { nodeDeleted, powerStateChanged, powerTargetChanged, uptimeReported } from "./hooks.js";

const seconds = (ctx: BlockContext) => now(ctx.io) / 1000n;

export function reputationTfgridHooks(): TfgridHooks {
  return {
    uptimeReported,
    nodePowerStateChanged: (ctx, node) => powerStateChanged(ctx, node.id, seconds(ctx), tfgrid.NodePower.get(ctx.io, node.id).state.tag),
    powerTargetChanged: (ctx, node, target) => powerTargetChanged(ctx, node.id, seconds(ctx), target),
    nodeDeleted: (ctx, node) => nodeDeleted(ctx, node.id),
  };
}
