/**
 * How GRANDPA's authority set changes: a change is scheduled (by Session's new set, or forced after
 * `note_stalled`), signalled in the digest of the block that scheduled it, and enacted `delay` blocks later
 * in `on_finalize`. Pauses and resumes go the same way through `State`.
 */
import type { Storage } from "../../../state/storage.js";
import { palletErrors } from "../../dispatch-error.js";
import type { BlockContext } from "../../pallet.js";
import { depositLog } from "../system/block.js";
import { grandpaDigest } from "./digest.js";
import { grandpaAuthorities, setGrandpaAuthorities, storage } from "./storage.js";
import type { AuthorityList } from "./types.js";

export const errors = palletErrors("Grandpa", {
  PauseFailed: ["Attempt to signal GRANDPA pause when the authority set isn't live", "(either paused or already pending pause)."],
  ResumeFailed: ["Attempt to signal GRANDPA resume when the authority set isn't paused", "(either live or already pending resume)."],
  ChangePending: "Attempt to signal GRANDPA change with one already pending.",
  TooSoon: "Cannot signal forced change so soon after last.",
  InvalidKeyOwnershipProof: "A key ownership proof provided as part of an equivocation report is invalid.",
  InvalidEquivocationProof: "An equivocation proof provided as part of an equivocation report is invalid.",
  DuplicateOffenceReport: "A given equivocation report is valid but already previously reported.",
});

/** A broken GRANDPA genesis rule: FRAME panics, so the chain spec is unusable. */
export class GrandpaPanic extends Error {
  constructor(readonly code: "AUTHORITIES_ALREADY_SET") {
    super("Authorities are already initialized!");
    this.name = "GrandpaPanic";
  }
}

/**
 * `initialize`: a non-empty genesis set is stored once; set 0 belongs to session 0 (the set → session map
 * is otherwise only written when a session starts).
 */
export function initializeGrandpa(io: Storage, list: AuthorityList): void {
  if (list.length > 0) {
    if (grandpaAuthorities(io).length > 0) throw new GrandpaPanic("AUTHORITIES_ALREADY_SET");
    setGrandpaAuthorities(io, list);
  }
  storage.SetIdSession.set(io, 0n, 0);
}

/**
 * `schedule_change`: records a change to `next` after `delay` blocks (forced with the median finalized
 * block `forced`). One change at a time (`ChangePending`); a forced one no sooner than twice the last
 * forced delay (`TooSoon`). Longer lists than `MaxAuthorities` are kept whole (FRAME's weak bound only logs).
 */
export function scheduleChange(ctx: BlockContext, next: AuthorityList, delay: number, forced?: number): void {
  const io = ctx.io;
  errors.ensure(!storage.PendingChange.exists(io), "ChangePending");
  const scheduledAt = ctx.blockNumber;
  if (forced !== undefined) {
    const nextForced = storage.NextForced.get(io);
    errors.ensure(!(nextForced !== undefined && nextForced > scheduledAt), "TooSoon");
    storage.NextForced.set(io, scheduledAt + delay * 2);
  }
  storage.PendingChange.set(io, { scheduled_at: scheduledAt, delay, next_authorities: next, forced });
}

/** `on_stalled`: the next session change will be forced, `furtherWait` blocks after it, from `median`. */
export function onStalled(io: Storage, furtherWait: number, median: number): void {
  storage.Stalled.set(io, [furtherWait, median]);
}

/** `on_finalize`: signals and enacts pending set changes, pauses and resumes. */
export function finalizeGrandpa(ctx: BlockContext): void {
  const io = ctx.io;
  const n = ctx.blockNumber;
  const pending = storage.PendingChange.get(io);
  if (pending !== undefined) {
    if (n === pending.scheduled_at) {
      const change = { next_authorities: pending.next_authorities, delay: pending.delay };
      depositLog(ctx, grandpaDigest(pending.forced !== undefined ? { tag: "ForcedChange", value: [pending.forced, change] } : { tag: "ScheduledChange", value: change }));
    }
    if (n === pending.scheduled_at + pending.delay) {
      setGrandpaAuthorities(io, pending.next_authorities);
      ctx.deposit("Grandpa", { tag: "NewAuthorities", value: { authority_set: pending.next_authorities } });
      storage.PendingChange.kill(io);
    }
  }
  const state = storage.State.get(io);
  if (state.tag === "PendingPause") {
    const { scheduled_at, delay } = state.value;
    if (n === scheduled_at) depositLog(ctx, grandpaDigest({ tag: "Pause", value: delay }));
    if (n === scheduled_at + delay) {
      storage.State.set(io, { tag: "Paused" });
      ctx.deposit("Grandpa", { tag: "Paused" });
    }
  } else if (state.tag === "PendingResume") {
    const { scheduled_at, delay } = state.value;
    if (n === scheduled_at) depositLog(ctx, grandpaDigest({ tag: "Resume", value: delay }));
    if (n === scheduled_at + delay) {
      storage.State.set(io, { tag: "Live" });
      ctx.deposit("Grandpa", { tag: "Resumed" });
    }
  }
}
