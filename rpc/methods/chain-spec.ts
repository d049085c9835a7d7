/**
 * `chainSpec_v1_*` of the new JSON-RPC spec (what polkadot-api asks first): the chain's name, genesis hash
 * and properties, the same values as `system_chain`, `chain_getBlockHash(0)` and `system_properties`.
 */
import { toHex } from "../../primitives/bytes.js";
import type { MethodGroup } from "../method.js";
import type { MethodContext } from "./context.js";

export function chainSpecMethods({ services }: MethodContext): MethodGroup {
  const { spec, genesisHash } = services.chain;
  return {
    methods: [
      { name: "chainSpec_v1_chainName", call: () => spec.name },
      { name: "chainSpec_v1_genesisHash", call: () => toHex(genesisHash) },
      { name: "chainSpec_v1_properties", call: () => spec.properties },
    ],
    subscriptions: [],
  };
}
