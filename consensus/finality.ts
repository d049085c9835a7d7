/**
 * Finality for a single-authority dev chain: every block becomes final on its own, shortly after import.
 *
 * A block is finalized when its child is imported or `lagMs` after its own import, whichever comes first,
 * but never sooner than `minLagMs` after its own import and never in the tick that announced it: a client
 * that sees `finalized` before it fetched the `inBlock` block loses the `inBlock` status
 * (`client-rpc-surface.md` §4.5), which a GRANDPA voter's delay avoids on a real chain. Only blocks of the
 * best chain are finalized.
 *
 * TODO(#8): the GRANDPA gadget replaces this behind the same `FinalityGadget` interface.
 */
import { equalBytes, toHex } from "../primitives/bytes.js";
import type { Chain } from "./chain.js";
import type { ImportedBlockNotice } from "./import/index.js";
import { SILENT, type ConsensusLogger } from "./log.js";

/** A finality mechanism: started once the chain is open, stopped before it closes. */
export interface FinalityGadget {
  start(): void;
  /** Stops finalizing and waits for a finalization in progress. */
  stop(): Promise<void>;
}

export interface DevFinalityOptions {
  /** A block with no child yet is finalized this long after its import, ms. */
  lagMs: number;
  /** No block is finalized sooner than this after its import, ms. */
  minLagMs: number;
}

export const defaultDevFinalityOptions: DevFinalityOptions = { lagMs: 1000, minLagMs: 250 };

interface Pending {
  hash: Uint8Array;
  number: number;
  parentHash: Uint8Array;
  importedAt: number;
  timer: NodeJS.Timeout;
}

export class DevFinality implements FinalityGadget {
  private readonly opts: DevFinalityOptions;
  private readonly log: ConsensusLogger;
  private readonly pending = new Map<string, Pending>();
  private unsubscribe: (() => void) | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(opts: Partial<DevFinalityOptions>, private readonly deps: { chain: Chain; log?: ConsensusLogger }) {
    this.opts = { ...defaultDevFinalityOptions, ...opts };
    this.log = deps.log ?? SILENT;
  }

  start(): void {
    const { chain } = this.deps;
    this.unsubscribe = chain.onImported((b) => this.onImported(b));
    // After a restart, the best chain above the finalized block finalizes as if just imported.
    const best = chain.best();
    if (best.number > chain.finalized().number) {
      void chain.header(best.hash).then((header) => {
        if (header && !this.stopped) this.track(best.hash, best.number, header.parentHash, this.opts.lagMs);
      });
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
    await this.running;
  }

  private onImported(block: ImportedBlockNotice): void {
    if (this.stopped) return;
    this.track(block.hash, block.number, block.header.parentHash, this.opts.lagMs);
    const parent = this.pending.get(toHex(block.header.parentHash));
    if (parent) {
      clearTimeout(parent.timer);
      const wait = Math.max(0, parent.importedAt + this.opts.minLagMs - performance.now());
      parent.timer = setTimeout(() => this.finalize(parent), wait);
    }
  }

  private track(hash: Uint8Array, number: number, parentHash: Uint8Array, delay: number): void {
    const entry: Pending = { hash, number, parentHash, importedAt: performance.now(), timer: undefined as unknown as NodeJS.Timeout };
    entry.timer = setTimeout(() => this.finalize(entry), Math.max(delay, this.opts.minLagMs));
    this.pending.set(toHex(hash), entry);
  }

  private finalize(target: Pending): void {
    const next = this.running.then(async () => {
      if (this.stopped) return;
      const { chain } = this.deps;
      if (target.number <= chain.finalized().number) return this.forget(target.number);
      const canonical = await chain.hashAt(target.number);
      if (!canonical || !equalBytes(canonical, target.hash)) {
        // A block of a fork that lost: it never becomes final.
        this.pending.delete(toHex(target.hash));
        return;
      }
      await chain.finalize(target.hash);
      this.forget(target.number);
    }).catch((e) => this.log.error("Finalization failed", { hash: target.hash, error: e }));
    this.running = next;
  }

  private forget(upTo: number): void {
    for (const [key, p] of this.pending) {
      if (p.number > upTo) continue;
      clearTimeout(p.timer);
      this.pending.delete(key);
    }
  }
}
