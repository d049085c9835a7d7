import { strict as assert } from "node:assert";
import { U32F32, U64F64 } from "../../primitives/fixed-point.js";

describe("primitives/fixed-point (substrate-fixed semantics)", () => {
  it("stores float constants as the double's exact value", () => {
    // The double 0.8 is 7205759403792794 / 2^53: exactly representable in 64 fractional bits.
    assert.equal(U64F64.float(0.8), 7205759403792794n << 11n);
    assert.equal(U64F64.float(1.25), 5n << 62n);
    assert.equal(U64F64.float(1.5), 3n << 63n);
  });

  it("truncates division and multiplication", () => {
    const third = U64F64.div(U64F64.int(1), U64F64.int(3));
    assert.equal(third, (1n << 64n) / 3n);
    assert.equal(U64F64.mul(third, U64F64.int(3)), (1n << 64n) - 1n, "3 × (1/3 truncated) stays below 1");
  });

  it("rounds to the nearest integer, ties away from zero", () => {
    assert.equal(U64F64.toInt(U64F64.round(U64F64.float(2.5))), 3n);
    assert.equal(U64F64.toInt(U64F64.round(U64F64.float(2.4999))), 2n);
    assert.equal(U32F32.toInt(U32F32.round(U32F32.div(U32F32.int(999), U32F32.int(2))), 32), 500n);
  });

  it("wraps at the type's width, as the release runtime does", () => {
    assert.equal(U32F32.int(2n ** 32n), 0n);
    assert.throws(() => U64F64.div(1n, 0n), RangeError);
  });
});
