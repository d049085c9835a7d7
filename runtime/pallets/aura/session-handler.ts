/**
 * Aura as a session handler (`OneSessionHandler for pallet_aura`): the authorities follow the session's
 * validators, taking each one's `aura` key.
 *
 * The change is instant: when Session starts a changed set, `Authorities` is replaced in that same block
 * (and an `AuthoritiesChange` consensus item goes into its digest), so the next slot's author comes from
 * the new set. An unchanged set, or one with the same keys, leaves the authorities alone.
 */
import type { Storage } from "../../../state/storage.js";
import type { BlockContext } from "../../pallet.js";
import { runtimeLog } from "../../runtime-log.js";
import type { SessionHandler } from "../session/traits.js";
import { depositLog } from "../system/block.js";
import { auraConsensusDigest } from "./digest.js";
import { initializeAuthorities } from "./index.js";
import { storage } from "./storage.js";
import { MAX_AUTHORITIES } from "./types.js";

function sameList(a: readonly Uint8Array[], b: readonly Uint8Array[]): boolean {
  return a.length === b.length && a.every((x, i) => Buffer.compare(Buffer.from(x), Buffer.from(b[i]!)) === 0);
}

/** `change_authorities`: stores the set and announces it in the digest. */
function changeAuthorities(ctx: BlockContext, next: Uint8Array[]): void {
  storage.Authorities.set(ctx.io, next);
  depositLog(ctx, auraConsensusDigest({ tag: "AuthoritiesChange", value: next }));
}

export const auraSessionHandler: SessionHandler = {
  onGenesisSession(io: Storage, validators) {
    initializeAuthorities(io, validators.map(([, k]) => k.aura));
  },
  onNewSession(ctx, changed, validators) {
    if (!changed) return;
    let next = validators.map(([, k]) => k.aura);
    if (sameList(next, storage.Authorities.get(ctx.io))) return;
    if (next.length > MAX_AUTHORITIES) {
      runtimeLog.warn("aura: next authorities list larger than MaxAuthorities, truncating", { count: next.length, max: MAX_AUTHORITIES });
      next = next.slice(0, MAX_AUTHORITIES);
    }
    changeAuthorities(ctx, next);
  },
  onDisabled(ctx, index) {
    depositLog(ctx, auraConsensusDigest({ tag: "OnDisabled", value: index }));
  },
};
