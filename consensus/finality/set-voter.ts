/**
 * The rounds of one authority set (`finality_grandpa::Voter` for one voter set): the best round, the rounds
 * still running in the background, and moving from one round to the next.
 *
 * Round r + 1 starts when round r is completable, we precommitted in it, and r − 1's estimate is final; it
 * builds on r's live state. A completed round stays in the background until its estimate is final, keeps
 * taking votes and commits, and broadcasts its commit after a random delay in [0, 2 gossip periods) unless a
 * commit for as high a block arrived. The node's own votes of every live round are rebroadcast each gossip
 * period. Votes for the round after the best are held until it starts.
 */
import { toHex } from "../../primitives/bytes.js";
import type { ConsensusLogger } from "../log.js";
import { blockRef, hashBytes, type BlockRef } from "./block-ref.js";
import type { BlockIndex } from "./block-index.js";
import type { GrandpaNetwork, GrandpaOptions, PeerId, Timers } from "./environment.js";
import { compactFromCommit, SignedMessage, type Commit, type Message } from "./messages.js";
import type { VoterState } from "./persistence.js";
import { isEqualOrDescendantOf, Round, type RecordedVote, type RoundState } from "./round.js";
import { roundReport, type RoundReport } from "./round-state.js";
import { signMessage, type GrandpaSigner } from "./signing.js";
import type { VoterSet } from "./voter-set.js";
import { VotingRound, type RoundEnvironment } from "./voting-round.js";

/** Background rounds kept at most; older ones are dropped even if their estimate is not final yet. */
export const MAX_BACKGROUND_ROUNDS = 8;
/**
 * Distinct messages taken from one voter in one round: two prevotes, two precommits (an equivocation is
 * proven by two) and two proposals. More are dropped unrelayed: a faulty voter cannot flood its peers.
 */
export const MAX_MESSAGES_PER_VOTER_ROUND = 6;

export interface SetVoterDeps {
  index: BlockIndex;
  timers: Timers;
  random: () => number;
  opts: GrandpaOptions;
  network: GrandpaNetwork;
  log: ConsensusLogger;
  /** The block to prevote for on top of `base`. */
  bestChainContaining(base: BlockRef): BlockRef | undefined;
  /** A round finalized `target`, justified by `commit`. */
  finalized(target: BlockRef, round: bigint, commit: Commit): void;
  /** The highest block number known final (a background round whose estimate is below it is done). */
  lastFinalizedNumber(): number;
  /** Stores the rounds' state; resolves once stored. */
  save(state: VoterState): Promise<void>;
  /** The round changed: tell the neighbors. */
  roundChanged(): void;
}

export interface SetVoterStart {
  setId: bigint;
  voters: VoterSet;
  /** Our key if it is in the set. */
  localKey: GrandpaSigner | undefined;
  /** The chain's finalized block: the first round's base. */
  finalized: BlockRef;
  /**
   * The last completed round: number 0 at the set's first block for a new set; restored from storage with
   * its votes (`round`) after a restart, when they still complete it.
   */
  completed: { number: bigint; base: BlockRef; round: Round | undefined };
  /** Votes we cast in the round after it before a restart. */
  cast?: { round: bigint; votes: SignedMessage[] };
}

export class SetVoter {
  readonly setId: bigint;
  readonly voters: VoterSet;
  readonly localKey: GrandpaSigner | undefined;
  best!: VotingRound;
  background: VotingRound[] = [];
  /** The last completed round (answers catch-up requests); `undefined` while in round 1 of the set. */
  lastCompleted: Round | undefined;
  lastFinalizedInRounds: BlockRef;
  private completed: { number: bigint; base: BlockRef };
  private cast: { round: bigint; votes: SignedMessage[] };
  private readonly future = new Map<bigint, { peer: PeerId | undefined; message: SignedMessage }[]>();
  private readonly seen = new Map<bigint, { keys: Set<string>; perVoter: Map<string, number> }>();
  private readonly env: RoundEnvironment;
  private stopped = false;

  constructor(start: SetVoterStart, private readonly deps: SetVoterDeps) {
    this.setId = start.setId;
    this.voters = start.voters;
    this.localKey = start.localKey;
    this.completed = { number: start.completed.number, base: start.completed.base };
    this.lastFinalizedInRounds = start.finalized;
    this.env = {
      chain: deps.index,
      bestChainContaining: (base) => deps.bestChainContaining(base),
      cast: (round, message) => this.castVote(round, message),
      finalized: (round, target, precommits) => this.roundFinalized(round, target, precommits),
    };
    // Without the completed round's votes, the best we can do is take its base as estimate and finalized,
    // as `finality-grandpa` does (always the case for round 0 of a set).
    const base = start.completed.base;
    let lastState: () => RoundState = () => ({ prevoteGhost: base, finalized: base, estimate: base, completable: true });
    const restored = start.completed.round;
    if (restored) {
      lastState = () => restored.state();
      this.lastCompleted = restored;
      const vr = new VotingRound(restored, "no", undefined);
      this.startCommitter(vr);
      this.background.push(vr);
    }
    const next = start.completed.number + 1n;
    this.cast = start.cast?.round === next ? start.cast : { round: next, votes: [] };
    this.best = this.newRound(next, this.lastFinalizedInRounds, lastState);
  }

  /** Announces the first round and casts what is due. */
  start(): void {
    this.deps.roundChanged();
    void this.save();
    this.drive();
  }

  stop(): void {
    this.stopped = true;
    for (const vr of [this.best, ...this.background]) for (const t of vr.timers) this.deps.timers.clearTimeout(t);
  }

  /** The lowest block a live round still routes votes down to. */
  floor(): number {
    return Math.min(this.lastFinalizedInRounds.number, ...[this.best, ...this.background].map((v) => v.round.base.number));
  }

  roundOf(number: bigint): VotingRound | undefined {
    return this.best.number === number ? this.best : this.background.find((b) => b.number === number);
  }

  reports(): { best: RoundReport; background: RoundReport[] } {
    return { best: roundReport(this.best.round, this.voters), background: this.background.map((b) => roundReport(b.round, this.voters)) };
  }

  /** Runs every round's state machine until nothing changes; starts the next round when the best completes. */
  drive(): void {
    for (let guard = 0; guard < 1000 && !this.stopped; guard++) {
      this.best.poll(this.env);
      for (const bg of this.background) bg.poll(this.env);
      this.commitDuties();
      if (!this.best.readyForNext()) break;
      this.completeBestRound();
    }
    this.pruneBackground();
  }

  // ---- incoming ----

  /** Whether a vote was already taken (an echo, dropped without checking its signature again). */
  hasSeen(round: bigint, signed: SignedMessage): boolean {
    return this.seen.get(round)?.keys.has(voteKey(signed)) ?? false;
  }

  /** Whether the voter of `signed` already sent its share of distinct messages in `round`. */
  voterExhausted(round: bigint, signed: SignedMessage): boolean {
    return (this.seen.get(round)?.perVoter.get(toHex(signed.id)) ?? 0) >= MAX_MESSAGES_PER_VOTER_ROUND;
  }

  /** Remembers a vote; false if it was already seen. */
  markSeen(round: bigint, signed: SignedMessage): boolean {
    const key = voteKey(signed);
    let seen = this.seen.get(round);
    if (!seen) this.seen.set(round, (seen = { keys: new Set(), perVoter: new Map() }));
    if (seen.keys.has(key)) return false;
    seen.keys.add(key);
    const voter = toHex(signed.id);
    seen.perVoter.set(voter, (seen.perVoter.get(voter) ?? 0) + 1);
    return true;
  }

  /** A checked vote whose target is known; returns true if it was an equivocation. */
  takeVote(round: bigint, signed: SignedMessage, peer: PeerId | undefined): boolean {
    const vr = this.roundOf(round);
    if (vr) {
      const equivocation = this.importSigned(vr, signed, peer);
      this.drive();
      return equivocation;
    }
    if (round === this.best.number + 1n) {
      const held = this.future.get(round) ?? [];
      if (held.length < 4 * this.voters.size) held.push({ peer, message: signed });
      this.future.set(round, held);
    }
    return false;
  }

  /**
   * A valid commit of a background round: its precommits join the round, so that our own commit takes it
   * into account. False if no background round has that number.
   */
  takeCommit(round: bigint, commit: Commit, peer: PeerId): boolean {
    const bg = this.background.find((b) => b.number === round);
    if (!bg) return false;
    const f = bg.round.finalized;
    if (f && commit.target_number < f.number) return true;
    for (const p of commit.precommits) this.importSigned(bg, { message: { tag: "Precommit", value: p.precommit }, signature: p.signature, id: p.id }, peer);
    if (bg.committer) bg.committer.seenCommitNumber = Math.max(bg.committer.seenCommitNumber ?? 0, commit.target_number);
    this.drive();
    return true;
  }

  /** Moves to the round after a round completed by a catch-up answer. */
  caughtUp(round: Round): void {
    const caught = new VotingRound(round, "no", undefined);
    this.startCommitter(caught);
    const old = this.best;
    const next = this.newRound(round.number + 1n, this.lastFinalizedInRounds, () => round.state());
    if (round.finalized && round.finalized.number > this.lastFinalizedInRounds.number) this.lastFinalizedInRounds = round.finalized;
    this.lastCompleted = round;
    this.completed = { number: round.number, base: round.base };
    this.background.push(old, caught);
    this.cast = { round: next.number, votes: [] };
    this.setBest(next);
    void this.save();
    this.drive();
  }

  /** Our votes of every live round, again: peers that missed them, or were away, get them. */
  rebroadcast(): void {
    for (const vr of [this.best, ...this.background]) {
      for (const message of vr.ownVotes) this.deps.network.broadcast({ tag: "Vote", value: { round: vr.number, set_id: this.setId, message } });
    }
  }

  // ---- rounds ----

  private newRound(number: bigint, base: BlockRef, lastState: () => RoundState): VotingRound {
    const round = new Round(number, this.voters, base);
    const key = this.localKey && toHex(this.localKey.publicKey);
    const voting = key === undefined ? "no" : this.voters.primary(number).hex === key ? "primary" : "yes";
    const vr = new VotingRound(round, voting, lastState);
    const g = this.deps.opts.gossipDurationMs;
    vr.timers.push(
      this.deps.timers.setTimeout(() => {
        vr.prevoteTimerFired = true;
        this.drive();
      }, 2 * g),
      this.deps.timers.setTimeout(() => {
        vr.precommitTimerFired = true;
        this.drive();
      }, 4 * g),
    );
    for (const [n, held] of this.future) {
      if (n === number) for (const { peer, message } of held) this.importSigned(vr, message, peer);
      if (n <= number) this.future.delete(n);
    }
    return vr;
  }

  private setBest(vr: VotingRound): void {
    this.best = vr;
    for (const r of this.seen.keys()) if (r + 2n < vr.number) this.seen.delete(r);
    this.deps.roundChanged();
  }

  private completeBestRound(): void {
    const old = this.best;
    this.deps.log.debug("Completed round", { round: old.number, state: old.round.state() });
    this.lastCompleted = old.round;
    this.completed = { number: old.number, base: old.round.base };
    const next = this.newRound(old.number + 1n, this.lastFinalizedInRounds, () => old.round.state());
    this.startCommitter(old);
    this.background.push(old);
    this.cast = { round: next.number, votes: [] };
    this.setBest(next);
    void this.save();
  }

  private startCommitter(vr: VotingRound): void {
    const committer = { timerFired: false, done: false, seenCommitNumber: undefined as number | undefined };
    vr.committer = committer;
    const delay = Math.floor(this.deps.random() * 2 * this.deps.opts.gossipDurationMs);
    vr.timers.push(this.deps.timers.setTimeout(() => {
      committer.timerFired = true;
      this.drive();
    }, delay));
  }

  // A background round whose commit timer fired sends its commit unless a commit as good arrived.
  private commitDuties(): void {
    for (const bg of this.background) {
      const c = bg.committer;
      if (!c || c.done || !c.timerFired) continue;
      c.done = true;
      const f = bg.round.finalized;
      const reported = bg.reported;
      if (!f || !reported || (c.seenCommitNumber !== undefined && c.seenCommitNumber >= f.number)) continue;
      const commit = commitOf(reported.target, reported.precommits);
      this.deps.log.debug("Sending commit", { round: bg.number, target: reported.target.number });
      this.deps.network.broadcast({ tag: "Commit", value: { round: bg.number, set_id: this.setId, message: compactFromCommit(commit) } });
    }
  }

  private pruneBackground(): void {
    const finalized = this.deps.lastFinalizedNumber();
    const keep = this.background.filter((bg) => {
      const committed = !bg.committer || bg.committer.done;
      const estimate = bg.round.estimate;
      return !(committed && (!estimate || estimate.number <= finalized));
    });
    while (keep.length > MAX_BACKGROUND_ROUNDS) keep.shift();
    for (const bg of this.background) if (!keep.includes(bg)) for (const t of bg.timers) this.deps.timers.clearTimeout(t);
    this.background = keep;
  }

  // ---- our votes ----

  private castVote(vr: VotingRound, message: Message): void {
    const key = this.localKey;
    if (!key) return;
    // A vote cast in this round before a restart is repeated, never contradicted (Substrate's `HasVoted`).
    let signed = this.cast.round === vr.number ? this.cast.votes.find((v) => v.message.tag === message.tag) : undefined;
    const fresh = signed === undefined;
    if (!signed) {
      signed = signMessage(key, message, vr.number, this.setId);
      if (this.cast.round !== vr.number) this.cast = { round: vr.number, votes: [] };
      this.cast.votes.push(signed);
    }
    const vote = signed;
    this.markSeen(vr.number, vote);
    this.importSigned(vr, vote, undefined);
    this.deps.log.debug("Casting vote", { round: vr.number, kind: vote.message.tag, target: vote.message.value.target_number });
    const send = () => {
      if (this.stopped) return;
      vr.ownVotes.push(vote);
      this.deps.network.broadcast({ tag: "Vote", value: { round: vr.number, set_id: this.setId, message: vote } });
    };
    if (fresh) this.save().then(send, (e) => this.deps.log.error("Could not store a GRANDPA vote; not sending it", { error: e }));
    else send();
  }

  /** `handle_vote`: a signed, checked message into a round; true for an equivocation. */
  private importSigned(vr: VotingRound, signed: SignedMessage, peer: PeerId | undefined): boolean {
    const { message, id } = signed;
    if (message.tag === "PrimaryPropose") {
      if (this.voters.primary(vr.number).hex === toHex(id)) vr.primaryBlock = blockRef(message.value.target_hash, message.value.target_number);
      return false;
    }
    const equivocation = importInto(this.deps.index, vr.round, signed);
    if (equivocation) this.deps.log.warn("GRANDPA equivocation", { round: vr.number, phase: message.tag, voter: toHex(id), peer });
    return equivocation;
  }

  private roundFinalized(vr: VotingRound, target: BlockRef, precommits: RecordedVote[]): void {
    if (target.number > this.lastFinalizedInRounds.number) this.lastFinalizedInRounds = target;
    this.deps.finalized(target, vr.number, commitOf(target, precommits));
  }

  private save(): Promise<void> {
    const last = this.lastCompleted;
    return this.deps.save({
      setId: this.setId,
      completed: { ...this.completed, votes: last && last.number === this.completed.number ? last.historical : [] },
      cast: this.cast,
    });
  }
}

/** A prevote or precommit into a round, if its target is at or above the round base; true for an equivocation. */
export function importInto(index: BlockIndex, round: Round, signed: SignedMessage): boolean {
  const { message, id, signature } = signed;
  const target = blockRef(message.value.target_hash, message.value.target_number);
  if (message.tag === "PrimaryPropose" || !isEqualOrDescendantOf(index, round.base.hash, target.hash)) return false;
  const result = message.tag === "Prevote" ? round.importPrevote(index, target, id, signature) : round.importPrecommit(index, target, id, signature);
  return result.kind === "equivocation";
}

function voteKey(signed: SignedMessage): string {
  return toHex(SignedMessage.enc(signed));
}

function commitOf(target: BlockRef, precommits: RecordedVote[]): Commit {
  return {
    target_hash: hashBytes(target.hash),
    target_number: target.number,
    precommits: precommits.map((p) => ({ precommit: { target_hash: hashBytes(p.target.hash), target_number: p.target.number }, signature: p.signature, id: p.id })),
  };
}
