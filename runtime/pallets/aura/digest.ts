/**
 * Aura's header digest items: the slot the author claims (`PreRuntime`, before execution) and the author's
 * signature (`Seal`, after it), both under the engine id `aura`.
 *
 * The runtime reads only the pre-runtime item; the seal is stripped before the block executes.
 */
import { engineId, type DigestItem } from "../../../primitives/digest.js";
import { equalBytes } from "../../../primitives/bytes.js";
import { enumeration, u32, vec, type ValueOf } from "../../../primitives/schema.js";
import { AuthorityId } from "./types.js";

/** `AURA_ENGINE_ID`: `b"aura"`. */
export const AURA_ENGINE_ID = engineId("aura");

/** `CompatibleDigestItem::aura_pre_digest`: `PreRuntime(aura, slot as u64 LE)`. */
export function auraPreDigest(slot: bigint): DigestItem {
  const data = new Uint8Array(8);
  new DataView(data.buffer).setBigUint64(0, slot, true);
  return { tag: "PreRuntime", value: [AURA_ENGINE_ID, data] };
}

/** `CompatibleDigestItem::aura_seal`: `Seal(aura, signature)`. */
export function auraSeal(signature: Uint8Array): DigestItem {
  return { tag: "Seal", value: [AURA_ENGINE_ID, signature] };
}

/**
 * The slot of the first `PreRuntime` item of engine `aura` (`current_slot_from_digests` / `find_author`).
 *
 * As `Slot::decode`, the first 8 bytes are read and any rest is ignored; fewer than 8 bytes is no slot.
 */
export function slotFromDigest(logs: readonly DigestItem[]): bigint | undefined {
  for (const item of logs) {
    if (item.tag !== "PreRuntime") continue;
    const [id, data] = item.value as [Uint8Array, Uint8Array];
    if (!equalBytes(id, AURA_ENGINE_ID)) continue;
    if (data.length < 8) return undefined;
    return new DataView(data.buffer, data.byteOffset, 8).getBigUint64(0, true);
  }
  return undefined;
}

/** The signature of a `Seal` item of engine `aura`, or undefined for any other item. */
export function sealSignature(item: DigestItem): Uint8Array | undefined {
  if (item.tag !== "Seal") return undefined;
  const [id, data] = item.value as [Uint8Array, Uint8Array];
  return equalBytes(id, AURA_ENGINE_ID) ? data : undefined;
}

/** `sp_consensus_aura::ConsensusLog<AuthorityId>` (variant indices start at 1). */
export const AuraConsensusLog = enumeration(
  { path: "sp_consensus_aura::ConsensusLog" },
  {
    AuthoritiesChange: { index: 1, value: vec(AuthorityId) },
    OnDisabled: { index: 2, value: u32 },
  },
);
export type AuraConsensusLog = ValueOf<typeof AuraConsensusLog>;

/** `Consensus(aura, log)`. */
export function auraConsensusDigest(log: AuraConsensusLog): DigestItem {
  return { tag: "Consensus", value: [AURA_ENGINE_ID, AuraConsensusLog.enc(log)] };
}
