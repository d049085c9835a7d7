import { strict as assert } from "node:assert";
import { CodecError } from "../../primitives/codec-error.js";
import { boundedBytes, bytes, compact, decodePrefix, enumeration, struct, u128, u32, vec } from "../../primitives/schema.js";

describe("primitives/schema", () => {
  const S = struct({ path: "t::S" }, { a: u32, b: [compact(u128), "T::Balance"], c: bytes });

  it("decodes views into larger buffers, including Node Buffers (whose slice() is not a copy)", () => {
    const enc = S.enc({ a: 7, b: 10n ** 20n, c: Uint8Array.of(1, 2, 3) });
    const big = Buffer.concat([Buffer.from([9, 9, 9]), Buffer.from(enc), Buffer.from([8, 8])]);
    assert.deepEqual(S.dec(big.subarray(3, 3 + enc.length)), { a: 7, b: 10n ** 20n, c: Uint8Array.of(1, 2, 3) });
    const padded = new Uint8Array(enc.length + 5);
    padded.set(enc, 5);
    assert.equal(S.dec(padded.subarray(5)).a, 7);
  });

  it("refuses trailing bytes, short input, unknown variants and over-long bounded vecs", () => {
    const enc = S.enc({ a: 1, b: 1n, c: new Uint8Array(0) });
    assert.throws(() => S.dec(Uint8Array.from([...enc, 0])), (e: unknown) => e instanceof CodecError && e.code === "TRAILING_BYTES");
    assert.throws(() => S.dec(enc.subarray(0, 3)), (e: unknown) => e instanceof CodecError && e.code === "MALFORMED");
    const E = enumeration({ path: "t::E" }, { A: null, B: { index: 5, value: u32 } });
    assert.throws(() => E.dec(Uint8Array.of(3)), (e: unknown) => e instanceof CodecError && e.code === "UNKNOWN_VARIANT");
    assert.throws(() => boundedBytes(2).dec(Uint8Array.of(12, 1, 2, 3)), (e: unknown) => e instanceof CodecError && e.code === "TOO_LONG");
    assert.throws(() => bytes.dec(Uint8Array.of(40, 1)), (e: unknown) => e instanceof CodecError);
  });

  it("decodePrefix reports how many bytes one value used", () => {
    const V = vec(u32);
    const one = V.enc([1, 2]);
    const { value, length } = decodePrefix(V.codec, Uint8Array.from([...one, ...V.enc([3])]));
    assert.deepEqual(value, [1, 2]);
    assert.equal(length, one.length);
  });

  it("declares type info for metadata: path, typeNames and variant indices", () => {
    const info = S.info;
    assert.deepEqual(info.path, ["t", "S"]);
    assert.equal(info.def.tag, "composite");
    assert.deepEqual(info.def.tag === "composite" && info.def.fields.map((f) => [f.name, f.typeName]), [["a", undefined], ["b", "T::Balance"], ["c", undefined]]);
    const E = enumeration({ path: "t::E" }, { A: null, B: { index: 5, value: u32 }, C: null });
    assert.deepEqual(E.info.def.tag === "variant" && E.info.def.variants.map((v) => v.index), [0, 5, 6]);
  });

  it("trusts no Vec length prefix: 30 million items claimed in 8 bytes are refused at the first item", () => {
    const V = vec(u32);
    const claim = Uint8Array.of(...compact(u32).enc(30_000_000), 1, 0, 0, 0);
    assert.throws(() => V.dec(claim), (e: unknown) => e instanceof CodecError && e.code === "MALFORMED" && /30000000 items/.test(e.message));
    assert.deepEqual(V.dec(V.enc([1, 2, 3])), [1, 2, 3]);
    // Zero-sized items take no bytes: a long claim of them is still a valid value.
    assert.equal(vec(struct({ path: "t::Unit" }, {})).dec(compact(u32).enc(1000)).length, 1000);
  });
});
