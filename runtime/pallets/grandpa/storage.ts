/**
 * pallet_grandpa storage, and the authority set under the well-known key `:grandpa_authorities`.
 *
 * FRAME 1.x keeps the current voters outside the pallet's prefix, as `VersionedAuthorityList`
 * (version byte 1, then the list), so that the client can read them without the metadata.
 */
import { tuple, u32, u64, u8 } from "../../../primitives/schema.js";
import type { Storage, StorageReader } from "../../../state/storage.js";
import { map, palletStorage, value } from "../../storage-item.js";
import { AuthorityList, SetId, StoredPendingChange, StoredState } from "./types.js";

export const storage = palletStorage("Grandpa", {
  State: value(StoredState, { default: { tag: "Live" }, docs: [" State of the current authority set."] }),
  PendingChange: value(StoredPendingChange, { docs: [" Pending change: (signaled at, scheduled change)."] }),
  NextForced: value(u32, { docs: [" next block number where we can force a change."] }),
  Stalled: value(tuple(u32, u32), { docs: [" `true` if we are currently stalled."] }),
  CurrentSetId: value(SetId, {
    default: 0n,
    docs: [
      " The number of changes (both in terms of keys and underlying economic responsibilities)",
      " in the \"set\" of Grandpa validators from genesis.",
    ],
  }),
  SetIdSession: map("Twox64Concat", u64, u32, {
    docs: [
      " A mapping from grandpa set ID to the index of the *most recent* session for which its",
      " members were responsible.",
      "",
      " This is only used for validating equivocation proofs. An equivocation proof must",
      " contains a key-ownership proof for a given session, therefore we need a way to tie",
      " together sessions and GRANDPA set ids, i.e. we need to validate that a validator",
      " was the owner of a given key on a given session, and what the active set ID was",
      " during that session.",
      "",
      " TWOX-NOTE: `SetId` is not under user control.",
    ],
  }),
});

/** `GRANDPA_AUTHORITIES_KEY`. */
export const GRANDPA_AUTHORITIES_KEY = new TextEncoder().encode(":grandpa_authorities");
/** `AUTHORITIES_VERSION` of `VersionedAuthorityList`. */
const AUTHORITIES_VERSION = 1;
const VersionedAuthorityList = tuple(u8, AuthorityList);

/**
 * `Grandpa::grandpa_authorities()`: the current voters with their weights. A missing or undecodable entry
 * (or another version) reads as no voters, as FRAME's `unwrap_or_default`.
 */
export function grandpaAuthorities(io: StorageReader): AuthorityList {
  const raw = io.get(GRANDPA_AUTHORITIES_KEY);
  if (raw === undefined) return [];
  try {
    const [version, list] = VersionedAuthorityList.dec(raw);
    return version === AUTHORITIES_VERSION ? list : [];
  } catch {
    return [];
  }
}

/** `set_grandpa_authorities`. */
export function setGrandpaAuthorities(io: Storage, list: AuthorityList): void {
  io.set(GRANDPA_AUTHORITIES_KEY, VersionedAuthorityList.enc([AUTHORITIES_VERSION, list]));
}

/** `Grandpa::current_set_id()`. */
export function currentSetId(io: StorageReader): bigint {
  return storage.CurrentSetId.get(io);
}
