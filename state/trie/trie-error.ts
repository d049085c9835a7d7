/** Why a trie operation failed: malformed node bytes, an impossible structure, a missing node, an incomplete proof. */
export type TrieErrorCode =
  | "UNEXPECTED_END"
  | "TRAILING_BYTES"
  | "INVALID_HEADER"
  | "INVALID_LENGTH"
  | "HASHED_VALUE_UNSUPPORTED"
  | "INVALID_PADDING"
  | "INVALID_CHILD_REFERENCE"
  | "BRANCH_WITHOUT_CHILDREN"
  | "PARTIAL_KEY_TOO_LONG"
  | "INVALID_STRUCTURE"
  | "MISSING_NODE"
  | "INCOMPLETE_PROOF";

/** The one error the trie throws; `code` says what went wrong, `detail` where. */
export class TrieError extends Error {
  readonly code: TrieErrorCode;
  readonly detail: string | undefined;
  constructor(ctx: { code: TrieErrorCode; detail?: string }) {
    super(`Trie error: ${ctx.code}${ctx.detail ? ` (${ctx.detail})` : ""}`);
    this.name = "TrieError";
    this.code = ctx.code;
    this.detail = ctx.detail;
  }
}
