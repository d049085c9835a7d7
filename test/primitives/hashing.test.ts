import assert from "node:assert/strict";
import fc from "fast-check";
import { Blake2128, Blake2128Concat, Blake2256, Identity, Twox128, Twox256, Twox64Concat } from "@polkadot-api/substrate-bindings";
import { u8aToHex } from "@polkadot/util";
import { blake2AsU8a, cryptoWaitReady, xxhashAsU8a } from "@polkadot/util-crypto";
import { twox } from "@polkadot/wasm-crypto";
import {
  type StorageHasher, blake2_128, blake2_256, hashKey, hashedPrefixLength, isConcatHasher, twox128, twox256, twox64,
} from "../../primitives/hashing.js";

const text = (s: string) => new TextEncoder().encode(s);
const hex = (b: Uint8Array) => u8aToHex(b);

describe("hashing", () => {
  before(async () => {
    await cryptoWaitReady();
  });

  describe("known vectors", () => {
    it("twox128 of pallet and item names matches the storage prefixes every Substrate chain uses", () => {
      assert.equal(hex(twox128(text("System"))), "0x26aa394eea5630e07c48ae0c9558cef7");
      assert.equal(hex(twox128(text("Account"))), "0xb99d880ec681799c0cf30e8886371da9");
      assert.equal(hex(twox128(text("Timestamp"))), "0xf0c365c3cf59d671eb72da0e7a4113c4");
      assert.equal(hex(twox128(text("Now"))), "0x9f1f0515f462cdcf84e0f1d6045dfcbb");
    });

    it("twox64 of the empty input is xxHash64's reference value 0xef46db3751d8e999, little-endian", () => {
      assert.equal(hex(twox64(new Uint8Array())), "0x99e9d85137db46ef");
    });

    it("blake2_128Concat of Alice gives System.Account's well-known key suffix", () => {
      const alice = Uint8Array.from(Buffer.from("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d", "hex"));
      assert.equal(
        hex(hashKey("Blake2_128Concat", alice)),
        "0xde1e86a9a8c739864cf3cc5ec2bea59fd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d",
      );
    });

    it("blake2_256 of the empty input is BLAKE2b-256's reference value", () => {
      assert.equal(hex(blake2_256(new Uint8Array())), "0x0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
    });
  });

  describe("against @polkadot/util-crypto and @polkadot/wasm-crypto", () => {
    it("twox64/128/256 equal xxhashAsU8a for every length up to 300 bytes", () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
          assert.equal(hex(twox64(data)), hex(xxhashAsU8a(data, 64)));
          assert.equal(hex(twox128(data)), hex(xxhashAsU8a(data, 128)));
          assert.equal(hex(twox256(data)), hex(xxhashAsU8a(data, 256)));
        }),
        { numRuns: 500 },
      );
    });

    it("twox128 equals wasm-crypto's twox at each length 0..100 around the 4/8/32-byte lane boundaries", () => {
      for (let len = 0; len <= 100; len++) {
        const data = Uint8Array.from({ length: len }, (_, i) => (i * 131 + len) & 0xff);
        assert.equal(hex(twox128(data)), hex(twox(data, 2)), `length ${len}`);
      }
    });

    it("twox128 handles bytes with the high bit set (no sign extension)", () => {
      const data = new Uint8Array(40).fill(0xff);
      assert.equal(hex(twox128(data)), hex(xxhashAsU8a(data, 128)));
    });

    it("blake2_128 and blake2_256 equal blake2AsU8a", () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
          assert.equal(hex(blake2_128(data)), hex(blake2AsU8a(data, 128)));
          assert.equal(hex(blake2_256(data)), hex(blake2AsU8a(data, 256)));
        }),
        { numRuns: 200 },
      );
    });
  });

  describe("storage hashers", () => {
    const oracle: Record<StorageHasher, (data: Uint8Array) => Uint8Array> = {
      Blake2_128: Blake2128,
      Blake2_256: Blake2256,
      Blake2_128Concat: Blake2128Concat,
      Twox128: Twox128,
      Twox256: Twox256,
      Twox64Concat: Twox64Concat,
      Identity: Identity,
    };
    const hashers = Object.keys(oracle) as StorageHasher[];

    it("hashKey equals substrate-bindings' hasher for each of the seven hashers", () => {
      fc.assert(
        fc.property(fc.constantFrom(...hashers), fc.uint8Array({ maxLength: 80 }), (hasher, key) => {
          assert.equal(hex(hashKey(hasher, key)), hex(oracle[hasher](key)), hasher);
        }),
        { numRuns: 300 },
      );
    });

    it("a concat hasher's key bytes start at hashedPrefixLength, so the key decodes back", () => {
      fc.assert(
        fc.property(fc.constantFrom(...hashers), fc.uint8Array({ maxLength: 80 }), (hasher, key) => {
          const hashed = hashKey(hasher, key);
          const prefix = hashedPrefixLength(hasher);
          if (isConcatHasher(hasher)) {
            assert.equal(hex(hashed.subarray(prefix)), hex(key), hasher);
          } else {
            assert.equal(hashed.length, prefix, hasher);
          }
        }),
      );
    });

    it("classifies the concat hashers", () => {
      assert.deepEqual(hashers.filter(isConcatHasher), ["Blake2_128Concat", "Twox64Concat", "Identity"]);
      assert.deepEqual(hashers.map(hashedPrefixLength), [16, 32, 16, 16, 32, 8, 0]);
    });
  });
});
