/**
 * `author_*`: submitting extrinsics (plain and watched, with Substrate's status sequence), the pool's
 * contents, and the unsafe key-management calls (sc-rpc `author`).
 *
 * An extrinsic arrives as an `OpaqueExtrinsic` (`Vec<u8>`: compact length then bytes); what the bytes mean
 * is the pool's and the runtime's business, and their refusals come back with the pool's codes (1010…).
 */
import { readCompact } from "../../primitives/compact.js";
import { extrinsicHash } from "../../primitives/extrinsic.js";
import { rpcErrors } from "../errors.js";
import { toHex } from "../../primitives/bytes.js";
import { MAX_KEYS_PER_CALL } from "../limits.js";
import type { MethodGroup, SubscriptionDef } from "../method.js";
import { bytesParam, hashParam, stringParam, type Parser } from "../params.js";
import type { TransactionStatus } from "../services.js";
import type { MethodContext } from "./context.js";

const FINAL_STATUSES = new Set<TransactionStatus["tag"]>(["finalized", "usurped", "dropped", "invalid", "finalityTimeout"]);

/** Session keys of this runtime: Aura sr25519 then GRANDPA ed25519, 32 bytes each. */
const SESSION_KEYS = [["aura", 32], ["gran", 32]] as const;

export function authorMethods({ services }: MethodContext): MethodGroup {
  const { pool, keystore } = services;
  const watch: SubscriptionDef = {
    name: "author_submitAndWatchExtrinsic", unsubscribe: "author_unwatchExtrinsic", notification: "author_extrinsicUpdate",
    params: ["bytes"],
    subscribe: async (p, sink) => {
      const xt = opaqueExtrinsic(p.required(0, "bytes", bytesParam));
      const watched = await pool.submitAndWatch(xt, (status) => {
        sink.send(statusJson(status));
        if (FINAL_STATUSES.has(status.tag)) sink.close();
      });
      sink.onClose(() => watched.unwatch());
    },
  };
  return {
    methods: [
      {
        name: "author_submitExtrinsic", params: ["extrinsic"],
        call: async (p) => toHex(await pool.submit(opaqueExtrinsic(p.required(0, "extrinsic", bytesParam)))),
      },
      { name: "author_pendingExtrinsics", call: () => pool.pending().map(toHex) },
      {
        name: "author_removeExtrinsic", unsafe: true, params: ["bytes_or_hash"],
        call: (p) => {
          const items = p.required(0, "bytes_or_hash", extrinsicOrHashList);
          return pool.remove(items).map(toHex);
        },
      },
      {
        name: "author_hasKey", unsafe: true, params: ["public_key", "key_type"],
        call: (p) => keystore.hasKey(p.required(0, "public_key", bytesParam), keyType(p.required(1, "key_type", stringParam))),
      },
      {
        name: "author_hasSessionKeys", unsafe: true, params: ["session_keys"],
        call: (p) => {
          const keys = p.required(0, "session_keys", bytesParam);
          if (keys.length !== SESSION_KEYS.reduce((n, [, len]) => n + len, 0)) throw rpcErrors.invalidSessionKeys();
          let offset = 0;
          return SESSION_KEYS.every(([type, len]) => keystore.hasKey(keys.subarray(offset, (offset += len)), type));
        },
      },
      {
        name: "author_insertKey", unsafe: true, params: ["key_type", "suri", "public"],
        call: (p) => {
          const type = keyType(p.required(0, "key_type", stringParam));
          const suri = p.required(1, "suri", stringParam);
          const publicKey = p.required(2, "public", bytesParam);
          try {
            keystore.insertKey(type, suri, publicKey);
          } catch (e) {
            throw rpcErrors.client((e as Error).message);
          }
          return null;
        },
      },
      { name: "author_rotateKeys", unsafe: true, call: () => toHex(keystore.rotateKeys()) },
    ],
    subscriptions: [watch],
  };
}

/**
 * Reads the `OpaqueExtrinsic` a client submitted: its length prefix must be covered by the bytes. Bytes past
 * the declared length are ignored, as `Decode::decode` ignores them.
 */
export function opaqueExtrinsic(bytes: Uint8Array): Uint8Array {
  let len: bigint;
  let next: number;
  try {
    ({ value: len, next } = readCompact(bytes, 0, 32, "extrinsic length"));
  } catch {
    throw rpcErrors.badFormat("Not enough data to fill buffer");
  }
  const end = next + Number(len);
  if (end > bytes.length) throw rpcErrors.badFormat("Not enough data to fill buffer");
  return end === bytes.length ? bytes : bytes.subarray(0, end);
}

/** A `KeyTypeId` from its 4-character name (`aura`, `gran`). */
function keyType(name: string): string {
  if (Buffer.byteLength(name, "utf8") !== 4) throw rpcErrors.badKeyType();
  return name;
}

/** `Vec<ExtrinsicOrHash>`: `{"hash": "0x…"}` or `{"extrinsic": "0x…"}` items, as hashes. */
const extrinsicOrHashList: Parser<Uint8Array[]> = (v, name) => {
  if (!Array.isArray(v) || v.length > MAX_KEYS_PER_CALL) throw rpcErrors.invalidParams(`${name}: expected an array of {hash} or {extrinsic}`);
  return v.map((item, i) => {
    const obj = (typeof item === "object" && item !== null ? item : {}) as Record<string, unknown>;
    if ("hash" in obj) return hashParam(obj.hash, `${name}[${i}].hash`);
    if ("extrinsic" in obj) return extrinsicHash(opaqueExtrinsic(bytesParam(obj.extrinsic, `${name}[${i}].extrinsic`)));
    throw rpcErrors.invalidParams(`${name}[${i}]: expected {"hash": …} or {"extrinsic": …}`);
  });
};

/** Substrate's `TransactionStatus` JSON: unit variants as strings, the others as one-key objects. */
export function statusJson(s: TransactionStatus): unknown {
  switch (s.tag) {
    case "future":
    case "ready":
    case "dropped":
    case "invalid":
      return s.tag;
    case "broadcast":
      return { broadcast: s.peers };
    case "usurped":
      return { usurped: toHex(s.by) };
    default:
      return { [s.tag]: toHex(s.block) };
  }
}
