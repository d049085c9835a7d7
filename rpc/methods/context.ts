/** What every method group is built from: the node's services and the RPC layer's shared helpers. */
import type { ChainAccess } from "../chain-access.js";
import type { ChainEvents } from "../chain-events.js";
import type { NodeServices } from "../services.js";

export interface MethodContext {
  services: NodeServices;
  chain: ChainAccess;
  events: ChainEvents;
}
