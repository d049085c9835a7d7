/**
 * The future queue: transactions waiting for tags nobody provides yet (Substrate's `graph::future`), such
 * as a nonce past the account's next one. A transaction leaves it when the last tag it misses is provided
 * by a transaction entering the ready queue or by the chain.
 */
import type { PoolTransaction } from "./transaction.js";

interface Waiting {
  tx: PoolTransaction;
  missing: Set<string>;
}

export class FutureQueue {
  private readonly waiting = new Map<string, Waiting>();
  /** tag → keys of the transactions missing it. */
  private readonly wanted = new Map<string, Set<string>>();
  private byteCount = 0;

  get count(): number {
    return this.waiting.size;
  }

  get bytes(): number {
    return this.byteCount;
  }

  has(key: string): boolean {
    return this.waiting.has(key);
  }

  get(key: string): PoolTransaction | undefined {
    return this.waiting.get(key)?.tx;
  }

  transactions(): PoolTransaction[] {
    return [...this.waiting.values()].map((w) => w.tx);
  }

  import(tx: PoolTransaction, missing: Iterable<string>): void {
    const w: Waiting = { tx, missing: new Set(missing) };
    this.waiting.set(tx.key, w);
    this.byteCount += tx.encoded.length;
    for (const tag of w.missing) {
      let set = this.wanted.get(tag);
      if (!set) this.wanted.set(tag, (set = new Set()));
      set.add(tx.key);
    }
  }

  /** Marks `tags` as provided; returns (and removes) the transactions that now miss nothing. */
  satisfyTags(tags: Iterable<string>): PoolTransaction[] {
    const unlocked: PoolTransaction[] = [];
    for (const tag of tags) {
      const keys = this.wanted.get(tag);
      if (!keys) continue;
      this.wanted.delete(tag);
      for (const key of keys) {
        const w = this.waiting.get(key);
        if (!w) continue;
        w.missing.delete(tag);
        if (w.missing.size === 0) {
          this.remove(key);
          unlocked.push(w.tx);
        }
      }
    }
    return unlocked;
  }

  remove(key: string): PoolTransaction | undefined {
    const w = this.waiting.get(key);
    if (!w) return undefined;
    this.waiting.delete(key);
    this.byteCount -= w.tx.encoded.length;
    for (const tag of w.missing) {
      const set = this.wanted.get(tag);
      if (set?.delete(key) && set.size === 0) this.wanted.delete(tag);
    }
    return w.tx;
  }

  /** The transaction limit enforcement drops first: the one waiting longest (maps iterate in insertion order). */
  oldest(): PoolTransaction | undefined {
    for (const w of this.waiting.values()) return w.tx;
    return undefined;
  }
}
