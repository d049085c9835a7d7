/**
 * The pool's limits and tunables, with Substrate's defaults (`sc-transaction-pool` `Options::default()`).
 *
 * Every limit here is listed in LIMITS.md at the project root.
 */

/** Ready queue: at most this many transactions (Substrate: 8,192). */
export const READY_COUNT_LIMIT = 8_192;
/** Ready queue: at most this many bytes of encoded extrinsics (Substrate: 20 MiB). */
export const READY_BYTES_LIMIT = 20 * 1024 * 1024;
/** Future queue: a tenth of the ready limits, as Substrate (819 transactions). */
export const FUTURE_COUNT_LIMIT = Math.floor(READY_COUNT_LIMIT / 10);
/** Future queue bytes: a tenth of the ready bytes (2 MiB). */
export const FUTURE_BYTES_LIMIT = Math.floor(READY_BYTES_LIMIT / 10);
/** How long the hash of an invalid, included or evicted transaction is refused (Substrate: 30 minutes). */
export const BAN_TIME_MS = 30 * 60 * 1000;
/** The ban list is trimmed to this many newest entries once it holds twice as many (Substrate's rotator). */
export const BAN_LIST_EXPECTED_SIZE = 2_048;
/** Worker threads that verify signatures. */
export const SIGNATURE_WORKERS = 2;
/**
 * Submissions between decoding and the end of validation, at most; later ones wait undecoded. Bounds the
 * memory a flood of submissions holds, and keeps about four batches queued per worker.
 */
export const SIGNATURE_CHECKS_IN_FLIGHT = 1_024;
/** Signatures sent to a worker in one message, at most. */
export const SIGNATURE_BATCH_MAX = 128;
/** Transactions re-validated per event-loop turn after a new best block. */
export const REVALIDATION_CHUNK = 256;
/** Blocks after which a watched `inBlock` transaction whose block is not finalized gets `finalityTimeout` (Substrate). */
export const FINALITY_TIMEOUT_BLOCKS = 512;

export interface QueueLimit {
  count: number;
  bytes: number;
}

export interface TxPoolOptions {
  ready: QueueLimit;
  future: QueueLimit;
  banTimeMs: number;
  /** 0 verifies on the main thread (tests, tools). */
  signatureWorkers: number;
}

export const defaultTxPoolOptions: TxPoolOptions = {
  ready: { count: READY_COUNT_LIMIT, bytes: READY_BYTES_LIMIT },
  future: { count: FUTURE_COUNT_LIMIT, bytes: FUTURE_BYTES_LIMIT },
  banTimeMs: BAN_TIME_MS,
  signatureWorkers: SIGNATURE_WORKERS,
};
