/**
 * Catch-up: a voter that learns from a neighbor packet that a peer of its set is more than two rounds ahead
 * asks that peer for round `peer's round − 1`; the peer answers with every vote of its last completed round
 * (if it has completed that round); the asker checks the answer completes the round and moves to the next
 * round on it, as `sc-consensus-grandpa`'s gossip validator and `finality-grandpa`'s `validate_catch_up` do.
 * Only one request is out at a time, and only answers to it are taken.
 */
import type { ConsensusLogger } from "../log.js";
import { blockRef, hashBytes } from "./block-ref.js";
import { REPUTATION, type GrandpaNetwork, type PeerId, type Timers } from "./environment.js";
import type { CatchUpRequestMessage, FullCatchUpMessage, GossipMessage, NeighborPacket } from "./gossip.js";
import type { CatchUp } from "./messages.js";
import { Round, type AncestryChain, type RecordedVote } from "./round.js";
import { checkCatchUp } from "./validation.js";
import type { VoterSet } from "./voter-set.js";

interface PeerView {
  round: bigint;
  setId: bigint;
  commitHeight: number;
}

export interface CatchUpDeps {
  network: GrandpaNetwork;
  timers: Timers;
  log: ConsensusLogger;
  /** Ask a neighbor more than this many rounds ahead. */
  threshold: number;
  requestTimeoutMs: number;
}

/** What the voter is at, for the catch-up decisions. */
export interface LocalRound {
  setId: bigint;
  round: bigint;
  /** Our neighbor packet, sent ahead of a request so that the peer knows our view. */
  neighbor: GossipMessage;
}

/** Our neighbors' announced views, our pending request, and the three catch-up messages. */
export class CatchUpProtocol {
  private readonly views = new Map<PeerId, PeerView>();
  private pending: { peer: PeerId; round: bigint; timer: unknown } | undefined;

  constructor(private readonly deps: CatchUpDeps) {}

  /** Records a neighbor packet (a view moving backwards costs) and asks that peer if it is far ahead. */
  onNeighbor(peer: PeerId, packet: NeighborPacket, local: LocalRound): void {
    const prev = this.views.get(peer);
    if (prev && (packet.set_id < prev.setId || (packet.set_id === prev.setId && packet.round < prev.round))) {
      this.deps.network.report(peer, REPUTATION.INVALID_VIEW_CHANGE);
      return;
    }
    this.views.set(peer, { round: packet.round, setId: packet.set_id, commitHeight: packet.commit_finalized_height });
    if (this.pending || packet.set_id !== local.setId || packet.round <= local.round + BigInt(this.deps.threshold)) return;
    const round = packet.round - 1n;
    this.deps.log.debug("Requesting catch-up", { peer, round, ours: local.round });
    this.deps.network.sendTo(peer, local.neighbor);
    this.deps.network.sendTo(peer, { tag: "CatchUpRequest", value: { round, set_id: local.setId } });
    const timer = this.deps.timers.setTimeout(() => {
      if (this.pending?.peer !== peer) return;
      this.pending = undefined;
      this.deps.network.report(peer, REPUTATION.CATCH_UP_REQUEST_TIMEOUT);
    }, this.deps.requestTimeoutMs);
    this.pending = { peer, round, timer };
  }

  /** Answers a request from a peer of our set that is behind the round it asks for, if we completed it. */
  onRequest(peer: PeerId, request: CatchUpRequestMessage, setId: bigint, lastCompleted: Round | undefined): void {
    const view = this.views.get(peer);
    if (request.set_id !== setId || !view || view.round >= request.round || !lastCompleted || lastCompleted.number < request.round) {
      this.deps.network.report(peer, REPUTATION.OUT_OF_SCOPE_MESSAGE);
      return;
    }
    this.deps.network.sendTo(peer, { tag: "CatchUp", value: { set_id: setId, message: catchUpOf(lastCompleted) } });
  }

  /** Takes the answer to our pending request: the checked catch-up to apply, or `undefined` (reported). */
  onAnswer(peer: PeerId, message: FullCatchUpMessage, voters: VoterSet, local: { setId: bigint; round: bigint }): CatchUp | undefined {
    const pending = this.pending;
    if (!pending || pending.peer !== peer) {
      this.deps.network.report(peer, REPUTATION.OUT_OF_SCOPE_MESSAGE);
      return undefined;
    }
    this.deps.timers.clearTimeout(pending.timer);
    this.pending = undefined;
    const checked = checkCatchUp(message, local.setId, voters);
    if (!checked.ok) {
      this.deps.log.debug("Dropped catch-up", { peer, why: checked.why });
      if (checked.cost) this.deps.network.report(peer, checked.cost);
      return undefined;
    }
    return checked.value.round_number > local.round ? checked.value : undefined;
  }

  /** A peer left: its view is gone, and a request to it will not be answered. */
  forget(peer: PeerId): void {
    this.views.delete(peer);
    if (this.pending?.peer === peer) this.stop();
  }

  stop(): void {
    if (this.pending) this.deps.timers.clearTimeout(this.pending.timer);
    this.pending = undefined;
  }
}

/** The catch-up answer for a completed round: all its votes and its base. */
export function catchUpOf(round: Round): CatchUp {
  const vote = (v: RecordedVote) => ({ target_hash: hashBytes(v.target.hash), target_number: v.target.number });
  return {
    round_number: round.number,
    prevotes: round.votes("prevote").map((v) => ({ prevote: vote(v), signature: v.signature, id: v.id })),
    precommits: round.votes("precommit").map((v) => ({ precommit: vote(v), signature: v.signature, id: v.id })),
    base_hash: hashBytes(round.base.hash),
    base_number: round.base.number,
  };
}

/** `validate_catch_up` (signatures checked before): the round the votes complete, or `undefined`. */
export function roundFromCatchUp(catchUp: CatchUp, voters: VoterSet, chain: AncestryChain): Round | undefined {
  const round = new Round(catchUp.round_number, voters, blockRef(catchUp.base_hash, catchUp.base_number));
  for (const p of catchUp.prevotes) {
    if (round.importPrevote(chain, blockRef(p.prevote.target_hash, p.prevote.target_number), p.id, p.signature).kind === "not-descendant") return undefined;
  }
  for (const p of catchUp.precommits) {
    if (round.importPrecommit(chain, blockRef(p.precommit.target_hash, p.precommit.target_number), p.id, p.signature).kind === "not-descendant") return undefined;
  }
  return round.completable ? round : undefined;
}
