/**
 * Commit validation, as `finality_grandpa::validate_commit`.
 *
 * A commit is valid when its precommits alone, counted as a round would count them with the lowest precommit
 * target as base, give a precommit GHOST equal to the commit target. Precommits by keys outside the voter set
 * are left out; duplicates count once; an equivocator's weight counts for every block, its third and later
 * votes are ignored.
 * Signatures are checked by the caller.
 */
import { toHex } from "../../primitives/bytes.js";
import { blockRef, sameBlock } from "./block-ref.js";
import type { Commit } from "./messages.js";
import { isEqualOrDescendantOf, Round, type AncestryChain } from "./round.js";
import type { VoterSet } from "./voter-set.js";

/** Why a commit is invalid; `undefined` when it is valid. */
export type CommitInvalidity =
  | "NO_VOTER_PRECOMMITS"
  | "NOT_DESCENDANT_OF_BASE"
  | "INSUFFICIENT_WEIGHT"
  | "GHOST_MISMATCH";

export interface CommitValidation {
  valid: boolean;
  invalidity?: CommitInvalidity;
  precommits: number;
  duplicates: number;
  equivocations: number;
  invalidVoters: number;
}

export function validateCommit(commit: Commit, voters: VoterSet, chain: AncestryChain): CommitValidation {
  const result: CommitValidation = { valid: false, precommits: commit.precommits.length, duplicates: 0, equivocations: 0, invalidVoters: 0 };
  const valid = commit.precommits.filter((p) => {
    if (voters.contains(toHex(p.id))) return true;
    result.invalidVoters++;
    return false;
  });
  let base: { hash: Uint8Array; number: number } | undefined;
  for (const p of valid) {
    if (!base || p.precommit.target_number < base.number) base = { hash: p.precommit.target_hash, number: p.precommit.target_number };
  }
  if (!base) return { ...result, invalidity: "NO_VOTER_PRECOMMITS" };
  const baseRef = blockRef(base.hash, base.number);
  if (!valid.every((p) => isEqualOrDescendantOf(chain, baseRef.hash, toHex(p.precommit.target_hash)))) {
    return { ...result, invalidity: "NOT_DESCENDANT_OF_BASE" };
  }
  const round = new Round(0n, voters, baseRef);
  for (const p of valid) {
    const imported = round.importPrecommit(chain, blockRef(p.precommit.target_hash, p.precommit.target_number), p.id, p.signature);
    // A voter's third and later votes are ignored, as the round ignores them.
    if (imported.kind === "equivocation") result.equivocations++;
    else if (imported.kind === "duplicate") result.duplicates++;
  }
  const ghost = round.precommitGhost();
  if (!ghost) return { ...result, invalidity: "INSUFFICIENT_WEIGHT" };
  if (!sameBlock(ghost, blockRef(commit.target_hash, commit.target_number))) return { ...result, invalidity: "GHOST_MISMATCH" };
  return { ...result, valid: true };
}
