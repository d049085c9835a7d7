/**
 * Building blocks over a parent state: the part of authoring that runs the runtime (sealing, import and
 * fork choice live beside it).
 *
 * A block is the timestamp inherent followed by the candidates that apply. A candidate the runtime refuses
 * is left out (the executive rolled its changes back): one that no longer fits (`ExhaustsResources`) is
 * only skipped, as Substrate's proposer does, and building stops after `MAX_SKIPPED` of those in a row or
 * at the deadline.
 */
import { unsignedExtrinsic } from "../primitives/extrinsic.js";
import type { DigestItem } from "../primitives/digest.js";
import type { Header } from "../primitives/header.js";
import type { AppliedExtrinsic, ApplyOptions, Executive } from "../runtime/executive.js";
import { timestampInherent } from "../runtime/pallets/timestamp/index.js";
import { OverlayedChanges } from "../state/overlay.js";
import type { StorageReader } from "../state/storage.js";
import { TransactionInvalid } from "../runtime/transaction-validity.js";
import { CodecError } from "../primitives/codec-error.js";

/** Substrate's `MAX_SKIPPED_TRANSACTIONS`: candidates that did not fit before the block counts as full. */
export const MAX_SKIPPED = 8;

export interface BlockTemplate {
  parentHash: Uint8Array;
  number: number;
  /** Unix time in milliseconds, for the timestamp inherent. */
  timestamp: bigint;
  logs: DigestItem[];
  /** Pays the fees to this account instead of the digest's author (tests and benches). */
  author?: Uint8Array;
}

/** A candidate transaction: its full encoding, and whether its signature was checked already (by the pool). */
export interface Candidate {
  encoded: Uint8Array;
  signatureVerified?: boolean;
  decoded?: ApplyOptions["decoded"];
}

export interface BuildOptions extends ApplyOptions {
  /** Stop taking candidates once `now() >= deadline` (ms, same clock as `now`) and one was included. */
  deadline?: number;
  now?: () => number;
  /** Told of each candidate left out, invalid or not fitting (the pool's `report_invalid`). */
  onSkipped?: (candidate: Candidate, error: unknown) => void;
}

export interface BuiltBlock {
  /** The header with its state root; the seal is added by consensus. */
  header: Header;
  extrinsics: Uint8Array[];
  applied: AppliedExtrinsic[];
  /** Candidates the runtime refused: invalid against this state. */
  rejected: { extrinsic: Uint8Array; error: unknown }[];
  /** Candidates that did not fit in the block's weight or length: still valid. */
  exhausted: Uint8Array[];
  /** Why building stopped before the candidates ran out. */
  stoppedBy?: "deadline" | "full";
  changes: [Uint8Array, Uint8Array | null][];
}

/** Computes the state root of the parent state with `changes` applied. */
export type StateRootOf = (changes: [Uint8Array, Uint8Array | null][]) => Uint8Array;

export function buildBlock(
  executive: Executive,
  parent: StorageReader,
  template: BlockTemplate,
  candidates: Iterable<Uint8Array | Candidate>,
  stateRootOf: StateRootOf,
  opts: BuildOptions = {},
): BuiltBlock {
  const io = new OverlayedChanges(parent);
  const block = executive.initializeBlock(io, { number: template.number, parentHash: template.parentHash, logs: template.logs, author: template.author });
  const inherent = unsignedExtrinsic(executive.runtime.callSchema.enc(timestampInherent(template.timestamp))).encoded;
  const extrinsics = [inherent];
  const applied = [executive.applyExtrinsic(block, inherent)];
  const rejected: BuiltBlock["rejected"] = [];
  const exhausted: Uint8Array[] = [];
  let skipped = 0;
  let stoppedBy: BuiltBlock["stoppedBy"];
  const now = opts.now ?? (() => performance.now());
  for (const item of candidates) {
    // At least one candidate is tried, so that a late start still makes progress.
    if (opts.deadline !== undefined && extrinsics.length > 1 && now() >= opts.deadline) {
      stoppedBy = "deadline";
      break;
    }
    const candidate = item instanceof Uint8Array ? { encoded: item } : item;
    const signatureVerified = candidate.signatureVerified ?? opts.signatureVerified;
    try {
      applied.push(executive.applyExtrinsic(block, candidate.encoded, { signatureVerified, decoded: candidate.decoded }));
      extrinsics.push(candidate.encoded);
      skipped = 0;
    } catch (error) {
      // Invalid or undecodable extrinsics stay out of the block; anything else is a bug.
      if (!(error instanceof TransactionInvalid) && !(error instanceof CodecError)) throw error;
      opts.onSkipped?.(candidate, error);
      if (isExhaustion(error)) {
        exhausted.push(candidate.encoded);
        if (++skipped >= MAX_SKIPPED) {
          stoppedBy = "full";
          break;
        }
      } else {
        rejected.push({ extrinsic: candidate.encoded, error });
      }
    }
  }
  const end = executive.finalizeBlock(block);
  const changes = io.changes();
  const header: Header = {
    parentHash: template.parentHash,
    number: template.number,
    stateRoot: stateRootOf(changes),
    extrinsicsRoot: end.extrinsicsRoot,
    digest: { logs: end.logs },
  };
  return { header, extrinsics, applied, rejected, exhausted, stoppedBy, changes };
}

function isExhaustion(error: unknown): boolean {
  return error instanceof TransactionInvalid && error.error.tag === "Invalid" && error.error.value.tag === "ExhaustsResources";
}
