/**
 * GRANDPA as a session handler (`OneSessionHandler for pallet_grandpa`): every changed session set becomes
 * the next voter set (weight 1 each), through a change scheduled with no delay.
 *
 * Session reports a change whenever ValidatorSet plans a set, which it always does: from the second
 * rotation on, every session start schedules a change and raises `CurrentSetId`, even with the same voters.
 * After `note_stalled` the change is forced instead. `SetIdSession` keeps only the latest set
 * (`MaxSetIdSessionEntries` = 0 counts as 1).
 */
import type { Storage } from "../../../state/storage.js";
import { DispatchFailure } from "../../dispatch-error.js";
import type { SessionHandler } from "../session/traits.js";
import { storage as sessionStorage } from "../session/storage.js";
import { depositLog } from "../system/block.js";
import { initializeGrandpa, scheduleChange } from "./authority-set.js";
import { grandpaDigest } from "./digest.js";
import { storage } from "./storage.js";

/** TFChain's `MaxSetIdSessionEntries`. */
export const MAX_SET_ID_SESSION_ENTRIES = 0n;

export const grandpaSessionHandler: SessionHandler = {
  onGenesisSession(io: Storage, validators) {
    initializeGrandpa(io, validators.map(([, k]) => [k.grandpa, 1n] as [Uint8Array, bigint]));
  },
  onNewSession(ctx, changed, validators) {
    const io = ctx.io;
    let setId = storage.CurrentSetId.get(io);
    if (changed || storage.Stalled.exists(io)) {
      const next = validators.map(([, k]) => [k.grandpa, 1n] as [Uint8Array, bigint]);
      const stalled = storage.Stalled.take(io);
      let scheduled = true;
      try {
        if (stalled !== undefined) scheduleChange(ctx, next, stalled[0], stalled[1]);
        else scheduleChange(ctx, next, 0);
      } catch (e) {
        // A change already pending or a forced change too soon: the set id stays.
        if (!(e instanceof DispatchFailure)) throw e;
        scheduled = false;
      }
      if (scheduled) {
        setId += 1n;
        storage.CurrentSetId.set(io, setId);
        const keep = MAX_SET_ID_SESSION_ENTRIES > 1n ? MAX_SET_ID_SESSION_ENTRIES : 1n;
        if (setId >= keep) storage.SetIdSession.remove(io, setId - keep);
      }
    }
    storage.SetIdSession.set(io, setId, sessionStorage.CurrentIndex.get(io));
  },
  onDisabled(ctx, index) {
    depositLog(ctx, grandpaDigest({ tag: "OnDisabled", value: BigInt(index) }));
  },
};
