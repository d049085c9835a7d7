/**
 * The RPC server's limits, as named constants (listed in LIMITS.md). Defaults are Substrate's
 * (`sc-cli` `RpcParams`, sc-rpc-server) unless a comment says otherwise.
 */

const MIB = 1024 * 1024;

/** `--rpc-max-connections`: open TCP connections, WebSocket and HTTP together. */
export const RPC_MAX_CONNECTIONS = 100;
/** `--rpc-max-request-size` (15 MiB): one request body or WebSocket message, batch included. */
export const RPC_MAX_REQUEST_BYTES = 15 * MIB;
/** `--rpc-max-response-size` (15 MiB): one response, batch included. */
export const RPC_MAX_RESPONSE_BYTES = 15 * MIB;
/** `--rpc-max-subscriptions-per-connection`. */
export const RPC_MAX_SUBSCRIPTIONS_PER_CONNECTION = 1024;
/**
 * Calls in one batch. Substrate leaves batches unbounded by default (`--rpc-max-batch-request-len`); we bound
 * them so one message cannot queue unbounded work. Indexers send batches of tens to hundreds.
 */
export const RPC_MAX_BATCH_LENGTH = 1000;
/**
 * A request above the request limit is answered with -32007 and the connection stays open, as in jsonrpsee;
 * one above this multiple of the limit is not read at all: the WebSocket is closed (1009), the HTTP body cut.
 */
export const REQUEST_HARD_CAP_FACTOR = 2;
/**
 * Bytes queued for a WebSocket client that does not read. Past this the connection is closed (1008), so a slow
 * subscriber cannot grow the node's memory without bound.
 */
export const WS_MAX_BUFFERED_BYTES = 64 * MIB;
/**
 * Calls of one WebSocket connection being answered at once; past this the server stops reading the connection
 * until half of them are done (ours; jsonrpsee bounds its per-connection buffer likewise).
 */
export const RPC_MAX_INFLIGHT_PER_CONNECTION = 1024;
/** `state_getKeysPaged`: `STORAGE_KEYS_PAGED_MAX_COUNT` in sc-rpc. */
export const STORAGE_KEYS_PAGED_MAX_COUNT = 1000;
/**
 * Blocks one `state_queryStorage` may walk (ours: Substrate walks any range, it is an unsafe method). Keeps one
 * call from reading the whole chain.
 */
export const QUERY_STORAGE_MAX_BLOCKS = 10_000;
/** Keys in one `state_subscribeStorage`, `state_queryStorageAt` or `state_getReadProof` (ours). */
export const MAX_KEYS_PER_CALL = 10_000;
/** Length of a subscription id: Substrate's `RandomStringIdProvider::new(16)`. */
export const SUBSCRIPTION_ID_LENGTH = 16;
/** `chainHead_v1_follow` subscriptions per connection (the spec requires at least 2; Substrate allows 4). */
export const CHAIN_HEAD_MAX_FOLLOWS_PER_CONNECTION = 4;
/** Blocks one follow subscription may keep pinned; past it the subscription stops (Substrate: 512). */
export const CHAIN_HEAD_MAX_PINNED_BLOCKS = 512;
/** Operations (`body`, `call`, storage items) running at once per follow subscription (the spec's minimum, 16). */
export const CHAIN_HEAD_MAX_OPERATIONS = 16;
/** Storage items per `operationStorageItems` notification for descendant queries. */
export const CHAIN_HEAD_STORAGE_ITEMS_PER_EVENT = 1000;
/** `transaction_v1_broadcast` operations alive at once, all clients together (the spec's minimum is 4 per client). */
export const TRANSACTION_MAX_BROADCASTS = 1024;
