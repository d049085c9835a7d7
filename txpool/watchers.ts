/**
 * Watched transactions and their status streams (Substrate's `graph::listener`), as
 * `author_submitAndWatchExtrinsic` reports them: future/ready, then inBlock, then finalized; or retracted
 * (and ready again) on a reorg; or a final usurped/dropped/invalid/finalityTimeout.
 *
 * Statuses are queued and delivered on a later event-loop turn, in order: never before `submitAndWatch`
 * has resolved, so the RPC layer has its subscription id. A watch ends by itself after a final status.
 */
import type { TransactionStatus } from "../rpc/services.js";
import { FINALITY_TIMEOUT_BLOCKS } from "./options.js";
import { byteKey } from "./transaction.js";

export type StatusListener = (status: TransactionStatus) => void;

interface Watch {
  listener: StatusListener;
  closed: boolean;
}

interface BlockWatch {
  hash: Uint8Array;
  number: number;
  txs: Set<string>;
}

const FINAL: ReadonlySet<TransactionStatus["tag"]> = new Set(["finalized", "usurped", "dropped", "invalid", "finalityTimeout"]);

export class Watchers {
  private readonly byTx = new Map<string, Set<Watch>>();
  private readonly blocks = new Map<string, BlockWatch>();
  private queue: [Watch, TransactionStatus][] = [];
  private scheduled = false;

  constructor(private readonly onListenerError: (error: unknown) => void) {}

  get size(): number {
    return this.byTx.size;
  }

  /** Starts watching `key`; returns the function that stops it. */
  watch(key: string, listener: StatusListener): () => void {
    const watch: Watch = { listener, closed: false };
    let set = this.byTx.get(key);
    if (!set) this.byTx.set(key, (set = new Set()));
    set.add(watch);
    return () => {
      watch.closed = true;
      this.detach(key, watch);
    };
  }

  isWatched(key: string): boolean {
    return this.byTx.has(key);
  }

  /** Whether `key` was reported `inBlock` of `blockHash` (and not retracted since). */
  isInBlock(key: string, blockHash: Uint8Array): boolean {
    return this.blocks.get(byteKey(blockHash))?.txs.has(key) ?? false;
  }

  future(key: string): void {
    this.emit(key, { tag: "future" });
  }

  ready(key: string): void {
    this.emit(key, { tag: "ready" });
  }

  broadcast(key: string, peers: string[]): void {
    this.emit(key, { tag: "broadcast", peers });
  }

  usurped(key: string, by: Uint8Array): void {
    this.emit(key, { tag: "usurped", by });
  }

  dropped(key: string): void {
    this.emit(key, { tag: "dropped" });
  }

  invalid(key: string): void {
    this.emit(key, { tag: "invalid" });
  }

  inBlock(key: string, block: { hash: Uint8Array; number: number }): void {
    if (!this.byTx.has(key)) return;
    const blockKey = byteKey(block.hash);
    let watch = this.blocks.get(blockKey);
    if (!watch) this.blocks.set(blockKey, (watch = { hash: block.hash, number: block.number, txs: new Set() }));
    watch.txs.add(key);
    this.emit(key, { tag: "inBlock", block: block.hash });
  }

  /** The block left the best chain: its watched transactions are `retracted` (they are re-submitted). */
  retracted(blockHash: Uint8Array): void {
    const blockKey = byteKey(blockHash);
    const watch = this.blocks.get(blockKey);
    if (!watch) return;
    this.blocks.delete(blockKey);
    for (const key of watch.txs) this.emit(key, { tag: "retracted", block: blockHash });
  }

  /** The block is final: its watched transactions get `finalized`; blocks at or below it on other forks are forgotten. */
  finalized(blockHash: Uint8Array, number: number): void {
    const blockKey = byteKey(blockHash);
    const watch = this.blocks.get(blockKey);
    if (watch) {
      this.blocks.delete(blockKey);
      for (const key of watch.txs) this.emit(key, { tag: "finalized", block: blockHash });
    }
    for (const [k, w] of this.blocks) if (w.number <= number) this.blocks.delete(k);
  }

  /** Blocks that stayed unfinalized for too long: their transactions get `finalityTimeout`. */
  checkFinalityTimeout(bestNumber: number): void {
    for (const [k, w] of this.blocks) {
      if (w.number + FINALITY_TIMEOUT_BLOCKS >= bestNumber) continue;
      this.blocks.delete(k);
      for (const key of w.txs) this.emit(key, { tag: "finalityTimeout", block: w.hash });
    }
  }

  private emit(key: string, status: TransactionStatus): void {
    const set = this.byTx.get(key);
    if (!set) return;
    for (const watch of set) this.queue.push([watch, status]);
    if (FINAL.has(status.tag)) {
      this.byTx.delete(key);
      for (const w of this.blocks.values()) w.txs.delete(key);
    }
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.scheduled = false;
    const queue = this.queue;
    this.queue = [];
    for (const [watch, status] of queue) {
      if (watch.closed) continue;
      if (FINAL.has(status.tag)) watch.closed = true;
      try {
        watch.listener(status);
      } catch (e) {
        this.onListenerError(e);
      }
    }
  }

  private detach(key: string, watch: Watch): void {
    const set = this.byTx.get(key);
    if (!set?.delete(watch) || set.size > 0) return;
    this.byTx.delete(key);
    for (const w of this.blocks.values()) w.txs.delete(key);
  }
}
