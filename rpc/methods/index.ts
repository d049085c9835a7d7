/**
 * The method table of a node: every group built over its services. `engine_*` exists only when the node
 * seals on request (manual or instant sealing), as Substrate serves manual seal's RPC only then.
 */
import { ChainAccess } from "../chain-access.js";
import type { ChainEvents } from "../chain-events.js";
import { MethodRegistry } from "../method.js";
import type { NodeServices } from "../services.js";
import { authorMethods } from "./author.js";
import { chainMethods } from "./chain.js";
import { chainHeadMethods } from "./chain-head.js";
import { chainSpecMethods } from "./chain-spec.js";
import type { MethodContext } from "./context.js";
import { engineMethods } from "./engine.js";
import { paymentMethods } from "./payment.js";
import { grandpaMethods } from "./grandpa.js";
import { reputationMethods } from "./reputation.js";
import { rpcMethodsGroup } from "./rpc-methods.js";
import { stateMethods } from "./state.js";
import { systemMethods } from "./system.js";
import { transactionMethods } from "./transaction.js";

export function buildRegistry(services: NodeServices, events: ChainEvents): MethodRegistry {
  const ctx: MethodContext = { services, chain: new ChainAccess(services.chain), events };
  const groups = [
    systemMethods(ctx), chainMethods(ctx), stateMethods(ctx), authorMethods(ctx), paymentMethods(ctx),
    chainSpecMethods(ctx), chainHeadMethods(ctx), transactionMethods(ctx), reputationMethods(ctx), grandpaMethods(ctx),
  ];
  if (services.sealing && services.sealing.mode !== "aura") groups.push(engineMethods(ctx, services.sealing));
  const registry = new MethodRegistry(groups);
  registry.addGroup(rpcMethodsGroup(registry));
  return registry;
}
