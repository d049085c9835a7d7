/**
 * `chain_*`: headers, blocks and block hashes, and the head subscriptions (new best, all imported,
 * finalized), each starting with the current head as Substrate's `subscribe_headers` does.
 */
import type { BlockEvent } from "../chain-events.js";
import { rpcErrors } from "../errors.js";
import { toHex } from "../../primitives/bytes.js";
import { headerJson, signedBlockJson } from "../json.js";
import { MAX_KEYS_PER_CALL } from "../limits.js";
import type { MethodGroup, SubscriptionDef } from "../method.js";
import { hashParam, numberOrHexParam } from "../params.js";
import type { MethodContext } from "./context.js";

const U32_MAX = 0xffffffffn;

export function chainMethods(ctx: MethodContext): MethodGroup {
  const chain = ctx.services.chain;

  async function hashAt(n: bigint, raw: unknown): Promise<string | null> {
    if (n > U32_MAX) {
      const shown = typeof raw === "string" ? `Hex(${raw.toLowerCase()})` : `Number(${n})`;
      throw rpcErrors.chainOther(`\`${shown}\` > u32::MAX, the max block number is u32.`);
    }
    const hash = await chain.hashAt(Number(n));
    return hash === undefined ? null : toHex(hash);
  }

  return {
    methods: [
      {
        name: "chain_getHeader",
        params: ["hash"],
        call: async (p) => {
          const header = await chain.header(p.optional(0, "hash", hashParam) ?? chain.best().hash);
          return header === undefined ? null : headerJson(header);
        },
      },
      {
        name: "chain_getBlock",
        params: ["hash"],
        call: async (p) => {
          const hash = p.optional(0, "hash", hashParam) ?? chain.best().hash;
          const [header, body, justifications] = await Promise.all([chain.header(hash), chain.body(hash), chain.justifications(hash)]);
          return header === undefined || body === undefined ? null : signedBlockJson(header, body, justifications);
        },
      },
      {
        name: "chain_getBlockHash",
        aliases: ["chain_getHead"],
        params: ["hash"],
        // `Option<ListOrValue<NumberOrHex>>`: nothing (best), a number, a hex quantity, or a list of them.
        call: async (p) => {
          const raw = p.raw(0);
          if (raw === undefined || raw === null) return toHex(chain.best().hash);
          if (!Array.isArray(raw)) return hashAt(numberOrHexParam(raw, "height"), raw);
          if (raw.length > MAX_KEYS_PER_CALL) throw rpcErrors.invalidParams(`height: more than ${MAX_KEYS_PER_CALL} items`);
          return Promise.all(raw.map((v, i) => hashAt(numberOrHexParam(v, `height[${i}]`), v)));
        },
      },
      { name: "chain_getFinalizedHead", aliases: ["chain_getFinalisedHead"], call: () => toHex(chain.finalized().hash) },
    ],
    subscriptions: [
      heads(ctx, "best", {
        name: "chain_subscribeNewHeads", aliases: ["chain_subscribeNewHead", "subscribe_newHead"],
        unsubscribe: "chain_unsubscribeNewHeads", unsubscribeAliases: ["chain_unsubscribeNewHead", "unsubscribe_newHead"],
        notification: "chain_newHead",
      }),
      heads(ctx, "all", {
        name: "chain_subscribeAllHeads", unsubscribe: "chain_unsubscribeAllHeads", notification: "chain_allHead",
      }),
      heads(ctx, "finalized", {
        name: "chain_subscribeFinalizedHeads", aliases: ["chain_subscribeFinalisedHeads"],
        unsubscribe: "chain_unsubscribeFinalizedHeads", unsubscribeAliases: ["chain_unsubscribeFinalisedHeads"],
        notification: "chain_finalizedHead",
      }),
    ],
  };
}

type Names = Pick<SubscriptionDef, "name" | "aliases" | "unsubscribe" | "unsubscribeAliases" | "notification">;

/** A head subscription: the current head at once, then every head of `source`. */
function heads({ services, events }: MethodContext, source: "best" | "all" | "finalized", names: Names): SubscriptionDef {
  const chain = services.chain;
  return {
    ...names,
    subscribe: async (_p, sink) => {
      const start = source === "finalized" ? chain.finalized() : chain.best();
      // Blocks that arrive while the first header is read wait, so the client sees heads in order.
      let queued: BlockEvent[] | undefined = [];
      const listener = (e: BlockEvent) => (queued ? queued.push(e) : sink.send(e.header));
      const off = source === "best" ? events.onBest(listener) : source === "all" ? events.onAll(listener) : events.onFinalized(listener);
      sink.onClose(off);
      const header = await chain.header(start.hash);
      if (header !== undefined) sink.send(headerJson(header));
      const startHex = toHex(start.hash);
      for (const e of queued) if (toHex(e.block.hash) !== startHex) sink.send(e.header);
      queued = undefined;
    },
  };
}
