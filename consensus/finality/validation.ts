/**
 * The checks a gossiped message passes before the voter spends more on it (`GossipValidator` and
 * `communication::check_compact_commit`/`check_catch_up`): right set and round window, signers in the set,
 * enough distinct weight, valid signatures. Each failure names its reputation cost; a message from an
 * adjacent round or set is merely out of place and is dropped for a small cost, an invalid one costs more.
 */
import { toHex } from "../../primitives/bytes.js";
import { REPUTATION, type ReputationChange } from "./environment.js";
import type { FullCatchUpMessage, FullCommitMessage, VoteMessage } from "./gossip.js";
import { commitFromCompact, type CatchUp, type Commit } from "./messages.js";
import { checkMessageSignature } from "./signing.js";
import type { VoterSet } from "./voter-set.js";

export type Checked<T> = { ok: true; value: T } | { ok: false; reject: boolean; cost: ReputationChange | undefined; why: string };

const fail = (why: string, cost: ReputationChange | undefined, reject = false): { ok: false; reject: boolean; cost: ReputationChange | undefined; why: string } => ({ ok: false, reject, cost, why });

/** The voter's view: the set and best round it is at. */
export interface LocalView {
  setId: bigint;
  round: bigint;
}

function considerSet(setId: bigint, view: LocalView) {
  if (setId < view.setId) return fail("past set", REPUTATION.PAST_REJECTION);
  if (setId > view.setId) return fail("future set", REPUTATION.FUTURE_MESSAGE);
  return undefined;
}

/** A vote of round r is taken while we are at r − 1 … r + 1 of its set (`View::consider_vote`). */
export function checkVote(vote: VoteMessage, view: LocalView, voters: VoterSet): Checked<VoteMessage> {
  const set = considerSet(vote.set_id, view);
  if (set) return set;
  if (vote.round > view.round + 1n) return fail("future round", REPUTATION.FUTURE_MESSAGE);
  if (vote.round + 1n < view.round) return fail("past round", REPUTATION.PAST_REJECTION);
  const { message, id, signature } = vote.message;
  if (!voters.contains(toHex(id))) return fail("unknown voter", REPUTATION.BAD_MESSAGE, true);
  if (!checkMessageSignature(message, id, signature, vote.round, vote.set_id)) return fail("bad signature", REPUTATION.BAD_MESSAGE, true);
  return { ok: true, value: vote };
}

/** A commit of our set, well formed, from voters only, with threshold weight and valid signatures. */
export function checkCommit(message: FullCommitMessage, view: LocalView, voters: VoterSet): Checked<Commit> {
  const set = considerSet(message.set_id, view);
  if (set) return set;
  const commit = commitFromCompact(message.message);
  if (!commit || commit.precommits.length === 0) return fail("malformed commit", REPUTATION.BAD_JUSTIFICATION, true);
  const weight = distinctWeight(commit.precommits.map((p) => p.id), voters);
  if (weight === undefined) return fail("commit from a non-voter", REPUTATION.BAD_JUSTIFICATION, true);
  if (weight < voters.threshold) return fail("commit below threshold", REPUTATION.BAD_JUSTIFICATION, true);
  for (const p of commit.precommits) {
    if (!checkMessageSignature({ tag: "Precommit", value: p.precommit }, p.id, p.signature, message.round, message.set_id)) {
      return fail("bad commit signature", REPUTATION.BAD_JUSTIFICATION, true);
    }
  }
  return { ok: true, value: commit };
}

/** A catch-up of our set with threshold weight in both phases from voters only, all signatures valid. */
export function checkCatchUp(message: FullCatchUpMessage, setId: bigint, voters: VoterSet): Checked<CatchUp> {
  if (message.set_id !== setId) return fail("catch-up of another set", REPUTATION.OUT_OF_SCOPE_MESSAGE);
  const c = message.message;
  const prevoteWeight = distinctWeight(c.prevotes.map((p) => p.id), voters);
  const precommitWeight = distinctWeight(c.precommits.map((p) => p.id), voters);
  if (prevoteWeight === undefined || precommitWeight === undefined) return fail("catch-up from a non-voter", REPUTATION.BAD_JUSTIFICATION, true);
  if (prevoteWeight < voters.threshold || precommitWeight < voters.threshold) return fail("catch-up below threshold", REPUTATION.BAD_JUSTIFICATION, true);
  const round = c.round_number;
  for (const p of c.prevotes) {
    if (!checkMessageSignature({ tag: "Prevote", value: p.prevote }, p.id, p.signature, round, setId)) return fail("bad catch-up signature", REPUTATION.BAD_JUSTIFICATION, true);
  }
  for (const p of c.precommits) {
    if (!checkMessageSignature({ tag: "Precommit", value: p.precommit }, p.id, p.signature, round, setId)) return fail("bad catch-up signature", REPUTATION.BAD_JUSTIFICATION, true);
  }
  return { ok: true, value: c };
}

// The weight of the distinct signers; `undefined` if one is outside the set.
function distinctWeight(ids: Uint8Array[], voters: VoterSet): bigint | undefined {
  const seen = new Set<string>();
  let weight = 0n;
  for (const id of ids) {
    const hex = toHex(id);
    const position = voters.position(hex);
    if (position === undefined) return undefined;
    if (seen.has(hex)) continue;
    seen.add(hex);
    weight += voters.voters[position]!.weight;
  }
  return weight;
}
