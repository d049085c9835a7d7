/**
 * Verifying an Aura header against its parent's state, before executing it (smoldot's `verify/aura.rs`).
 *
 * The header must claim exactly one slot (`PreRuntime(aura, slot)`), later than its parent's slot and not
 * too far ahead of the local clock, and end with a `Seal(aura, signature)`. The seal must be the sr25519
 * signature, over the hash of the header without the seal, of `Authorities[slot % n]` as the parent state
 * holds them. A block that fails any rule is refused with an `ImportError` naming the rule.
 */
import { equalBytes, toHex } from "../../primitives/bytes.js";
import { sr25519Verify } from "../../primitives/crypto/sr25519.js";
import { headerHash, type Header } from "../../primitives/header.js";
import { AURA_ENGINE_ID, authorities, currentSlot, slotFromDigest } from "../../runtime/pallets/aura/index.js";
import type { StorageReader } from "../../state/storage.js";
import { ImportError } from "../import/import-error.js";
import { splitSeal } from "./seal.js";
import { MAX_FUTURE_SLOTS } from "./slots.js";

export interface VerifiedAuraHeader {
  slot: bigint;
  /** Index of the author in the parent state's `Aura.Authorities`. */
  authorIndex: number;
  /** The author's sr25519 key. */
  author: Uint8Array;
  /** The header without its seal: what executes and what was signed. */
  preHeader: Header;
}

export interface AuraVerifyOptions {
  /** The local clock's slot; when given, a block may claim at most `nowSlot + MAX_FUTURE_SLOTS`. */
  nowSlot?: bigint;
}

/** Checks slot and seal of `header` (hash `hash`) against `parentState`; throws `ImportError` if they fail. */
export function verifyAuraHeader(header: Header, hash: Uint8Array, parentState: StorageReader, opts: AuraVerifyOptions = {}): VerifiedAuraHeader {
  const hex = toHex(hash);
  const sealed = splitSeal(header);
  if (!sealed) throw new ImportError({ code: "UNSEALED", hash: hex });
  const { preHeader, signature } = sealed;

  const slot = claimedSlot(preHeader, hex);
  const parentSlot = currentSlot(parentState);
  if (slot <= parentSlot) throw new ImportError({ code: "SLOT_NOT_INCREASING", hash: hex, slot, parentSlot });
  if (opts.nowSlot !== undefined && slot > opts.nowSlot + MAX_FUTURE_SLOTS) {
    throw new ImportError({ code: "SLOT_IN_FUTURE", hash: hex, slot, nowSlot: opts.nowSlot });
  }

  const keys = authorities(parentState);
  if (keys.length === 0) throw new ImportError({ code: "NO_AUTHORITIES", hash: hex });
  const authorIndex = Number(slot % BigInt(keys.length));
  const author = keys[authorIndex]!;
  const signed = headerHash(preHeader);
  if (!sr25519Verify(signature, signed, author)) {
    // PERF: only a refused block pays for this search, at most one verification per authority.
    const sealedBy = keys.find((k) => !equalBytes(k, author) && sr25519Verify(signature, signed, k));
    if (sealedBy) throw new ImportError({ code: "WRONG_AUTHOR", hash: hex, slot, expectedAuthor: toHex(author), sealedBy: toHex(sealedBy) });
    throw new ImportError({ code: "BAD_SEAL", hash: hex, slot, expectedAuthor: toHex(author) });
  }
  return { slot, authorIndex, author, preHeader };
}

/** The one slot a header claims; as Substrate's `find_pre_digest`, a second Aura pre-digest is an error. */
function claimedSlot(header: Header, hex: string): bigint {
  let count = 0;
  for (const item of header.digest.logs) {
    if (item.tag === "PreRuntime" && equalBytes((item.value as [Uint8Array, Uint8Array])[0], AURA_ENGINE_ID)) count++;
  }
  if (count > 1) throw new ImportError({ code: "MULTIPLE_SLOTS", hash: hex });
  const slot = slotFromDigest(header.digest.logs);
  if (slot === undefined) throw new ImportError({ code: "MISSING_SLOT", hash: hex });
  return slot;
}
