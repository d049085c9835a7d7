/**
 * The GRANDPA voter: finality for a set of weighted ed25519 authorities, as `finality-grandpa`'s `Voter`
 * driven by `sc-consensus-grandpa`'s environment.
 *
 * Voting happens in rounds. Each round's voters prevote for the best block on top of the last round's
 * estimate, then precommit for the block a supermajority prevoted (the prevote GHOST); a block that a
 * supermajority precommitted is final (`set-voter.ts`, `voting-round.ts`, `round.ts`). Every finalization is
 * stored with a justification when it enacts a set change or crosses a multiple of the justification period,
 * and announced to `onJustification` listeners in any case (`finalizer.ts`). Authority-set changes come from
 * `ScheduledChange` digests of imported blocks and take effect when their block is finalized; the rounds then
 * restart at round 1 of the new set (`authorities.ts`).
 *
 * Our votes are rebroadcast every gossip period, so a voter that was away (restarted, partitioned) gets the
 * round's votes as soon as it is back and the round completes on its own; a voter more than two rounds behind
 * a neighbor asks it for the votes of its last completed round (`catch-up.ts`). Nodes without a key in the set
 * run the same rounds without voting and finalize from the votes and commits they see.
 *
 * The voter is transport-agnostic: the p2p layer hands it decoded gossip messages with the sender's peer id
 * (`onMessage`, whose verdict says whether to relay) and gives it a `GrandpaNetwork` to send and report with.
 */
import { toHex } from "../../primitives/bytes.js";
import type { Header } from "../../primitives/header.js";
import type { FinalityGadget } from "../finality.js";
import { SILENT, type ConsensusLogger } from "../log.js";
import { AuthoritySet, findForcedChange, findScheduledChange } from "./authorities.js";
import { BlockIndex } from "./block-index.js";
import { blockRef, type BlockRef } from "./block-ref.js";
import { CatchUpProtocol, roundFromCatchUp } from "./catch-up.js";
import { validateCommit } from "./commit.js";
import {
  defaultGrandpaOptions, realTimers, REPUTATION, type ChainBlock, type GrandpaDeps, type GrandpaOptions, type PeerId, type Timers, type Verdict,
} from "./environment.js";
import { proveFinality } from "./finality-proof.js";
import { Finalizer, type JustificationNotice } from "./finalizer.js";
import { FullCommitMessage, neighborMessage, type CatchUpRequestMessage, type FullCatchUpMessage, type GossipMessage, type NeighborPacket, type VoteMessage } from "./gossip.js";
import { decodeAndVerifyFinalizes, JustificationError } from "./justification.js";
import type { CatchUp, Commit, GrandpaJustification } from "./messages.js";
import { VoterPersistence, type VoterState } from "./persistence.js";
import { Round } from "./round.js";
import type { ReportedRoundStates } from "./round-state.js";
import { importInto, SetVoter } from "./set-voter.js";
import { checkCommit, checkVote, type Checked } from "./validation.js";
import { VoterSet } from "./voter-set.js";
import { bestChainContaining } from "./voting-rules.js";

/** Commits remembered to ignore their echoes. */
const SEEN_COMMITS = 256;

export type { JustificationNotice };

export class GrandpaVoter implements FinalityGadget {
  readonly index: BlockIndex;
  private readonly opts: GrandpaOptions;
  private readonly log: ConsensusLogger;
  private readonly timers: Timers;
  private readonly persistence: VoterPersistence;
  private readonly finalizer: Finalizer;
  private readonly catchUp: CatchUpProtocol;

  private initDone: Promise<void> | undefined;
  private live = false;
  private stopped = false;
  private readonly unsubscribe: (() => void)[] = [];
  private ticker: unknown;
  private ticks = 0;

  private set!: AuthoritySet;
  private rounds!: SetVoter;
  private lastFinalizedNumber = 0;
  private readonly seenCommits = new Set<string>();
  private readonly waitTimers = new Map<unknown, () => void>();
  private waiting = 0;

  constructor(opts: Partial<GrandpaOptions>, private readonly deps: GrandpaDeps) {
    this.opts = { ...defaultGrandpaOptions, ...opts, votingRules: { ...defaultGrandpaOptions.votingRules, ...opts.votingRules } };
    this.log = deps.log ?? SILENT;
    this.timers = deps.timers ?? realTimers;
    this.persistence = new VoterPersistence(deps.store);
    this.index = new BlockIndex((hash) => deps.chain.header(hash));
    this.catchUp = new CatchUpProtocol({
      network: deps.network,
      timers: this.timers,
      log: this.log,
      threshold: this.opts.catchUpThreshold,
      requestTimeoutMs: this.opts.catchUpRequestTimeoutMs,
    });
    this.finalizer = new Finalizer({
      chain: deps.chain,
      index: this.index,
      persistence: this.persistence,
      log: this.log,
      justificationPeriod: this.opts.justificationPeriod,
      set: () => this.set,
      live: () => this.live,
      onNewSet: (block) => this.startSet(block, undefined),
    });
  }

  // ---- lifecycle and queries ----

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
    this.rounds?.stop();
    this.catchUp.stop();
    for (const [handle, release] of this.waitTimers) {
      this.timers.clearTimeout(handle);
      release();
    }
    this.waitTimers.clear();
    this.index.dropWaiters();
    await this.initDone;
    await this.finalizer.idle();
    await this.persistence.flushed();
  }

  /** The current set id and voters, once started. */
  get authoritySet(): { setId: bigint; voters: VoterSet } | undefined {
    return this.live ? { setId: this.set.setId, voters: this.rounds.voters } : undefined;
  }

  /** The best round's number, once started. */
  get round(): bigint | undefined {
    return this.live ? this.rounds.best.number : undefined;
  }

  /** Every justification GRANDPA produces or imports (`grandpa_subscribeJustifications`). */
  onJustification(listener: (notice: JustificationNotice) => void): () => void {
    return this.finalizer.onJustification(listener);
  }

  /** `grandpa_roundState`; `undefined` until the voter runs. */
  roundState(): ReportedRoundStates | undefined {
    return this.live ? { setId: Number(this.set.setId), ...this.rounds.reports() } : undefined;
  }

  /** `grandpa_proveFinality`: SCALE `FinalityProof` of block `number`, `undefined` if none. */
  async proveFinality(number: number): Promise<Uint8Array | undefined> {
    await this.ready();
    return proveFinality(this.deps.chain, this.set, this.finalizer.latest, number);
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
      verified = decodeAndVerifyFinalizes(justification, target, this.set.setId, this.rounds.voters);
    } catch (e) {
      if (e instanceof JustificationError && peer !== undefined) this.deps.network.report(peer, REPUTATION.BAD_JUSTIFICATION);
      throw e;
    }
    if (number > this.lastFinalizedNumber) this.lastFinalizedNumber = number;
    await this.finalizer.finalize(target, verified.round, undefined, verified);
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
    this.finalizer.latest = await this.persistence.loadBestJustification();
    this.lastFinalizedNumber = fin.number;
    if (this.stopped) return;
    this.live = true;
    await this.startSet(status.newSetBlock ?? finRef, state);
    this.scheduleTick();
    this.log.info("GRANDPA voter started", { setId: set.setId, round: this.rounds.best.number, voter: this.rounds.localKey !== undefined });
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
    const localKey = this.deps.keys().find((k) => voters.contains(toHex(k.publicKey)));
    const restored = state && state.completed.number > 0n ? await this.restoreRound(voters, state) : undefined;
    this.rounds?.stop();
    this.seenCommits.clear();
    const fin = this.deps.chain.finalized();
    this.rounds = new SetVoter(
      {
        setId: this.set.setId,
        voters,
        localKey,
        finalized: blockRef(fin.hash, fin.number),
        completed: state ? { number: state.completed.number, base: state.completed.base, round: restored } : { number: 0n, base, round: undefined },
        cast: state?.cast,
      },
      {
        index: this.index,
        timers: this.timers,
        random: this.deps.random ?? Math.random,
        opts: this.opts,
        network: this.deps.network,
        log: this.log,
        bestChainContaining: (b) => this.bestChainContaining(b),
        finalized: (target, round, commit) => this.roundFinalized(target, round, commit),
        lastFinalizedNumber: () => this.lastFinalizedNumber,
        save: (s) => this.persistence.saveVoterState(s),
        roundChanged: () => this.roundChanged(),
      },
    );
    this.rounds.start();
  }

  private async restoreRound(voters: VoterSet, state: VoterState): Promise<Round | undefined> {
    const { number, base, votes } = state.completed;
    this.index.floor = Math.min(this.index.floor, base.number);
    const targets = [base.hash, ...votes.map((v) => toHex(v.message.value.target_hash))];
    for (const h of new Set(targets)) if (!(await this.index.ensure(h))) return undefined;
    const round = new Round(number, voters, base);
    for (const v of votes) importInto(this.index, round, v);
    return round.completable ? round : undefined;
  }

  private roundChanged(): void {
    if (!this.rounds) return;
    this.updateFloor();
    this.deps.network.broadcast(this.neighbor());
  }

  private roundFinalized(target: BlockRef, round: bigint, commit: Commit): void {
    if (target.number <= this.lastFinalizedNumber) return;
    this.lastFinalizedNumber = target.number;
    void this.finalizer.finalize(target, round, commit);
  }

  private bestChainContaining(base: BlockRef): BlockRef | undefined {
    const b = this.deps.chain.best();
    const best = blockRef(b.hash, b.number);
    if (!this.index.has(best.hash)) return undefined;
    const limit = this.set.currentLimit(base.number, (a, c) => this.index.isDescendantOf(a, c));
    return bestChainContaining(this.index, base, best, limit, this.opts.votingRules);
  }

  private updateFloor(): void {
    this.index.floor = Math.min(this.deps.chain.finalized().number, this.rounds.floor());
  }

  // ---- gossip ----

  /** A decoded message from `peer`; the verdict says whether the transport may relay it. */
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
    this.catchUp.forget(peer);
  }

  private refuse(peer: PeerId, checked: Checked<unknown> & { ok: false }): Verdict {
    this.log.debug("Dropped GRANDPA message", { peer, why: checked.why });
    if (checked.cost) this.deps.network.report(peer, checked.cost);
    return checked.reject ? "reject" : "ignore";
  }

  private onVote(peer: PeerId, vote: VoteMessage): Verdict {
    const rounds = this.rounds;
    // An echo of a vote already taken costs a set lookup, not a signature check.
    if (vote.set_id === rounds.setId && (rounds.hasSeen(vote.round, vote.message) || rounds.voterExhausted(vote.round, vote.message))) return "ignore";
    const checked = checkVote(vote, { setId: rounds.setId, round: rounds.best.number }, rounds.voters);
    if (!checked.ok) return this.refuse(peer, checked);
    rounds.markSeen(vote.round, vote.message);
    if (this.waiting >= this.opts.maxWaitingMessages) return "ignore";
    void this.processVote(peer, vote);
    return "accept";
  }

  private async processVote(peer: PeerId, vote: VoteMessage): Promise<void> {
    if (!(await this.waitFor([toHex(vote.message.message.value.target_hash)]))) return;
    if (!this.live || vote.set_id !== this.rounds.setId) return;
    if (this.rounds.takeVote(vote.round, vote.message, peer)) this.deps.network.report(peer, REPUTATION.BAD_MESSAGE);
  }

  private onCommit(peer: PeerId, message: FullCommitMessage): Verdict {
    const rounds = this.rounds;
    const checked = checkCommit(message, { setId: rounds.setId, round: rounds.best.number }, rounds.voters);
    if (!checked.ok) return this.refuse(peer, checked);
    const commit = checked.value;
    if (commit.target_number <= this.lastFinalizedNumber && !rounds.background.some((b) => b.number === message.round)) return "ignore";
    const key = toHex(FullCommitMessage.enc(message));
    if (this.seenCommits.has(key)) return "ignore";
    this.seenCommits.add(key);
    if (this.seenCommits.size > SEEN_COMMITS) this.seenCommits.delete(this.seenCommits.values().next().value!);
    if (this.waiting >= this.opts.maxWaitingMessages) return "ignore";
    void this.processCommit(peer, message.round, commit);
    return "accept";
  }

  private async processCommit(peer: PeerId, round: bigint, commit: Commit): Promise<void> {
    const rounds = this.rounds;
    const hashes = [commit.target_hash, ...commit.precommits.map((p) => p.precommit.target_hash)].map(toHex);
    if (!(await this.waitFor([...new Set(hashes)])) || rounds !== this.rounds) return;
    const validation = validateCommit(commit, rounds.voters, this.index);
    if (!validation.valid) {
      this.log.debug("Invalid commit", { peer, round, why: validation.invalidity });
      this.deps.network.report(peer, REPUTATION.BAD_JUSTIFICATION);
      return;
    }
    if (rounds.takeCommit(round, commit, peer)) return;
    const target = blockRef(commit.target_hash, commit.target_number);
    if (target.number <= this.lastFinalizedNumber) return;
    this.lastFinalizedNumber = target.number;
    this.log.debug("Finalizing from a commit", { peer, round, target: target.number });
    void this.finalizer.finalize(target, round, commit);
  }

  private onNeighbor(peer: PeerId, packet: NeighborPacket): Verdict {
    this.catchUp.onNeighbor(peer, packet, { setId: this.rounds.setId, round: this.rounds.best.number, neighbor: this.neighbor() });
    return "ignore";
  }

  private onCatchUpRequest(peer: PeerId, request: CatchUpRequestMessage): Verdict {
    this.catchUp.onRequest(peer, request, this.rounds.setId, this.rounds.lastCompleted);
    return "ignore";
  }

  private onCatchUp(peer: PeerId, message: FullCatchUpMessage): Verdict {
    const catchUp = this.catchUp.onAnswer(peer, message, this.rounds.voters, { setId: this.rounds.setId, round: this.rounds.best.number });
    if (catchUp) void this.processCatchUp(peer, catchUp);
    return "ignore";
  }

  private async processCatchUp(peer: PeerId, catchUp: CatchUp): Promise<void> {
    const rounds = this.rounds;
    const hashes = [catchUp.base_hash, ...catchUp.prevotes.map((p) => p.prevote.target_hash), ...catchUp.precommits.map((p) => p.precommit.target_hash)];
    if (!(await this.waitFor([...new Set(hashes.map(toHex))])) || rounds !== this.rounds || catchUp.round_number <= rounds.best.number) return;
    const round = roundFromCatchUp(catchUp, rounds.voters, this.index);
    if (!round) {
      this.log.debug("Invalid catch-up", { peer, round: catchUp.round_number });
      this.deps.network.report(peer, REPUTATION.BAD_JUSTIFICATION);
      return;
    }
    this.log.info("Caught up on GRANDPA round", { round: round.number, from: rounds.best.number });
    rounds.caughtUp(round);
  }

  private neighbor(): GossipMessage {
    return neighborMessage({ round: this.rounds.best.number, set_id: this.rounds.setId, commit_finalized_height: this.lastFinalizedNumber });
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

  // Every gossip period: our votes again, and now and then our view.
  private scheduleTick(): void {
    this.ticker = this.timers.setTimeout(() => {
      if (!this.live) return;
      this.ticks++;
      this.rounds.rebroadcast();
      if (this.ticks % this.opts.neighborEveryGossips === 0) this.deps.network.broadcast(this.neighbor());
      this.scheduleTick();
    }, this.opts.gossipDurationMs);
  }

  // ---- chain ----

  private onBlockImported(hash: Uint8Array, header: Header): void {
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
  }
}

