/**
 * State pruning: which finalized states are kept, and when trie nodes die.
 *
 * Trie nodes are reference-counted. A block's commit counts up the nodes its trie update inserted and
 * journals the nodes it stopped using (its "death row", as Substrate's state-db calls it). Those nodes are
 * still used by the parent's state, so they are counted down only when the parent's state leaves the
 * window: with `pruning: N`, finalizing block F keeps the canonical states F−N+1 … F, and discarding state k
 * releases the death row of canonical block k+1. Non-finalized states are never pruned; when a block is
 * finalized, the live forks that do not descend from it are discarded and give back the nodes they inserted.
 * So a node's count is its uses in the oldest kept state plus its insertions by the kept blocks after it,
 * and it reaches zero exactly when no kept state uses it.
 *
 * `archive` keeps every state (forks included) and never counts down: node refcounts are not maintained.
 */
import type { BlockTree, LiveBlock } from "./block-tree.js";
import { moveBestOps } from "./best-chain.js";
import type { ChainLevels, DbBatch } from "./db-batch.js";
import { DbError } from "./db-error.js";
import { corrupt, decodeHashList, decodeU32, META, u32Key } from "./db-schema.js";
import { toHex } from "../primitives/bytes.js";

/** Keep the last N finalized states (N ≥ 1), or all of them. */
export type PruningMode = number | "archive";

/** Substrate's default `--pruning` (state pruning window). */
export const DEFAULT_PRUNING: PruningMode = 256;

/** Parses a `--pruning` value: `archive` or a number of blocks. */
export function parsePruningMode(value: string): PruningMode {
  if (value === "archive" || value === "archive-all") return "archive";
  if (/^[0-9]+$/.test(value)) {
    const n = Number(value);
    if (n >= 1 && n <= 0xfffffffe) return n;
  }
  throw new DbError({ code: "INVALID_PRUNING", value });
}

export function checkPruningMode(mode: PruningMode): PruningMode {
  if (mode === "archive" || (Number.isInteger(mode) && mode >= 1 && mode <= 0xfffffffe)) return mode;
  throw new DbError({ code: "INVALID_PRUNING", value: String(mode) });
}

// Stored as u32 BE: 0 means archive (a window of 0 states is not a mode).
export function encodePruningMode(mode: PruningMode): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, mode === "archive" ? 0 : mode, false);
  return out;
}

export function decodePruningMode(bytes: Uint8Array): PruningMode {
  const n = decodeU32(bytes, "meta pruning");
  if (n === 0xffffffff) corrupt("meta pruning", "bad pruning window");
  return n === 0 ? "archive" : n;
}

/** The lowest block number whose canonical state is kept once `finalized` is final. */
export function pruningBase(mode: PruningMode, finalized: number, previousBase: number): number {
  if (mode === "archive") return 0;
  return Math.max(previousBase, finalized - mode + 1);
}

export interface FinalizationPlan {
  /** Blocks that become finalized, oldest first, ending at the target. */
  finalized: LiveBlock[];
  /** Live blocks on forks the target excludes: their states are gone. */
  discarded: LiveBlock[];
  /** The best block afterwards: unchanged, or the target if best did not descend from it. */
  best: LiveBlock;
  /** The lowest kept canonical state number afterwards. */
  base: number;
}

/**
 * Adds to `batch` the finalization of `target`: journals of newly finalized blocks dropped, forks discarded
 * (their inserted nodes released), the death rows of blocks whose parent state leaves the window released,
 * the best chain moved if it does not contain `target`, and the meta entries.
 */
export async function finalizationOps(
  batch: DbBatch,
  levels: ChainLevels,
  tree: BlockTree,
  target: LiveBlock,
  ctx: { mode: PruningMode; base: number; best: LiveBlock; canonHash: (n: number) => Promise<Uint8Array> },
): Promise<FinalizationPlan> {
  const archive = ctx.mode === "archive";
  const oldFinalized = tree.finalized;
  const { finalized, discarded } = tree.finalizationPlan(target);
  let best = ctx.best;
  if (!tree.isAncestor(target, best)) {
    moveBestOps(batch, levels, tree, best, target);
    best = target;
  }
  for (const b of finalized) {
    batch.del(levels["flat-diffs"], b.hash);
    if (!archive) batch.del(levels.inserted, b.hash);
  }
  for (const b of discarded) {
    batch.del(levels["flat-diffs"], b.hash);
    if (archive) continue;
    batch.del(levels.inserted, b.hash);
    batch.del(levels["death-row"], b.hash);
    for (const h of b.inserted) batch.releaseNode(h);
  }
  const base = pruningBase(ctx.mode, target.number, ctx.base);
  for (let n = ctx.base + 1; n <= base; n++) {
    // State n-1 leaves the window: the nodes block n stopped using die.
    const hash = n > oldFinalized.number ? finalized[n - oldFinalized.number - 1]!.hash : await ctx.canonHash(n);
    const row = await levels["death-row"].get(hash);
    if (row === undefined) corrupt("death-row", `no death row for canonical block ${toHex(hash)}`);
    for (const h of decodeHashList(row, `death row of ${toHex(hash)}`)) batch.releaseNode(h);
    batch.del(levels["death-row"], hash);
  }
  batch.put(levels.meta, META.finalized, target.hash);
  batch.put(levels.meta, META.base, u32Key(base));
  return { finalized, discarded, best, base };
}
