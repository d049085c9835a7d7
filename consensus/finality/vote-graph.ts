/**
 * The blocks a round's votes touch, with the voters whose votes cover each block.
 *
 * A vote for block B counts for B and every ancestor of B down to the round base. The graph holds the base
 * and every block on the path from a vote target down to it; each node keeps two bit masks (prevoters and
 * precommitters, bit i = voter i) of the votes for it or a descendant. `finality_grandpa::VoteGraph` keeps only
 * the blocks that carry votes and merges paths lazily; holding every block on the paths gives the same
 * answers with simpler walks, and a round's paths are short (the unfinalized part of the chain).
 */

import type { BlockRef } from "./block-ref.js";

/** What votes a node carries, per phase. */
export interface VoteNode {
  prevotes: bigint;
  precommits: bigint;
}

interface GraphNode extends VoteNode {
  readonly hash: string;
  readonly number: number;
  readonly parent: string | undefined;
  readonly children: string[];
}

export type Phase = "prevote" | "precommit";

export class VoteGraph {
  private readonly nodes = new Map<string, GraphNode>();

  constructor(readonly base: BlockRef) {
    this.nodes.set(base.hash, { hash: base.hash, number: base.number, parent: undefined, children: [], prevotes: 0n, precommits: 0n });
  }

  has(hash: string): boolean {
    return this.nodes.has(hash);
  }

  /**
   * Adds a vote for `target`, whose ancestry down to the base (`route`: parent first, the base's child last,
   * as `Chain::ancestry` gives it) has been checked by the caller.
   */
  insert(target: BlockRef, route: readonly string[], bit: bigint, phase: Phase): void {
    if (target.hash !== this.base.hash) {
      const path = [target.hash, ...route];
      for (let i = path.length - 1; i >= 0; i--) {
        const hash = path[i]!;
        if (this.nodes.has(hash)) continue;
        const parent = i === path.length - 1 ? this.base.hash : path[i + 1]!;
        this.nodes.set(hash, { hash, number: target.number - i, parent, children: [], prevotes: 0n, precommits: 0n });
        this.nodes.get(parent)!.children.push(hash);
      }
    }
    for (let node = this.nodes.get(target.hash); node; node = node.parent === undefined ? undefined : this.nodes.get(node.parent)) {
      if (phase === "prevote") node.prevotes |= bit;
      else node.precommits |= bit;
    }
  }

  /** The votes for a block and its descendants; `undefined` for a block outside the graph. */
  votes(hash: string): VoteNode | undefined {
    return this.nodes.get(hash);
  }

  /**
   * GHOST: the highest block, from `currentBest` (or the base) upwards, whose votes satisfy `condition`; at each
   * step the first child that satisfies it. `undefined` if the start itself does not.
   */
  findGhost(currentBest: BlockRef | undefined, condition: (v: VoteNode) => boolean): BlockRef | undefined {
    let node = (currentBest && this.nodes.get(currentBest.hash)) ?? this.nodes.get(this.base.hash)!;
    if (!condition(node)) return undefined;
    for (;;) {
      const next = node.children.map((c) => this.nodes.get(c)!).find(condition);
      if (!next) return { hash: node.hash, number: node.number };
      node = next;
    }
  }

  /** The highest ancestor of `hash` (itself included) whose votes satisfy `condition`. */
  findAncestor(hash: string, condition: (v: VoteNode) => boolean): BlockRef | undefined {
    for (let node = this.nodes.get(hash); node; node = node.parent === undefined ? undefined : this.nodes.get(node.parent)) {
      if (condition(node)) return { hash: node.hash, number: node.number };
    }
    return undefined;
  }
}
