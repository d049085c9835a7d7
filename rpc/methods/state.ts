/**
 * `state_*`: storage reads at a block (best when `at` is absent), key paging, storage queries over blocks,
 * read proofs, runtime calls, metadata (cached), the runtime version, and the storage and runtime-version
 * subscriptions (sc-rpc `state_full.rs`).
 */
import { blake2_256 } from "../../primitives/hashing.js";
import type { RuntimeApi } from "../../runtime/runtime-api.js";
import { keysWithPrefix } from "../../state/storage.js";
import { stateError } from "../chain-access.js";
import { rpcErrors } from "../errors.js";
import { toHex } from "../../primitives/bytes.js";
import { runtimeVersionJson } from "../json.js";
import { MAX_KEYS_PER_CALL, QUERY_STORAGE_MAX_BLOCKS, STORAGE_KEYS_PAGED_MAX_COUNT } from "../limits.js";
import { RawJson, type MethodDef, type MethodGroup } from "../method.js";
import { arrayParam, bytesParam, hashParam, stringParam, u32Param, type Params } from "../params.js";
import type { MethodContext } from "./context.js";
import { runtimeVersionSubscription, storageSubscription } from "./state-subscriptions.js";

const keysParam = arrayParam(bytesParam, MAX_KEYS_PER_CALL);
const EMPTY = new Uint8Array(0);

// The metadata is the biggest answer and never changes for a runtime: its JSON is built once.
const metadataCache = new WeakMap<RuntimeApi, RawJson>();

export function stateMethods(ctx: MethodContext): MethodGroup {
  const { chain } = ctx;
  const at = (p: Params, i: number) => p.optional(i, "hash", hashParam);

  /** A storage read at `at`: the key's value, or undefined. */
  async function read(p: Params): Promise<Uint8Array | undefined> {
    const key = p.required(0, "key", bytesParam);
    const { state } = await chain.state(at(p, 1));
    return state.get(key);
  }

  const methods: MethodDef[] = [
    {
      name: "state_getStorage", aliases: ["state_getStorageAt"], params: ["key", "hash"],
      call: async (p) => {
        const v = await read(p);
        return v === undefined ? null : toHex(v);
      },
    },
    {
      name: "state_getStorageHash", aliases: ["state_getStorageHashAt"], params: ["key", "hash"],
      call: async (p) => {
        const v = await read(p);
        return v === undefined ? null : toHex(blake2_256(v));
      },
    },
    {
      name: "state_getStorageSize", aliases: ["state_getStorageSizeAt"], params: ["key", "hash"],
      call: async (p) => (await read(p))?.length ?? null,
    },
    {
      // Deprecated in Substrate for `getKeysPaged`, still served (and unbounded there too).
      name: "state_getKeys", params: ["prefix", "hash"],
      call: async (p) => {
        const prefix = p.required(0, "prefix", bytesParam);
        const { state } = await chain.state(at(p, 1));
        return [...keysWithPrefix(state, prefix)].map(toHex);
      },
    },
    {
      name: "state_getPairs", unsafe: true, params: ["prefix", "hash"],
      call: async (p) => {
        const prefix = p.required(0, "prefix", bytesParam);
        const { state } = await chain.state(at(p, 1));
        return [...keysWithPrefix(state, prefix)].map((k) => [toHex(k), toHex(state.get(k)!)]);
      },
    },
    {
      name: "state_getKeysPaged", aliases: ["state_getKeysPagedAt"], params: ["prefix", "count", "start_key", "hash"],
      call: async (p) => {
        const prefix = p.optional(0, "prefix", bytesParam) ?? EMPTY;
        const count = p.required(1, "count", u32Param);
        const startKey = p.optional(2, "start_key", bytesParam);
        const hash = chain.blockOrBest(at(p, 3));
        if (count > STORAGE_KEYS_PAGED_MAX_COUNT) throw rpcErrors.invalidCount(count, STORAGE_KEYS_PAGED_MAX_COUNT);
        try {
          return (await ctx.services.chain.keysPaged(hash, prefix, count, startKey)).map(toHex);
        } catch (e) {
          throw stateError(e, hash);
        }
      },
    },
    {
      name: "state_queryStorageAt", params: ["keys", "at"],
      call: async (p) => {
        const keys = p.required(0, "keys", keysParam);
        const { hash, state } = await chain.state(at(p, 1));
        return [{ block: toHex(hash), changes: keys.map((k) => [toHex(k), hexOrNull(state.get(k))]) }];
      },
    },
    {
      name: "state_queryStorage", unsafe: true, params: ["keys", "block", "hash"],
      call: async (p) => queryStorage(ctx, p.required(0, "keys", keysParam), p.required(1, "block", hashParam), at(p, 2)),
    },
    {
      name: "state_getReadProof", params: ["keys", "hash"],
      call: async (p) => {
        const keys = p.required(0, "keys", keysParam);
        const hash = chain.blockOrBest(at(p, 1));
        try {
          return { at: toHex(hash), proof: (await ctx.services.chain.readProof(hash, keys)).map(toHex) };
        } catch (e) {
          throw stateError(e, hash);
        }
      },
    },
    {
      name: "state_call", aliases: ["state_callAt"], params: ["name", "bytes", "hash"],
      call: async (p) => {
        const method = p.required(0, "name", stringParam);
        const args = p.required(1, "bytes", bytesParam);
        const { state } = await chain.state(at(p, 2));
        return toHex(chain.call(method, state, args));
      },
    },
    {
      name: "state_getMetadata", params: ["hash"],
      call: async (p) => {
        const hash = at(p, 0);
        if (hash !== undefined) await chain.state(hash);
        return metadataJson(ctx.services.chain.runtimeApi);
      },
    },
    {
      name: "state_getRuntimeVersion", aliases: ["chain_getRuntimeVersion"], params: ["hash"],
      call: async (p) => runtimeVersionJson(chain.runtimeVersion((await chain.state(at(p, 0))).state)),
    },
  ];
  return { methods, subscriptions: [runtimeVersionSubscription(ctx), storageSubscription(ctx, keysParam)] };
}

function hexOrNull(v: Uint8Array | undefined): string | null {
  return v === undefined ? null : toHex(v);
}

function metadataJson(api: RuntimeApi): RawJson {
  let cached = metadataCache.get(api);
  if (cached === undefined) {
    cached = new RawJson(JSON.stringify(toHex(api.metadata.metadata())));
    metadataCache.set(api, cached);
  }
  return cached;
}

/**
 * `state_queryStorage`: for each block from `from` to `to` (best when absent) on one chain, the keys whose
 * value differs from the previous block (every key at the first block); blocks without change are left out.
 */
async function queryStorage(ctx: MethodContext, keys: Uint8Array[], from: Uint8Array, toAt: Uint8Array | undefined) {
  const { chain } = ctx;
  const to = chain.blockOrBest(toAt);
  const fromHeader = await ctx.services.chain.header(from);
  const toHeader = await ctx.services.chain.header(to);
  const describe = (n: number, h: Uint8Array) => `${n} (${toHex(h)})`;
  if (fromHeader === undefined || toHeader === undefined) {
    const missing = fromHeader === undefined ? from : to;
    throw rpcErrors.invalidBlockRange(toHex(from), toHex(to), `UnknownBlock: Header was not found in the database: ${toHex(missing)}`);
  }
  const range = [describe(fromHeader.number, from), describe(toHeader.number, to)] as const;
  if (fromHeader.number > toHeader.number) throw rpcErrors.invalidBlockRange(...range, "from number > to number");
  if (toHeader.number - fromHeader.number >= QUERY_STORAGE_MAX_BLOCKS) {
    throw rpcErrors.invalidBlockRange(...range, `the range spans more than ${QUERY_STORAGE_MAX_BLOCKS} blocks`);
  }
  const hashes = [to];
  let header = toHeader;
  while (header.number > fromHeader.number) {
    const parent = header.parentHash;
    const h = await ctx.services.chain.header(parent);
    if (h === undefined) throw rpcErrors.invalidBlockRange(...range, `UnknownBlock: Header was not found in the database: ${toHex(parent)}`);
    hashes.push(parent);
    header = h;
  }
  if (toHex(hashes[hashes.length - 1]!) !== toHex(from)) throw rpcErrors.invalidBlockRange(...range, "from and to are on different forks");
  hashes.reverse();
  const last = new Map<string, string | null>();
  const out: { block: string; changes: [string, string | null][] }[] = [];
  for (const hash of hashes) {
    const { state } = await chain.state(hash);
    const changes: [string, string | null][] = [];
    for (const key of keys) {
      const k = toHex(key);
      const v = hexOrNull(state.get(key));
      if (!last.has(k) || last.get(k) !== v) changes.push([k, v]);
      last.set(k, v);
    }
    if (changes.length > 0) out.push({ block: toHex(hash), changes });
  }
  return out;
}
