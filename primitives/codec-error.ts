/** A failure to decode or encode SCALE bytes: malformed input, trailing bytes, a bound exceeded. */
export type CodecErrorCode = "MALFORMED" | "TRAILING_BYTES" | "TOO_LONG" | "UNKNOWN_VARIANT" | "OUT_OF_RANGE";

export class CodecError extends Error {
  readonly code: CodecErrorCode;
  readonly what: string;
  constructor(ctx: { code: CodecErrorCode; what: string; detail?: string }) {
    super(`Cannot ${ctx.code === "TOO_LONG" || ctx.code === "OUT_OF_RANGE" ? "encode or decode" : "decode"} ${ctx.what}: ${ctx.code}${ctx.detail ? ` (${ctx.detail})` : ""}`);
    this.name = "CodecError";
    this.code = ctx.code;
    this.what = ctx.what;
  }
}
