/**
 * What TfgridModule tells other pallets, and asks them, as explicit interfaces the runtime wires in
 * (TFChain's `ChangeNode`, `NodeActiveContracts` and `PublicIpModifier` config types).
 *
 * Listeners run inside the caller's dispatch, after its checks: their writes land or roll back with it.
 */
import type { BlockContext } from "../../pallet.js";
import type { PublicIP } from "./types-farm.js";
import type { Node } from "./types-node.js";

export interface TfgridHooks {
  /** A node was created (`before` undefined) or updated: farm weights follow its resources. */
  nodeChanged?(ctx: BlockContext, before: Node | undefined, after: Node): void;
  /** A node is being deleted, by its own twin or by its farmer: its contracts end. */
  nodeDeleted?(ctx: BlockContext, node: Node): void;
  /** The node reported a new power state (up, or down since a block). */
  nodePowerStateChanged?(ctx: BlockContext, node: Node): void;
  /** May the farmer set this node's power target to Down? Only when no contract is active on it. */
  nodeHasNoActiveContracts?(ctx: BlockContext, nodeId: number): boolean;
  /** A farm IP was removed while reserved (TFChain declares it; its 2.9 pallet never calls it). */
  publicIpRemoved?(ctx: BlockContext, ip: PublicIP): void;
  /** A node reported its uptime (both report calls), after the report was accepted. */
  uptimeReported?(ctx: BlockContext, nodeId: number, now: bigint, uptime: bigint): void;
  /** The farmer changed a node's power target. */
  powerTargetChanged?(ctx: BlockContext, node: Node, target: "Up" | "Down"): void;
}

/**
 * Several pallets' listeners as one: each event goes to all, in order; a node has no active contracts only if
 * none of them says it has.
 */
export function combineTfgridHooks(...all: TfgridHooks[]): TfgridHooks {
  const each = <K extends keyof TfgridHooks>(key: K) => all.map((h) => h[key]).filter((f) => f !== undefined) as NonNullable<TfgridHooks[K]>[];
  return {
    nodeChanged: (ctx, before, after) => each("nodeChanged").forEach((f) => f(ctx, before, after)),
    nodeDeleted: (ctx, node) => each("nodeDeleted").forEach((f) => f(ctx, node)),
    nodePowerStateChanged: (ctx, node) => each("nodePowerStateChanged").forEach((f) => f(ctx, node)),
    nodeHasNoActiveContracts: (ctx, nodeId) => each("nodeHasNoActiveContracts").every((f) => f(ctx, nodeId)),
    publicIpRemoved: (ctx, ip) => each("publicIpRemoved").forEach((f) => f(ctx, ip)),
    uptimeReported: (ctx, nodeId, now, uptime) => each("uptimeReported").forEach((f) => f(ctx, nodeId, now, uptime)),
    powerTargetChanged: (ctx, node, target) => each("powerTargetChanged").forEach((f) => f(ctx, node, target)),
  };
}
