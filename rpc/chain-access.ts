/**
 * Reading the chain for RPC methods: the block a call is `at` (best when absent), its header and state, the
 * runtime version there, and the chain's errors turned into Substrate's ("Client error: UnknownBlock: …").
 */
import type { Header } from "../primitives/header.js";
import type { RuntimeVersion } from "../runtime/runtime.js";
import { RuntimeApiError } from "../runtime/runtime-api.js";
import { RuntimeVersionSchema } from "../runtime/pallets/system/types.js";
import type { StorageReader } from "../state/storage.js";
import { rpcErrors } from "./errors.js";
import { toHex } from "../primitives/bytes.js";
import type { ChainService } from "./services.js";

const NO_ARGS = new Uint8Array(0);

export class ChainAccess {
  constructor(readonly chain: ChainService) {}

  /** The block a call reads: `at`, or the best block. */
  blockOrBest(at: Uint8Array | undefined): Uint8Array {
    return at ?? this.chain.best().hash;
  }

  /** The header of `hash`, or Substrate's "Header was not found" client error. */
  async requireHeader(hash: Uint8Array): Promise<Header> {
    const header = await this.chain.header(hash);
    if (header === undefined) throw rpcErrors.headerNotFound(toHex(hash));
    return header;
  }

  /** The state after block `at` (best when absent). */
  async state(at: Uint8Array | undefined): Promise<{ hash: Uint8Array; state: StorageReader }> {
    const hash = this.blockOrBest(at);
    try {
      return { hash, state: await this.chain.stateAt(hash) };
    } catch (e) {
      throw stateError(e, hash);
    }
  }

  /** `Core_version` at a state: the runtime that block runs. */
  runtimeVersion(state: StorageReader): RuntimeVersion {
    return RuntimeVersionSchema.dec(this.call("Core_version", state, NO_ARGS)) as RuntimeVersion;
  }

  /** A runtime API call, its failures worded as Substrate's executor words them. */
  call(method: string, state: StorageReader, args: Uint8Array): Uint8Array {
    try {
      return this.chain.runtimeApi.call(method, state, args);
    } catch (e) {
      if (e instanceof RuntimeApiError && e.code === "UNKNOWN_METHOD") throw rpcErrors.runtimeMethodNotFound(method);
      // A Wasm runtime panics on undecodable input ("Bad input data provided to …").
      if (e instanceof RuntimeApiError) throw rpcErrors.runtimePanicked(`Bad input data provided to ${method}: ${e.message}`);
      throw rpcErrors.runtimePanicked((e as Error)?.message ?? String(e));
    }
  }
}

/** The chain's "unknown block" and "pruned state" errors as sc-client-db words them. */
export function stateError(e: unknown, hash: Uint8Array): Error {
  const code = (e as { code?: unknown })?.code;
  const message = (e as Error)?.message ?? String(e);
  if (code === "STATE_DISCARDED" || /already discarded/i.test(message)) return rpcErrors.stateDiscarded(toHex(hash));
  if (code === "UNKNOWN_BLOCK" || /unknown block|not found/i.test(message)) return rpcErrors.headerNotFound(toHex(hash));
  return rpcErrors.client(message);
}
