/**
 * The GRANDPA voter: finality for a set of weighted ed25519 authorities, as `finality-grandpa`'s `Voter`
 * driven by `sc-consensus-grandpa`'s environment.
 *
 * Voting happens in rounds. Each round's voters prevote for the best block on top of the last round's
 * estimate, then precommit for the block a supermajority prevoted (the prevote GHOST); a block that a
 * supermajority precommitted is final. A round completes once nothing above its estimate can be finalized
 * any more, and the next round starts on it; the completed round stays in the background until its estimate
 * is final, and broadcasts a commit (its finalizing precommits) after a random delay unless a better one came.
 * Every finalization is stored with a justification when it enacts a set change or crosses a multiple of the
 * justification period, and announced to `onJustification` listeners in any case.
 *
 * Our votes are rebroadcast every gossip period, so a voter that was away (restarted, partitioned) gets the
 * round's votes as soon as it is back and the round completes on its own; a voter more than two rounds behind
 * a neighbor asks it for the votes of its last completed round (catch-up). Nodes without a key in the set run
 * the same rounds without voting and finalize from the votes and commits they see.
 */
import { Justifications } from "../../primitives/block.js";
import { toHex } from "../../primitives/bytes.js";
import type { FinalityGadget } from "../finality.js";
import { SILENT, type ConsensusLogger } from "../log.js";
import { AuthoritySet, findForcedChange, findScheduledChange } from "./authorities.js";
import { BlockIndex } from "./block-index.js";
import { blockRef, hashBytes, type BlockRef } from "./block-ref.js";
import { validateCommit } from "./commit.js";
import {
  defaultGrandpaOptions, realTimers, REPUTATION, type ChainBlock, type GrandpaDeps, type GrandpaOptions, type PeerId,
  type Timers, type Verdict,
} from "./environment.js";
import { FullCommitMessage, neighborMessage, type CatchUpRequestMessage, type FullCatchUpMessage, type GossipMessage, type NeighborPacket, type VoteMessage } from "./gossip.js";
import { decodeAndVerifyFinalizes, JustificationError, justificationFromCommit } from "./justification.js";
import { compactFromCommit, GRANDPA_ENGINE_ID, GrandpaJustification, SignedMessage, type CatchUp, type Commit, type Message } from "./messages.js";
import { VoterPersistence, type VoterState } from "./persistence.js";
import { proveFinality } from "./finality-proof.js";
import { genesisRoundState, isEqualOrDescendantOf, Round, type RecordedVote, type RoundState } from "./round.js";
import { roundReport, type ReportedRoundStates } from "./round-state.js";
import { signMessage, type GrandpaSigner } from "./signing.js";
import { checkCatchUp, checkCommit, checkVote, type Checked } from "./validation.js";
import { VoterSet } from "./voter-set.js";
import { bestChainContaining } from "./voting-rules.js";
import { VotingRound, type RoundEnvironment } from "./voting-round.js";

/** Background rounds kept at most; older ones are dropped even if their estimate is not final yet. */
const MAX_BACKGROUND_ROUNDS = 8;
/** Commits remembered to ignore their echoes. */
const SEEN_COMMITS = 256;

/** A justification the voter produced or imported, for `grandpa_subscribeJustifications`. */
export interface JustificationNotice {
  hash: Uint8Array;
  number: number;
  /** SCALE `GrandpaJustification`. */
  justification: Uint8Array;
}

interface PeerView {
  round: bigint;
  setId: bigint;
  commitHeight: number;
}

export class GrandpaVoter implements FinalityGadget {
  readonly index: BlockIndex;
  private readonly opts: GrandpaOptions;
  private readonly log: ConsensusLogger;
  private readonly timers: Timers;
  private readonly random: () => number;
  private readonly persistence: VoterPersistence;
  private readonly env: RoundEnvironment;

  private initDone: Promise<void> | undefined;
  private live = false;
  private stopped = false;
  private readonly unsubscribe: (() => void)[] = [];
  private ticker: unknown;
  private ticks = 0;

  private set!: AuthoritySet;
  private voters!: VoterSet;
  private localKey: GrandpaSigner | undefined;
  private best!: VotingRound;
  private background: VotingRound[] = [];
  /** The last completed round (answers catch-up requests); `undefined` for round 0 of the set. */
  private lastCompleted: Round | undefined;
  private setBase!: BlockRef;
  private lastFinalizedInRounds!: BlockRef;
  private lastFinalizedNumber = 0;
  private cast: { round: bigint; votes: SignedMessage[] } = { round: 0n, votes: [] };
  private readonly peers = new Map<PeerId, PeerView>();
  private catchUpRequest: { peer: PeerId; round: bigint; timer: unknown } | undefined;
  private readonly future = new Map<bigint, { peer: PeerId | undefined; message: SignedMessage }[]>();
  private readonly seenVotes = new Map<bigint, Set<string>>();
  private readonly seenCommits = new Set<string>();
  private readonly waitTimers = new Map<unknown, () => void>();
  private waiting = 0;
  private finality: Promise<unknown> = Promise.resolve();
  private latestJustification: Uint8Array | undefined;
  private readonly justificationListeners = new Set<(notice: JustificationNotice) => void>();

  constructor(opts: Partial<GrandpaOptions>, private readonly deps: GrandpaDeps) {
    this.opts = { ...defaultGrandpaOptions, ...opts, votingRules: { ...defaultGrandpaOptions.votingRules, ...opts.votingRules } };
    this.log = deps.log ?? SILENT;
    this.timers = deps.timers ?? realTimers;
    this.random = deps.random ?? Math.random;
    this.persistence = new VoterPersistence(deps.store);
    this.index = new BlockIndex((hash) => deps.chain.header(hash));
    this.env = {
      chain: this.index,
      bestChainContaining: (base) => this.bestChainContaining(base),
      cast: (round, message) => this.castVote(round, message),
      finalized: (round, target, precommits) => this.roundFinalized(round, target, precommits),
    };
  }

  // ---- lifecycle ----

  start(): void {
    this.initDone ??= this.init().catch((e) => this.log.error("GRANDPA voter failed to start", { error: e }));
  }

  /** Resolves once the voter has loaded its state and runs. */
  async ready(): Promise<void> {
    this.start();
    await this.initDone;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.live = false;
    for (const u of this.unsubscribe.splice(0)) u();
    this.timers.clearTimeout(this.ticker);
    this.clearRoundTimers();
    if (this.catchUpRequest) this.timers.clearTimeout(this.catchUpRequest.timer);
    for (const [handle, release] of this.waitTimers) {
      this.timers.clearTimeout(handle);
      release();
    }
    this.waitTimers.clear();
    this.index.dropWaiters();
    await this.initDone;
    await this.finality;
    await this.persistence.flushed();
  }

  /** The current set id and voters, once started. */
  get authoritySet(): { setId: bigint; voters: VoterSet } | undefined {
    return this.live ? { setId: this.set.setId, voters: this.voters } : undefined;
  }

  /** The best round's number, once started. */
  get round(): bigint | undefined {
    return this.live ? this.best.number : undefined;
  }

  onJustification(listener: (notice: JustificationNotice) => void): () => void {
    this.justificationListeners.add(listener);
    return () => this.justificationListeners.delete(listener);
  }

  /** `grandpa_roundState`; `undefined` until the voter runs. */
  roundState(): ReportedRoundStates | undefined {
    if (!this.live) return undefined;
    return {
      setId: Number(this.set.setId),
      best: roundReport(this.best.round, this.voters),
      background: this.background.map((b) => roundReport(b.round, this.voters)),
    };
  }

  /** `grandpa_proveFinality`: SCALE `FinalityProof` of block `number`, `undefined` if none. */
  async proveFinality(number: number): Promise<Uint8Array | undefined> {
    await this.ready();
    return proveFinality(this.deps.chain, this.set, this.latestJustification, number);
  }

  /**
   * Verifies a justification that came with a block (sync, `import-blocks`) against the current set and
   * finalizes the block; throws a `JustificationError`, after reporting `peer`, if it does not verify.
   */
  async importJustification(hash: Uint8Array, number: number, justification: Uint8Array, peer?: PeerId): Promise<void> {
    await this.ready();
    if (!this.live || number <= this.deps.chain.finalized().number) return;
    const target = blockRef(hash, number);
    let verified: GrandpaJustification;
    try {
      verified = decodeAndVerifyFinalizes(justification, target, this.set.setId, this.voters);
    } catch (e) {
      if (e instanceof JustificationError && peer !== undefined) this.deps.network.report(peer, REPUTATION.BAD_JUSTIFICATION);
      throw e;
    }
    if (number > this.lastFinalizedNumber) this.lastFinalizedNumber = number;
    await this.queueFinalize(target, verified.round, undefined, verified);
  }

  private async init(): Promise<void> {
    const { chain } = this.deps;
    this.unsubscribe.push(
      chain.onImported((b) => this.onBlockImported(b.hash, b.header)),
      chain.onFinalized((b) => this.onChainFinalized(b.header.number)),
    );
    const fin = chain.finalized();
    const finRef = blockRef(fin.hash, fin.number);
    this.index.floor = fin.number;
    await this.index.ensure(finRef.hash);
    const set = (await this.persistence.loadAuthoritySet()) ?? (await this.initialSet(fin));
    this.set = set;
    await this.scanForChanges(chain.best(), fin.number);
    // A change whose enactment was finalized just before the last stop, without our state catching up.
    const status = set.applyStandardChanges(finRef, (a, b) => this.index.isDescendantOf(a, b));
    if (status.changed) await this.persistence.saveAuthoritySet(set);
    let state = await this.persistence.loadVoterState();
    if (state && (state.setId !== set.setId || status.newSetBlock)) state = undefined;
    this.latestJustification = await this.persistence.loadBestJustification();
    this.lastFinalizedNumber = fin.number;
    if (this.stopped) return;
    this.live = true;
    await this.startSet(status.newSetBlock ?? finRef, state);
    this.scheduleTick();
    this.log.info("GRANDPA voter started", { setId: set.setId, round: this.best.number, voter: this.localKey !== undefined });
  }

  private async initialSet(at: ChainBlock): Promise<AuthoritySet> {
    const { setId, authorities } = await this.deps.authorities.authorities(at);
    const set = new AuthoritySet(setId, authorities);
    await this.persistence.saveAuthoritySet(set);
    return set;
  }

  // Changes announced above the finalized block: imported before we ran, or before our last save.
  private async scanForChanges(best: ChainBlock, finalized: number): Promise<void> {
    let hash = best.hash;
    for (let n = best.number; n > finalized; n--) {
      const header = await this.deps.chain.header(hash);
      if (!header) return;
      this.onBlockImported(hash, header);
      hash = header.parentHash;
    }
  }

  /** Starts the rounds of the current set on `base`, or where the stored state left them. */
  private async startSet(base: BlockRef, state: VoterState | undefined): Promise<void> {
    const voters = VoterSet.fromAuthorities(this.set.authorities);
    if (!voters) throw new Error(`GRANDPA authority set ${this.set.setId} has no voter with weight`);
    this.voters = voters;
    const keys = this.deps.keys();
    this.localKey = keys.find((k) => voters.contains(toHex(k.publicKey)));
    this.clearRoundTimers();
    this.background = [];
    this.future.clear();
    this.seenVotes.clear();
    this.seenCommits.clear();
    this.setBase = state?.completed.base ?? base;
    const fin = this.deps.chain.finalized();
    this.lastFinalizedInRounds = blockRef(fin.hash, fin.number);
    this.lastCompleted = undefined;
    const completedNumber = state?.completed.number ?? 0n;
    let lastState: () => RoundState = () => genesisRoundState(this.setBase);
    if (state && completedNumber > 0n) {
      const restored = await this.restoreRound(completedNumber, state.completed.base, state.completed.votes);
      if (restored) {
        lastState = () => restored.state();
        this.lastCompleted = restored;
        const vr = new VotingRound(restored, "no", undefined);
        this.startCommitter(vr);
        this.background.push(vr);
      }
    }
    const next = completedNumber + 1n;
    this.cast = state && state.cast.round === next ? state.cast : { round: next, votes: [] };
    this.setBest(this.newRound(next, this.lastFinalizedInRounds, lastState));
    void this.saveVoterState();
    this.drive();
  }

  private async restoreRound(number: bigint, base: BlockRef, votes: SignedMessage[]): Promise<Round | undefined> {
    this.index.floor = Math.min(this.index.floor, base.number);
    const targets = [base.hash, ...votes.map((v) => toHex(v.message.value.target_hash))];
    for (const h of new Set(targets)) if (!(await this.index.ensure(h))) return undefined;
    const round = new Round(number, this.voters, base);
    for (const v of votes) this.importInto(round, v);
    return round.completable ? round : undefined;
  }

  // ---- rounds ----

  private newRound(number: bigint, base: BlockRef, lastState: () => RoundState): VotingRound {
    const round = new Round(number, this.voters, base);
    const key = this.localKey && toHex(this.localKey.publicKey);
    const voting = key === undefined ? "no" : this.voters.primary(number).hex === key ? "primary" : "yes";
    const vr = new VotingRound(round, voting, lastState);
    const g = this.opts.gossipDurationMs;
    vr.timers.push(
      this.timers.setTimeout(() => {
        vr.prevoteTimerFired = true;
        this.drive();
      }, 2 * g),
      this.timers.setTimeout(() => {
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
    for (const r of this.seenVotes.keys()) if (r + 2n < vr.number) this.seenVotes.delete(r);
    this.updateFloor();
    this.deps.network.broadcast(this.neighbor());
  }

  /** Runs every round's state machine until nothing changes; starts the next round when the best completes. */
  private drive(): void {
    for (let guard = 0; guard < 1000 && this.live; guard++) {
      this.best.poll(this.env);
      for (const bg of this.background) bg.poll(this.env);
      this.commitDuties();
      if (!this.best.readyForNext()) break;
      this.completeBestRound();
    }
    this.pruneBackground();
  }

  private completeBestRound(): void {
    const old = this.best;
    this.log.debug("Completed round", { round: old.number, state: old.round.state() });
    this.lastCompleted = old.round;
    const next = this.newRound(old.number + 1n, this.lastFinalizedInRounds, () => old.round.state());
    this.startCommitter(old);
    this.background.push(old);
    this.cast = { round: next.number, votes: [] };
    this.setBest(next);
    void this.saveVoterState();
  }

  private startCommitter(vr: VotingRound): void {
    const committer = { timerFired: false, done: false, seenCommitNumber: undefined as number | undefined };
    vr.committer = committer;
    const delay = Math.floor(this.random() * 2 * this.opts.gossipDurationMs);
    vr.timers.push(this.timers.setTimeout(() => {
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
      this.log.debug("Sending commit", { round: bg.number, target: reported.target.number });
      this.deps.network.broadcast({ tag: "Commit", value: { round: bg.number, set_id: this.set.setId, message: compactFromCommit(commit) } });
    }
  }

  private pruneBackground(): void {
    const keep = this.background.filter((bg) => {
      const committed = !bg.committer || bg.committer.done;
      const estimate = bg.round.estimate;
      return !(committed && (!estimate || estimate.number <= this.lastFinalizedNumber));
    });
    while (keep.length > MAX_BACKGROUND_ROUNDS) keep.shift();
    for (const bg of this.background) if (!keep.includes(bg)) for (const t of bg.timers) this.timers.clearTimeout(t);
    this.background = keep;
  }

  private clearRoundTimers(): void {
    for (const vr of [...(this.best ? [this.best] : []), ...this.background]) for (const t of vr.timers) this.timers.clearTimeout(t);
  }

  private roundOf(number: bigint): VotingRound | undefined {
    return this.best.number === number ? this.best : this.background.find((b) => b.number === number);
  }

  private updateFloor(): void {
    const bases = [this.best, ...this.background].map((v) => v.round.base.number);
    this.index.floor = Math.min(this.deps.chain.finalized().number, this.lastFinalizedInRounds.number, ...bases);
  }

  private bestChainContaining(base: BlockRef): BlockRef | undefined {
    const b = this.deps.chain.best();
    const best = blockRef(b.hash, b.number);
    if (!this.index.has(best.hash)) return undefined;
    const limit = this.set.currentLimit(base.number, (a, c) => this.index.isDescendantOf(a, c));
    return bestChainContaining(this.index, base, best, limit, this.opts.votingRules);
  }

  // ---- votes ----

  private castVote(vr: VotingRound, message: Message): void {
    const key = this.localKey;
    if (!key) return;
    const setId = this.set.setId;
    // A vote cast in this round before a restart is repeated, never contradicted (Substrate's `HasVoted`).
    let signed = this.cast.round === vr.number ? this.cast.votes.find((v) => v.message.tag === message.tag) : undefined;
    const fresh = signed === undefined;
    if (!signed) {
      signed = signMessage(key, message, vr.number, setId);
      if (this.cast.round !== vr.number) this.cast = { round: vr.number, votes: [] };
      this.cast.votes.push(signed);
    }
    const vote = signed;
    this.markSeen(vr.number, vote);
    this.importSigned(vr, vote, undefined);
    this.log.debug("Casting vote", { round: vr.number, kind: vote.message.tag, target: vote.message.value.target_number });
    const send = () => {
      if (!this.live || this.set.setId !== setId) return;
      vr.ownVotes.push(vote);
      this.deps.network.broadcast({ tag: "Vote", value: { round: vr.number, set_id: setId, message: vote } });
    };
    if (fresh) this.saveVoterState().then(send, (e) => this.log.error("Could not store a GRANDPA vote; not sending it", { error: e }));
    else send();
  }

  /** `handle_vote`: a signed, checked message into a round. */
  private importSigned(vr: VotingRound, signed: SignedMessage, peer: PeerId | undefined): void {
    const { message, id } = signed;
    if (message.tag === "PrimaryPropose") {
      if (this.voters.primary(vr.number).hex === toHex(id)) vr.primaryBlock = blockRef(message.value.target_hash, message.value.target_number);
      return;
    }
    const equivocation = this.importInto(vr.round, signed);
    if (equivocation) {
      this.log.warn("GRANDPA equivocation", { round: vr.number, phase: message.tag, voter: toHex(id) });
      if (peer !== undefined) this.deps.network.report(peer, REPUTATION.BAD_MESSAGE);
    }
  }

  // Returns true for an equivocation.
  private importInto(round: Round, signed: SignedMessage): boolean {
    const { message, id, signature } = signed;
    const target = blockRef(message.value.target_hash, message.value.target_number);
    if (message.tag === "PrimaryPropose" || !isEqualOrDescendantOf(this.index, round.base.hash, target.hash)) return false;
    const result = message.tag === "Prevote"
      ? round.importPrevote(this.index, target, id, signature)
      : round.importPrecommit(this.index, target, id, signature);
    return result.kind === "equivocation";
  }

  private roundFinalized(vr: VotingRound, target: BlockRef, precommits: RecordedVote[]): void {
    if (target.number > this.lastFinalizedInRounds.number) this.lastFinalizedInRounds = target;
    if (target.number <= this.lastFinalizedNumber) return;
    this.lastFinalizedNumber = target.number;
    void this.queueFinalize(target, vr.number, commitOf(target, precommits));
  }

  // ---- gossip ----

  /** A decoded message from `peer`; says whether the transport may relay it. */
  onMessage(peer: PeerId, message: GossipMessage): Verdict {
    if (!this.live) return "ignore";
    switch (message.tag) {
      case "Vote":
        return this.onVote(peer, message.value);
      case "Commit":
        return this.onCommit(peer, message.value);
      case "Neighbor":
        return this.onNeighbor(peer, message.value.value);
      case "CatchUpRequest":
        return this.onCatchUpRequest(peer, message.value);
      case "CatchUp":
        return this.onCatchUp(peer, message.value);
    }
  }

  /** A new peer learns our view at once. */
  onPeerConnected(peer: PeerId): void {
    if (this.live) this.deps.network.sendTo(peer, this.neighbor());
  }

  onPeerDisconnected(peer: PeerId): void {
    this.peers.delete(peer);
    if (this.catchUpRequest?.peer === peer) {
      this.timers.clearTimeout(this.catchUpRequest.timer);
      this.catchUpRequest = undefined;
    }
  }

  private refuse(peer: PeerId, checked: Checked<unknown> & { ok: false }): Verdict {
    this.log.debug("Dropped GRANDPA message", { peer, why: checked.why });
    if (checked.cost) this.deps.network.report(peer, checked.cost);
    return checked.reject ? "reject" : "ignore";
  }

  private onVote(peer: PeerId, vote: VoteMessage): Verdict {
    // An echo of a vote already taken costs a set lookup, not a signature check.
    if (vote.set_id === this.set.setId && this.seenVotes.get(vote.round)?.has(voteKey(vote.message))) return "ignore";
    const checked = checkVote(vote, { setId: this.set.setId, round: this.best.number }, this.voters);
    if (!checked.ok) return this.refuse(peer, checked);
    this.markSeen(vote.round, vote.message);
    if (this.waiting >= this.opts.maxWaitingMessages) return "ignore";
    void this.processVote(peer, vote);
    return "accept";
  }

  private async processVote(peer: PeerId, vote: VoteMessage): Promise<void> {
    if (!(await this.waitFor([toHex(vote.message.message.value.target_hash)]))) return;
    if (!this.live || vote.set_id !== this.set.setId) return;
    const vr = this.roundOf(vote.round);
    if (vr) {
      this.importSigned(vr, vote.message, peer);
      this.drive();
    } else if (vote.round === this.best.number + 1n) {
      const held = this.future.get(vote.round) ?? [];
      if (held.length < 4 * this.voters.size) held.push({ peer, message: vote.message });
      this.future.set(vote.round, held);
    }
  }

  // Whether the vote is new (and now seen).
  private markSeen(round: bigint, signed: SignedMessage): boolean {
    const key = voteKey(signed);
    let seen = this.seenVotes.get(round);
    if (!seen) this.seenVotes.set(round, (seen = new Set()));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }

  private onCommit(peer: PeerId, message: FullCommitMessage): Verdict {
    const checked = checkCommit(message, { setId: this.set.setId, round: this.best.number }, this.voters);
    if (!checked.ok) return this.refuse(peer, checked);
    const commit = checked.value;
    if (commit.target_number <= this.lastFinalizedNumber && !this.background.some((b) => b.number === message.round)) return "ignore";
    const key = toHex(FullCommitMessage.enc(message));
    if (this.seenCommits.has(key)) return "ignore";
    this.seenCommits.add(key);
    if (this.seenCommits.size > SEEN_COMMITS) this.seenCommits.delete(this.seenCommits.values().next().value!);
    if (this.waiting >= this.opts.maxWaitingMessages) return "ignore";
    void this.processCommit(peer, message.round, commit);
    return "accept";
  }

  private async processCommit(peer: PeerId, round: bigint, commit: Commit): Promise<void> {
    const setId = this.set.setId;
    const hashes = [commit.target_hash, ...commit.precommits.map((p) => p.precommit.target_hash)].map(toHex);
    if (!(await this.waitFor([...new Set(hashes)]))) return;
    if (!this.live || this.set.setId !== setId) return;
    const validation = validateCommit(commit, this.voters, this.index);
    if (!validation.valid) {
      this.log.debug("Invalid commit", { peer, round, why: validation.invalidity });
      this.deps.network.report(peer, REPUTATION.BAD_JUSTIFICATION);
      return;
    }
    const target = blockRef(commit.target_hash, commit.target_number);
    const bg = this.background.find((b) => b.number === round);
    if (bg) {
      // Into the background round, so that its own commit takes this one into account.
      const f = bg.round.finalized;
      if (f && target.number < f.number) return;
      for (const p of commit.precommits) this.importSigned(bg, { message: { tag: "Precommit", value: p.precommit }, signature: p.signature, id: p.id }, peer);
      if (bg.committer) bg.committer.seenCommitNumber = Math.max(bg.committer.seenCommitNumber ?? 0, target.number);
      this.drive();
      return;
    }
    if (target.number <= this.lastFinalizedNumber) return;
    this.lastFinalizedNumber = target.number;
    this.log.debug("Finalizing from a commit", { peer, round, target: target.number });
    void this.queueFinalize(target, round, commit);
  }

  private onNeighbor(peer: PeerId, packet: NeighborPacket): Verdict {
    const prev = this.peers.get(peer);
    if (prev && (packet.set_id < prev.setId || (packet.set_id === prev.setId && packet.round < prev.round))) {
      this.deps.network.report(peer, REPUTATION.INVALID_VIEW_CHANGE);
      return "ignore";
    }
    this.peers.set(peer, { round: packet.round, setId: packet.set_id, commitHeight: packet.commit_finalized_height });
    this.maybeCatchUp(peer);
    return "ignore";
  }

  // A neighbor more than `catchUpThreshold` rounds ahead in our set is asked for its last completed round.
  private maybeCatchUp(peer: PeerId): void {
    const view = this.peers.get(peer);
    if (!view || view.setId !== this.set.setId || this.catchUpRequest) return;
    if (view.round <= this.best.number + BigInt(this.opts.catchUpThreshold)) return;
    const round = view.round - 1n;
    this.log.debug("Requesting catch-up", { peer, round, ours: this.best.number });
    this.deps.network.sendTo(peer, this.neighbor());
    this.deps.network.sendTo(peer, { tag: "CatchUpRequest", value: { round, set_id: this.set.setId } });
    const timer = this.timers.setTimeout(() => {
      if (this.catchUpRequest?.peer !== peer) return;
      this.catchUpRequest = undefined;
      this.deps.network.report(peer, REPUTATION.CATCH_UP_REQUEST_TIMEOUT);
    }, this.opts.catchUpRequestTimeoutMs);
    this.catchUpRequest = { peer, round, timer };
  }

  private onCatchUpRequest(peer: PeerId, request: CatchUpRequestMessage): Verdict {
    const view = this.peers.get(peer);
    const last = this.lastCompleted;
    if (request.set_id !== this.set.setId || !view || view.round >= request.round || !last || last.number < request.round) {
      this.deps.network.report(peer, REPUTATION.OUT_OF_SCOPE_MESSAGE);
      return "ignore";
    }
    this.deps.network.sendTo(peer, { tag: "CatchUp", value: { set_id: this.set.setId, message: catchUpOf(last) } });
    return "ignore";
  }

  private onCatchUp(peer: PeerId, message: FullCatchUpMessage): Verdict {
    const pending = this.catchUpRequest;
    if (!pending || pending.peer !== peer) {
      this.deps.network.report(peer, REPUTATION.OUT_OF_SCOPE_MESSAGE);
      return "ignore";
    }
    this.timers.clearTimeout(pending.timer);
    this.catchUpRequest = undefined;
    const checked = checkCatchUp(message, this.set.setId, this.voters);
    if (!checked.ok) return this.refuse(peer, checked);
    if (checked.value.round_number <= this.best.number) return "ignore";
    void this.processCatchUp(peer, checked.value);
    return "ignore";
  }

  private async processCatchUp(peer: PeerId, catchUp: CatchUp): Promise<void> {
    const setId = this.set.setId;
    const hashes = [catchUp.base_hash, ...catchUp.prevotes.map((p) => p.prevote.target_hash), ...catchUp.precommits.map((p) => p.precommit.target_hash)];
    if (!(await this.waitFor([...new Set(hashes.map(toHex))]))) return;
    if (!this.live || this.set.setId !== setId || catchUp.round_number <= this.best.number) return;
    const round = new Round(catchUp.round_number, this.voters, blockRef(catchUp.base_hash, catchUp.base_number));
    const results = [
      ...catchUp.prevotes.map((p) => round.importPrevote(this.index, blockRef(p.prevote.target_hash, p.prevote.target_number), p.id, p.signature)),
      ...catchUp.precommits.map((p) => round.importPrecommit(this.index, blockRef(p.precommit.target_hash, p.precommit.target_number), p.id, p.signature)),
    ];
    if (results.some((r) => r.kind === "not-descendant") || !round.completable) {
      this.log.debug("Invalid catch-up", { peer, round: catchUp.round_number });
      this.deps.network.report(peer, REPUTATION.BAD_JUSTIFICATION);
      return;
    }
    this.log.info("Caught up on GRANDPA round", { round: round.number, from: this.best.number });
    const caught = new VotingRound(round, "no", undefined);
    this.startCommitter(caught);
    const old = this.best;
    const next = this.newRound(round.number + 1n, this.lastFinalizedInRounds, () => round.state());
    if (round.finalized && round.finalized.number > this.lastFinalizedInRounds.number) this.lastFinalizedInRounds = round.finalized;
    this.lastCompleted = round;
    this.background.push(old, caught);
    this.cast = { round: next.number, votes: [] };
    this.setBest(next);
    void this.saveVoterState();
    this.drive();
  }

  private neighbor(): GossipMessage {
    return neighborMessage({ round: this.best.number, set_id: this.set.setId, commit_finalized_height: this.lastFinalizedNumber });
  }

  // Resolves true once every block is known, false if one does not arrive in time or the voter stops.
  private async waitFor(hashes: string[]): Promise<boolean> {
    this.waiting++;
    let handle: unknown;
    const timeout = new Promise<void>((resolve) => {
      handle = this.timers.setTimeout(resolve, this.opts.blockWaitMs);
      this.waitTimers.set(handle, resolve);
    });
    try {
      for (const h of hashes) if (!(await this.index.whenKnown(h, timeout))) return false;
      return this.live;
    } finally {
      this.waiting--;
      this.timers.clearTimeout(handle);
      this.waitTimers.delete(handle);
    }
  }

  private scheduleTick(): void {
    this.ticker = this.timers.setTimeout(() => {
      if (!this.live) return;
      this.ticks++;
      this.rebroadcast();
      this.scheduleTick();
    }, this.opts.gossipDurationMs);
  }

  // Our votes of every live round, every gossip period: peers that missed them (or were away) get them.
  private rebroadcast(): void {
    const setId = this.set.setId;
    for (const vr of [this.best, ...this.background]) {
      for (const message of vr.ownVotes) this.deps.network.broadcast({ tag: "Vote", value: { round: vr.number, set_id: setId, message } });
    }
    if (this.ticks % this.opts.neighborEveryGossips === 0) this.deps.network.broadcast(this.neighbor());
  }

  // ---- chain ----

  private onBlockImported(hash: Uint8Array, header: import("../../primitives/header.js").Header): void {
    const hex = toHex(hash);
    this.index.addHeader(hex, header);
    if (!this.set) return;
    const change = findScheduledChange(header);
    if (change && this.set.addPendingChange({ nextAuthorities: change.next_authorities, delay: change.delay, canonHeight: header.number, canonHash: hex })) {
      this.log.debug("Scheduled authority set change", { block: header.number, delay: change.delay, authorities: change.next_authorities.length });
      void this.persistence.saveAuthoritySet(this.set);
    }
    if (findForcedChange(header)) this.log.warn("Ignoring a forced GRANDPA authority set change", { block: header.number });
  }

  private onChainFinalized(number: number): void {
    if (number > this.lastFinalizedNumber) this.lastFinalizedNumber = number;
    if (!this.live) return;
    this.updateFloor();
    this.index.prune();
    this.pruneBackground();
  }

  private queueFinalize(target: BlockRef, round: bigint, commit: Commit | undefined, justification?: GrandpaJustification): Promise<void> {
    const next = this.finality.then(() => this.finalizeBlock(target, round, commit, justification));
    this.finality = next.catch((e) => this.log.error("GRANDPA finalization failed", { target: target.number, error: e }));
    return next;
  }

  /** `finalize_block`: stores the finalization, the justification when required, and enacts set changes. */
  private async finalizeBlock(target: BlockRef, round: bigint, commit: Commit | undefined, imported: GrandpaJustification | undefined): Promise<void> {
    const { chain } = this.deps;
    if (!this.live) return;
    const before = chain.finalized().number;
    if (target.number <= before) return;
    const justification = imported ?? (await justificationFromCommit(round, commit!, (h) => chain.header(h)));
    const encoded = GrandpaJustification.enc(justification);
    await this.index.ensure(target.hash);
    const isDescendantOf = (a: string, b: string) => this.index.isDescendantOf(a, b);
    const preview = AuthoritySet.fromJSON(this.set.toJSON()).applyStandardChanges(target, isDescendantOf);
    const required = imported !== undefined || preview.newSetBlock !== undefined || crossesPeriod(before, target.number, this.opts.justificationPeriod);
    await chain.finalize(hashBytes(target.hash), required ? Justifications.enc([[GRANDPA_ENGINE_ID, encoded]]) : undefined);
    this.log.debug("Finalized by GRANDPA", { number: target.number, hash: target.hash, round, stored: required });
    const status = this.set.applyStandardChanges(target, isDescendantOf);
    if (status.changed) void this.persistence.saveAuthoritySet(this.set);
    this.latestJustification = encoded;
    void this.persistence.saveBestJustification(encoded);
    for (const l of [...this.justificationListeners]) {
      try {
        l({ hash: hashBytes(target.hash), number: target.number, justification: encoded });
      } catch (e) {
        this.log.error("Justification listener failed", { error: e });
      }
    }
    if (status.newSetBlock && this.live) {
      this.log.info("Applied GRANDPA authority set change", { setId: this.set.setId, block: status.newSetBlock.number, authorities: this.set.authorities.length });
      await this.startSet(status.newSetBlock, undefined);
    }
  }

  private saveVoterState(): Promise<void> {
    const last = this.lastCompleted;
    return this.persistence.saveVoterState({
      setId: this.set.setId,
      completed: last ? { number: last.number, base: last.base, votes: last.historical } : { number: 0n, base: this.setBase, votes: [] },
      cast: this.cast,
    });
  }
}

/** Whether finalizing from `last` to `next` crosses a multiple of the justification period (Substrate's rule). */
export function crossesPeriod(last: number, next: number, period: number): boolean {
  if (period <= 0) return false;
  return (last !== 0 || next - last === period) && Math.floor(last / period) !== Math.floor(next / period);
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

function catchUpOf(round: Round): CatchUp {
  const vote = (v: RecordedVote) => ({ target_hash: hashBytes(v.target.hash), target_number: v.target.number });
  return {
    round_number: round.number,
    prevotes: round.votes("prevote").map((v) => ({ prevote: vote(v), signature: v.signature, id: v.id })),
    precommits: round.votes("precommit").map((v) => ({ precommit: vote(v), signature: v.signature, id: v.id })),
    base_hash: hashBytes(round.base.hash),
    base_number: round.base.number,
  };
}
