/**
 * Building and re-executing blocks over a parent state: the part of authoring and import that runs
 * the runtime (sealing and fork choice live beside it).
 *
 * A block is the timestamp inherent followed by the extrinsics that apply; an extrinsic that is invalid
 * against the state at its turn is left out (its changes were rolled back by the executive).
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

export interface BlockTemplate {
  parentHash: Uint8Array;
  number: number;
  /** Unix time in milliseconds, for the timestamp inherent. */
  timestamp: bigint;
  logs: DigestItem[];
  author?: Uint8Array;
}

export interface BuiltBlock {
  /** The header with its state root; the seal is added by consensus. */
  header: Header;
  extrinsics: Uint8Array[];
  applied: AppliedExtrinsic[];
  rejected: { extrinsic: Uint8Array; error: unknown }[];
  changes: [Uint8Array, Uint8Array | null][];
}

/** Computes the state root of the parent state with `changes` applied. */
export type StateRootOf = (changes: [Uint8Array, Uint8Array | null][]) => Uint8Array;

export function buildBlock(
  executive: Executive,
  parent: StorageReader,
  template: BlockTemplate,
  candidates: Iterable<Uint8Array>,
  stateRootOf: StateRootOf,
  opts: ApplyOptions = {},
): BuiltBlock {
  const io = new OverlayedChanges(parent);
  const block = executive.initializeBlock(io, { number: template.number, parentHash: template.parentHash, logs: template.logs, author: template.author });
  const inherent = unsignedExtrinsic(executive.runtime.callSchema.enc(timestampInherent(template.timestamp))).encoded;
  const extrinsics = [inherent];
  const applied = [executive.applyExtrinsic(block, inherent)];
  const rejected: BuiltBlock["rejected"] = [];
  for (const xt of candidates) {
    try {
      applied.push(executive.applyExtrinsic(block, xt, opts));
      extrinsics.push(xt);
    } catch (error) {
      // Invalid or undecodable extrinsics stay out of the block; anything else is a bug.
      if (!(error instanceof TransactionInvalid) && !(error instanceof CodecError)) throw error;
      rejected.push({ extrinsic: xt, error });
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
  return { header, extrinsics, applied, rejected, changes };
}
