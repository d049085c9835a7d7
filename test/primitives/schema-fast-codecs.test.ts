// The hand-written encoders (lengths, integers, structs) against scale-ts' own and @polkadot/util's, at the
// boundaries where the SCALE forms change.
import { strict as assert } from "node:assert";
import { compactToU8a, u8aToHex } from "@polkadot/util";
import * as scale from "scale-ts";
import { bytes, u16, u32, u64, u8, vec } from "../../primitives/schema.js";
import { struct } from "../../primitives/schema-named.js";

describe("primitives/schema fast encoders", () => {
  it("prefix byte vectors with the canonical compact length at every mode boundary", () => {
    for (const n of [0, 1, 63, 64, 65, 16383, 16384, 16385, 100_000]) {
      const value = new Uint8Array(n).fill(7);
      const encoded = bytes.enc(value);
      assert.equal(u8aToHex(encoded.subarray(0, encoded.length - n)), u8aToHex(compactToU8a(n)), `length ${n}`);
      assert.deepEqual(bytes.dec(encoded), value);
    }
  });

  it("encode integers as scale-ts does, wrapping as DataView does", () => {
    for (const v of [0, 1, 255, 256, 65535, 65536, 2 ** 31, 2 ** 32 - 1]) {
      assert.deepEqual(u32.enc(v), scale.u32.enc(v));
      assert.deepEqual(u16.enc(v & 0xffff), scale.u16.enc(v & 0xffff));
      assert.deepEqual(u8.enc(v & 0xff), scale.u8.enc(v & 0xff));
    }
    for (const v of [0n, 1n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 63n, 2n ** 64n - 1n]) assert.deepEqual(u64.enc(v), scale.u64.enc(v));
    assert.throws(() => u32.enc(1n as unknown as number), TypeError);
  });

  it("encode vectors and structs as scale-ts' Vector and Struct", () => {
    const point = struct({ path: "test::Point" }, { x: u32, y: u64, tag: bytes });
    const theirs = scale.Vector(scale.Struct({ x: scale.u32, y: scale.u64, tag: scale.Bytes() }));
    const value = Array.from({ length: 70 }, (_, i) => ({ x: i, y: BigInt(i) << 40n, tag: new Uint8Array(i % 5).fill(i) }));
    assert.deepEqual(vec(point).enc(value), theirs.enc(value));
    assert.deepEqual(vec(point).dec(theirs.enc(value)), value);
  });
});
