/**
 * `reputation_node`, `reputation_farm`, `reputation_twin` (id, at?): the reputation registry's view of a node,
 * farm or twin at a block, read through the runtime API `ReputationApi_{node,farm,twin}`. `null` for an id the
 * registry does not know; a malformed id is -32602.
 */
import { u32 } from "../../primitives/schema.js";
import { decodeReputation } from "../../runtime/pallets/reputation/api.js";
import type { MethodGroup } from "../method.js";
import { hashParam, u32Param } from "../params.js";
import type { MethodContext } from "./context.js";

const KINDS = ["node", "farm", "twin"] as const;

export function reputationMethods({ chain }: MethodContext): MethodGroup {
  return {
    methods: KINDS.map((kind) => ({
      name: `reputation_${kind}`,
      params: ["id", "at"],
      call: async (p) => {
        const id = p.required(0, "id", u32Param);
        const at = p.optional(1, "at", hashParam);
        const { state } = await chain.state(at);
        return decodeReputation(chain.call(`ReputationApi_${kind}`, state, u32.enc(id)));
      },
    })),
    subscriptions: [],
  };
}
