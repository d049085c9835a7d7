/**
 * `chainHead_v1_*` of the new JSON-RPC spec (paritytech/json-rpc-interface-spec), what polkadot-api uses:
 * `follow` (see `chain-head-follow.ts`), `header` of a pinned block, and `body`/`call`/`storage` operations
 * that answer `{"result":"started","operationId":…}` and report through the follow subscription
 * (`operationBodyDone`, `operationCallDone`, `operationStorageItems`/`operationStorageDone`,
 * `operationInaccessible`, `operationError`), then `continue`, `stopOperation`, `unpin`, `unfollow`.
 *
 * Operations run after their answer is sent, so the client knows the operation id before its events.
 * Descendant storage queries are sent in batches without waiting for `continue` (the spec allows it).
 * `closestDescendantMerkleValue` is answered with `operationError`: the storage interface has no node access.
 */
import { blake2_256 } from "../../primitives/hashing.js";
import { encodeHeader } from "../../primitives/header.js";
import { keysWithPrefix, type StorageReader } from "../../state/storage.js";
import { rpcErrors, RpcError } from "../errors.js";
import { toHex } from "../../primitives/bytes.js";
import {
  CHAIN_HEAD_MAX_FOLLOWS_PER_CONNECTION, CHAIN_HEAD_MAX_OPERATIONS, CHAIN_HEAD_STORAGE_ITEMS_PER_EVENT,
} from "../limits.js";
import type { CallContext, MethodGroup, SubscriptionDef } from "../method.js";
import { boolParam, bytesParam, hashParam, stringParam, type Params, type Parser } from "../params.js";
import type { MethodContext } from "./context.js";
import { Follow } from "./chain-head-follow.js";

type StorageType = "value" | "hash" | "closestDescendantMerkleValue" | "descendantsValues" | "descendantsHashes";
const STORAGE_TYPES = new Set<string>(["value", "hash", "closestDescendantMerkleValue", "descendantsValues", "descendantsHashes"]);
const LIMIT_REACHED = { result: "limitReached" } as const;

const storageItems: Parser<{ key: Uint8Array; type: StorageType }[]> = (v, name) => {
  if (!Array.isArray(v)) throw rpcErrors.invalidParams(`${name}: expected an array of {key, type}`);
  return v.map((item, i) => {
    const o = (typeof item === "object" && item !== null ? item : {}) as Record<string, unknown>;
    if (typeof o.type !== "string" || !STORAGE_TYPES.has(o.type)) throw rpcErrors.invalidParams(`${name}[${i}].type: unknown storage query type`);
    return { key: bytesParam(o.key, `${name}[${i}].key`), type: o.type as StorageType };
  });
};

export function chainHeadMethods(ctx: MethodContext): MethodGroup {
  const follows = new Map<string, Follow>();
  const { services, chain, events } = ctx;

  /** The caller's live follow subscription `id`, or undefined (invalid or stale). */
  const followOf = (p: Params, call: CallContext): Follow | undefined => {
    const f = follows.get(p.required(0, "followSubscription", stringParam));
    return f && f.alive && f.connectionId === call.connectionId ? f : undefined;
  };
  const pinnedHash = (f: Follow, p: Params): Uint8Array => {
    const hash = p.required(1, "hash", hashParam);
    if (!f.pinned.has(toHex(hash))) throw rpcErrors.invalidBlockHash();
    return hash;
  };
  /** Starts an operation on the follow, running `work` once the answer is on its way. */
  const operation = (f: Follow, slots: number, work: (id: string) => Promise<void>) => {
    const started = f.startOperation(slots, CHAIN_HEAD_MAX_OPERATIONS);
    if (started === undefined) return undefined;
    setImmediate(() => {
      work(started.id)
        .catch((e) => f.operationEvent(started.id, { event: "operationError", error: errorText(e) }))
        .finally(() => f.endOperation(started.id));
    });
    return started.id;
  };
  /** The block's state, or the operation reports `operationInaccessible` (pruned meanwhile). */
  const stateFor = async (f: Follow, id: string, hash: Uint8Array): Promise<StorageReader | undefined> => {
    try {
      return (await chain.state(hash)).state;
    } catch {
      f.operationEvent(id, { event: "operationInaccessible" });
      return undefined;
    }
  };

  const follow: SubscriptionDef = {
    name: "chainHead_v1_follow", unsubscribe: "chainHead_v1_unfollow", notification: "chainHead_v1_followEvent",
    unsubscribeAnswer: "null", params: ["withRuntime"],
    subscribe: (p, sink, call) => {
      const withRuntime = p.required(0, "withRuntime", boolParam);
      const mine = [...follows.values()].filter((f) => f.connectionId === call.connectionId && f.alive).length;
      if (mine >= CHAIN_HEAD_MAX_FOLLOWS_PER_CONNECTION) throw rpcErrors.tooManyFollows();
      const f = new Follow(call.connectionId, withRuntime, sink, services.chain, chain);
      follows.set(sink.id, f);
      const offAll = events.onAll((e) => f.enqueue(() => f.onBlock(e)));
      const offFinalized = events.onFinalized((e) => f.enqueue(() => f.onFinalized(e)));
      sink.onClose(() => {
        offAll();
        offFinalized();
        follows.delete(sink.id);
        for (const op of f.operations.values()) op.cancelled = true;
      });
      f.enqueue(() => f.initialize());
    },
  };

  return {
    methods: [
      {
        name: "chainHead_v1_header", params: ["followSubscription", "hash"],
        call: async (p, call) => {
          const f = followOf(p, call);
          if (f === undefined) return null;
          const header = await services.chain.header(pinnedHash(f, p));
          if (header === undefined) throw rpcErrors.internal("the pinned block's header is not stored");
          return toHex(encodeHeader(header));
        },
      },
      {
        name: "chainHead_v1_body", params: ["followSubscription", "hash"],
        call: (p, call) => {
          const f = followOf(p, call);
          if (f === undefined) return LIMIT_REACHED;
          const hash = pinnedHash(f, p);
          const id = operation(f, 1, async (op) => {
            const body = await services.chain.body(hash);
            f.operationEvent(op, body === undefined ? { event: "operationInaccessible" } : { event: "operationBodyDone", value: body.map(toHex) });
          });
          return id === undefined ? LIMIT_REACHED : { result: "started", operationId: id };
        },
      },
      {
        name: "chainHead_v1_call", params: ["followSubscription", "hash", "function", "callParameters"],
        call: (p, call) => {
          const f = followOf(p, call);
          if (f === undefined) return LIMIT_REACHED;
          const hash = pinnedHash(f, p);
          const fn = p.required(2, "function", stringParam);
          const args = p.required(3, "callParameters", bytesParam);
          if (!f.withRuntime) throw rpcErrors.runtimeCallsNotFollowed();
          const id = operation(f, 1, async (op) => {
            const state = await stateFor(f, op, hash);
            if (state !== undefined) f.operationEvent(op, { event: "operationCallDone", output: toHex(chain.call(fn, state, args)) });
          });
          return id === undefined ? LIMIT_REACHED : { result: "started", operationId: id };
        },
      },
      {
        name: "chainHead_v1_storage", params: ["followSubscription", "hash", "items", "childTrie"],
        call: (p, call) => {
          const f = followOf(p, call);
          if (f === undefined) return LIMIT_REACHED;
          const hash = pinnedHash(f, p);
          const items = p.required(2, "items", storageItems);
          const childTrie = p.optional(3, "childTrie", bytesParam);
          const accepted = Math.min(items.length, f.freeSlots(CHAIN_HEAD_MAX_OPERATIONS));
          if (accepted <= 0 && items.length > 0) return LIMIT_REACHED;
          const id = operation(f, accepted, async (op) => {
            const state = childTrie === undefined ? await stateFor(f, op, hash) : undefined;
            // TFChain has no child tries: a child-trie query finds nothing.
            if (state !== undefined) await storageQuery(f, op, state, items.slice(0, accepted));
            f.operationEvent(op, { event: "operationStorageDone" });
          });
          return id === undefined ? LIMIT_REACHED : { result: "started", operationId: id, discardedItems: items.length - accepted };
        },
      },
      {
        name: "chainHead_v1_continue", params: ["followSubscription", "operationId"],
        call: (p, call) => {
          const f = followOf(p, call);
          // No operation here ever waits for `continue`.
          if (f?.operations.has(p.required(1, "operationId", stringParam))) throw rpcErrors.invalidContinue();
          return null;
        },
      },
      {
        name: "chainHead_v1_stopOperation", params: ["followSubscription", "operationId"],
        call: (p, call) => {
          const f = followOf(p, call);
          const id = p.required(1, "operationId", stringParam);
          const op = f?.operations.get(id);
          if (f && op) {
            op.cancelled = true;
            f.endOperation(id);
          }
          return null;
        },
      },
      {
        name: "chainHead_v1_unpin", params: ["followSubscription", "hashOrHashes"],
        call: (p, call) => {
          const f = followOf(p, call);
          const raw = p.raw(1);
          const hashes = (Array.isArray(raw) ? raw : [raw]).map((h, i) => toHex(hashParam(h, `hashOrHashes[${i}]`)));
          if (f === undefined) return null;
          if (new Set(hashes).size !== hashes.length) throw rpcErrors.duplicateHashes();
          if (!hashes.every((h) => f.pinned.has(h))) throw rpcErrors.invalidBlockHash();
          for (const h of hashes) f.pinned.delete(h);
          return null;
        },
      },
    ],
    subscriptions: [follow],
  };
}

/** Answers the storage items: single keys in one event, then each descendant query in batches. */
async function storageQuery(f: Follow, op: string, state: StorageReader, items: { key: Uint8Array; type: StorageType }[]): Promise<void> {
  const single: Record<string, string>[] = [];
  for (const { key, type } of items) {
    if (type === "closestDescendantMerkleValue") throw new RpcError(0, "closestDescendantMerkleValue queries are not supported by this node");
    if (type !== "value" && type !== "hash") continue;
    const v = state.get(key);
    if (v !== undefined) single.push(type === "value" ? { key: toHex(key), value: toHex(v) } : { key: toHex(key), hash: toHex(blake2_256(v)) });
  }
  if (single.length > 0) f.operationEvent(op, { event: "operationStorageItems", items: single });
  for (const { key, type } of items) {
    if (type !== "descendantsValues" && type !== "descendantsHashes") continue;
    let batch: Record<string, string>[] = [];
    for (const k of keysWithPrefix(state, key)) {
      const v = state.get(k)!;
      batch.push(type === "descendantsValues" ? { key: toHex(k), value: toHex(v) } : { key: toHex(k), hash: toHex(blake2_256(v)) });
      if (batch.length < CHAIN_HEAD_STORAGE_ITEMS_PER_EVENT) continue;
      f.operationEvent(op, { event: "operationStorageItems", items: batch });
      batch = [];
      // Let other calls run between batches; a stopped operation ends here.
      await new Promise((r) => setImmediate(r));
      if (f.operations.get(op)?.cancelled !== false) return;
    }
    if (batch.length > 0) f.operationEvent(op, { event: "operationStorageItems", items: batch });
  }
}

function errorText(e: unknown): string {
  return (e as Error)?.message ?? String(e);
}
