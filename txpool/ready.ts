/**
 * The ready queue: transactions whose every required tag is provided by the chain or by another ready
 * transaction (Substrate's `graph::ready`).
 *
 * Each tag is provided by at most one ready transaction. A newcomer providing a tag already provided replaces
 * the holders only with a strictly higher priority than their sum; the replaced ones' dependents then hang on
 * the newcomer. The block author reads the queue best-first: among transactions whose requirements are all met,
 * the highest priority, then the earliest `validTill`, then the oldest; a transaction becomes eligible once
 * the ready transactions it depends on were yielded.
 */
import { tooLowPriority } from "./errors.js";
import type { PoolTransaction } from "./transaction.js";

const U64_MAX = (1n << 64n) - 1n;

interface ReadyEntry {
  tx: PoolTransaction;
  insertionId: number;
}

export class ReadyQueue {
  private readonly entries = new Map<string, ReadyEntry>();
  /** tag → key of the ready transaction providing it. */
  private readonly providedBy = new Map<string, string>();
  /** tag → keys of the ready transactions requiring it. */
  private readonly requiredBy = new Map<string, Set<string>>();
  private nextInsertionId = 0;
  private byteCount = 0;

  get count(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.byteCount;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  get(key: string): PoolTransaction | undefined {
    return this.entries.get(key)?.tx;
  }

  provides(tag: string): boolean {
    return this.providedBy.has(tag);
  }

  transactions(): IterableIterator<PoolTransaction> {
    return (function* (entries) {
      for (const e of entries.values()) yield e.tx;
    })(this.entries);
  }

  /**
   * Adds `tx`, whose requirements are met; returns the transactions it replaced. Throws `TOO_LOW_PRIORITY`
   * (nothing changed) when it provides a tag of transactions whose summed priority is not lower.
   */
  import(tx: PoolTransaction): PoolTransaction[] {
    let replacedKeys: string[] | undefined;
    for (const tag of tx.provides) {
      const holder = this.providedBy.get(tag);
      if (holder !== undefined && !replacedKeys?.includes(holder)) (replacedKeys ??= []).push(holder);
    }
    let replaced: PoolTransaction[] = [];
    if (replacedKeys) {
      let old = 0n;
      for (const k of replacedKeys) old += this.entries.get(k)!.tx.priority;
      if (old > U64_MAX) old = U64_MAX;
      if (old >= tx.priority) throw tooLowPriority(old, tx.priority);
      replaced = replacedKeys.map((k) => this.removeOne(k)!);
    }
    this.entries.set(tx.key, { tx, insertionId: this.nextInsertionId++ });
    this.byteCount += tx.encoded.length;
    for (const tag of tx.provides) this.providedBy.set(tag, tx.key);
    for (const tag of tx.requires) {
      let set = this.requiredBy.get(tag);
      if (!set) this.requiredBy.set(tag, (set = new Set()));
      set.add(tx.key);
    }
    return replaced;
  }

  /** Removes one transaction; its dependents stay (the chain may now provide what they need). */
  removeOne(key: string): PoolTransaction | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const { tx } = entry;
    this.entries.delete(key);
    this.byteCount -= tx.encoded.length;
    for (const tag of tx.provides) if (this.providedBy.get(tag) === key) this.providedBy.delete(tag);
    for (const tag of tx.requires) {
      const set = this.requiredBy.get(tag);
      if (set?.delete(key) && set.size === 0) this.requiredBy.delete(tag);
    }
    return tx;
  }

  /** Removes `keys` and every ready transaction depending on them, transitively. */
  removeSubtree(keys: Iterable<string>): PoolTransaction[] {
    const removed: PoolTransaction[] = [];
    const stack = [...keys];
    while (stack.length > 0) {
      const key = stack.pop()!;
      const tx = this.entries.get(key)?.tx;
      if (!tx) continue;
      stack.push(...this.dependents(tx));
      this.removeOne(key);
      removed.push(tx);
    }
    return removed;
  }

  /** Removes the transaction providing `tag` (it is now on chain); its dependents become eligible. */
  pruneTag(tag: string): PoolTransaction | undefined {
    const key = this.providedBy.get(tag);
    return key === undefined ? undefined : this.removeOne(key);
  }

  /**
   * The transaction limit enforcement drops first: the lowest priority, and among equals the oldest
   * (Substrate prefers keeping newer transactions here).
   */
  worst(): PoolTransaction | undefined {
    let worst: ReadyEntry | undefined;
    for (const e of this.entries.values()) {
      if (!worst || e.tx.priority < worst.tx.priority || (e.tx.priority === worst.tx.priority && e.insertionId < worst.insertionId)) worst = e;
    }
    return worst?.tx;
  }

  /**
   * A snapshot of the queue, best first: later pool changes do not affect it. Transactions for which `exclude`
   * holds are skipped with their dependents.
   */
  best(exclude?: (tx: PoolTransaction) => boolean): ReadyIterator {
    return new BestIterator(this.entries, this.providedBy, (tx) => this.dependentsPerTag(tx), exclude);
  }

  private dependents(tx: PoolTransaction): string[] {
    return [...new Set(this.dependentsPerTag(tx))];
  }

  // One entry per (provided tag, dependent) pair: a dependent requiring two of its tags appears twice.
  private dependentsPerTag(tx: PoolTransaction): string[] {
    const out: string[] = [];
    for (const tag of tx.provides) {
      const set = this.requiredBy.get(tag);
      if (set) for (const k of set) if (k !== tx.key) out.push(k);
    }
    return out;
  }
}

/** Ready transactions best-first, for the block author. */
export interface ReadyIterator extends IterableIterator<PoolTransaction> {
  /** The author could not include `tx`: skip everything that depends on it. */
  reportInvalid(tx: PoolTransaction): void;
}

interface Node {
  tx: PoolTransaction;
  insertionId: number;
  waiting: number;
  dependents: string[];
}

class BestIterator implements ReadyIterator {
  private readonly nodes = new Map<string, Node>();
  private readonly heap: Node[] = [];
  private readonly invalid = new Set<string>();

  constructor(
    entries: Map<string, ReadyEntry>,
    providedBy: Map<string, string>,
    dependentsPerTag: (tx: PoolTransaction) => string[],
    private readonly exclude?: (tx: PoolTransaction) => boolean,
  ) {
    for (const [key, { tx, insertionId }] of entries) {
      let waiting = 0;
      for (const tag of tx.requires) {
        const provider = providedBy.get(tag);
        if (provider !== undefined && provider !== key) waiting++;
      }
      const node = { tx, insertionId, waiting, dependents: dependentsPerTag(tx) };
      this.nodes.set(key, node);
      if (waiting === 0) this.push(node);
    }
  }

  [Symbol.iterator](): this {
    return this;
  }

  next(): IteratorResult<PoolTransaction> {
    for (;;) {
      const node = this.pop();
      if (!node) return { done: true, value: undefined };
      if (this.invalid.has(node.tx.key)) continue;
      if (this.exclude?.(node.tx)) {
        this.reportInvalid(node.tx);
        continue;
      }
      for (const k of node.dependents) {
        const dep = this.nodes.get(k);
        if (dep && --dep.waiting === 0) this.push(dep);
      }
      return { done: false, value: node.tx };
    }
  }

  reportInvalid(tx: PoolTransaction): void {
    const stack = [tx.key];
    while (stack.length > 0) {
      const key = stack.pop()!;
      if (this.invalid.has(key)) continue;
      this.invalid.add(key);
      stack.push(...(this.nodes.get(key)?.dependents ?? []));
    }
  }

  // A binary max-heap on `better`.
  private push(node: Node): void {
    const h = this.heap;
    h.push(node);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!better(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  private pop(): Node | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && better(h[l]!, h[m]!)) m = l;
        if (r < h.length && better(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

// Substrate's `TransactionRef` order: priority, then the sooner `valid_till`, then the older insertion.
function better(a: Node, b: Node): boolean {
  if (a.tx.priority !== b.tx.priority) return a.tx.priority > b.tx.priority;
  if (a.tx.validTill !== b.tx.validTill) return a.tx.validTill < b.tx.validTill;
  return a.insertionId < b.insertionId;
}
