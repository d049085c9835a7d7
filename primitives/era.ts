/**
 * The era of a transaction: immortal, or mortal with a period and a phase (`sp_runtime::generic::Era`).
 *
 * A mortal transaction is valid from its birth block for `period` blocks. The period is a power of two in
 * 4..=65536; the phase is `birth % period`, quantized to multiples of `max(period >> 12, 1)` so that the pair fits
 * in 16 bits: the low 4 bits hold `log2(period) - 1`, the high 12 bits `phase / quantizeFactor`. Immortal is the
 * single byte 0x00. The signer commits to the hash of the birth block (CheckMortality's additional-signed data),
 * so a mortal transaction cannot be replayed on another fork or after its death.
 */
import * as scale from "scale-ts";
import { CodecError } from "./codec-error.js";
import { schema, u8, type Schema, type VariantInfo } from "./schema.js";

const MAX_PERIOD = 1 << 16;
const U64_MAX = (1n << 64n) - 1n;

/** An immortal era (`period === 0`) or a mortal one; build with `Era.immortal` / `Era.mortal`, or decode. */
export class Era {
  /** The era of a transaction valid forever (its birth is block 0, the genesis). */
  static readonly immortal = new Era(0, 0);

  private constructor(
    /** 0 for an immortal era, else a power of two in 4..=65536. */
    readonly period: number,
    /** `birth % period`; a multiple of `max(period >> 12, 1)`. */
    readonly phase: number,
  ) {}

  /**
   * A mortal era valid for about `period` blocks from block `current`, as `Era::mortal` computes it.
   *
   * The period is rounded up to a power of two and clamped to 4..=65536; the phase is quantized, so `birth(current)`
   * may be a few blocks before `current` for periods above 4096.
   */
  static mortal(period: number, current: number): Era {
    let p = 1;
    while (p < period && p < MAX_PERIOD) p *= 2;
    p = Math.min(Math.max(p, 4), MAX_PERIOD);
    const phase = current % p;
    const quantizeFactor = Math.max(p / 4096, 1);
    return new Era(p, Math.floor(phase / quantizeFactor) * quantizeFactor);
  }

  /** The era with these exact parts; throws a `CodecError` unless they are what `Era.mortal` or decoding yields. */
  static fromParts(period: number, phase: number): Era {
    if (period === 0 && phase === 0) return Era.immortal;
    const quantizeFactor = Math.max(period / 4096, 1);
    const valid = period >= 4 && period <= MAX_PERIOD && (period & (period - 1)) === 0 && Number.isInteger(phase) && phase >= 0 && phase < period && phase % quantizeFactor === 0;
    if (!valid) throw new CodecError({ code: "OUT_OF_RANGE", what: "Era", detail: `period ${period}, phase ${phase}` });
    return new Era(period, phase);
  }

  get isImmortal(): boolean {
    return this.period === 0;
  }

  /** The block this era starts at, seen from block `current`: 0 for immortal (`Era::birth`). */
  birth(current: number): number {
    if (this.isImmortal) return 0;
    return Math.floor((Math.max(current, this.phase) - this.phase) / this.period) * this.period + this.phase;
  }

  /** The first block at which the transaction is no longer valid: `birth + period`; `Infinity` for immortal. */
  death(current: number): number {
    return this.isImmortal ? Number.POSITIVE_INFINITY : this.birth(current) + this.period;
  }

  /**
   * `CheckMortality`'s transaction longevity at block `current`: `death - current` saturating, in u64 as the
   * runtime reports it in `ValidTransaction` (immortal: `u64::MAX - current`).
   */
  longevity(current: number): bigint {
    const death = this.isImmortal ? U64_MAX : BigInt(this.death(current));
    const c = BigInt(current);
    return death > c ? death - c : 0n;
  }

  /** The SCALE encoding: `0x00`, or two bytes (u16 little-endian). */
  encode(): Uint8Array {
    if (this.isImmortal) return new Uint8Array([0]);
    const quantizeFactor = Math.max(this.period / 4096, 1);
    const low = Math.min(Math.max(Math.log2(this.period) - 1, 1), 15);
    const encoded = low | ((this.phase / quantizeFactor) << 4);
    return new Uint8Array([encoded & 0xff, encoded >> 8]);
  }
}

const eraCodec = scale.createCodec(
  (era: Era) => era.encode(),
  scale.createDecoder((view: any): Era => {
    if (view.i >= view.length) throw new CodecError({ code: "MALFORMED", what: "Era", detail: "input too short" });
    const first: number = view[view.i++];
    if (first === 0) return Era.immortal;
    if (view.i >= view.length) throw new CodecError({ code: "MALFORMED", what: "Era", detail: "input too short" });
    const encoded = first + (view[view.i++] << 8);
    const period = 2 << (encoded % 16);
    const quantizeFactor = Math.max(period >> 12, 1);
    const phase = (encoded >> 4) * quantizeFactor;
    // sp_runtime rejects period 2 (low nibble 0) and a phase past the period ("Invalid period and phase").
    if (period < 4 || phase >= period) throw new CodecError({ code: "MALFORMED", what: "Era", detail: "invalid period and phase" });
    return Era.fromParts(period, phase);
  }),
);

/**
 * `sp_runtime::generic::era::Era`. Its codec is hand-written; its metadata is the 256-variant enum the Rust type
 * declares for `TypeInfo`: `Immortal` at 0 and `MortalN(u8)` at N, the u8 being the high byte of the u16.
 */
export const EraSchema: Schema<Era> = schema(eraCodec, () => ({
  path: ["sp_runtime", "generic", "era", "Era"],
  params: [],
  def: {
    tag: "variant",
    variants: Array.from({ length: 256 }, (_, i): VariantInfo =>
      i === 0 ? { name: "Immortal", index: 0, fields: [], docs: [] } : { name: `Mortal${i}`, index: i, fields: [{ type: u8 }], docs: [] },
    ),
  },
  docs: [],
}));
