/**
 * `engine_createBlock` and `engine_finalizeBlock`: Substrate's manual-seal RPC, served when the node seals
 * on demand (`--sealing manual|instant`). Answers `{"hash":…,"aux":{…ImportedAux}}` and `true`; errors carry
 * manual seal's codes (12000 empty pool, 13000 unknown parent, 16000 finalization, 20000 other).
 */
import { equalBytes, toHex } from "../../primitives/bytes.js";
import { isRpcErrorLike, rpcErrors } from "../errors.js";
import type { MethodGroup } from "../method.js";
import { boolParam, hashParam } from "../params.js";
import type { SealingService } from "../services.js";
import type { MethodContext } from "./context.js";

export function engineMethods({ services }: MethodContext, sealing: SealingService): MethodGroup {
  const { chain, pool } = services;
  return {
    methods: [
      {
        name: "engine_createBlock", params: ["create_empty", "finalize", "parent_hash"],
        call: async (p) => {
          const createEmpty = p.required(0, "create_empty", boolParam);
          const finalize = p.required(1, "finalize", boolParam);
          const parentHash = p.optional(2, "parent_hash", hashParam);
          if (parentHash !== undefined && (await chain.header(parentHash)) === undefined) throw rpcErrors.sealBlockNotFound(toHex(parentHash));
          if (!createEmpty && pool.pending().length === 0) throw rpcErrors.sealEmptyPool();
          let hash: Uint8Array;
          try {
            ({ hash } = await sealing.createBlock({ createEmpty, finalize, parentHash }));
          } catch (e) {
            throw sealError(e);
          }
          return {
            hash: toHex(hash),
            aux: {
              header_only: false,
              clear_justification_requests: false,
              needs_justification: false,
              bad_justification: false,
              is_new_best: equalBytes(chain.best().hash, hash),
            },
          };
        },
      },
      {
        name: "engine_finalizeBlock", params: ["hash", "justification"],
        call: async (p) => {
          // The justification (`Vec<u8>`, a JSON array of numbers) is accepted and unused, as by manual seal.
          const hash = p.required(0, "hash", hashParam);
          try {
            await sealing.finalizeBlock(hash);
          } catch (e) {
            throw isRpcErrorLike(e) ? e : rpcErrors.sealFinalization(messageOf(e));
          }
          return true;
        },
      },
    ],
    subscriptions: [],
  };
}

/** The sealing service's refusals (consensus' `AuthoringError` codes) as manual seal's errors. */
function sealError(e: unknown): unknown {
  if (isRpcErrorLike(e)) return e;
  switch ((e as { code?: unknown })?.code) {
    case "EMPTY_POOL":
      return rpcErrors.sealEmptyPool();
    case "STOPPED":
      return rpcErrors.sealShuttingDown();
    default:
      return rpcErrors.sealOther(messageOf(e));
  }
}

function messageOf(e: unknown): string {
  return String((e as Error)?.message ?? e);
}
