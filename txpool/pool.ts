/**
 * The transaction pool: admission, the ready/future queues, and upkeep as the chain moves.
 *
 * Admission: bans and duplicates first, then `prepare` (decode, sender, birth block, payload) on the main
 * thread, the signature on a worker, and the runtime's validation against the best state with the signature
 * already verified. The verdict's tags place the transaction in the ready or future queue; replacement,
 * limits and watchers follow Substrate's graph pool.
 *
 * Upkeep, called by the node: `onBlockImported` for every block that becomes part of the best chain (prune what
 * it included, promote what that unlocks, drop what expired, then re-validate the rest in the background),
 * `onFinalized` for every finalized block, `onRetracted` for every block a reorg takes off the best chain
 * (its transactions are re-submitted).
 */
import { equalBytes } from "../primitives/bytes.js";
import { extrinsicHash } from "../primitives/extrinsic.js";
import { storage as systemStorage } from "../runtime/pallets/system/storage.js";
import type { RuntimeApi } from "../runtime/runtime-api.js";
import type { TransactionStatus, TxPoolService } from "../rpc/services.js";
import type { StorageReader } from "../state/storage.js";
import { BanList } from "./bans.js";
import { BasePool, type PoolChanges } from "./base-pool.js";
import { alreadyImported, immediatelyDropped, PoolError, temporarilyBanned, validityError } from "./errors.js";
import { defaultTxPoolOptions, SIGNATURE_CHECKS_IN_FLIGHT, type TxPoolOptions } from "./options.js";
import type { ReadyIterator } from "./ready.js";
import { Revalidation } from "./revalidation.js";
import { verifyJob } from "./signature-batch.js";
import { SignatureVerifier, type SignatureStats } from "./signature-workers.js";
import { byteKey, type PoolTransaction, type TransactionSource } from "./transaction.js";
import { TransactionValidator, validationContext, type ValidationContext } from "./validation.js";
import { Watchers } from "./watchers.js";

/** The logging the pool needs (the node's `Logger` fits). */
export interface PoolLogger {
  error(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
}

export interface TxPoolDeps {
  /** The chain's runtime APIs: the pool validates through `runtimeApi.executive`. */
  runtimeApi: Pick<RuntimeApi, "executive">;
  genesisHash: Uint8Array;
  /** The best block now. */
  best(): { hash: Uint8Array; number: number };
  /** The state after block `hash`, synchronously; the best block's state must be available. */
  stateAt(hash: Uint8Array): StorageReader;
  log?: PoolLogger;
  /** Wall clock in ms, for bans. */
  now?: () => number;
  /** Signature workers shared with block import; the pool starts its own when absent (and closes only those). */
  signatureVerifier?: SignatureVerifier;
}

/** A block as the pool's hooks need it: extrinsics in their full encodings. */
export interface PoolBlock {
  hash: Uint8Array;
  number: number;
  extrinsics: readonly Uint8Array[];
}

export interface PoolStatus {
  ready: number;
  readyBytes: number;
  future: number;
  futureBytes: number;
}

const silent: PoolLogger = { error() {}, warn() {}, debug() {} };

export class TxPool implements TxPoolService {
  readonly options: TxPoolOptions;
  private readonly base = new BasePool();
  private readonly bans: BanList;
  private readonly watchers: Watchers;
  private readonly verifier: SignatureVerifier;
  private readonly ownsVerifier: boolean;
  private readonly validator: TransactionValidator;
  private readonly revalidation: Revalidation;
  private readonly readyListeners = new Set<(tx: PoolTransaction) => void>();
  private readonly log: PoolLogger;
  private ctx: ValidationContext | undefined;
  private verifying = 0;
  private readonly waitingToVerify: (() => void)[] = [];

  constructor(opts: Partial<TxPoolOptions>, private readonly deps: TxPoolDeps) {
    this.options = { ...defaultTxPoolOptions, ...opts };
    this.log = deps.log ?? silent;
    this.bans = new BanList(this.options.banTimeMs, deps.now ?? Date.now);
    this.watchers = new Watchers((error) => this.log.error("Transaction status listener failed", { error }));
    this.ownsVerifier = deps.signatureVerifier === undefined;
    this.verifier = deps.signatureVerifier ?? new SignatureVerifier(this.options.signatureWorkers, (error) => this.log.warn("Signature worker failed; replaced", { error }));
    this.validator = new TransactionValidator(deps.runtimeApi.executive, deps.genesisHash);
    this.revalidation = new Revalidation(this.base, this.validator, () => this.context(), {
      invalid: (txs) => void this.dropInvalid(txs, txs),
      changed: (tx, before) => this.reimport(tx, before),
      error: (error, tx) => this.log.warn("Re-validation failed", { hash: tx.hash, error }),
    });
  }

  /** Resolves once the signature workers are up (admission works before; it just waits for them). */
  async workersReady(): Promise<void> {
    await this.verifier.ready();
  }

  submit(extrinsic: Uint8Array, source: TransactionSource = "External"): Promise<Uint8Array> {
    return this.admit(extrinsic, source).then((r) => r.hash);
  }

  submitAndWatch(extrinsic: Uint8Array, listener: (status: TransactionStatus) => void): Promise<{ hash: Uint8Array; unwatch(): void }> {
    return this.admit(extrinsic, "External", listener);
  }

  /** The ready transactions, best first, as `author_pendingExtrinsics` lists them. */
  pending(): Uint8Array[] {
    return [...this.base.ready.best()].map((tx) => tx.encoded);
  }

  /** Removes transactions and what depends on them (`author_removeExtrinsic`); they are banned and reported invalid. */
  remove(hashes: Uint8Array[]): Uint8Array[] {
    const keys = hashes.map(byteKey);
    const roots = keys.map((k) => this.base.get(k)).filter((tx) => tx !== undefined);
    return this.dropInvalid(roots, this.base.removeSubtree(keys)).map((tx) => tx.hash);
  }

  /** The account's nonce at the best block, past its consecutive ready transactions (`system_accountNextIndex`). */
  nextNonce(account: Uint8Array): number {
    const { state } = this.context();
    let nonce = systemStorage.Account.get(state, account).nonce;
    while (this.base.ready.provides(nonceTag(account, nonce))) nonce++;
    return nonce;
  }

  /**
   * The ready transactions best first, for the author of a block on the best block: their signatures hold for
   * that chain, so the author may apply them with `signatureVerified`. A snapshot: later changes do not show.
   * Report a transaction the block could not take with `reportInvalid`, so that its dependents are skipped.
   */
  ready(): ReadyIterator {
    const ctx = this.context();
    // A mortal transaction not re-validated since a reorg may have been signed for a birth block now gone.
    return this.base.ready.best((tx) => tx.birthNumber !== 0 && tx.validatedAt !== ctx.bestKey && !this.birthStillHolds(tx, ctx));
  }

  /** A transaction in the pool by hash. */
  get(hash: Uint8Array): PoolTransaction | undefined {
    return this.base.get(byteKey(hash));
  }

  /** How many signatures were verified on the workers and on the main thread. */
  signatureStats(): SignatureStats {
    return { ...this.verifier.stats };
  }

  status(): PoolStatus {
    const { ready, future } = this.base;
    return { ready: ready.count, readyBytes: ready.bytes, future: future.count, futureBytes: future.bytes };
  }

  /** Calls `listener` for each transaction that becomes ready (to gossip it, or to seal at once). */
  onReadyTransaction(listener: (tx: PoolTransaction) => void): () => void {
    this.readyListeners.add(listener);
    return () => this.readyListeners.delete(listener);
  }

  /** The network sent the transaction to `peers`: watchers get `broadcast`. */
  notifyBroadcast(hash: Uint8Array, peers: string[]): void {
    this.watchers.broadcast(byteKey(hash), peers);
  }

  /**
   * A block was imported. For a block that joined the best chain (`isBest`, also each block a reorg
   * enacts, oldest first): its transactions leave the pool (`inBlock`), what they unlock is promoted, expired
   * ones are dropped; the returned promise settles when the rest has been re-validated.
   */
  onBlockImported(block: PoolBlock & { isBest: boolean }): Promise<void> {
    if (!block.isBest) return Promise.resolve();
    const included = block.extrinsics.map((xt) => byteKey(extrinsicHash(xt)));
    const known = included.map((k) => this.base.get(k)).filter((tx) => tx !== undefined);
    // Included future transactions leave first, so that pruning does not promote them.
    for (const tx of known) this.base.future.remove(tx.key);
    const pruned = this.base.pruneTags(known.flatMap((tx) => tx.provides));
    this.bans.ban(included);
    for (const key of included) this.watchers.inBlock(key, block);
    const includedKeys = new Set(included);
    // A ready transaction providing the same tag as an included one (same sender and nonce) can never go in.
    const competitors = pruned.pruned.filter((tx) => !includedKeys.has(tx.key));
    this.dropInvalid(competitors, competitors);
    this.report(pruned);
    this.dropStale(block.number);
    this.watchers.checkFinalityTimeout(block.number);
    this.bans.clearExpired();
    this.log.debug("Pruned block transactions", { number: block.number, included: known.length, ...this.status() });
    return this.revalidation.start();
  }

  /** A block was finalized: its watched transactions are `finalized`. Call for each, in order. */
  onFinalized(block: Pick<PoolBlock, "hash" | "number"> & { extrinsics?: readonly Uint8Array[] }): void {
    for (const xt of block.extrinsics ?? []) {
      // A block finalized without having been best first (sync): report inBlock before finalized.
      const key = byteKey(extrinsicHash(xt));
      if (this.watchers.isWatched(key) && !this.watchers.isInBlock(key, block.hash)) this.watchers.inBlock(key, block);
    }
    this.watchers.finalized(block.hash, block.number);
  }

  /**
   * A reorg took `block` off the best chain: its watched transactions are `retracted` and its signed
   * extrinsics re-submitted against the new best block. Call before `onBlockImported` of the new branch.
   */
  async onRetracted(block: PoolBlock): Promise<void> {
    this.watchers.retracted(block.hash);
    await Promise.all(
      block.extrinsics.map((xt) =>
        this.admit(xt, "InBlock").catch((e) => {
          // Included again on the new branch (stale), or no longer valid: nothing to re-queue.
          if (!(e instanceof PoolError)) throw e;
        }),
      ),
    );
  }

  /** Stops the workers and the background re-validation. */
  async close(): Promise<void> {
    this.revalidation.stop();
    if (this.ownsVerifier) await this.verifier.close();
  }

  private context(): ValidationContext {
    const best = this.deps.best();
    const cached = this.ctx;
    if (cached && cached.best.number === best.number && equalBytes(cached.best.hash, best.hash)) return cached;
    return (this.ctx = validationContext(best, this.deps.stateAt(best.hash)));
  }

  private async admit(encoded: Uint8Array, source: TransactionSource, listener?: (s: TransactionStatus) => void) {
    const hash = extrinsicHash(encoded);
    const key = byteKey(hash);
    if (source === "InBlock") this.bans.unban(key);
    else if (this.bans.isBanned(key)) throw temporarilyBanned();
    if (this.base.has(key)) throw alreadyImported(hash);
    let tx: PoolTransaction;
    if (this.verifying >= SIGNATURE_CHECKS_IN_FLIGHT) await new Promise<void>((r) => this.waitingToVerify.push(r));
    this.verifying++;
    try {
      let ctx = this.context();
      const prepared = this.validator.prepare(encoded, hash, ctx, listener !== undefined);
      if (prepared.job) {
        if (!(await this.verifier.verify(prepared.job))) throw validityError({ tag: "Invalid", value: { tag: "BadProof" } });
        ctx = this.context();
        if (ctx.bestKey !== prepared.preparedAt) this.recheckBirth(prepared, ctx);
      }
      tx = this.validator.validate(prepared, ctx, source);
    } catch (e) {
      // Invalid transactions are banned (Substrate's `ValidatedPool::submit`); unknown validity is not.
      if (e instanceof PoolError && e.reason === "INVALID") this.bans.ban([key]);
      throw e;
    } finally {
      this.verifying--;
      this.waitingToVerify.shift()?.();
    }
    return this.insert(tx, listener);
  }

  private birthStillHolds(tx: PoolTransaction, ctx: ValidationContext): boolean {
    try {
      return equalBytes(this.validator.birthHashAt(tx.birthNumber, ctx), tx.birthHash);
    } catch (e) {
      if (e instanceof PoolError) return false;
      throw e;
    }
  }

  // The best block moved while the signature was checked: a reorg may have changed the birth block's hash.
  private recheckBirth(p: { encoded: Uint8Array; birthNumber: number; birthHash: Uint8Array }, ctx: ValidationContext): void {
    const hash = this.validator.birthHashAt(p.birthNumber, ctx);
    if (equalBytes(hash, p.birthHash)) return;
    const job = this.validator.signatureJob(p.encoded, hash);
    if (!job || !verifyJob(job)) throw validityError({ tag: "Invalid", value: { tag: "BadProof" } });
    p.birthHash = hash;
  }

  private insert(tx: PoolTransaction, listener?: (s: TransactionStatus) => void): { hash: Uint8Array; unwatch(): void } {
    const unwatch = listener ? this.watchers.watch(tx.key, listener) : () => {};
    let imported;
    try {
      imported = this.base.import(tx);
    } catch (e) {
      unwatch();
      throw e;
    }
    const evicted = this.base.enforceLimits(this.options.ready, this.options.future);
    this.bans.ban(evicted.map((e) => e.key));
    const dropped = evicted.some((e) => e.key === tx.key);
    if (dropped) unwatch();
    else if (imported.status === "ready") this.becameReady(tx);
    else this.watchers.future(tx.key);
    this.report(imported);
    for (const e of evicted) this.watchers.dropped(e.key);
    if (dropped) throw immediatelyDropped();
    this.log.debug("Imported transaction", { hash: tx.hash, status: imported.status });
    return { hash: tx.hash, unwatch };
  }

  // Re-validation found a new verdict for `tx` (already taken out of the queues): put it back.
  private reimport(tx: PoolTransaction, before: "ready" | "future"): void {
    let imported;
    try {
      imported = this.base.import(tx);
    } catch (e) {
      if (!(e instanceof PoolError)) throw e;
      this.watchers.invalid(tx.key);
      return;
    }
    if (imported.status !== before) {
      if (imported.status === "ready") this.becameReady(tx);
      else this.watchers.future(tx.key);
    }
    this.report(imported);
  }

  private report(changes: PoolChanges): void {
    for (const tx of changes.promoted) this.becameReady(tx);
    for (const tx of changes.failed) this.watchers.invalid(tx.key);
    for (const { tx, by } of changes.usurped) this.watchers.usurped(tx.key, by.hash);
  }

  private becameReady(tx: PoolTransaction): void {
    this.watchers.ready(tx.key);
    for (const listener of this.readyListeners) {
      try {
        listener(tx);
      } catch (error) {
        this.log.error("Ready-transaction listener failed", { error });
      }
    }
  }

  // Bans `roots` and reports every removed transaction invalid (Substrate's `remove_invalid`).
  private dropInvalid(roots: readonly PoolTransaction[], removed: PoolTransaction[]): PoolTransaction[] {
    this.bans.ban(roots.map((tx) => tx.key));
    for (const tx of roots) this.base.removeOne(tx.key);
    for (const tx of removed) this.watchers.invalid(tx.key);
    return removed;
  }

  // Mortal transactions whose era ends with the next block can no longer be included.
  private dropStale(bestNumber: number): void {
    const stale: PoolTransaction[] = [];
    for (const tx of this.base.ready.transactions()) if (tx.validTill <= bestNumber) stale.push(tx);
    for (const tx of this.base.future.transactions()) if (tx.validTill <= bestNumber) stale.push(tx);
    if (stale.length === 0) return;
    this.dropInvalid(stale, this.base.removeSubtree(stale.map((tx) => tx.key)));
  }
}

// CheckNonce's tag: SCALE of `(AccountId, Nonce)`, the account followed by the nonce as u32 little-endian.
function nonceTag(account: Uint8Array, nonce: number): string {
  const tag = Buffer.alloc(36);
  tag.set(account, 0);
  tag.writeUInt32LE(nonce, 32);
  return tag.toString("latin1");
}
