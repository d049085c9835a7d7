import { strict as assert } from "node:assert";
import fc from "fast-check";
import { CodecError } from "../../primitives/codec-error.js";
import { Era, EraSchema } from "../../primitives/era.js";
import { referenceRegistry } from "./reference.js";

const { registry } = referenceRegistry();
const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

describe("Era", () => {
  // Ported from sp_runtime::generic::era tests (facts, not code).
  it("immortal_works", () => {
    assert.equal(Era.immortal.isImmortal, true);
    assert.deepEqual(EraSchema.enc(Era.immortal), Uint8Array.of(0));
    assert.equal(EraSchema.dec(Uint8Array.of(0)), Era.immortal);
  });

  it("mortal_codec_works", () => {
    const e = Era.mortal(64, 42);
    assert.equal(e.isImmortal, false);
    const expected = Uint8Array.of(5 + (42 % 16) * 16, Math.floor(42 / 16));
    assert.deepEqual(EraSchema.enc(e), expected);
    assert.deepEqual(EraSchema.dec(expected), e);
  });

  it("long_period_mortal_codec_works", () => {
    const e = Era.mortal(32768, 20000);
    const expected = Uint8Array.of(14 + (2500 % 16) * 16, Math.floor(2500 / 16));
    assert.deepEqual(EraSchema.enc(e), expected);
    assert.deepEqual(EraSchema.dec(expected), e);
  });

  it("era_initialization_works", () => {
    assert.deepEqual(Era.mortal(64, 42), Era.fromParts(64, 42));
    assert.deepEqual(Era.mortal(32768, 20000), Era.fromParts(32768, 20000));
    assert.deepEqual(Era.mortal(200, 513), Era.fromParts(256, 1));
    assert.deepEqual(Era.mortal(2, 1), Era.fromParts(4, 1));
    assert.deepEqual(Era.mortal(4, 5), Era.fromParts(4, 1));
  });

  it("quantized_clamped_era_initialization_works", () => {
    assert.deepEqual(Era.mortal(1000000, 1000001), Era.fromParts(65536, Math.floor((1000001 % 65536) / 4) * 4));
  });

  it("mortal_birth_death_works", () => {
    const e = Era.mortal(4, 6);
    for (let i = 6; i < 10; i++) {
      assert.equal(e.birth(i), 6, `birth(${i})`);
      assert.equal(e.death(i), 10, `death(${i})`);
    }
    assert.notEqual(e.birth(10), 6);
    assert.notEqual(e.birth(5), 6);
  });

  it("current_less_than_phase", () => {
    assert.equal(Era.mortal(4, 3).birth(1), 3);
  });

  it("gives an immortal era birth 0, no death and longevity u64::MAX - current", () => {
    assert.equal(Era.immortal.birth(77), 0);
    assert.equal(Era.immortal.death(77), Number.POSITIVE_INFINITY);
    assert.equal(Era.immortal.longevity(77), (1n << 64n) - 1n - 77n);
    assert.equal(Era.mortal(64, 90).longevity(100), 54n);
  });

  it("encodes Era.mortal(period, current) as @polkadot/types does", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1 << 17 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (period, current) => {
        const ours = EraSchema.enc(Era.mortal(period, current));
        const theirs = registry.createType("ExtrinsicEra", { current, period }).toU8a();
        assert.equal(hex(ours), hex(theirs));
      }),
      { numRuns: 2000 },
    );
  });

  it("decodes every two-byte era as @polkadot/types does, with the same birth and death", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (a, b, current) => {
        const bytes = Uint8Array.of(a, b);
        let theirs: any;
        try {
          theirs = registry.createType("ExtrinsicEra", bytes).asMortalEra;
        } catch {
          theirs = undefined;
        }
        if (theirs === undefined) {
          assert.throws(() => EraSchema.dec(bytes), CodecError);
          return;
        }
        const ours = EraSchema.dec(bytes);
        assert.equal(ours.period, theirs.period.toNumber());
        assert.equal(ours.phase, theirs.phase.toNumber());
        assert.equal(ours.birth(current), theirs.birth(current));
        assert.equal(ours.death(current), theirs.death(current));
        assert.equal(hex(EraSchema.enc(ours)), hex(bytes));
      }),
      { numRuns: 3000 },
    );
  });

  it("round-trips every era it can build", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1 << 20 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (period, current) => {
        const e = Era.mortal(period, current);
        assert.deepEqual(EraSchema.dec(EraSchema.enc(e)), e);
        assert.ok(e.birth(current) <= current && current < e.death(current), "current lies in [birth, death)");
      }),
    );
  });

  it("rejects malformed eras with a CodecError", () => {
    const bad: [string, number[], string][] = [
      ["empty", [], "MALFORMED"],
      ["truncated mortal", [0x05], "MALFORMED"],
      ["period 2", [0x00 | 0x10, 0x00], "MALFORMED"],
      ["phase past the period", [0x41, 0x00], "MALFORMED"],
      ["trailing bytes after immortal", [0x00, 0x00], "TRAILING_BYTES"],
      ["trailing bytes after mortal", [0x85, 0x02, 0x00], "TRAILING_BYTES"],
    ];
    for (const [name, bytes, code] of bad) {
      assert.throws(() => EraSchema.dec(Uint8Array.from(bytes)), (e: unknown) => e instanceof CodecError && e.code === code, name);
    }
  });

  it("refuses to build an era that does not exist", () => {
    assert.throws(() => Era.fromParts(6, 1), CodecError);
    assert.throws(() => Era.fromParts(8192, 3), CodecError);
    assert.throws(() => Era.fromParts(4, 4), CodecError);
  });
});
