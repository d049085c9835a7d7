/**
 * Why a block was refused: one error class for the whole import pipeline, with a string-union `code` and
 * typed context (Lodestar's `BlockError`). Logs, metrics and peer scoring read `code`, never the message.
 */
export type ImportErrorContext =
  | { code: "MALFORMED"; hash?: string; detail: string }
  | { code: "UNKNOWN_PARENT"; hash: string; parentHash: string }
  | { code: "NOT_IN_FINALIZED_CHAIN"; hash: string; number: number; finalized: string; finalizedNumber: number }
  | { code: "INVALID_NUMBER"; hash: string; expected: number; got: number }
  | { code: "MISSING_SLOT"; hash: string }
  | { code: "MULTIPLE_SLOTS"; hash: string }
  | { code: "UNSEALED"; hash: string }
  | { code: "NO_AUTHORITIES"; hash: string }
  | { code: "BAD_SEAL"; hash: string; slot: bigint; expectedAuthor: string }
  | { code: "WRONG_AUTHOR"; hash: string; slot: bigint; expectedAuthor: string; sealedBy: string }
  | { code: "SLOT_NOT_INCREASING"; hash: string; slot: bigint; parentSlot: bigint }
  | { code: "SLOT_IN_FUTURE"; hash: string; slot: bigint; nowSlot: bigint }
  | { code: "INHERENT_POSITION"; hash: string; index: number }
  | { code: "INVALID_EXTRINSIC"; hash: string; index: number; reason: string }
  | { code: "BAD_SIGNATURE"; hash: string; index: number }
  | { code: "EXECUTION_PANIC"; hash: string; reason: string }
  | { code: "DIGEST_MISMATCH"; hash: string; detail: string }
  | { code: "EXTRINSICS_ROOT_MISMATCH"; hash: string; expected: string; got: string }
  | { code: "STATE_ROOT_MISMATCH"; hash: string; expected: string; got: string };

export type ImportErrorCode = ImportErrorContext["code"];

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly ctx: ImportErrorContext;
  constructor(ctx: ImportErrorContext, options?: { cause?: unknown }) {
    super(message(ctx), options);
    this.name = "ImportError";
    this.code = ctx.code;
    this.ctx = ctx;
  }
}

export function isImportError(e: unknown, code?: ImportErrorCode): e is ImportError {
  return e instanceof ImportError && (code === undefined || e.code === code);
}

function message(ctx: ImportErrorContext): string {
  const block = "hash" in ctx && ctx.hash ? `Block ${ctx.hash}` : "Block";
  switch (ctx.code) {
    case "MALFORMED":
      return `${block} is malformed: ${ctx.detail}`;
    case "UNKNOWN_PARENT":
      return `${block} has an unknown parent ${ctx.parentHash}`;
    case "NOT_IN_FINALIZED_CHAIN":
      return `${block} (#${ctx.number}) does not descend from the finalized block ${ctx.finalized} (#${ctx.finalizedNumber})`;
    case "INVALID_NUMBER":
      return `${block} has number ${ctx.got}, its parent implies ${ctx.expected}`;
    case "MISSING_SLOT":
      return `${block} has no Aura pre-runtime digest (slot)`;
    case "MULTIPLE_SLOTS":
      return `${block} has more than one Aura pre-runtime digest`;
    case "UNSEALED":
      return `${block} is unsealed: its last digest item is not an Aura seal`;
    case "NO_AUTHORITIES":
      return `${block} cannot be verified: the parent state has no Aura authorities`;
    case "BAD_SEAL":
      return `${block} has a bad seal: not signed by ${ctx.expectedAuthor}, the author of slot ${ctx.slot}`;
    case "WRONG_AUTHOR":
      return `${block} is sealed by authority ${ctx.sealedBy}, but slot ${ctx.slot} belongs to ${ctx.expectedAuthor}`;
    case "SLOT_NOT_INCREASING":
      return `${block} claims slot ${ctx.slot}, not after its parent's slot ${ctx.parentSlot}`;
    case "SLOT_IN_FUTURE":
      return `${block} claims slot ${ctx.slot}, too far ahead of the local clock's slot ${ctx.nowSlot}: check the system clock`;
    case "INHERENT_POSITION":
      return `${block}: invalid inherent position for extrinsic at index ${ctx.index}`;
    case "INVALID_EXTRINSIC":
      return `${block}: extrinsic ${ctx.index} is invalid: ${ctx.reason}`;
    case "BAD_SIGNATURE":
      return `${block}: extrinsic ${ctx.index} has a bad signature`;
    case "EXECUTION_PANIC":
      return `${block}: execution failed: ${ctx.reason}`;
    case "DIGEST_MISMATCH":
      return `${block}: digest differs from the one execution produced: ${ctx.detail}`;
    case "EXTRINSICS_ROOT_MISMATCH":
      return `${block} declares extrinsics root ${ctx.expected} but its body gives ${ctx.got}`;
    case "STATE_ROOT_MISMATCH":
      return `${block} declares state root ${ctx.expected} but execution gives ${ctx.got}`;
  }
}
