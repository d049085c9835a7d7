import { strict as assert } from "node:assert";
import fc from "fast-check";
import * as scale from "scale-ts";
import { CodecError } from "../../primitives/codec-error.js";
import { compactU32Strict, encodeCompact, readCompact } from "../../primitives/compact.js";
import { compact, u128, u32 } from "../../primitives/schema.js";
import { referenceRegistry } from "./reference.js";

const { registry } = referenceRegistry();

describe("compact", () => {
  it("reads what @polkadot/types writes, for every u128", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 128n - 1n }), (v) => {
        const bytes = registry.createType("Compact<u128>", v).toU8a();
        assert.deepEqual(encodeCompact(v), bytes);
        assert.deepEqual(readCompact(bytes, 0, 128), { value: v, next: bytes.length });
      }),
    );
  });

  it("accepts exactly the canonical encodings", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 20 }), (b) => {
        let r: { value: bigint; next: number } | undefined;
        try {
          r = readCompact(b, 0, 128);
        } catch (e) {
          assert.ok(e instanceof CodecError);
        }
        if (r) assert.deepEqual(scale.compact.enc(r.value), b.slice(0, r.next));
      }),
      { numRuns: 5000 },
    );
  });

  it("rejects non-canonical and out-of-range compacts as parity-scale-codec does", () => {
    const cases: [string, number[], 32 | 64 | 128, string][] = [
      ["0 in two-byte mode", [0x01, 0x00], 32, "MALFORMED"],
      ["63 in two-byte mode", [0xfd, 0x00], 32, "MALFORMED"],
      ["2^14-1 in four-byte mode", [0xfe, 0xff, 0x00, 0x00], 32, "MALFORMED"],
      ["2^30-1 in big mode", [0x03, 0xff, 0xff, 0xff, 0x3f], 32, "MALFORMED"],
      ["u32 value in 5 bytes", [0x07, 0xff, 0xff, 0xff, 0xff, 0x00], 64, "MALFORMED"],
      ["5 bytes for a u32", [0x07, 0, 0, 0, 0, 1], 32, "OUT_OF_RANGE"],
      ["17 bytes for a u128", [0x37, ...new Array(17).fill(1)], 128, "OUT_OF_RANGE"],
      ["truncated", [0x03, 0xff], 32, "MALFORMED"],
      ["empty", [], 32, "MALFORMED"],
    ];
    for (const [label, b, bits, code] of cases) {
      assert.throws(() => readCompact(Uint8Array.from(b), 0, bits), (e: unknown) => e instanceof CodecError && e.code === code, label);
    }
  });

  it("decodes a Compact<u32> at or above 2^30 as a number", () => {
    for (const v of [2 ** 30, 2 ** 32 - 1]) assert.equal(compact(u32).dec(encodeCompact(v)), v);
    assert.throws(() => compactU32Strict.enc(2 ** 32), CodecError);
  });
});
