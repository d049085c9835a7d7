/**
 * Re-validation of the pool after a new best block, in the background (Substrate's `revalidation`).
 *
 * Every transaction not yet validated at the new best block is run through the runtime again, parents before
 * dependents (ready queue best-first, then the future queue), `REVALIDATION_CHUNK` per event-loop turn so
 * that RPC and import keep flowing. Each chunk reads the best block at that moment; a newer best block
 * restarts the pass. Signatures are not checked again unless a reorg changed the birth block's hash.
 */
import { equalBytes } from "../primitives/bytes.js";
import { PoolError, validityError } from "./errors.js";
import type { BasePool } from "./base-pool.js";
import { REVALIDATION_CHUNK } from "./options.js";
import { verifyJob } from "./signature-batch.js";
import type { PoolTransaction } from "./transaction.js";
import type { TransactionValidator, ValidationContext } from "./validation.js";

export interface RevalidationHooks {
  /** `tx` is no longer valid: remove, ban and report it. */
  invalid(txs: PoolTransaction[]): void;
  /** `tx`'s verdict changed; it was taken out of its queue (`before`) and must be imported again. */
  changed(tx: PoolTransaction, before: "ready" | "future"): void;
  /** The runtime failed on `tx` (not a verdict); it stays. */
  error(error: PoolError, tx: PoolTransaction): void;
}

export class Revalidation {
  private generation = 0;

  constructor(
    private readonly pool: BasePool,
    private readonly validator: TransactionValidator,
    private readonly context: () => ValidationContext,
    private readonly hooks: RevalidationHooks,
  ) {}

  /** Starts a pass over the whole pool (ending any pass under way); resolves when it ends or is superseded. */
  start(): Promise<void> {
    const generation = ++this.generation;
    const keys = [...this.pool.ready.best()].map((tx) => tx.key).concat(this.pool.future.transactions().map((tx) => tx.key));
    return new Promise((resolve) => {
      let at = 0;
      const step = () => {
        if (generation !== this.generation || at >= keys.length) return resolve();
        const ctx = this.context();
        const end = Math.min(at + REVALIDATION_CHUNK, keys.length);
        for (; at < end; at++) this.revalidate(keys[at]!, ctx);
        setImmediate(step);
      };
      setImmediate(step);
    });
  }

  stop(): void {
    this.generation++;
  }

  private revalidate(key: string, ctx: ValidationContext): void {
    const tx = this.pool.get(key);
    if (!tx || tx.validatedAt === ctx.bestKey) return;
    let fresh: PoolTransaction;
    try {
      fresh = this.validator.validate(this.withBirthChecked(tx, ctx), ctx, tx.source);
    } catch (e) {
      if (!(e instanceof PoolError)) throw e;
      if (e.reason === "INVALID") this.hooks.invalid([tx]);
      // Unknown validity is left alone, as Substrate does: it may resolve with other transactions.
      else if (e.reason !== "UNKNOWN_VALIDITY") this.hooks.error(e, tx);
      return;
    }
    const where = this.pool.ready.has(key) ? "ready" : "future";
    const stillPlaced = where === "future" || fresh.requires.every((tag) => this.pool.ready.provides(tag));
    if (stillPlaced && sameVerdict(tx, fresh)) {
      tx.validTill = fresh.validTill;
      tx.validatedAt = fresh.validatedAt;
      return;
    }
    this.pool.removeOne(key);
    this.hooks.changed(fresh, where);
  }

  // After a reorg the era's birth block may be another block: the signature must hold for its hash.
  private withBirthChecked(tx: PoolTransaction, ctx: ValidationContext): PoolTransaction {
    const birthHash = this.validator.birthHashAt(tx.birthNumber, ctx);
    if (equalBytes(birthHash, tx.birthHash)) return tx;
    const job = this.validator.signatureJob(tx.encoded, birthHash);
    if (!job || !verifyJob(job)) throw validityError({ tag: "Invalid", value: { tag: "BadProof" } });
    return { ...tx, birthHash };
  }
}

function sameVerdict(a: PoolTransaction, b: PoolTransaction): boolean {
  return a.priority === b.priority && sameTags(a.provides, b.provides) && sameTags(a.requires, b.requires);
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}
