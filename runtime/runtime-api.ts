/**
 * Runtime APIs by name, SCALE in and SCALE out: what `state_call` and the node's own services call.
 *
 * Each entry decodes its arguments, runs against the state of one block through an overlay that is
 * thrown away, and encodes its answer exactly as TFChain's Wasm runtime would.
 */
import { AccountId32 } from "../primitives/account.js";
import { H256 } from "../primitives/header.js";
import { bytes, decodePrefix, option, tuple, u32, u64, vec, type Schema } from "../primitives/schema.js";
import { SIGNED_EXTENSIONS } from "../primitives/signed-extensions.js";
import { uncheckedExtrinsicSchema } from "../primitives/extrinsic.js";
import { OverlayedChanges } from "../state/overlay.js";
import type { StorageReader } from "../state/storage.js";
import { Executive } from "./executive.js";
import { RuntimeMetadata } from "./metadata.js";
import { authorities, AuthorityId, SLOT_DURATION } from "./pallets/aura/index.js";
import { AuthorityList, currentSetId, grandpaAuthorities } from "./pallets/grandpa/index.js";
import { KeyTypeId, SESSION_KEY_IDS, SessionKeys } from "./pallets/session/index.js";
import { storage as systemStorage } from "./pallets/system/storage.js";
import { reputationApi } from "./pallets/reputation/api.js";
import { RuntimeVersionSchema } from "./pallets/system/types.js";
import { queryFeeDetails, queryInfo } from "./pallets/transaction-payment/query.js";
import { FeeDetailsSchema, RuntimeDispatchInfoSchema } from "./pallets/transaction-payment/types.js";
import type { Runtime } from "./runtime.js";
import { TransactionInvalid, TransactionSource, TransactionValidity } from "./transaction-validity.js";

export class RuntimeApiError extends Error {
  constructor(
    readonly code: "UNKNOWN_METHOD" | "BAD_ARGUMENTS" | "NO_KEYSTORE",
    message: string,
  ) {
    super(message);
    this.name = "RuntimeApiError";
  }
}

type Method = (state: StorageReader, args: Uint8Array) => Uint8Array;

/**
 * The node's keystore as the runtime's keystore extension: `SessionKeys_generate_session_keys` makes a key of
 * each session key type there. With a seed (a secret URI), the key is derived from it.
 */
export interface SessionKeystore {
  /** A new key of `keyType` (`aura`, `gran`), kept by the keystore; returns its public key. */
  generate(keyType: string, seed?: string): Uint8Array;
}

export interface RuntimeApiOptions {
  keystore?: SessionKeystore;
}

const DecodedSessionKeys = option(vec(tuple(bytes, KeyTypeId)));

/** The runtime APIs of one runtime and chain. */
export class RuntimeApi {
  readonly executive: Executive;
  readonly metadata: RuntimeMetadata;
  private readonly methods: Record<string, Method>;

  constructor(
    readonly runtime: Runtime,
    genesisHash: Uint8Array,
    private readonly options: RuntimeApiOptions = {},
  ) {
    this.executive = new Executive(runtime, genesisHash);
    const extrinsicSchema = uncheckedExtrinsicSchema(runtime.callSchema);
    this.metadata = new RuntimeMetadata(runtime, { schema: extrinsicSchema, version: 4, signedExtensions: SIGNED_EXTENSIONS });
    const xtWithLen = tuple(extrinsicSchema, u32);
    this.methods = {
      Core_version: () => RuntimeVersionSchema.enc(runtime.version),
      Metadata_metadata: () => bytes.enc(this.metadata.metadata()),
      Metadata_metadata_versions: () => vec(u32).enc([...this.metadata.versions()]),
      Metadata_metadata_at_version: (_s, a) => option(bytes).enc(this.metadata.atVersion(decode(u32, a))),
      // `sp_consensus_aura::SlotDuration` is a u64 of milliseconds.
      AuraApi_slot_duration: () => u64.enc(SLOT_DURATION),
      AuraApi_authorities: (s) => vec(AuthorityId).enc(authorities(s)),
      GrandpaApi_grandpa_authorities: (s) => AuthorityList.enc(grandpaAuthorities(s)),
      GrandpaApi_current_set_id: (s) => u64.enc(currentSetId(s)),
      // TFChain reports no equivocations (`KeyOwnerProof = Void`): both answer `None` whatever they are given.
      GrandpaApi_submit_report_equivocation_unsigned_extrinsic: () => NONE,
      GrandpaApi_generate_key_ownership_proof: () => NONE,
      SessionKeys_generate_session_keys: (_s, a) => bytes.enc(this.generateSessionKeys(decode(option(bytes), a))),
      SessionKeys_decode_session_keys: (_s, a) => DecodedSessionKeys.enc(decodeSessionKeys(decode(bytes, a))),
      AccountNonceApi_account_nonce: (s, a) => u32.enc(systemStorage.Account.get(s, decode(AccountId32, a)).nonce),
      TaggedTransactionQueue_validate_transaction: (s, a) => {
        const [, xt, blockHash] = decode(tuple(TransactionSource, extrinsicSchema, H256), a);
        try {
          const valid = this.executive.validateTransaction(new OverlayedChanges(s), xt.encoded, blockHash);
          return TransactionValidity.enc({ success: true, value: valid });
        } catch (e) {
          if (e instanceof TransactionInvalid) return TransactionValidity.enc({ success: false, value: e.error });
          throw e;
        }
      },
      TransactionPaymentApi_query_info: (s, a) => {
        const [xt, len] = decode(xtWithLen, a);
        return RuntimeDispatchInfoSchema.enc(queryInfo(s, len, this.executive.dispatchInfo(xt.encoded), xt.signed !== undefined));
      },
      TransactionPaymentApi_query_fee_details: (s, a) => {
        const [xt, len] = decode(xtWithLen, a);
        return FeeDetailsSchema.enc(queryFeeDetails(s, len, this.executive.dispatchInfo(xt.encoded), xt.signed !== undefined));
      },
      ReputationApi_node: (s, a) => reputationApi.node(s, decode(u32, a)),
      ReputationApi_farm: (s, a) => reputationApi.farm(s, decode(u32, a)),
      ReputationApi_twin: (s, a) => reputationApi.twin(s, decode(u32, a)),
    };
  }

  /**
   * `opaque::SessionKeys::generate(seed)`: a new key per session key type in the keystore, returned as the
   * SCALE `SessionKeys` (aura ‖ grandpa). A seed must be UTF-8, as FRAME's `expect` demands.
   */
  private generateSessionKeys(seed: Uint8Array | undefined): Uint8Array {
    const keystore = this.options.keystore;
    if (!keystore) throw new RuntimeApiError("NO_KEYSTORE", "No `keystore` associated for the current context!");
    let phrase: string | undefined;
    if (seed !== undefined) {
      try {
        phrase = new TextDecoder("utf-8", { fatal: true }).decode(seed);
      } catch {
        throw new RuntimeApiError("BAD_ARGUMENTS", "Seed is a valid utf8 string");
      }
    }
    const keys = { aura: keystore.generate("aura", phrase), grandpa: keystore.generate("gran", phrase) };
    return SessionKeys.enc(keys);
  }

  has(name: string): boolean {
    return Object.hasOwn(this.methods, name);
  }

  /** Calls `name` with SCALE `args` against `state`; the state is never modified. */
  call(name: string, state: StorageReader, args: Uint8Array): Uint8Array {
    const method = this.methods[name];
    if (!method || !Object.hasOwn(this.methods, name)) throw new RuntimeApiError("UNKNOWN_METHOD", `Exported method ${name} is not found`);
    return method(state, args);
  }
}

const NONE = new Uint8Array([0]);

/**
 * `SessionKeys::decode_into_raw_public_keys`: the raw keys with their key types, or `None` when the bytes do
 * not start with a `SessionKeys` (trailing bytes are ignored, as `Decode::decode` ignores them).
 */
export function decodeSessionKeys(encoded: Uint8Array): [Uint8Array, Uint8Array][] | undefined {
  let keys: SessionKeys;
  try {
    keys = decodePrefix(SessionKeys.codec, encoded).value;
  } catch {
    return undefined;
  }
  return SESSION_KEY_IDS.map((k) => [k.get(keys), k.id]);
}

function decode<T>(schema: Schema<T>, args: Uint8Array): T {
  try {
    return schema.dec(args);
  } catch (e) {
    throw new RuntimeApiError("BAD_ARGUMENTS", `Could not decode the arguments: ${(e as Error).message}`);
  }
}
