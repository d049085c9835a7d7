/**
 * Catch-up: a voter that learns from a neighbor packet that a peer of its set is more than two rounds ahead
 * asks that peer for round `peer's round − 1`; the peer answers with every vote of its last completed round
 * (if it has completed that round); the asker checks the answer completes the round and moves to the next
 * round on it, as `sc-consensus-grandpa`'s gossip validator and `finality-grandpa`'s `validate_catch_up` do.
 * Only one request is out at a time, and only answers to it are taken.
 */
import { blockRef, hashBytes } from "./block-ref.js";
import { REPUTATION, type PeerId, type ReputationChange } from "./environment.js";
import type { CatchUpRequestMessage, NeighborPacket } from "./gossip.js";
import type { CatchUp } from "./messages.js";
import { Round, type AncestryChain, type RecordedVote } from "./round.js";
import type { VoterSet } from "./voter-set.js";

interface PeerView {
  round: bigint;
  setId: bigint;
  commitHeight: number;
}

/** Our neighbors' announced views and our pending catch-up request. */
export class CatchUpState {
  private readonly views = new Map<PeerId, PeerView>();
  pending: { peer: PeerId; round: bigint; timer: unknown } | undefined;

  /** Records a neighbor packet; a view that moves backwards is refused with its cost. */
  noteNeighbor(peer: PeerId, packet: NeighborPacket): ReputationChange | undefined {
    const prev = this.views.get(peer);
    if (prev && (packet.set_id < prev.setId || (packet.set_id === prev.setId && packet.round < prev.round))) return REPUTATION.INVALID_VIEW_CHANGE;
    this.views.set(peer, { round: packet.round, setId: packet.set_id, commitHeight: packet.commit_finalized_height });
    return undefined;
  }

  forget(peer: PeerId): void {
    this.views.delete(peer);
  }

  /** The round to ask `peer` for, if it is far enough ahead in our set and no request is out. */
  requestFor(peer: PeerId, setId: bigint, ourRound: bigint, threshold: number): bigint | undefined {
    const view = this.views.get(peer);
    if (!view || view.setId !== setId || this.pending) return undefined;
    return view.round > ourRound + BigInt(threshold) ? view.round - 1n : undefined;
  }

  /** Whether we answer `peer`'s request: same set, the peer behind the round it asks, our round completed. */
  mayAnswer(peer: PeerId, request: CatchUpRequestMessage, setId: bigint, lastCompleted: bigint | undefined): boolean {
    const view = this.views.get(peer);
    return request.set_id === setId && view !== undefined && view.round < request.round && lastCompleted !== undefined && lastCompleted >= request.round;
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
