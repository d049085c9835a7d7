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
import { DbError } from "./db-error.js";
import { corrupt, decodeU32 } from "./db-schema.js";

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
