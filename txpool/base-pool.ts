/**
 * The ready and future queues together (Substrate's `graph::base_pool`): where an imported transaction goes,
 * what it unlocks, what a block's tags prune, and what the limits evict.
 */
import { alreadyImported, cycleDetected, PoolError } from "./errors.js";
import { FutureQueue } from "./future.js";
import type { QueueLimit } from "./options.js";
import { ReadyQueue } from "./ready.js";
import type { PoolTransaction } from "./transaction.js";

/** What an import changed besides adding the transaction. */
export interface PoolChanges {
  /** Future transactions that became ready. */
  promoted: PoolTransaction[];
  /** Future transactions that could not enter the ready queue (a higher-priority one holds their tag). */
  failed: PoolTransaction[];
  /** Ready transactions replaced by a higher-priority one providing the same tag. */
  usurped: { tx: PoolTransaction; by: PoolTransaction }[];
}

export interface Imported extends PoolChanges {
  status: "ready" | "future";
}

const noChanges = (): PoolChanges => ({ promoted: [], failed: [], usurped: [] });

export class BasePool {
  readonly ready = new ReadyQueue();
  readonly future = new FutureQueue();

  has(key: string): boolean {
    return this.ready.has(key) || this.future.has(key);
  }

  get(key: string): PoolTransaction | undefined {
    return this.ready.get(key) ?? this.future.get(key);
  }

  /** Adds a validated transaction: ready if the ready queue provides all it requires, else future. */
  import(tx: PoolTransaction): Imported {
    if (this.has(tx.key)) throw alreadyImported(tx.hash);
    const missing = tx.requires.length === 0 ? tx.requires : tx.requires.filter((tag) => !this.ready.provides(tag));
    if (missing.length > 0) {
      this.future.import(tx, missing);
      return { status: "future", ...noChanges() };
    }
    return { status: "ready", ...this.importToReady(tx) };
  }

  /**
   * The chain now provides `tags` (a block included their transactions): the ready transactions providing
   * them leave, and future transactions waiting for them are promoted.
   */
  pruneTags(tags: Iterable<string>): PoolChanges & { pruned: PoolTransaction[] } {
    const changes = noChanges();
    const pruned: PoolTransaction[] = [];
    const unlocked: PoolTransaction[] = [];
    for (const tag of tags) {
      unlocked.push(...this.future.satisfyTags([tag]));
      const tx = this.ready.pruneTag(tag);
      if (tx) pruned.push(tx);
    }
    for (const tx of unlocked) {
      try {
        const c = this.importToReady(tx);
        changes.promoted.push(tx, ...c.promoted);
        changes.failed.push(...c.failed);
        changes.usurped.push(...c.usurped);
      } catch (e) {
        if (!(e instanceof PoolError)) throw e;
        changes.failed.push(tx);
      }
    }
    return { ...changes, pruned };
  }

  /** Removes `keys` with every ready transaction depending on them. */
  removeSubtree(keys: Iterable<string>): PoolTransaction[] {
    const list = [...keys];
    const removed = this.ready.removeSubtree(list);
    for (const key of list) {
      const tx = this.future.remove(key);
      if (tx) removed.push(tx);
    }
    return removed;
  }

  /** Removes one transaction only (it is re-imported right after with a fresh validity). */
  removeOne(key: string): PoolTransaction | undefined {
    return this.ready.removeOne(key) ?? this.future.remove(key);
  }

  /** Evicts until both queues fit: the worst ready transactions (with dependents), the oldest future ones. */
  enforceLimits(ready: QueueLimit, future: QueueLimit): PoolTransaction[] {
    const removed: PoolTransaction[] = [];
    while (this.ready.count > ready.count || this.ready.bytes > ready.bytes) {
      const worst = this.ready.worst();
      if (!worst) break;
      removed.push(...this.ready.removeSubtree([worst.key]));
    }
    while (this.future.count > future.count || this.future.bytes > future.bytes) {
      const oldest = this.future.oldest();
      if (!oldest) break;
      this.future.remove(oldest.key);
      removed.push(oldest);
    }
    return removed;
  }

  // Imports into ready, then promotes what it unlocks, transitively.
  private importToReady(tx: PoolTransaction): PoolChanges {
    const changes = noChanges();
    for (const old of this.ready.import(tx)) changes.usurped.push({ tx: old, by: tx });
    const queue = this.future.satisfyTags(tx.provides);
    while (queue.length > 0) {
      const next = queue.shift()!;
      try {
        for (const old of this.ready.import(next)) changes.usurped.push({ tx: old, by: next });
        changes.promoted.push(next);
        queue.push(...this.future.satisfyTags(next.provides));
      } catch (e) {
        if (!(e instanceof PoolError)) throw e;
        changes.failed.push(next);
      }
    }
    if (changes.usurped.some((u) => u.tx.key === tx.key)) {
      // A promoted transaction pushed out the one that unlocked it: a dependency cycle nobody can resolve.
      this.ready.removeSubtree(changes.promoted.map((p) => p.key));
      throw cycleDetected();
    }
    return changes;
  }
}
