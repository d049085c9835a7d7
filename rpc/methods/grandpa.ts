/**
 * `grandpa_roundState`, `grandpa_proveFinality`, `grandpa_subscribeJustifications` (sc-consensus-grandpa-rpc).
 * Without a GRANDPA voter (instant or manual sealing) the first two answer error 1, "GRANDPA RPC endpoint not
 * ready", as Substrate does before its voter runs, and the subscription never fires.
 */
import { toHex } from "../../primitives/bytes.js";
import { RpcError } from "../errors.js";
import type { MethodGroup } from "../method.js";
import { u32Param } from "../params.js";
import type { MethodContext } from "./context.js";

const NOT_READY = 1;

export function grandpaMethods({ services }: MethodContext): MethodGroup {
  const notReady = () => new RpcError(NOT_READY, "GRANDPA RPC endpoint not ready");
  return {
    methods: [
      {
        name: "grandpa_roundState",
        call: () => {
          const state = services.finality?.roundState();
          if (state === undefined) throw notReady();
          return state;
        },
      },
      {
        name: "grandpa_proveFinality",
        params: ["block"],
        call: async (p) => {
          const number = p.required(0, "block", u32Param);
          if (!services.finality) throw notReady();
          const proof = await services.finality.proveFinality(number);
          return proof === undefined ? null : toHex(proof);
        },
      },
    ],
    subscriptions: [
      {
        name: "grandpa_subscribeJustifications",
        unsubscribe: "grandpa_unsubscribeJustifications",
        notification: "grandpa_justifications",
        subscribe: async (_p, sink) => {
          const off = services.finality?.onJustification((j) => sink.send(toHex(j)));
          if (off) sink.onClose(off);
        },
      },
    ],
  };
}
