/**
 * Transactions in the new JSON-RPC spec: `transactionWatch_v1_submitAndWatch` (events `validated`,
 * `bestChainBlockIncluded`, `finalized`, `invalid`, `dropped`, `error` on `transactionWatch_v1_watchEvent`)
 * and `transaction_v1_broadcast`/`transaction_v1_stop`. Unlike `author_submitAndWatchExtrinsic`, a refused
 * transaction is not a JSON-RPC error: the subscription starts and its first event says why.
 *
 * Pool statuses map as Substrate's `sc-rpc-spec-v2` maps them: ready/future → validated, inBlock →
 * bestChainBlockIncluded with the index in the body, retracted → bestChainBlockIncluded null, finalized →
 * finalized, usurped/invalid → invalid, dropped/finalityTimeout → dropped.
 */
import { equalBytes, toHex } from "../../primitives/bytes.js";
import { isRpcErrorLike, rpcErrors } from "../errors.js";
import { TRANSACTION_MAX_BROADCASTS } from "../limits.js";
import type { MethodGroup, SubscriptionDef } from "../method.js";
import { bytesParam, stringParam } from "../params.js";
import type { ChainService, TransactionStatus } from "../services.js";
import { subscriptionId } from "../subscriptions.js";
import type { MethodContext } from "./context.js";
import { opaqueExtrinsic } from "./author.js";

type WatchEvent = Record<string, unknown> & { event: string };
const FINAL = new Set(["finalized", "invalid", "dropped", "error"]);

export function transactionMethods({ services }: MethodContext): MethodGroup {
  const { pool, chain } = services;
  const broadcasts = new Map<string, { unwatch(): void } | undefined>();

  const watch: SubscriptionDef = {
    name: "transactionWatch_v1_submitAndWatch", unsubscribe: "transactionWatch_v1_unwatch",
    notification: "transactionWatch_v1_watchEvent", unsubscribeAnswer: "null", params: ["transaction"],
    subscribe: (p, sink) => {
      const bytes = p.required(0, "transaction", bytesParam);
      // Events are produced in order even though finding a block index is asynchronous.
      let queue: Promise<void> = Promise.resolve();
      const emit = (make: () => Promise<WatchEvent | undefined> | WatchEvent | undefined) => {
        queue = queue.then(async () => {
          const e = await make();
          if (e === undefined || sink.closed) return;
          sink.send(e);
          if (FINAL.has(e.event)) sink.close();
        }).catch(() => {});
      };
      let xt: Uint8Array;
      try {
        xt = opaqueExtrinsic(bytes);
      } catch (e) {
        return emit(() => ({ event: "invalid", error: (e as Error).message }));
      }
      pool.submitAndWatch(xt, (s) => emit(() => watchEvent(chain, xt, s))).then(
        (w) => sink.onClose(() => w.unwatch()),
        (e) => emit(() => rejectionEvent(e)),
      );
    },
  };

  return {
    methods: [
      {
        name: "transaction_v1_broadcast", params: ["transaction"],
        call: (p) => {
          const bytes = p.required(0, "transaction", bytesParam);
          if (broadcasts.size >= TRANSACTION_MAX_BROADCASTS) return null;
          const id = subscriptionId();
          broadcasts.set(id, undefined);
          let xt: Uint8Array;
          try {
            xt = opaqueExtrinsic(bytes);
          } catch {
            return id; // an invalid transaction still counts as a broadcast, silently (the spec)
          }
          pool.submitAndWatch(xt, (s) => {
            if (s.tag === "finalized" || s.tag === "invalid" || s.tag === "dropped" || s.tag === "usurped") broadcasts.delete(id);
          }).then(
            (w) => (broadcasts.has(id) ? broadcasts.set(id, w) : w.unwatch()),
            () => {},
          );
          return id;
        },
      },
      {
        name: "transaction_v1_stop", params: ["operationId"],
        call: (p) => {
          const id = p.required(0, "operationId", stringParam);
          if (!broadcasts.has(id)) throw rpcErrors.invalidParams("Invalid operation id");
          broadcasts.get(id)?.unwatch();
          broadcasts.delete(id);
          return null;
        },
      },
    ],
    subscriptions: [watch],
  };
}

async function watchEvent(chain: ChainService, xt: Uint8Array, s: TransactionStatus): Promise<WatchEvent | undefined> {
  switch (s.tag) {
    case "ready":
    case "future":
      return { event: "validated" };
    case "broadcast":
      return undefined;
    case "inBlock":
      return { event: "bestChainBlockIncluded", block: await blockRef(chain, s.block, xt) };
    case "retracted":
      return { event: "bestChainBlockIncluded", block: null };
    case "finalized":
      return { event: "finalized", block: await blockRef(chain, s.block, xt) };
    case "usurped":
      return { event: "invalid", error: "Extrinsic was rendered invalid by another extrinsic" };
    case "invalid":
      return { event: "invalid", error: "Extrinsic marked as invalid" };
    case "dropped":
      return { event: "dropped", error: "Extrinsic dropped from the pool due to exceeding limits" };
    case "finalityTimeout":
      return { event: "dropped", error: "Maximum number of finality watchers has been reached" };
  }
}

async function blockRef(chain: ChainService, hash: Uint8Array, xt: Uint8Array): Promise<{ hash: string; index: number }> {
  const body = (await chain.body(hash)) ?? [];
  return { hash: toHex(hash), index: Math.max(0, body.findIndex((x) => equalBytes(x, xt))) };
}

/** A refused submission as its first (and last) event. */
function rejectionEvent(e: unknown): WatchEvent {
  if (!isRpcErrorLike(e)) return { event: "error", error: String((e as Error)?.message ?? e) };
  const detail = typeof e.data === "string" ? `${e.message}: ${e.data}` : e.message;
  // 1010 invalid, 1011 unknown validity, 1012 banned, 1014 priority too low, 1016 immediately dropped…
  if (e.code === 1016 || e.code === 1012) return { event: "dropped", error: detail };
  return { event: "invalid", error: detail };
}

