/**
 * Where a voter without state of its own finds the authority set: the runtime's state at the finalized block,
 * as `sc-consensus-grandpa` asks `GrandpaApi_grandpa_authorities` at genesis. Pallet Grandpa keeps the set
 * under the well-known key `:grandpa_authorities` (`VersionedAuthorityList`: version byte 1, then the
 * `AuthorityList`) and its id in `Grandpa.CurrentSetId` (u64, 0 when absent). A chain whose runtime has no
 * Grandpa pallet yet falls back to the chain spec's authorities as set 0.
 */
import { concat, utf8 } from "../../primitives/bytes.js";
import { twox128 } from "../../primitives/hashing.js";
import { u64, u8 } from "../../primitives/schema.js";
import type { StorageReader } from "../../state/storage.js";
import type { AuthoritySetProvider, ChainBlock } from "./environment.js";
import { AuthorityList } from "./messages.js";

/** `:grandpa_authorities`. */
export const GRANDPA_AUTHORITIES_KEY = utf8(":grandpa_authorities");
/** `Grandpa.CurrentSetId`. */
export const CURRENT_SET_ID_KEY = concat(twox128(utf8("Grandpa")), twox128(utf8("CurrentSetId")));

const AUTHORITIES_VERSION = 1;

/** Decodes a `VersionedAuthorityList`; `undefined` for another version. */
export function decodeVersionedAuthorityList(bytes: Uint8Array): AuthorityList | undefined {
  if (bytes.length === 0 || u8.dec(bytes.subarray(0, 1)) !== AUTHORITIES_VERSION) return undefined;
  return AuthorityList.dec(bytes.subarray(1));
}

/** Encodes a `VersionedAuthorityList` (version 1). */
export function encodeVersionedAuthorityList(list: AuthorityList): Uint8Array {
  return concat(Uint8Array.of(AUTHORITIES_VERSION), AuthorityList.enc(list));
}

/** The set in the runtime state after a block, or the chain spec's keys (weight 1 each) as set 0. */
export function runtimeAuthorities(
  stateAt: (hash: Uint8Array) => Promise<StorageReader>,
  specKeys: readonly Uint8Array[],
): AuthoritySetProvider {
  return {
    async authorities(at: ChainBlock) {
      const state = await stateAt(at.hash);
      const stored = state.get(GRANDPA_AUTHORITIES_KEY);
      const list = stored && decodeVersionedAuthorityList(stored);
      if (!list) return { setId: 0n, authorities: specKeys.map((k) => [k, 1n]) };
      const setId = state.get(CURRENT_SET_ID_KEY);
      return { setId: setId ? u64.dec(setId) : 0n, authorities: list };
    },
  };
}
