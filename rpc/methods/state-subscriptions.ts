/**
 * `state_subscribeStorage` and `state_subscribeRuntimeVersion`. Both answer at once with the current values
 * at the best block, then follow new best blocks in order (one read queue per subscription), sending only
 * what changed: for storage, the keys whose value differs from what this subscriber last saw.
 */
import { rpcErrors } from "../errors.js";
import { toHex } from "../../primitives/bytes.js";
import { runtimeVersionJson } from "../json.js";
import { RawJson, type SubscriptionDef, type SubscriptionSink } from "../method.js";
import type { Parser } from "../params.js";
import type { MethodContext } from "./context.js";

/**
 * Runs `update` for each new best block after `initial`, one at a time and in order. A failed update is
 * skipped: the block's state may have been pruned by the time it is read, and the next block reports anew.
 */
function followBest(ctx: MethodContext, sink: SubscriptionSink, initial: Promise<void>, update: (hash: Uint8Array) => Promise<void>): void {
  let queue: Promise<void> = initial.catch(() => {});
  sink.onClose(ctx.events.onBest((e) => {
    queue = queue.then(() => (sink.closed ? undefined : update(e.block.hash))).catch(() => {});
  }));
}

/** `state_subscribeStorage(keys)` → `state_storage` `{block, changes: [[key, value | null]]}`. */
export function storageSubscription(ctx: MethodContext, keysParam: Parser<Uint8Array[]>): SubscriptionDef {
  return {
    name: "state_subscribeStorage", unsubscribe: "state_unsubscribeStorage", notification: "state_storage", params: ["keys"],
    subscribe: async (p, sink, call) => {
      const keys = p.optional(0, "keys", keysParam);
      if (keys === undefined) {
        // Substrate allows every-key subscriptions only as an unsafe call; we do not track block diffs for it.
        if (!call.allowUnsafe) throw rpcErrors.unsafe();
        throw rpcErrors.invalidParams("keys: subscribing to every storage change is not supported, pass the keys to follow");
      }
      const hexKeys = keys.map(toHex);
      const last = new Map<string, string | null>();
      const read = async (hash: Uint8Array | undefined) => {
        const { hash: block, state } = await ctx.chain.state(hash);
        return { block: toHex(block), values: keys.map((k) => { const v = state.get(k); return v === undefined ? null : toHex(v); }) };
      };
      // The first notification carries every key, absent ones as null (what @polkadot/api waits for).
      const initial = read(undefined).then(({ block, values }) => {
        hexKeys.forEach((k, i) => last.set(k, values[i]!));
        sink.send({ block, changes: hexKeys.map((k, i) => [k, values[i]]) });
      });
      followBest(ctx, sink, initial, async (hash) => {
        const { block, values } = await read(hash);
        const changes: [string, string | null][] = [];
        hexKeys.forEach((k, i) => {
          if (last.get(k) !== values[i]) {
            last.set(k, values[i]!);
            changes.push([k, values[i]!]);
          }
        });
        if (changes.length > 0) sink.send({ block, changes });
      });
      await initial;
    },
  };
}

/** `state_subscribeRuntimeVersion` → `state_runtimeVersion`: at once, then when a new best block changes it. */
export function runtimeVersionSubscription(ctx: MethodContext): SubscriptionDef {
  return {
    name: "state_subscribeRuntimeVersion", aliases: ["chain_subscribeRuntimeVersion"],
    unsubscribe: "state_unsubscribeRuntimeVersion", unsubscribeAliases: ["chain_unsubscribeRuntimeVersion"],
    notification: "state_runtimeVersion",
    subscribe: async (_p, sink) => {
      const versionAt = async (hash?: Uint8Array) =>
        JSON.stringify(runtimeVersionJson(ctx.chain.runtimeVersion((await ctx.chain.state(hash)).state)));
      let last = "";
      const initial = versionAt(undefined).then((v) => {
        last = v;
        sink.send(new RawJson(v));
      });
      followBest(ctx, sink, initial, async (hash) => {
        const v = await versionAt(hash);
        if (v === last) return;
        last = v;
        sink.send(new RawJson(v));
      });
      await initial;
    },
  };
}
