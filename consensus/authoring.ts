/**
 * Block production, in one of three modes:
 *
 * - `aura`: at each 6 s slot, if our key is the slot's author (`Authorities[slot % n]` in the best block's
 *   state), build on the best block. Never two blocks in one slot: a slot is used once, and only if it is
 *   later than the best block's.
 * - `instant`: build as soon as the pool has a ready transaction (dev chains). Timestamps step at least one
 *   slot past the parent's, so Aura's slot keeps increasing however fast blocks come.
 * - `manual`: build only when asked (`engine_createBlock`), as Substrate's manual seal.
 *
 * Every mode seals with the Aura key it was given and imports through the one pipeline. `createBlock`
 * works in every mode. Block building stops at `budgetMs` of work (TFChain's 2 s) or when the block is full.
 */
import type { SealingService } from "../rpc/services.js";
import type { AuraSigner } from "./aura/seal.js";
import { msUntilNextSlot, slotAt } from "./aura/slots.js";
import { AuthoringError } from "./authoring-error.js";
import type { Chain } from "./chain.js";
import { SILENT, type ConsensusLogger } from "./log.js";
import { authorsSlot, propose, type Proposed, type ReadyIterable } from "./proposer.js";

export type SealingMode = "aura" | "instant" | "manual";

export interface AuthoringOptions {
  mode: SealingMode;
  /** Work budget per block, ms. */
  budgetMs: number;
}

/** TFChain's compute budget: 2 s of work per block. */
export const defaultAuthoringOptions: Omit<AuthoringOptions, "mode"> = { budgetMs: 2000 };

/** What authoring needs of the transaction pool (txpool's `ready()` and its ready event). */
export interface ReadyTransactions {
  /** Ready transactions, best first. */
  ready(): ReadyIterable;
  /** Subscribes to "a transaction became ready" (instant sealing); returns an unsubscribe. */
  onReady?(listener: () => void): () => void;
}

export interface AuthoringDeps {
  chain: Chain;
  /** The Aura key blocks are sealed with (the keystore's; `keyFromUri("//Alice")` for `--alice`). */
  signer: AuraSigner;
  pool?: ReadyTransactions;
  /** Unix time in ms; the chain's clock by default. */
  clock?: () => number;
  log?: ConsensusLogger;
}

const NO_TRANSACTIONS: ReadyTransactions = { ready: () => [] };

export class BlockAuthor implements SealingService {
  readonly mode: SealingMode;
  private readonly opts: AuthoringOptions;
  private readonly pool: ReadyTransactions;
  private readonly clock: () => number;
  private readonly log: ConsensusLogger;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private started = false;
  private stopped = false;
  private lastSlot = -1n;
  private instantPending = false;
  private instantRunning = false;

  constructor(opts: Partial<AuthoringOptions> & { mode: SealingMode }, private readonly deps: AuthoringDeps) {
    this.opts = { ...defaultAuthoringOptions, ...opts };
    this.mode = this.opts.mode;
    this.pool = deps.pool ?? NO_TRANSACTIONS;
    this.clock = deps.clock ?? deps.chain.clock;
    this.log = deps.log ?? SILENT;
  }

  /** Starts the slot timer (`aura`) or the pool subscription (`instant`); `manual` waits for `createBlock`. */
  start(): void {
    if (this.started) return;
    this.started = true;
    if (this.mode === "aura") this.onSlot();
    if (this.mode === "instant") {
      this.unsubscribe = this.pool.onReady?.(() => this.transactionReady());
      this.transactionReady();
    }
  }

  /** Stops producing and waits for a block being built to be imported. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.unsubscribe?.();
    await this.queue;
  }

  /** Instant sealing: a transaction became ready (for pools without `onReady`). */
  transactionReady(): void {
    if (this.mode !== "instant" || this.stopped || !this.started) return;
    this.instantPending = true;
    if (this.instantRunning) return;
    this.instantRunning = true;
    // Transactions submitted in the same tick go into one block.
    setImmediate(() => void this.instantLoop());
  }

  /** Authors a block now (`engine_createBlock`); `finalize` finalizes it at once. */
  async createBlock(opts: { createEmpty: boolean; finalize: boolean; parentHash?: Uint8Array }): Promise<{ hash: Uint8Array }> {
    const proposed = await this.serialized(() => this.produce({ parentHash: opts.parentHash, requireTransactions: !opts.createEmpty }));
    if (!proposed) throw new AuthoringError({ code: "STOPPED" });
    if (opts.finalize) await this.deps.chain.finalize(proposed.hash);
    return { hash: proposed.hash };
  }

  /** `engine_finalizeBlock`. */
  finalizeBlock(hash: Uint8Array): Promise<void> {
    return this.deps.chain.finalize(hash);
  }

  private async instantLoop(): Promise<void> {
    try {
      while (this.instantPending && !this.stopped) {
        this.instantPending = false;
        const proposed = await this.serialized(() => this.produce({ requireTransactions: true })).catch((e) => {
          if (e instanceof AuthoringError && e.code === "EMPTY_POOL") return undefined;
          throw e;
        });
        // A full block leaves ready transactions behind: build the next one at once.
        if (proposed?.stoppedBy && proposed.extrinsics > 1) this.instantPending = true;
      }
    } catch (e) {
      this.log.error("Block authoring failed", { error: e });
    } finally {
      this.instantRunning = false;
    }
  }

  private onSlot(): void {
    if (this.stopped) return;
    const now = this.clock();
    this.timer = setTimeout(() => this.onSlot(), msUntilNextSlot(now));
    const slot = slotAt(BigInt(now));
    if (slot <= this.lastSlot) return;
    const best = this.deps.chain.best();
    if (!authorsSlot(this.deps.chain, best.hash, slot, this.deps.signer)) return;
    this.lastSlot = slot;
    void this.serialized(() => this.produce({ parentHash: best.hash, slot, requireTransactions: false })).catch((e) => {
      this.log.error("Block authoring failed", { slot, error: e });
    });
  }

  private async produce(req: { parentHash?: Uint8Array; slot?: bigint; requireTransactions: boolean }): Promise<Proposed | undefined> {
    if (this.stopped) throw new AuthoringError({ code: "STOPPED" });
    const parentHash = req.parentHash ?? this.deps.chain.best().hash;
    const proposed = await propose(this.deps.chain, this.deps.signer, {
      parentHash, slot: req.slot, candidates: this.pool.ready(), requireTransactions: req.requireTransactions,
      now: this.clock(), budgetMs: this.opts.budgetMs,
    });
    if (proposed) {
      this.log.info("Prepared block for proposing", {
        number: proposed.number, hash: proposed.hash, slot: proposed.slot, txs: proposed.extrinsics, ms: Math.round(proposed.ms),
      });
    }
    return proposed;
  }

  private serialized<T>(f: () => Promise<T>): Promise<T> {
    const next = this.queue.then(f);
    this.queue = next.catch(() => {});
    return next;
  }
}
