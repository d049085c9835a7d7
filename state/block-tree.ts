/**
 * The live block tree: the last finalized block and every non-finalized block descending from it, each with
 * its state trie in memory.
 *
 * This is what the runtime executes on (a new block's parent is always live) and what fork choice moves
 * between. A non-finalized block keeps its storage changes with old values (to rewind or replay the flat
 * index on a reorg) and the trie nodes it inserted (to give them back if its fork is discarded).
 */
import type { PersistentTrie } from "./trie/index.js";
import type { FlatChange } from "./db-schema.js";

export interface LiveBlock {
  readonly hash: Uint8Array;
  readonly hex: string;
  readonly number: number;
  readonly stateRoot: Uint8Array;
  /** `undefined` for the finalized block, whose parent is no longer live. */
  parent: LiveBlock | undefined;
  readonly children: Set<LiveBlock>;
  readonly trie: PersistentTrie;
  /** Changes against the parent's state, sorted by key; empty once finalized. */
  diff: readonly FlatChange[];
  /** Hashes of the trie nodes this block inserted; empty once finalized. */
  inserted: readonly Uint8Array[];
}

/** How to go from one live block to another: blocks to leave (newest first), then to enter (oldest first). */
export interface TreeRoute {
  common: LiveBlock;
  retracted: LiveBlock[];
  enacted: LiveBlock[];
}

export class BlockTree {
  private readonly blocks = new Map<string, LiveBlock>();

  constructor(private root: LiveBlock) {
    this.blocks.set(root.hex, root);
  }

  get finalized(): LiveBlock {
    return this.root;
  }

  get(hex: string): LiveBlock | undefined {
    return this.blocks.get(hex);
  }

  get size(): number {
    return this.blocks.size;
  }

  all(): IterableIterator<LiveBlock> {
    return this.blocks.values();
  }

  add(block: LiveBlock): void {
    block.parent?.children.add(block);
    this.blocks.set(block.hex, block);
  }

  /** Live blocks without live children, highest first (Substrate's leaf set order). */
  leaves(): LiveBlock[] {
    return [...this.blocks.values()].filter((b) => b.children.size === 0).sort((a, b) => b.number - a.number);
  }

  /** The ancestor of `block` at `number` (itself if equal), or undefined if below the finalized block. */
  ancestorAt(block: LiveBlock, number: number): LiveBlock | undefined {
    let b: LiveBlock | undefined = block;
    while (b !== undefined && b.number > number) b = b.parent;
    return b?.number === number ? b : undefined;
  }

  isAncestor(ancestor: LiveBlock, block: LiveBlock): boolean {
    return this.ancestorAt(block, ancestor.number) === ancestor;
  }

  route(from: LiveBlock, to: LiveBlock): TreeRoute {
    const retracted: LiveBlock[] = [];
    const enacted: LiveBlock[] = [];
    let a = from;
    let b = to;
    while (a.number > b.number) retracted.push(a), (a = a.parent!);
    while (b.number > a.number) enacted.push(b), (b = b.parent!);
    while (a !== b) {
      retracted.push(a), (a = a.parent!);
      enacted.push(b), (b = b.parent!);
    }
    return { common: a, retracted, enacted: enacted.reverse() };
  }

  /**
   * The plan to finalize `target`: the blocks that become finalized (oldest first, ending at `target`) and
   * the live blocks on other forks, which lose their state.
   */
  finalizationPlan(target: LiveBlock): { finalized: LiveBlock[]; discarded: LiveBlock[] } {
    const finalized: LiveBlock[] = [];
    for (let b: LiveBlock | undefined = target; b !== this.root; b = b!.parent) finalized.push(b!);
    finalized.reverse();
    const onRoute = new Set(finalized);
    const discarded = [...this.blocks.values()].filter(
      (b) => b !== this.root && !onRoute.has(b) && !this.isAncestor(target, b),
    );
    return { finalized, discarded };
  }

  /** Makes `target` the root: drops every block that is not `target` or its descendant. Returns the dropped. */
  rebase(target: LiveBlock): LiveBlock[] {
    const dropped: LiveBlock[] = [];
    for (const b of this.blocks.values()) {
      if (b === target || this.isAncestor(target, b)) continue;
      dropped.push(b);
    }
    for (const b of dropped) {
      this.blocks.delete(b.hex);
      b.parent?.children.delete(b);
    }
    target.parent = undefined;
    target.diff = [];
    target.inserted = [];
    this.root = target;
    return dropped;
  }
}
