/**
 * GRANDPA's wire types, as `finality-grandpa` and `sp-consensus-grandpa` encode them for a chain with
 * `H256` hashes and `u32` block numbers.
 *
 * A vote names a target block by hash and number; a prevote or precommit for a block is a vote for its
 * ancestors too. Votes travel signed as `SignedMessage` (the message, an ed25519 signature and the voter's
 * public key). A commit gathers the precommits that finalize its target; a justification is a commit with the
 * headers that link every precommit target to the commit target (`votes_ancestries`), and it is what the node
 * stores next to a block under engine id `FRNK`.
 */
import { H256, HeaderSchema, type Header } from "../../primitives/header.js";
import { engineId } from "../../primitives/digest.js";
import { bytes, enumeration, fixedBytes, newtype, struct, tuple, u32, u64, vec, type ValueOf } from "../../primitives/schema.js";

/** `FRNK`: GRANDPA's consensus engine id, in digests and in `Justifications`. */
export const GRANDPA_ENGINE_ID = engineId("FRNK");

/** `sp_consensus_grandpa::app::Public`: an ed25519 public key. */
export const AuthorityId = newtype({ path: "sp_consensus_grandpa::app::Public" }, [fixedBytes(32), "ed25519::Public"]);

/** `sp_consensus_grandpa::app::Signature`: an ed25519 signature. */
export const AuthoritySignature = newtype({ path: "sp_consensus_grandpa::app::Signature" }, [fixedBytes(64), "ed25519::Signature"]);

/** `AuthorityList`: voters and their weights (`u64`). */
export const AuthorityList = vec(tuple(AuthorityId, u64));
export type AuthorityList = [id: Uint8Array, weight: bigint][];

const target = { target_hash: [H256, "H"] as [typeof H256, string], target_number: [u32, "N"] as [typeof u32, string] };
const params = [{ name: "H", type: H256 }, { name: "N", type: u32 }];

/** `finality_grandpa::Prevote<H256, u32>`. */
export const Prevote = struct({ path: "finality_grandpa::Prevote", params }, target);
/** `finality_grandpa::Precommit<H256, u32>`. */
export const Precommit = struct({ path: "finality_grandpa::Precommit", params }, target);
/** `finality_grandpa::PrimaryPropose<H256, u32>`: the primary's hint, the last round's estimate. */
export const PrimaryPropose = struct({ path: "finality_grandpa::PrimaryPropose", params }, target);
/** A vote target: what prevotes, precommits and proposals share. */
export type Vote = ValueOf<typeof Prevote>;

/** `finality_grandpa::Message`: Prevote 0, Precommit 1, PrimaryPropose 2. */
export const Message = enumeration(
  { path: "finality_grandpa::Message", params },
  { Prevote: { value: Prevote }, Precommit: { value: Precommit }, PrimaryPropose: { value: PrimaryPropose } },
);
export type Message = ValueOf<typeof Message>;

/** `finality_grandpa::SignedMessage`. */
export const SignedMessage = struct(
  { path: "finality_grandpa::SignedMessage" },
  { message: Message, signature: AuthoritySignature, id: AuthorityId },
);
export type SignedMessage = ValueOf<typeof SignedMessage>;

/** `finality_grandpa::SignedPrevote`. */
export const SignedPrevote = struct({ path: "finality_grandpa::SignedPrevote" }, { prevote: Prevote, signature: AuthoritySignature, id: AuthorityId });
export type SignedPrevote = ValueOf<typeof SignedPrevote>;

/** `finality_grandpa::SignedPrecommit`. */
export const SignedPrecommit = struct({ path: "finality_grandpa::SignedPrecommit" }, { precommit: Precommit, signature: AuthoritySignature, id: AuthorityId });
export type SignedPrecommit = ValueOf<typeof SignedPrecommit>;

/** `finality_grandpa::Commit`: precommits for the target or its descendants that finalize the target. */
export const Commit = struct({ path: "finality_grandpa::Commit" }, { ...target, precommits: vec(SignedPrecommit) });
export type Commit = ValueOf<typeof Commit>;

/** `finality_grandpa::CompactCommit`: a commit with its signatures and ids in a second list (`auth_data`). */
export const CompactCommit = struct(
  { path: "finality_grandpa::CompactCommit" },
  { ...target, precommits: vec(Precommit), auth_data: vec(tuple(AuthoritySignature, AuthorityId)) },
);
export type CompactCommit = ValueOf<typeof CompactCommit>;

/** `finality_grandpa::CatchUp`: every vote needed to complete a round, answered to a lagging voter. */
export const CatchUp = struct(
  { path: "finality_grandpa::CatchUp" },
  { round_number: u64, prevotes: vec(SignedPrevote), precommits: vec(SignedPrecommit), base_hash: H256, base_number: u32 },
);
export type CatchUp = ValueOf<typeof CatchUp>;

/** `sp_consensus_grandpa::GrandpaJustification<Header>`. */
export const GrandpaJustification = struct(
  { path: "sp_consensus_grandpa::GrandpaJustification" },
  { round: u64, commit: Commit, votes_ancestries: vec(HeaderSchema) },
);
export type GrandpaJustification = { round: bigint; commit: Commit; votes_ancestries: Header[] };

/** `sc_consensus_grandpa::FinalityProof<Header>`, what `grandpa_proveFinality` returns SCALE-encoded. */
export const FinalityProof = struct(
  { path: "sc_consensus_grandpa::finality_proof::FinalityProof" },
  { block: H256, justification: bytes, unknown_headers: vec(HeaderSchema) },
);
export type FinalityProof = { block: Uint8Array; justification: Uint8Array; unknown_headers: Header[] };

/** `sp_consensus_grandpa::ScheduledChange<u32>`. */
export const ScheduledChange = struct(
  { path: "sp_consensus_grandpa::ScheduledChange" },
  { next_authorities: AuthorityList, delay: u32 },
);
export type ScheduledChange = { next_authorities: AuthorityList; delay: number };

/** `sp_consensus_grandpa::ConsensusLog<u32>`, the payload of a `Consensus(FRNK, …)` digest item. */
export const ConsensusLog = enumeration(
  { path: "sp_consensus_grandpa::ConsensusLog" },
  {
    ScheduledChange: { index: 1, value: ScheduledChange },
    ForcedChange: { index: 2, tuple: [u32, ScheduledChange] },
    OnDisabled: { index: 3, value: u64 },
    Pause: { index: 4, value: u32 },
    Resume: { index: 5, value: u32 },
  },
);
export type ConsensusLog = ValueOf<typeof ConsensusLog>;

/** The target of a message as a block reference. */
export function messageTarget(message: Message): { hash: Uint8Array; number: number } {
  return { hash: message.value.target_hash, number: message.value.target_number };
}

/** A full commit from its compact form; `undefined` when the two lists differ in length. */
export function commitFromCompact(compact: CompactCommit): Commit | undefined {
  if (compact.precommits.length !== compact.auth_data.length) return undefined;
  return {
    target_hash: compact.target_hash,
    target_number: compact.target_number,
    precommits: compact.precommits.map((precommit, i) => ({ precommit, signature: compact.auth_data[i]![0], id: compact.auth_data[i]![1] })),
  };
}

/** The compact form of a commit, as it is gossiped. */
export function compactFromCommit(commit: Commit): CompactCommit {
  return {
    target_hash: commit.target_hash,
    target_number: commit.target_number,
    precommits: commit.precommits.map((p) => p.precommit),
    auth_data: commit.precommits.map((p) => [p.signature, p.id] as [Uint8Array, Uint8Array]),
  };
}
