/**
 * GRANDPA's types as TFChain 2.9's metadata declares them: the ed25519 authority key, the weighted authority
 * list, the stored state and pending change, and the equivocation proof of `report_equivocation`.
 */
import { H256 } from "../../../primitives/header.js";
import { Ed25519Signature } from "../../../primitives/signature.js";
import {
  enumeration, fixedBytes, newtype, option, struct, tuple, u32, u64, vec, type ValueOf,
} from "../../../primitives/schema.js";
import { MAX_AUTHORITIES } from "../aura/types.js";

/** `sp_core::ed25519::Public`. */
export const Ed25519Public = newtype({ path: "sp_core::ed25519::Public" }, [fixedBytes(32), "[u8; 32]"]);

/** `sp_consensus_grandpa::app::Public` (`AuthorityId`): a voter's ed25519 key. */
export const GrandpaAuthorityId = newtype({ path: "sp_consensus_grandpa::app::Public" }, [Ed25519Public, "ed25519::Public"]);

/** `sp_consensus_grandpa::app::Signature`. */
export const GrandpaSignature = newtype({ path: "sp_consensus_grandpa::app::Signature" }, [Ed25519Signature, "ed25519::Signature"]);

/** `(AuthorityId, AuthorityWeight)`; TFChain gives every voter weight 1. */
export const WeightedAuthority = tuple(GrandpaAuthorityId, u64);
/** `AuthorityList`: `Vec<(AuthorityId, u64)>`. */
export const AuthorityList = vec(WeightedAuthority);
export type AuthorityList = ValueOf<typeof AuthorityList>;

/** `SetId`: how many authority-set changes happened since genesis. */
export const SetId = u64;

const N = [{ name: "N", type: u32 }];

/** `pallet_grandpa::StoredState<BlockNumber>`: live, paused, or on the way between the two. */
export const StoredState = enumeration(
  { path: "pallet_grandpa::StoredState", params: N },
  {
    Live: null,
    PendingPause: { fields: { scheduled_at: [u32, "N"], delay: [u32, "N"] } },
    Paused: null,
    PendingResume: { fields: { scheduled_at: [u32, "N"], delay: [u32, "N"] } },
  },
);
export type StoredState = ValueOf<typeof StoredState>;

/**
 * `WeakBoundedVec<(AuthorityId, u64), MaxAuthorities>`: encodes as the list; decoding accepts a longer one
 * (weak bound), which only logs in FRAME.
 */
export const BoundedAuthorityList = newtype(
  { path: "bounded_collections::weak_bounded_vec::WeakBoundedVec", params: [{ name: "T", type: WeightedAuthority }, { name: "S" }] },
  [AuthorityList, "Vec<T>"],
);

/** `pallet_grandpa::StoredPendingChange`: a change signalled at `scheduled_at`, enacted `delay` blocks later. */
export const StoredPendingChange = struct(
  { path: "pallet_grandpa::StoredPendingChange", params: [...N, { name: "Limit" }] },
  {
    scheduled_at: [u32, "N"],
    delay: [u32, "N"],
    next_authorities: [BoundedAuthorityList, "BoundedAuthorityList<Limit>"],
    forced: [option(u32), "Option<N>"],
  },
);
export type StoredPendingChange = ValueOf<typeof StoredPendingChange>;

const HN = [{ name: "H", type: H256 }, { name: "N", type: u32 }];

function vote(name: "Prevote" | "Precommit") {
  return struct({ path: `finality_grandpa::${name}`, params: HN }, { target_hash: [H256, "H"], target_number: [u32, "N"] });
}
export const Prevote = vote("Prevote");
export const Precommit = vote("Precommit");

function equivocation(v: typeof Prevote) {
  const signed = tuple(v, GrandpaSignature);
  return struct(
    { path: "finality_grandpa::Equivocation", params: [{ name: "Id", type: GrandpaAuthorityId }, { name: "V", type: v }, { name: "S", type: GrandpaSignature }] },
    { round_number: [u64, "u64"], identity: [GrandpaAuthorityId, "Id"], first: [signed, "(V, S)"], second: [signed, "(V, S)"] },
  );
}

/** `sp_consensus_grandpa::Equivocation`: two different votes of one voter in one round. */
export const Equivocation = enumeration(
  { path: "sp_consensus_grandpa::Equivocation", params: HN },
  {
    // The typeNames are as the macro printed them, line breaks included (wire data).
    Prevote: { value: [equivocation(Prevote), "grandpa::Equivocation<AuthorityId, grandpa::Prevote<H, N>,\nAuthoritySignature>"] },
    Precommit: { value: [equivocation(Precommit), "grandpa::Equivocation<AuthorityId, grandpa::Precommit<H, N>,\nAuthoritySignature>"] },
  },
);

/** `sp_consensus_grandpa::EquivocationProof<Hash, BlockNumber>`. */
export const EquivocationProof = struct(
  { path: "sp_consensus_grandpa::EquivocationProof", params: HN },
  { set_id: [SetId, "SetId"], equivocation: [Equivocation, "Equivocation<H, N>"] },
);

/** TFChain's `MaxAuthorities` bounds GRANDPA's set too. */
export const MAX_GRANDPA_AUTHORITIES = MAX_AUTHORITIES;
