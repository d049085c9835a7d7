/**
 * The transaction pool: validated ready and future queues fed by RPC and gossip, read by the block author.
 */
export { TxPool, type PoolBlock, type PoolLogger, type PoolStatus, type TxPoolDeps } from "./pool.js";
export { defaultTxPoolOptions, type QueueLimit, type TxPoolOptions } from "./options.js";
export { PoolError, POOL_ERROR_CODES, invalidTransactionText, type PoolErrorReason } from "./errors.js";
export type { ReadyIterator } from "./ready.js";
export type { PoolTransaction, TransactionSource } from "./transaction.js";
