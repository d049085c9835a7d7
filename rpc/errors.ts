/**
 * Every JSON-RPC error code and message this server sends, in one table, as Substrate sends them.
 *
 * Sources: jsonrpsee's `types::error` (the -32xxx codes), sc-rpc-api's `author/error.rs` (1000 + n),
 * `system/error.rs` (2000 + n), `chain/error.rs` (3000 + n), `state/error.rs` (4000 + n) and `policy.rs`,
 * pallet-transaction-payment-rpc (1, 2) and sc-consensus-manual-seal (10,000 + n).
 *
 * TFChain 2.9 runs polkadot-v1.0.0, whose jsonrpsee 0.16 reports a client error (unknown block, pruned state,
 * runtime call failure) as -32000 "Client error: …". Later SDKs moved those to 3002 (chain) and 4003 (state);
 * `CLIENT_ERROR` is the one place to change that.
 */

/** A JSON-RPC error object: what a method throws to answer with an error. */
export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
    this.name = "RpcError";
  }

  toJSON(): { code: number; message: string; data?: unknown } {
    return this.data === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, data: this.data };
  }
}

/** The codes, by name. */
export const CODES = {
  PARSE_ERROR: -32700,
  INVALID_REQUEST: -32600,
  METHOD_NOT_FOUND: -32601,
  INVALID_PARAMS: -32602,
  INTERNAL_ERROR: -32603,
  /** jsonrpsee 0.16 `CALL_EXECUTION_FAILED_CODE`: Substrate's client errors in polkadot-v1.0.0. */
  CLIENT_ERROR: -32000,
  TOO_MANY_SUBSCRIPTIONS: -32006,
  OVERSIZED_REQUEST: -32007,
  OVERSIZED_RESPONSE: -32008,
  SERVER_IS_BUSY: -32009,
  TOO_BIG_BATCH_REQUEST: -32010,
  TOO_BIG_BATCH_RESPONSE: -32011,

  AUTHOR_BAD_FORMAT: 1001,
  AUTHOR_VERIFICATION: 1002,
  POOL_INVALID_TX: 1010,
  POOL_UNKNOWN_VALIDITY: 1011,
  POOL_TEMPORARILY_BANNED: 1012,
  POOL_ALREADY_IMPORTED: 1013,
  POOL_TOO_LOW_PRIORITY: 1014,
  POOL_CYCLE_DETECTED: 1015,
  POOL_IMMEDIATELY_DROPPED: 1016,
  AUTHOR_UNSUPPORTED_KEY_TYPE: 1017,
  POOL_UNACTIONABLE: 1018,
  POOL_NO_TAGS: 1019,
  POOL_INVALID_BLOCK_ID: 1020,
  POOL_FUTURE_TX: 1021,

  SYSTEM_NOT_HEALTHY: 2001,
  SYSTEM_MALFORMATTED_PEER_ARG: 2002,

  CHAIN_OTHER: 3001,

  STATE_INVALID_BLOCK_RANGE: 4001,
  STATE_INVALID_COUNT: 4002,

  PAYMENT_RUNTIME_ERROR: 1,
  PAYMENT_DECODE_ERROR: 2,

  /** New JSON-RPC spec (`chainHead_v1_*`). */
  CHAIN_HEAD_TOO_MANY_FOLLOWS: -32800,
  CHAIN_HEAD_INVALID_BLOCK: -32801,
  CHAIN_HEAD_INVALID_RUNTIME_CALL: -32802,
  CHAIN_HEAD_INVALID_CONTINUE: -32803,
  CHAIN_HEAD_DUPLICATE_HASHES: -32804,

  SEAL_SERVER_SHUTTING_DOWN: 10_000,
  SEAL_BLOCK_IMPORT_FAILED: 11_000,
  SEAL_EMPTY_TRANSACTION_POOL: 12_000,
  SEAL_BLOCK_NOT_FOUND: 13_000,
  SEAL_CONSENSUS_ERROR: 14_000,
  SEAL_INHERENTS_ERROR: 15_000,
  SEAL_BLOCKCHAIN_ERROR: 16_000,
  SEAL_UNKNOWN_ERROR: 20_000,
} as const;

/** jsonrpsee's fixed messages. */
export const MESSAGES = {
  PARSE_ERROR: "Parse error",
  INVALID_REQUEST: "Invalid request",
  METHOD_NOT_FOUND: "Method not found",
  INVALID_PARAMS: "Invalid params",
  INTERNAL_ERROR: "Internal error",
  UNSAFE: "RPC call is unsafe to be called externally",
  TOO_MANY_SUBSCRIPTIONS: "Too many subscriptions on the connection",
  OVERSIZED_REQUEST: "Request is too big",
  OVERSIZED_RESPONSE: "Response is too big",
  SERVER_IS_BUSY: "Server is busy, try again later",
  TOO_BIG_BATCH_REQUEST: "The batch request was too large",
  TOO_BIG_BATCH_RESPONSE: "The batch response was too large",
  /** jsonrpsee's HTTP 429 body when `--rpc-max-connections` is reached. */
  TOO_MANY_CONNECTIONS: "Too many connections. Please try again later.",
} as const;

const limit = (max: number) => `Exceeded max limit of ${max}`;

/** Constructors for the errors the server and the method groups send. */
export const rpcErrors = {
  parse: () => new RpcError(CODES.PARSE_ERROR, MESSAGES.PARSE_ERROR),
  invalidRequest: () => new RpcError(CODES.INVALID_REQUEST, MESSAGES.INVALID_REQUEST),
  methodNotFound: () => new RpcError(CODES.METHOD_NOT_FOUND, MESSAGES.METHOD_NOT_FOUND),
  /** jsonrpsee ≥ 0.20 shape: fixed message, the parse detail as data. */
  invalidParams: (detail: string) => new RpcError(CODES.INVALID_PARAMS, MESSAGES.INVALID_PARAMS, detail),
  internal: (detail?: string) => new RpcError(CODES.INTERNAL_ERROR, MESSAGES.INTERNAL_ERROR, detail),
  /** Substrate's `UnsafeRpcError`: the -32601 code with its own message. */
  unsafe: () => new RpcError(CODES.METHOD_NOT_FOUND, MESSAGES.UNSAFE),
  tooManySubscriptions: (max: number) => new RpcError(CODES.TOO_MANY_SUBSCRIPTIONS, MESSAGES.TOO_MANY_SUBSCRIPTIONS, limit(max)),
  oversizedRequest: (max: number) => new RpcError(CODES.OVERSIZED_REQUEST, MESSAGES.OVERSIZED_REQUEST, limit(max)),
  oversizedResponse: (max: number) => new RpcError(CODES.OVERSIZED_RESPONSE, MESSAGES.OVERSIZED_RESPONSE, limit(max)),
  tooBigBatch: (max: number) => new RpcError(CODES.TOO_BIG_BATCH_REQUEST, MESSAGES.TOO_BIG_BATCH_REQUEST, limit(max)),
  tooBigBatchResponse: (max: number) => new RpcError(CODES.TOO_BIG_BATCH_RESPONSE, MESSAGES.TOO_BIG_BATCH_RESPONSE, limit(max)),

  /** `sp_blockchain::Error` wrapped by a state/chain/author RPC: "Client error: UnknownBlock: …". */
  client: (detail: string) => new RpcError(CODES.CLIENT_ERROR, `Client error: ${detail}`),
  headerNotFound: (hashHex: string) => rpcErrors.client(`UnknownBlock: Header was not found in the database: ${hashHex}`),
  stateDiscarded: (hashHex: string) => rpcErrors.client(`UnknownBlock: State already discarded for ${hashHex}`),
  /** A runtime API the runtime does not export (sc-executor's wording). */
  runtimeMethodNotFound: (method: string) => rpcErrors.client(`Execution failed: Other: Exported method ${method} is not found`),
  runtimePanicked: (detail: string) => rpcErrors.client(`Execution failed: Runtime panicked: ${detail}`),

  chainOther: (message: string) => new RpcError(CODES.CHAIN_OTHER, message),
  /** `state/error.rs` `InvalidBlockRange`: from/to are shown with Rust's `{:?}` of a String, hence the quotes. */
  invalidBlockRange: (from: string, to: string, details: string) =>
    new RpcError(CODES.STATE_INVALID_BLOCK_RANGE, `Cannot resolve a block range ['${JSON.stringify(from)}' ... '${JSON.stringify(to)}]. ${details}`),
  invalidCount: (value: number, max: number) =>
    new RpcError(CODES.STATE_INVALID_COUNT, `count exceeds maximum value. value: ${value}, max: ${max}`),

  badFormat: (detail: string) => new RpcError(CODES.AUTHOR_BAD_FORMAT, `Extrinsic has invalid format: ${detail}`),
  badKeyType: () => rpcErrors.invalidParams("Invalid key type ID format (should be of length four)"),
  unsupportedKeyType: () => new RpcError(
    CODES.AUTHOR_UNSUPPORTED_KEY_TYPE, "Unknown key type crypto",
    "The crypto for the given key type is unknown, please add the public key to the request to insert the key successfully.",
  ),
  invalidSessionKeys: () => rpcErrors.client("Session keys are not encoded correctly"),

  paymentDecode: (what: "info" | "fee details", detail: string) =>
    new RpcError(CODES.PAYMENT_DECODE_ERROR, what === "info" ? "Unable to query dispatch info." : "Unable to query fee details.", detail),
  paymentRuntime: (what: "info" | "fee details", detail: string) =>
    new RpcError(CODES.PAYMENT_RUNTIME_ERROR, what === "info" ? "Unable to query dispatch info." : "Unable to query fee details.", detail),

  tooManyFollows: () => new RpcError(CODES.CHAIN_HEAD_TOO_MANY_FOLLOWS, "Maximum number of chainHead_follow has been reached"),
  invalidBlockHash: () => new RpcError(CODES.CHAIN_HEAD_INVALID_BLOCK, "Invalid block hash"),
  runtimeCallsNotFollowed: () => new RpcError(
    CODES.CHAIN_HEAD_INVALID_RUNTIME_CALL, "Invalid runtime call: the follow subscription was started with withRuntime false",
  ),
  invalidContinue: () => new RpcError(CODES.CHAIN_HEAD_INVALID_CONTINUE, "Wait for continue event was not generated for the subscription"),
  duplicateHashes: () => new RpcError(CODES.CHAIN_HEAD_DUPLICATE_HASHES, "Received duplicate hashes for the chainHead_unpin method"),

  sealEmptyPool: () => new RpcError(
    CODES.SEAL_EMPTY_TRANSACTION_POOL, "Transaction pool is empty, set create_empty to true, if you want to create empty blocks",
  ),
  sealBlockNotFound: (hashHex: string) => new RpcError(CODES.SEAL_BLOCK_NOT_FOUND, `Supplied parent_hash: ${hashHex} doesn't exist in chain`),
  sealShuttingDown: () => new RpcError(CODES.SEAL_SERVER_SHUTTING_DOWN, "Consensus process is terminating"),
  sealOther: (detail: string) => new RpcError(CODES.SEAL_UNKNOWN_ERROR, detail),
  sealFinalization: (detail: string) => new RpcError(CODES.SEAL_BLOCKCHAIN_ERROR, `Finalization Error: ${detail}`),
};

/** Whether a thrown value already carries a JSON-RPC code and message (an `RpcError` or a `PoolRejection`). */
export function isRpcErrorLike(e: unknown): e is { code: number; message: string; data?: unknown } {
  return typeof e === "object" && e !== null
    && typeof (e as { code?: unknown }).code === "number" && typeof (e as { message?: unknown }).message === "string";
}

/** The error object to send for anything a method threw. */
export function toErrorObject(e: unknown): { code: number; message: string; data?: unknown } {
  if (e instanceof RpcError) return e.toJSON();
  if (isRpcErrorLike(e)) {
    const { code, message, data } = e;
    return data === undefined ? { code, message } : { code, message, data };
  }
  return rpcErrors.internal().toJSON();
}
