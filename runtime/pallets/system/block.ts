/**
 * frame_system's part of executing a block: initialize, note each extrinsic, deposit events, finalize.
 *
 * The order of these writes is what makes our state root equal FRAME's: `:extrinsic_index` and
 * `:intrablock_entropy` live only during the block; Events, EventCount, Number, ParentHash and Digest
 * stay for clients to read and are reset when the next block initializes.
 */
import type { DigestItem } from "../../../primitives/digest.js";
import { concat } from "../../../primitives/bytes.js";
import { blake2_256 } from "../../../primitives/hashing.js";
import { u32 } from "../../../primitives/schema.js";
import type { OverlayedChanges } from "../../../state/overlay.js";
import { orderedTrieRoot } from "../../../state/trie/trie-root.js";
import { type DispatchClass, type DispatchErrorValue, type DispatchInfo, type Weight } from "../../dispatch-types.js";
import type { BlockContext } from "../../pallet.js";
import { BLOCK_HASH_COUNT, BLOCK_WEIGHTS } from "./constants.js";
import { storage, WELL_KNOWN_KEYS } from "./storage.js";
import { saturatingAdd } from "./weights.js";
import { Phase } from "./types.js";

type Io = OverlayedChanges;

export function resetEvents(io: Io): void {
  storage.Events.kill(io);
  storage.EventCount.kill(io);
  storage.EventTopics.clear(io);
}

export function initialize(io: Io, number: number, parentHash: Uint8Array, logs: DigestItem[]): void {
  storage.ExecutionPhase.set(io, { tag: "Initialization" });
  io.set(WELL_KNOWN_KEYS.EXTRINSIC_INDEX, u32.enc(0));
  // `(b"frame_system::initialize", parent_hash)`: a byte-array literal encodes without a length prefix.
  const entropy = blake2_256(concat(new TextEncoder().encode("frame_system::initialize"), parentHash));
  io.set(WELL_KNOWN_KEYS.INTRABLOCK_ENTROPY, entropy);
  storage.Number.set(io, number);
  storage.Digest.set(io, { logs });
  storage.ParentHash.set(io, parentHash);
  storage.BlockHash.set(io, number - 1, parentHash);
  storage.BlockWeight.kill(io);
}

export function noteFinishedInitialize(io: Io): void {
  storage.ExecutionPhase.set(io, { tag: "ApplyExtrinsic", value: 0 });
}

export function extrinsicIndex(io: Io): number {
  const raw = io.get(WELL_KNOWN_KEYS.EXTRINSIC_INDEX);
  return raw ? u32.dec(raw) : 0;
}

export function noteExtrinsic(io: Io, encoded: Uint8Array): void {
  storage.ExtrinsicData.set(io, extrinsicIndex(io), encoded);
}

/** Records an applied extrinsic: its `ExtrinsicSuccess`/`ExtrinsicFailed` event and the next index. */
export function noteAppliedExtrinsic(ctx: BlockContext, error: DispatchErrorValue | undefined, info: DispatchInfo): void {
  const next = extrinsicIndex(ctx.io) + 1;
  if (error === undefined) ctx.deposit("System", { tag: "ExtrinsicSuccess", value: { dispatch_info: info } });
  else ctx.deposit("System", { tag: "ExtrinsicFailed", value: { dispatch_error: error, dispatch_info: info } });
  ctx.io.set(WELL_KNOWN_KEYS.EXTRINSIC_INDEX, u32.enc(next));
  storage.ExecutionPhase.set(ctx.io, { tag: "ApplyExtrinsic", value: next });
}

export function noteFinishedExtrinsics(io: Io): void {
  const count = extrinsicIndex(io);
  io.clear(WELL_KNOWN_KEYS.EXTRINSIC_INDEX);
  storage.ExtrinsicCount.set(io, count);
  storage.ExecutionPhase.set(io, { tag: "Finalization" });
}

/** Closes the block's bookkeeping and returns what goes into its header (the state root is the caller's). */
export function finalize(io: Io): { number: number; parentHash: Uint8Array; logs: DigestItem[]; extrinsicsRoot: Uint8Array } {
  storage.ExecutionPhase.kill(io);
  storage.AllExtrinsicsLen.kill(io);
  io.clear(WELL_KNOWN_KEYS.INTRABLOCK_ENTROPY);
  const number = storage.Number.get(io);
  const parentHash = storage.ParentHash.get(io);
  const logs = storage.Digest.get(io).logs;
  const count = storage.ExtrinsicCount.take(io) ?? 0;
  const extrinsics: Uint8Array[] = [];
  for (let i = 0; i < count; i++) extrinsics.push(storage.ExtrinsicData.take(io, i));
  const toRemove = number - BLOCK_HASH_COUNT - 1;
  // The genesis hash is kept forever: immortal transactions are signed against it.
  if (toRemove > 0) storage.BlockHash.remove(io, toRemove);
  return { number, parentHash, logs, extrinsicsRoot: orderedTrieRoot(extrinsics) };
}

/**
 * Appends an already encoded `RuntimeEvent` to `System.Events` with the current phase; none at genesis.
 */
export function depositEventBytes(io: Io, event: Uint8Array): void {
  // PERF: this runs for every event, so it reads the encoded Number and Phase as they are stored.
  const number = io.get(storage.Number.key());
  if (number === undefined || number.every((b) => b === 0)) return;
  const phase = io.get(storage.ExecutionPhase.key()) ?? DEFAULT_PHASE;
  const countKey = storage.EventCount.key();
  const raw = io.get(countKey);
  const count = raw ? new DataView(raw.buffer, raw.byteOffset, 4).getUint32(0, true) : 0;
  io.set(countKey, u32.enc(count + 1));
  // EventRecord = phase ‖ event ‖ topics (always empty in TFChain).
  io.append(storage.Events.key(), concat(phase, event, EMPTY_VEC));
}
// `Phase::ApplyExtrinsic(0)`, what FRAME assumes when no phase is stored.
const DEFAULT_PHASE = Phase.enc({ tag: "ApplyExtrinsic", value: 0 });
const EMPTY_VEC = new Uint8Array([0]);

export function depositLog(ctx: Pick<BlockContext, "io">, item: DigestItem): void {
  storage.Digest.mutate(ctx.io, (d) => ({ logs: [...d.logs, item] }));
}

/** Adds weight to the block's tally for `class` without checking limits (hooks, inherents). */
export function registerExtraWeightUnchecked(io: Io, weight: Weight, cls: DispatchClass): void {
  // `saturating_accrue`: a session rotation charges a whole block (proof size u64::MAX) on top of the rest.
  storage.BlockWeight.mutate(io, (w) => ({ ...w, [key(cls)]: saturatingAdd(w[key(cls)], weight) }));
}

export function key(cls: DispatchClass): "normal" | "operational" | "mandatory" {
  return cls === "Normal" ? "normal" : cls === "Operational" ? "operational" : "mandatory";
}

export function baseExtrinsicWeight(cls: DispatchClass): Weight {
  return BLOCK_WEIGHTS.per_class[key(cls)].base_extrinsic;
}
