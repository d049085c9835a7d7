/**
 * pallet_aura (index 12): the authority set that authors blocks in turn, and the slot of each block.
 *
 * Time is cut into 6 s slots (`slot = timestamp / SlotDuration`, SlotDuration = 2 × MinimumPeriod). The
 * author of slot s is `Authorities[s % n]`; it claims the slot in a `PreRuntime` digest item, which
 * `on_initialize` reads into `CurrentSlot`. The slot must increase from block to block (TFChain sets
 * `AllowMultipleBlocksPerSlot = false`), and the block's timestamp must fall in that slot (`OnTimestampSet`).
 * Either failure is a panic in FRAME, so the block is invalid: we throw `AuraPanic` out of its execution.
 * Who may seal a block is the client's business (consensus/aura); the runtime only keeps these rules. The
 * authorities are the session validators' `aura` keys (`session-handler.ts`).
 */
import type { DigestItem } from "../../../primitives/digest.js";
import type { Storage, StorageReader } from "../../../state/storage.js";
import { definePallet, type BlockContext } from "../../pallet.js";
import { storage as systemStorage } from "../system/storage.js";
import { rocksDb } from "../system/weights.js";
import { MINIMUM_PERIOD } from "../timestamp/storage.js";
import { slotFromDigest } from "./digest.js";
import { storage } from "./storage.js";
import { MAX_AUTHORITIES } from "./types.js";

/** `Aura::slot_duration()`: `MinimumPeriod × 2` = 6000 ms. */
export const SLOT_DURATION = MINIMUM_PERIOD * 2n;

export type AuraPanicCode = "SLOT_NOT_INCREASING" | "TIMESTAMP_SLOT_MISMATCH" | "AUTHORITIES_ALREADY_SET" | "TOO_MANY_AUTHORITIES";

const PANIC_MESSAGES: Record<AuraPanicCode, string> = {
  SLOT_NOT_INCREASING: "Slot must increase",
  TIMESTAMP_SLOT_MISMATCH: "Timestamp slot must match `CurrentSlot`",
  AUTHORITIES_ALREADY_SET: "Authorities are already initialized!",
  TOO_MANY_AUTHORITIES: "Initial authority set must be less than T::MaxAuthorities",
};

/** A broken Aura rule: FRAME panics, so the block (or the genesis build) that carries it is invalid. */
export class AuraPanic extends Error {
  constructor(
    readonly code: AuraPanicCode,
    readonly context: { slot?: bigint; current?: bigint; timestamp?: bigint; count?: number } = {},
  ) {
    super(PANIC_MESSAGES[code]);
    this.name = "AuraPanic";
  }
}

/** The slot a timestamp (ms) falls in. */
export function slotAt(timestamp: bigint): bigint {
  return timestamp / SLOT_DURATION;
}

/** `OnTimestampSet for Aura`: the block's time must lie in the slot its digest claims. */
export function onTimestampSet(ctx: BlockContext, now: bigint): void {
  const current = storage.CurrentSlot.get(ctx.io);
  const slot = slotAt(now);
  if (current !== slot) throw new AuraPanic("TIMESTAMP_SLOT_MISMATCH", { slot, current, timestamp: now });
}

/** `initialize_authorities`: a non-empty genesis set is stored once. */
export function initializeAuthorities(io: Storage, keys: Uint8Array[]): void {
  if (keys.length === 0) return;
  if (storage.Authorities.get(io).length > 0) throw new AuraPanic("AUTHORITIES_ALREADY_SET");
  if (keys.length > MAX_AUTHORITIES) throw new AuraPanic("TOO_MANY_AUTHORITIES", { count: keys.length });
  storage.Authorities.set(io, keys);
}

export const aura = definePallet({
  name: "Aura",
  index: 12,
  storage,
  hooks: {
    onInitialize(ctx) {
      const slot = slotFromDigest(systemStorage.Digest.get(ctx.io).logs);
      if (slot === undefined) return rocksDb(1, 0);
      const current = storage.CurrentSlot.get(ctx.io);
      if (slot <= current) throw new AuraPanic("SLOT_NOT_INCREASING", { slot, current });
      storage.CurrentSlot.set(ctx.io, slot);
      // `DisabledValidators = ()`: no authority is ever disabled, so the author index is not checked here.
      return rocksDb(2, 1);
    },
  },
  // No genesis of its own: TFChain's spec leaves `AuraConfig.authorities` empty and Session's genesis sets
  // them (`auraSessionHandler.onGenesisSession`); they follow Session from then on.
});

/**
 * `FindAuthor<u32> for Aura`: the index in `Authorities` of the author of the slot claimed in `logs`, or
 * undefined without an Aura pre-runtime item (or without authorities, where FRAME would divide by zero).
 */
export function findAuthorIndex(io: StorageReader, logs: readonly DigestItem[]): number | undefined {
  const slot = slotFromDigest(logs);
  if (slot === undefined) return undefined;
  const n = storage.Authorities.get(io).length;
  if (n === 0) return undefined;
  return Number(slot % BigInt(n));
}

export { auraConsensusDigest, AuraConsensusLog, auraPreDigest, auraSeal, AURA_ENGINE_ID, sealSignature, slotFromDigest } from "./digest.js";
export { authorities, currentSlot, storage } from "./storage.js";
export { AuthorityId, MAX_AUTHORITIES, Slot, Sr25519Public } from "./types.js";
