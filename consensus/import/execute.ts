/**
 * Stage 4: execute the block on its parent's state, as FRAME's `Executive::execute_block` does.
 *
 * The runtime initializes with the header's digest minus the seal, applies every extrinsic in order (an
 * inherent after a signed extrinsic, or an extrinsic the runtime refuses, makes the block invalid; a
 * failed dispatch does not) and finalizes. The caller compares what comes out with the header.
 */
import { CodecError } from "../../primitives/codec-error.js";
import { readCompact } from "../../primitives/compact.js";
import { decodeExtrinsic } from "../../primitives/extrinsic.js";
import type { DigestItem } from "../../primitives/digest.js";
import type { Header } from "../../primitives/header.js";
import type { Executive } from "../../runtime/executive.js";
import type { BlockExecution } from "../../runtime/block-context.js";
import { TransactionInvalid } from "../../runtime/transaction-validity.js";
import { OverlayedChanges } from "../../state/overlay.js";
import type { StorageReader } from "../../state/storage.js";
import { ImportError } from "./import-error.js";

export interface Execution {
  changes: [Uint8Array, Uint8Array | null][];
  extrinsicsRoot: Uint8Array;
  /** The digest the runtime ends the block with (the header's, plus any item the runtime added). */
  logs: DigestItem[];
}

/**
 * Runs `preHeader`'s block over `parentState`. `verified(i)` tells which extrinsics' signatures were
 * checked already; the executive checks the others.
 */
export function executeBlock(
  executive: Executive,
  parentState: StorageReader,
  preHeader: Header,
  extrinsics: readonly Uint8Array[],
  hex: string,
  verified: (index: number) => boolean = () => false,
): Execution {
  const io = new OverlayedChanges(parentState);
  const block = runtimeStep(hex, () => executive.initializeBlock(io, { number: preHeader.number, parentHash: preHeader.parentHash, logs: preHeader.digest.logs }));
  let signedSeen = false;
  extrinsics.forEach((xt, index) => {
    const signed = isSignedEncoding(xt);
    if (!signed && signedSeen && isInherent(executive, xt)) throw new ImportError({ code: "INHERENT_POSITION", hash: hex, index });
    signedSeen ||= signed;
    applyOne(executive, block, xt, index, hex, verified(index));
  });
  const end = runtimeStep(hex, () => executive.finalizeBlock(block));
  return { changes: io.changes(), extrinsicsRoot: end.extrinsicsRoot, logs: end.logs };
}

function applyOne(executive: Executive, block: BlockExecution, xt: Uint8Array, index: number, hex: string, signatureVerified: boolean): void {
  try {
    executive.applyExtrinsic(block, xt, { signatureVerified });
  } catch (e) {
    if (e instanceof TransactionInvalid || e instanceof CodecError) {
      throw new ImportError({ code: "INVALID_EXTRINSIC", hash: hex, index, reason: (e as Error).message }, { cause: e });
    }
    throw panic(hex, e);
  }
}

// Hooks and inherents panic in FRAME (TimestampPanic, AuraPanic); any other exception is a bug, reported
// with its cause. Either way the block cannot be imported.
function runtimeStep<T>(hex: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw panic(hex, e);
  }
}

function panic(hex: string, e: unknown): ImportError {
  if (e instanceof ImportError) return e;
  const reason = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return new ImportError({ code: "EXECUTION_PANIC", hash: hex, reason }, { cause: e });
}

/** Whether an extrinsic's version byte has the signed bit (0x84 vs 0x04); false for malformed bytes. */
export function isSignedEncoding(xt: Uint8Array): boolean {
  try {
    const { next } = readCompact(xt, 0, 32);
    return next < xt.length && (xt[next]! & 0x80) !== 0;
  } catch {
    return false;
  }
}

// `ensure_inherents_are_first`: only an unsigned call its pallet declares an inherent counts.
function isInherent(executive: Executive, xt: Uint8Array): boolean {
  try {
    const call = executive.runtime.callSchema.dec(decodeExtrinsic(xt).call);
    return executive.runtime.pallet(call.tag).inherents?.includes(call.value.tag) ?? false;
  } catch {
    return false;
  }
}
