/**
 * GRANDPA justifications: building one from a commit and verifying one, as `sc-consensus-grandpa`'s
 * `GrandpaJustification::{from_commit, decode_and_verify_finalizes, verify_with_voter_set}`.
 *
 * The lowest precommit target is the base; `votes_ancestries` holds every header on the way from each
 * precommit target down to that base (the base excluded), each once. Verification checks, in Substrate's
 * order: the commit target is the block to finalize; the commit is valid (a supermajority of precommits whose
 * GHOST is the target) using only the given headers as the chain; every precommit is signed for the
 * justification's round and the given set id; every target other than the base reaches the base through the
 * headers; and no header is left unused.
 */
import { Justifications } from "../../primitives/block.js";
import { equalBytes, toHex } from "../../primitives/bytes.js";
import { CodecError } from "../../primitives/codec-error.js";
import { headerHash, type Header } from "../../primitives/header.js";
import { blockRef, type BlockRef } from "./block-ref.js";
import { validateCommit, type CommitInvalidity } from "./commit.js";
import { GRANDPA_ENGINE_ID, GrandpaJustification, type Commit } from "./messages.js";
import type { AncestryChain } from "./round.js";
import { checkMessageSignature } from "./signing.js";
import type { VoterSet } from "./voter-set.js";

export type JustificationErrorContext =
  | { code: "UNDECODABLE"; detail: string }
  | { code: "WRONG_TARGET"; expected: BlockRef; got: BlockRef }
  | { code: "INVALID_COMMIT"; reason: CommitInvalidity }
  | { code: "BAD_SIGNATURE"; voter: string; round: bigint; setId: bigint }
  | { code: "INVALID_ANCESTRY"; target: string; base: string }
  | { code: "UNUSED_HEADERS"; unused: string[] }
  | { code: "MISSING_HEADER"; hash: string }
  | { code: "NO_PRECOMMITS" };

/** A justification that does not prove what it claims (Substrate's `BadJustification`). */
export class JustificationError extends Error {
  readonly code: JustificationErrorContext["code"];
  constructor(readonly ctx: JustificationErrorContext) {
    super(`Bad GRANDPA justification: ${ctx.code}`);
    this.name = "JustificationError";
    this.code = ctx.code;
  }
}

/**
 * The GRANDPA entry (engine `FRNK`) of SCALE `Justifications`, as block responses and the database carry
 * them; `undefined` if there is none. Undecodable bytes are a `CodecError`.
 */
export function grandpaJustificationOf(justifications: Uint8Array): Uint8Array | undefined {
  return Justifications.dec(justifications).find(([engine]) => equalBytes(engine, GRANDPA_ENGINE_ID))?.[1];
}

/** The chain as a justification's headers describe it (`AncestryChain`). */
export function headersAncestry(headers: readonly Header[]): AncestryChain {
  const byHash = new Map(headers.map((h) => [toHex(headerHash(h)), h]));
  return {
    ancestry(base, block) {
      const route: string[] = [];
      for (let current = block; current !== base; ) {
        const header = byHash.get(current);
        if (!header) return undefined;
        current = toHex(header.parentHash);
        route.push(current);
      }
      route.pop();
      return route;
    },
  };
}

/** Decodes a justification and checks that it finalizes `target` for set `setId` with `voters`. */
export function decodeAndVerifyFinalizes(encoded: Uint8Array, target: BlockRef, setId: bigint, voters: VoterSet): GrandpaJustification {
  let justification: GrandpaJustification;
  try {
    justification = GrandpaJustification.dec(encoded) as GrandpaJustification;
  } catch (e) {
    if (e instanceof CodecError) throw new JustificationError({ code: "UNDECODABLE", detail: e.message });
    throw e;
  }
  const got = blockRef(justification.commit.target_hash, justification.commit.target_number);
  if (got.hash !== target.hash || got.number !== target.number) throw new JustificationError({ code: "WRONG_TARGET", expected: target, got });
  verifyJustification(justification, setId, voters);
  return justification;
}

/** `verify_with_voter_set`: throws a `JustificationError` unless the justification is valid for the set. */
export function verifyJustification(justification: GrandpaJustification, setId: bigint, voters: VoterSet): void {
  const chain = headersAncestry(justification.votes_ancestries);
  const { commit, round } = justification;
  const validation = validateCommit(commit, voters, chain);
  if (!validation.valid) throw new JustificationError({ code: "INVALID_COMMIT", reason: validation.invalidity! });
  const base = lowestTarget(commit);
  if (!base) throw new JustificationError({ code: "NO_PRECOMMITS" });
  const visited = new Set<string>();
  for (const signed of commit.precommits) {
    const message = { tag: "Precommit" as const, value: signed.precommit };
    if (!checkMessageSignature(message, signed.id, signed.signature, round, setId)) {
      throw new JustificationError({ code: "BAD_SIGNATURE", voter: toHex(signed.id), round, setId });
    }
    const target = toHex(signed.precommit.target_hash);
    if (target === base.hash) continue;
    const route = chain.ancestry(base.hash, target);
    if (!route) throw new JustificationError({ code: "INVALID_ANCESTRY", target, base: base.hash });
    visited.add(target);
    for (const h of route) visited.add(h);
  }
  const unused = justification.votes_ancestries.map((h) => toHex(headerHash(h))).filter((h) => !visited.has(h));
  const distinct = new Set(justification.votes_ancestries.map((h) => toHex(headerHash(h))));
  if (unused.length > 0 || distinct.size !== visited.size) throw new JustificationError({ code: "UNUSED_HEADERS", unused });
}

/**
 * `GrandpaJustification::from_commit`: the commit with the headers from each precommit target down to the
 * lowest one, read through `header`.
 */
export async function justificationFromCommit(
  round: bigint,
  commit: Commit,
  header: (hash: Uint8Array) => Promise<Header | undefined>,
): Promise<GrandpaJustification> {
  const base = lowestTarget(commit);
  if (!base) throw new JustificationError({ code: "NO_PRECOMMITS" });
  const seen = new Set<string>();
  const ancestries: Header[] = [];
  for (const signed of commit.precommits) {
    let current = signed.precommit.target_hash;
    while (toHex(current) !== base.hash) {
      const key = toHex(current);
      const h = await header(current);
      if (!h) throw new JustificationError({ code: "MISSING_HEADER", hash: key });
      if (h.number <= base.number) throw new JustificationError({ code: "INVALID_ANCESTRY", target: toHex(signed.precommit.target_hash), base: base.hash });
      if (!seen.has(key)) {
        seen.add(key);
        ancestries.push(h);
      }
      current = h.parentHash;
    }
  }
  return { round, commit, votes_ancestries: ancestries };
}

function lowestTarget(commit: Commit): BlockRef | undefined {
  let low: { hash: Uint8Array; number: number } | undefined;
  for (const p of commit.precommits) {
    if (!low || p.precommit.target_number < low.number) low = { hash: p.precommit.target_hash, number: p.precommit.target_number };
  }
  return low && blockRef(low.hash, low.number);
}
