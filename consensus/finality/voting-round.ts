/**
 * A voter's progress through one round, as `finality_grandpa::voter::voting_round::VotingRound`.
 *
 * start → (primary proposes the last round's estimate) → prevote, when the prevote timer (2 gossip periods)
 * fires or the round is already completable → precommit, when the prevote GHOST is at or above the last
 * round's estimate and the precommit timer (4 gossip periods) fired or the round is completable. A voter
 * outside the set walks the same steps without casting votes. Once the round is completable with a
 * finalized block, and we precommitted (or could not vote: a round caught up to), the round reports that
 * block with the precommits that justify it.
 */
import { hashBytes, sameBlock, type BlockRef } from "./block-ref.js";
import type { Message, SignedMessage } from "./messages.js";
import { isEqualOrDescendantOf, type AncestryChain, type RecordedVote, type Round, type RoundState } from "./round.js";

export type Voting = "no" | "yes" | "primary";
export type RoundStep = "start" | "proposed" | "prevoted" | "precommitted";

/** What a round needs from the voter around it. */
export interface RoundEnvironment {
  readonly chain: AncestryChain;
  /** The block to prevote for on top of `base`; `undefined` if there is none. */
  bestChainContaining(base: BlockRef): BlockRef | undefined;
  /** Signs, records and sends one of our votes, and imports it into the round. */
  cast(round: VotingRound, message: Message): void;
  /** The round finalized `target`, justified by `precommits`. */
  finalized(round: VotingRound, target: BlockRef, precommits: RecordedVote[]): void;
}

export class VotingRound {
  step: RoundStep | undefined;
  prevoteTimerFired = false;
  precommitTimerFired = false;
  primaryBlock: BlockRef | undefined;
  /** The last finalization this round reported (`best_finalized`). */
  reported: { target: BlockRef; precommits: RecordedVote[] } | undefined;
  /** Commit duty once the round is in the background; `done` once it committed or saw a better commit. */
  committer: { timerFired: boolean; done: boolean; seenCommitNumber: number | undefined } | undefined;
  readonly timers: unknown[] = [];
  /** Our votes in this round, once stored: rebroadcast every gossip period. */
  readonly ownVotes: SignedMessage[] = [];

  /**
   * @param lastRoundState the previous round's live state; absent for a round restored or caught up to,
   *   in which we do not vote.
   */
  constructor(
    readonly round: Round,
    public voting: Voting,
    readonly lastRoundState: (() => RoundState) | undefined,
  ) {
    this.step = lastRoundState ? "start" : undefined;
  }

  get number(): bigint {
    return this.round.number;
  }

  /** Casts what the state allows and reports finality; call after every change. */
  poll(env: RoundEnvironment): void {
    const last = this.lastRoundState?.();
    if (last) {
      this.primaryPropose(env, last);
      this.prevote(env, last);
      this.precommit(env, last);
    }
    this.notify(env);
  }

  /** Whether the next round may start: completable, precommitted, and the last estimate finalized. */
  readyForNext(): boolean {
    if (!this.round.completable || this.step !== "precommitted") return false;
    const last = this.lastRoundState?.();
    if (!last) return true;
    if (!last.estimate || !last.finalized) return false;
    const current = this.round.finalized;
    return last.estimate.number <= last.finalized.number || (current !== undefined && last.estimate.number <= current.number);
  }

  private primaryPropose(env: RoundEnvironment, last: RoundState): void {
    if (this.step !== "start" || this.voting !== "primary" || !last.estimate) return;
    if (last.finalized && last.estimate.number <= last.finalized.number) return;
    env.cast(this, { tag: "PrimaryPropose", value: voteOf(last.estimate) });
    this.step = "proposed";
  }

  private prevote(env: RoundEnvironment, last: RoundState): void {
    if (this.step !== "start" && this.step !== "proposed") return;
    if (!this.prevoteTimerFired && !this.round.completable) return;
    if (this.voting === "no") {
      this.step = "prevoted";
      return;
    }
    const target = env.bestChainContaining(this.prevoteBase(env, last));
    if (!target) {
      // Substrate's voter sits the round out when its candidate block disappeared.
      this.step = undefined;
      this.voting = "no";
      return;
    }
    env.cast(this, { tag: "Prevote", value: voteOf(target) });
    this.step = "prevoted";
  }

  // `construct_prevote`: the last round's estimate, or the primary's block when it is between that estimate
  // and the last round's prevote GHOST.
  private prevoteBase(env: RoundEnvironment, last: RoundState): BlockRef {
    const estimate = last.estimate!;
    const primary = this.primaryBlock;
    const lastGhost = last.prevoteGhost;
    if (!primary || !lastGhost) return estimate;
    if (sameBlock(primary, lastGhost)) return primary;
    if (primary.number >= lastGhost.number) return estimate;
    const route = env.chain.ancestry(estimate.hash, lastGhost.hash);
    if (!route) return estimate;
    const offset = lastGhost.number < primary.number + 1 ? 0 : lastGhost.number - (primary.number + 1);
    return route[offset] === primary.hash ? primary : estimate;
  }

  private precommit(env: RoundEnvironment, last: RoundState): void {
    if (this.step !== "prevoted") return;
    const estimate = last.estimate!;
    const ghost = this.round.prevoteGhost;
    if (!ghost || !(sameBlock(ghost, estimate) || isEqualOrDescendantOf(env.chain, estimate.hash, ghost.hash))) return;
    if (!this.precommitTimerFired && !this.round.completable) return;
    if (this.voting !== "no") env.cast(this, { tag: "Precommit", value: voteOf(ghost) });
    this.step = "precommitted";
  }

  private notify(env: RoundEnvironment): void {
    const state = this.round.state();
    if (!state.completable || !state.finalized) return;
    if (this.step !== "precommitted" && this.lastRoundState) return;
    if (this.reported && sameBlock(this.reported.target, state.finalized)) return;
    const precommits = this.round.finalizingPrecommits(env.chain) ?? [];
    this.reported = { target: state.finalized, precommits };
    env.finalized(this, state.finalized, precommits);
  }
}

function voteOf(b: BlockRef): { target_hash: Uint8Array; target_number: number } {
  return { target_hash: hashBytes(b.hash), target_number: b.number };
}
