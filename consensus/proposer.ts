/**
 * Proposing one block: pick its slot and time, fill it from the pool within the work budget, seal it with
 * the slot author's key and import it through the pipeline (without re-executing it).
 *
 * The slot and timestamp must agree (the runtime checks `timestamp / 6000 == slot`) and both must move
 * forward: at least one slot past the parent's, at least `MinimumPeriod` past its time.
 */
import { equalBytes, toHex } from "../primitives/bytes.js";
import { authorities, auraPreDigest, currentSlot } from "../runtime/pallets/aura/index.js";
import { MINIMUM_PERIOD, now as timestampNow } from "../runtime/pallets/timestamp/index.js";
import type { PendingState } from "../state/chain-db.js";
import { DbError } from "../state/db-error.js";
import type { StorageReader } from "../state/storage.js";
import { sealHeader, type AuraSigner } from "./aura/seal.js";
import { SLOT_DURATION, slotAt, slotStart } from "./aura/slots.js";
import { AuthoringError } from "./authoring-error.js";
import { buildBlock, type Candidate } from "./block-builder.js";
import type { Chain } from "./chain.js";
import type { ApplyOptions } from "../runtime/executive.js";

/** A ready transaction as the pool hands it out: its encoding, and the birth hash its signature was verified against. */
export interface PoolCandidate {
  encoded: Uint8Array;
  birthHash?: Uint8Array;
  /** The pool's decoding of `encoded`, so the block author does not decode it again. */
  decoded?: ApplyOptions["decoded"];
}

/** The pool's best-first iterator (txpool's `ReadyIterator`), or any iterable of encodings. */
export type ReadyIterable = Iterable<Uint8Array | PoolCandidate> & { reportInvalid?(tx: any): void };

export interface Proposal {
  parentHash: Uint8Array;
  /** `aura` mode: the slot the timer fired for. Otherwise the earliest slot of ours after the parent's. */
  slot?: bigint;
  candidates: ReadyIterable;
  /** Refuse to build an empty block (manual sealing's `create_empty = false`). */
  requireTransactions: boolean;
  /** Unix time in ms. */
  now: number;
  /** Work budget in ms (performance clock). */
  budgetMs: number;
}

export interface Proposed {
  hash: Uint8Array;
  number: number;
  slot: bigint;
  timestamp: bigint;
  /** Extrinsics in the block, the timestamp inherent included. */
  extrinsics: number;
  rejected: number;
  /** Set when building stopped with candidates left: the budget ran out or the block is full. */
  stoppedBy?: "deadline" | "full";
  ms: number;
}

/** Builds, seals and imports one block; undefined when the slot cannot be used (aura mode). */
export async function propose(chain: Chain, signer: AuraSigner, p: Proposal): Promise<Proposed | undefined> {
  const started = performance.now();
  const parent = await chain.header(p.parentHash);
  const state = parent && liveState(chain, p.parentHash);
  if (!parent || !state) throw new AuthoringError({ code: "UNKNOWN_PARENT", parentHash: toHex(p.parentHash) });
  const time = p.slot === undefined ? nextOwnSlot(state, signer, p.now) : slotTime(state, p.slot, p.now);
  if (!time) return undefined;

  const candidates = peeked(p.candidates);
  if (p.requireTransactions && candidates.empty) throw new AuthoringError({ code: "EMPTY_POOL" });
  let pending: PendingState | undefined;
  const built = buildBlock(
    chain.executive, state,
    { parentHash: p.parentHash, number: parent.number + 1, timestamp: time.timestamp, logs: [auraPreDigest(time.slot)] },
    candidates.items,
    (changes) => (pending = chain.db.prepareState(p.parentHash, changes)).stateRoot,
    { deadline: started + p.budgetMs, onSkipped: (c) => p.candidates.reportInvalid?.((c as Candidate & { source?: unknown }).source) },
  );
  const header = sealHeader(built.header, signer);
  const outcome = await chain.importOwnBlock({ header, extrinsics: built.extrinsics }, pending!);
  return {
    hash: outcome.hash, number: outcome.number, slot: time.slot, timestamp: time.timestamp,
    extrinsics: built.extrinsics.length, rejected: built.rejected.length, stoppedBy: built.stoppedBy, ms: performance.now() - started,
  };
}

// Only a live block (the finalized one or a descendant) can be built on.
function liveState(chain: Chain, hash: Uint8Array): StorageReader | undefined {
  try {
    return chain.liveState(hash);
  } catch (e) {
    if (e instanceof DbError) return undefined;
    throw e;
  }
}

/**
 * `aura` mode: the time to put in a block of `slot`. Undefined if the parent already has this slot or a
 * later one, if the slot is not ours, or if `MinimumPeriod` past the parent's time falls outside it.
 */
function slotTime(state: StorageReader, slot: bigint, now: number): { slot: bigint; timestamp: bigint } | undefined {
  if (slot <= currentSlot(state)) return undefined;
  if (!isOurSlot(state, slot, undefined)) return undefined;
  let timestamp = BigInt(now);
  const earliest = timestampNow(state) + MINIMUM_PERIOD;
  if (timestamp < earliest) timestamp = earliest;
  if (timestamp < slotStart(slot)) timestamp = slotStart(slot);
  return slotAt(timestamp) === slot ? { slot, timestamp } : undefined;
}

/**
 * `instant`/`manual` modes: the clock, but at least one slot after the parent's time, so that the slot
 * increases however fast blocks come; then the first slot from there that `signer` authors.
 */
function nextOwnSlot(state: StorageReader, signer: AuraSigner, now: number): { slot: bigint; timestamp: bigint } {
  let timestamp = BigInt(now);
  const parentTime = timestampNow(state);
  if (timestamp < parentTime + SLOT_DURATION) timestamp = parentTime + SLOT_DURATION;
  const first = slotAt(timestamp);
  const n = BigInt(Math.max(authorities(state).length, 1));
  for (let slot = first; slot < first + n; slot++) {
    if (isOurSlot(state, slot, signer)) return { slot, timestamp: slot === first ? timestamp : slotStart(slot) };
  }
  throw new AuthoringError({ code: "NOT_AN_AUTHORITY", key: toHex(signer.publicKey) });
}

function isOurSlot(state: StorageReader, slot: bigint, signer: AuraSigner | undefined): boolean {
  const keys = authorities(state);
  if (keys.length === 0) return false;
  return signer === undefined || equalBytes(keys[Number(slot % BigInt(keys.length))]!, signer.publicKey);
}

/** Whether the slot's author is `signer`, in the state after `parentHash`. */
export function authorsSlot(chain: Chain, parentHash: Uint8Array, slot: bigint, signer: AuraSigner): boolean {
  return isOurSlot(chain.liveState(parentHash), slot, signer);
}

// Reads the first candidate ahead, to know whether there is any, and keeps the pool's own objects as
// `source` so that `reportInvalid` gets back what the pool gave.
function peeked(source: ReadyIterable): { empty: boolean; items: Iterable<Candidate> } {
  const it = source[Symbol.iterator]();
  const first = it.next();
  const toCandidate = (x: Uint8Array | PoolCandidate): Candidate & { source: unknown } =>
    x instanceof Uint8Array ? { encoded: x, source: x } : { encoded: x.encoded, signatureVerified: x.birthHash !== undefined, decoded: x.decoded, source: x };
  function* items(): Generator<Candidate> {
    if (first.done) return;
    yield toCandidate(first.value);
    for (let r = it.next(); !r.done; r = it.next()) yield toCandidate(r.value);
  }
  return { empty: first.done === true, items: items() };
}
