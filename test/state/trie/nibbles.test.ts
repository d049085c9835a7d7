import { strict as assert } from "node:assert";
import fc from "fast-check";
import { bytesToNibbles, commonNibbles, nibbleAt, nibblesToBytes } from "../../../state/trie/nibbles.js";

describe("trie nibbles", () => {
  it("reads the high half of a byte first", () => {
    const key = Uint8Array.of(0xab, 0xcd);
    assert.deepEqual([0, 1, 2, 3].map((i) => nibbleAt(key, i)), [0xa, 0xb, 0xc, 0xd]);
    assert.deepEqual(bytesToNibbles(key), Uint8Array.of(0xa, 0xb, 0xc, 0xd));
    assert.deepEqual(nibblesToBytes(Uint8Array.of(0xa, 0xb, 0xc, 0xd)), key);
  });

  it("counts shared nibbles as a nibble-by-nibble comparison does", () => {
    const bytes = fc.uint8Array({ maxLength: 6 }).map((a) => a.map((b) => b & 0x13));
    fc.assert(
      fc.property(bytes, bytes, fc.nat(14), fc.nat(14), (a, b, from, span) => {
        const limit = from + span;
        const max = Math.min(limit, a.length * 2, b.length * 2);
        let expected = 0;
        while (from + expected < max && nibbleAt(a, from + expected) === nibbleAt(b, from + expected)) expected++;
        assert.equal(commonNibbles(a, b, from, limit), expected);
      }),
      { numRuns: 2000 },
    );
  });
});
