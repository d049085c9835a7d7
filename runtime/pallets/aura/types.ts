/**
 * Aura's types: the authority key and the slot, as TFChain's metadata names them.
 */
import { fixedBytes, newtype, u64 } from "../../../primitives/schema.js";

/** `sp_core::sr25519::Public`. */
export const Sr25519Public = newtype({ path: "sp_core::sr25519::Public" }, [fixedBytes(32), "[u8; 32]"]);

/** `sp_consensus_aura::sr25519::app_sr25519::Public` (`AuraId`): an authority's sr25519 key. */
export const AuthorityId = newtype({ path: "sp_consensus_aura::sr25519::app_sr25519::Public" }, [Sr25519Public, "sr25519::Public"]);

/** `sp_consensus_slots::Slot`: a slot number, `timestamp / SlotDuration`. */
export const Slot = newtype({ path: "sp_consensus_slots::Slot" }, [u64, "u64"]);

/** TFChain's `MaxAuthorities`. */
export const MAX_AUTHORITIES = 100;
