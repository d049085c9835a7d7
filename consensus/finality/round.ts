/**
 * One GRANDPA round's votes and what follows from them, as `finality_grandpa::round::Round`.
 *
 * - The prevote GHOST is the highest block that a supermajority (threshold weight) of prevotes covers.
 * - A block is finalized in the round when a supermajority of precommits covers it; the round finalizes the
 *   highest such ancestor of the prevote GHOST.
 * - The estimate is the highest ancestor of the prevote GHOST that could still gather a supermajority of
 *   precommits, counting the voters not heard from and the equivocations still possible.
 * - The round is completable when nothing above the estimate can be finalized any more: voters may move on.
 *
 * Each voter counts once per phase. A voter's second, different vote is an equivocation: it is not added to
 * the graph, but from then on the equivocator's weight counts for every block of that phase (an equivocator
 * could have voted for anything). Further votes from it are ignored.
 */
import { equalBytes, toHex } from "../../primitives/bytes.js";
import type { SignedMessage } from "./messages.js";
import { hashBytes, type BlockRef } from "./block-ref.js";
import { VoteGraph, type Phase, type VoteNode } from "./vote-graph.js";
import type { VoterSet } from "./voter-set.js";

/** Block ancestry as `finality_grandpa::Chain`. */
export interface AncestryChain {
  /** The hashes from `block`'s parent down to `base` (excluded); `undefined` if `block` does not descend from `base`. */
  ancestry(base: string, block: string): string[] | undefined;
}

export function isEqualOrDescendantOf(chain: AncestryChain, base: string, block: string): boolean {
  return base === block || chain.ancestry(base, block) !== undefined;
}

/** `finality_grandpa::round::State`. */
export interface RoundState {
  prevoteGhost: BlockRef | undefined;
  finalized: BlockRef | undefined;
  estimate: BlockRef | undefined;
  completable: boolean;
}

/** The state of round 0 of a set: everything at the set's first block. */
export function genesisRoundState(base: BlockRef): RoundState {
  return { prevoteGhost: base, finalized: base, estimate: base, completable: true };
}

/** A vote as a round records it. */
export interface RecordedVote {
  target: BlockRef;
  signature: Uint8Array;
  id: Uint8Array;
}

export interface Equivocation {
  round: bigint;
  phase: Phase;
  id: Uint8Array;
  first: RecordedVote;
  second: RecordedVote;
}

export type ImportResult =
  | { kind: "imported" }
  | { kind: "duplicate" }
  | { kind: "unknown-voter" }
  | { kind: "not-descendant" }
  | { kind: "equivocation"; equivocation: Equivocation }
  | { kind: "ignored-equivocation" };

interface Tracker {
  votes: Map<number, RecordedVote[]>;
  weight: bigint;
}

export class Round {
  readonly graph: VoteGraph;
  private readonly trackers: Record<Phase, Tracker> = {
    prevote: { votes: new Map(), weight: 0n },
    precommit: { votes: new Map(), weight: 0n },
  };
  private readonly equivocators: Record<Phase, bigint> = { prevote: 0n, precommit: 0n };
  private prevoteGhostValue: BlockRef | undefined;
  private precommitGhostValue: BlockRef | undefined;
  private finalizedValue: BlockRef | undefined;
  private estimateValue: BlockRef | undefined;
  private completableValue = false;
  /** Every vote imported, in order, at most two per voter and phase (`HistoricalVotes`). */
  readonly historical: SignedMessage[] = [];

  constructor(readonly number: bigint, readonly voters: VoterSet, base: BlockRef) {
    this.graph = new VoteGraph(base);
  }

  get base(): BlockRef {
    return this.graph.base;
  }

  get threshold(): bigint {
    return this.voters.threshold;
  }

  importPrevote(chain: AncestryChain, target: BlockRef, id: Uint8Array, signature: Uint8Array): ImportResult {
    const result = this.importVote(chain, "prevote", target, id, signature);
    const t = this.threshold;
    if (this.trackers.prevote.weight >= t) {
      this.prevoteGhostValue = this.graph.findGhost(this.prevoteGhostValue, (v) => this.weight(v, "prevote") >= t);
    }
    this.update();
    return result;
  }

  importPrecommit(chain: AncestryChain, target: BlockRef, id: Uint8Array, signature: Uint8Array): ImportResult {
    const result = this.importVote(chain, "precommit", target, id, signature);
    this.update();
    return result;
  }

  state(): RoundState {
    return { prevoteGhost: this.prevoteGhostValue, finalized: this.finalizedValue, estimate: this.estimateValue, completable: this.completableValue };
  }

  get prevoteGhost(): BlockRef | undefined {
    return this.prevoteGhostValue;
  }

  get finalized(): BlockRef | undefined {
    return this.finalizedValue;
  }

  get estimate(): BlockRef | undefined {
    return this.estimateValue;
  }

  get completable(): boolean {
    return this.completableValue;
  }

  /** The precommit GHOST, computed on demand as `Round::precommit_ghost`. */
  precommitGhost(): BlockRef | undefined {
    const t = this.threshold;
    if (this.trackers.precommit.weight >= t) {
      this.precommitGhostValue = this.graph.findGhost(this.precommitGhostValue, (v) => this.weight(v, "precommit") >= t);
    }
    return this.precommitGhostValue;
  }

  /** Weight and count of the voters heard from in a phase. */
  participation(phase: Phase): { weight: bigint; voters: number } {
    return { weight: this.trackers[phase].weight, voters: this.trackers[phase].votes.size };
  }

  /** Positions of the voters heard from in a phase. */
  voted(phase: Phase): number[] {
    return [...this.trackers[phase].votes.keys()];
  }

  /** Every recorded vote of a phase, voters in set order, an equivocator's two votes both. */
  votes(phase: Phase): RecordedVote[] {
    return [...this.trackers[phase].votes.entries()].sort(([a], [b]) => a - b).flatMap(([, v]) => v);
  }

  /**
   * The precommits that justify the block finalized in this round: each single precommit on a block equal to
   * or above it, and both votes of every equivocator. `undefined` when the round finalized nothing.
   */
  finalizingPrecommits(chain: AncestryChain): RecordedVote[] | undefined {
    const f = this.finalizedValue;
    if (!f) return undefined;
    return [...this.trackers.precommit.votes.entries()]
      .sort(([a], [b]) => a - b)
      .flatMap(([, votes]) => (votes.length > 1 || isEqualOrDescendantOf(chain, f.hash, votes[0]!.target.hash) ? votes : []));
  }

  private importVote(chain: AncestryChain, phase: Phase, target: BlockRef, id: Uint8Array, signature: Uint8Array): ImportResult {
    const position = this.voters.position(toHex(id));
    if (position === undefined) return { kind: "unknown-voter" };
    const tracker = this.trackers[phase];
    const vote: RecordedVote = { target, signature, id };
    const seen = tracker.votes.get(position);
    const message = (): SignedMessage => ({
      message: { tag: phase === "prevote" ? "Prevote" : "Precommit", value: { target_hash: hashBytes(target.hash), target_number: target.number } },
      signature,
      id,
    });
    if (seen === undefined) {
      const route = target.hash === this.base.hash ? [] : chain.ancestry(this.base.hash, target.hash);
      if (route === undefined) return { kind: "not-descendant" };
      tracker.votes.set(position, [vote]);
      tracker.weight += this.voters.voters[position]!.weight;
      this.graph.insert(target, route, 1n << BigInt(position), phase);
      this.historical.push(message());
      return { kind: "imported" };
    }
    if (seen.some((v) => v.target.hash === target.hash && v.target.number === target.number && equalBytes(v.signature, signature))) {
      return { kind: "duplicate" };
    }
    if (seen.length > 1) return { kind: "ignored-equivocation" };
    seen.push(vote);
    this.equivocators[phase] |= 1n << BigInt(position);
    this.historical.push(message());
    return { kind: "equivocation", equivocation: { round: this.number, phase, id, first: seen[0]!, second: vote } };
  }

  private weight(node: VoteNode, phase: Phase): bigint {
    const mask = phase === "prevote" ? node.prevotes : node.precommits;
    return this.voters.weightOf(mask | this.equivocators[phase]);
  }

  // `Round::update`: the finalized block, the estimate and completability after a new vote.
  private update(): void {
    const t = this.threshold;
    if (this.trackers.prevote.weight < t) return;
    const g = this.prevoteGhostValue;
    if (!g) return;
    const precommitted = this.trackers.precommit.weight;
    if (precommitted >= t) {
      this.finalizedValue = this.graph.findAncestor(g.hash, (v) => this.weight(v, "precommit") >= t);
    }
    const total = this.voters.total;
    const additionalEquivocations = saturatingSub(total - t, this.voters.weightOf(this.equivocators.precommit));
    const remaining = total - precommitted;
    const possibleToPrecommit = (v: VoteNode): boolean => {
      const precommittedFor = this.weight(v, "precommit");
      const possibleEquivocations = min(saturatingSub(precommitted, precommittedFor), additionalEquivocations);
      return precommittedFor + remaining + possibleEquivocations >= t;
    };
    if (precommitted < t) {
      this.estimateValue = g;
      return;
    }
    this.estimateValue = this.graph.findAncestor(g.hash, possibleToPrecommit);
    const e = this.estimateValue;
    if (!e) {
      this.completableValue = false;
      return;
    }
    if (e.hash !== g.hash) {
      this.completableValue = true;
      return;
    }
    const higher = this.graph.findGhost(e, possibleToPrecommit);
    this.completableValue = higher === undefined || (higher.hash === g.hash && higher.number === g.number);
  }
}


function saturatingSub(a: bigint, b: bigint): bigint {
  return a > b ? a - b : 0n;
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
