/**
 * Finalizing a block GRANDPA agreed on, as `sc-consensus-grandpa`'s `finalize_block`: build the justification
 * from the commit (or take the imported one), finalize through the chain, store the justification when it
 * enacts an authority-set change, when it came with the block, or when finality crosses a multiple of the
 * justification period (TFChain: 512), apply the set change, and tell the justification subscribers.
 * Finalizations run one at a time, in the order asked.
 */
import { Justifications } from "../../primitives/block.js";
import type { ConsensusLogger } from "../log.js";
import { AuthoritySet, type SetStatus } from "./authorities.js";
import type { BlockIndex } from "./block-index.js";
import { hashBytes, type BlockRef } from "./block-ref.js";
import type { GrandpaChain } from "./environment.js";
import { justificationFromCommit } from "./justification.js";
import { GRANDPA_ENGINE_ID, GrandpaJustification, type Commit } from "./messages.js";
import type { VoterPersistence } from "./persistence.js";

/** A justification the voter produced or imported, for `grandpa_subscribeJustifications`. */
export interface JustificationNotice {
  hash: Uint8Array;
  number: number;
  /** SCALE `GrandpaJustification`. */
  justification: Uint8Array;
}

export interface FinalizerDeps {
  chain: GrandpaChain;
  index: BlockIndex;
  persistence: VoterPersistence;
  log: ConsensusLogger;
  justificationPeriod: number;
  /** The authority set in force, updated in place when a change is enacted. */
  set: () => AuthoritySet;
  /** Whether the voter still runs. */
  live: () => boolean;
  /** A new set took over at `block`. */
  onNewSet: (block: BlockRef) => Promise<void>;
}

/** Whether finalizing from `last` to `next` crosses a multiple of the justification period (Substrate's rule). */
export function crossesPeriod(last: number, next: number, period: number): boolean {
  if (period <= 0) return false;
  return (last !== 0 || next - last === period) && Math.floor(last / period) !== Math.floor(next / period);
}

export class Finalizer {
  /** The latest justification produced or imported (`grandpa_proveFinality` for the current set). */
  latest: Uint8Array | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(notice: JustificationNotice) => void>();

  constructor(private readonly deps: FinalizerDeps) {}

  onJustification(listener: (notice: JustificationNotice) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Finalizes `target`, justified by a round's `commit` or by an `imported` justification. */
  finalize(target: BlockRef, round: bigint, commit: Commit | undefined, imported?: GrandpaJustification): Promise<void> {
    const next = this.queue.then(() => this.run(target, round, commit, imported));
    this.queue = next.catch((e) => this.deps.log.error("GRANDPA finalization failed", { target: target.number, error: e }));
    return next;
  }

  /** Resolves once the finalizations asked for so far are done. */
  idle(): Promise<void> {
    return this.queue.then(() => {});
  }

  private async run(target: BlockRef, round: bigint, commit: Commit | undefined, imported: GrandpaJustification | undefined): Promise<void> {
    const { chain, index, log } = this.deps;
    if (!this.deps.live()) return;
    const before = chain.finalized().number;
    if (target.number <= before) return;
    const justification = imported ?? (await justificationFromCommit(round, commit!, (h) => chain.header(h)));
    const encoded = GrandpaJustification.enc(justification);
    await index.ensure(target.hash);
    const isDescendantOf = (a: string, b: string) => index.isDescendantOf(a, b);
    const preview = AuthoritySet.fromJSON(this.deps.set().toJSON()).applyStandardChanges(target, isDescendantOf);
    const required = imported !== undefined || preview.newSetBlock !== undefined || crossesPeriod(before, target.number, this.deps.justificationPeriod);
    await chain.finalize(hashBytes(target.hash), required ? Justifications.enc([[GRANDPA_ENGINE_ID, encoded]]) : undefined);
    log.debug("Finalized by GRANDPA", { number: target.number, hash: target.hash, round, stored: required });
    const set = this.deps.set();
    const status: SetStatus = set.applyStandardChanges(target, isDescendantOf);
    if (status.changed) void this.deps.persistence.saveAuthoritySet(set);
    this.latest = encoded;
    void this.deps.persistence.saveBestJustification(encoded);
    for (const l of [...this.listeners]) {
      try {
        l({ hash: hashBytes(target.hash), number: target.number, justification: encoded });
      } catch (e) {
        log.error("Justification listener failed", { error: e });
      }
    }
    if (status.newSetBlock && this.deps.live()) {
      log.info("Applied GRANDPA authority set change", { setId: set.setId, block: status.newSetBlock.number, authorities: set.authorities.length });
      await this.deps.onNewSet(status.newSetBlock);
    }
  }
}
