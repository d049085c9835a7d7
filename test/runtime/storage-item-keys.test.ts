// Storage keys of maps and double maps (runtime/storage-item.ts) through their key caches, against the keys
// hashed directly from the encoded map keys: for numbers (cached as they are) and other keys (cached by their
// encoding), for every hasher, and across the caches filling up and being dropped.
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { concat, utf8 } from "../../primitives/bytes.js";
import { blake2_128, blake2_256, twox128, twox256, twox64, type StorageHasher } from "../../primitives/hashing.js";
import { compact, fixedBytes, i32, tuple, u32, u64, u8, type Schema } from "../../primitives/schema.js";
import { doubleMap, KEY_CACHE_SIZE, map, palletStorage } from "../../runtime/storage-item.js";

const HASHERS: StorageHasher[] = ["Blake2_128", "Blake2_256", "Blake2_128Concat", "Twox128", "Twox256", "Twox64Concat", "Identity"];

/** `hasher(encoded)` computed here, not through `hashKey`. */
function hashed(hasher: StorageHasher, encoded: Uint8Array): Uint8Array {
  switch (hasher) {
    case "Blake2_128": return blake2_128(encoded);
    case "Blake2_256": return blake2_256(encoded);
    case "Twox128": return twox128(encoded);
    case "Twox256": return twox256(encoded);
    case "Blake2_128Concat": return concat(blake2_128(encoded), encoded);
    case "Twox64Concat": return concat(twox64(encoded), encoded);
    case "Identity": return encoded.slice();
  }
}

const itemPrefix = (pallet: string, name: string) => concat(twox128(utf8(pallet)), twox128(utf8(name)));

/** The uncached key, or the error the key schema throws. */
function outcome(f: () => Uint8Array): { key: Uint8Array } | { error: string } {
  try {
    return { key: f() };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

let nextPallet = 0;
/** A fresh map bound to a pallet of its own, and its uncached key. */
function freshMap<K>(hasher: StorageHasher, key: Schema<K>) {
  const pallet = `KeyCacheTest${nextPallet++}`;
  const s = palletStorage(pallet, { Items: map(hasher, key, u32) });
  const prefix = itemPrefix(pallet, "Items");
  return { item: s.Items, expected: (k: K) => concat(prefix, hashed(hasher, key.enc(k))) };
}

/** A fresh double map bound to a pallet of its own, and its uncached prefix and key. */
function freshDoubleMap<K1, K2>(h1: StorageHasher, k1: Schema<K1>, h2: StorageHasher, k2: Schema<K2>) {
  const pallet = `KeyCacheTest${nextPallet++}`;
  const s = palletStorage(pallet, { Pairs: doubleMap(h1, k1, h2, k2, u32) });
  const prefix = itemPrefix(pallet, "Pairs");
  return {
    item: s.Pairs,
    expectedPrefix: (a: K1) => concat(prefix, hashed(h1, k1.enc(a))),
    expected: (a: K1, b: K2) => concat(prefix, hashed(h1, k1.enc(a)), hashed(h2, k2.enc(b))),
  };
}

/** The cache's entries (white box: the bound is what the test checks). */
const cacheSizes = (cache: unknown): number[] => {
  const c = cache as { byNumber: Map<unknown, unknown>; byBytes: Map<unknown, unknown> };
  return [c.byNumber.size, c.byBytes.size];
};

const anyNumber = fc.oneof(
  fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  fc.integer({ min: 0, max: 300 }),
  // Outside u32: encoded (wrapped) as the schema does, each cached under its own number.
  fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
  fc.constantFrom(0, -0, 2 ** 32, 2 ** 32 + 1, -1, 2 ** 53 - 1),
);
const accountId = fc.uint8Array({ minLength: 32, maxLength: 32 });

describe("runtime/storage-item key caches", () => {
  it("exports the cache bound the fill tests below rely on", () => {
    assert.equal(KEY_CACHE_SIZE, 16_384);
  });

  for (const hasher of HASHERS) {
    describe(`${hasher}`, () => {
      it("StorageMap with number keys: the uncached key, first and every later time (property)", () => {
        for (const schema of [u32, u8, i32] as Schema<number>[]) {
          const { item, expected } = freshMap(hasher, schema);
          fc.assert(fc.property(fc.array(anyNumber, { minLength: 1, maxLength: 30 }), (ks) => {
            for (const k of [...ks, ...ks.reverse()]) assert.deepStrictEqual(item.key(k), expected(k));
          }), { numRuns: 100 });
        }
      });

      it("StorageMap with byte, bigint and tuple keys: the uncached key (property)", () => {
        const accounts = freshMap(hasher, fixedBytes(32));
        const bigs = freshMap(hasher, u64);
        const pairs = freshMap(hasher, tuple(u32, u64));
        fc.assert(fc.property(accountId, fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), fc.nat(), (a, b, n) => {
          for (let i = 0; i < 2; i++) {
            assert.deepStrictEqual(accounts.item.key(a), accounts.expected(a));
            assert.deepStrictEqual(accounts.item.key(a.slice()), accounts.expected(a));
            assert.deepStrictEqual(bigs.item.key(b), bigs.expected(b));
            assert.deepStrictEqual(pairs.item.key([n, b]), pairs.expected([n, b]));
          }
        }), { numRuns: 200 });
      });

      it("StorageDoubleMap: the uncached key and prefix, the key starting with the prefix (property)", () => {
        for (const h2 of HASHERS) {
          const numbers = freshDoubleMap(hasher, u32, h2, u32);
          const mixed = freshDoubleMap(hasher, fixedBytes(32), h2, u64);
          fc.assert(fc.property(anyNumber, anyNumber, accountId, fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), (a, b, acc, big) => {
            for (let i = 0; i < 2; i++) {
              assert.deepStrictEqual(numbers.item.prefixFor(a), numbers.expectedPrefix(a));
              assert.deepStrictEqual(numbers.item.key(a, b), numbers.expected(a, b));
              assert.deepStrictEqual(numbers.item.key(b, a), numbers.expected(b, a));
              assert.deepStrictEqual(mixed.item.prefixFor(acc), mixed.expectedPrefix(acc));
              assert.deepStrictEqual(mixed.item.key(acc, big), mixed.expected(acc, big));
            }
            const key = numbers.item.key(a, b);
            assert.deepStrictEqual(key.subarray(0, numbers.item.prefixFor(a).length), numbers.item.prefixFor(a));
          }), { numRuns: 30 });
        }
      });
    });
  }

  it("gives the uncached keys while the caches fill, are dropped and fill again", () => {
    const count = 2 * KEY_CACHE_SIZE + 1_000;
    const m = freshMap("Blake2_128Concat", u32);
    const accounts = freshMap("Blake2_128Concat", fixedBytes(32));
    const d = freshDoubleMap("Blake2_128Concat", u32, "Twox64Concat", u32);
    const account = (i: number) => blake2_256(u32.enc(i));
    const caches = () => ({
      map: cacheSizes((m.item as any).keys),
      accounts: cacheSizes((accounts.item as any).keys),
      prefixes: cacheSizes((d.item as any).prefixes),
      keys2: cacheSizes((d.item as any).keys2),
    });
    let dropped = 0;
    let previous = 0;
    for (let i = 0; i < count; i++) {
      assert.deepStrictEqual(m.item.key(i), m.expected(i));
      assert.deepStrictEqual(accounts.item.key(account(i)), accounts.expected(account(i)));
      // Many first keys, a few second keys: the prefix cache fills while the second-key one does not.
      assert.deepStrictEqual(d.item.key(i, i % 7), d.expected(i, i % 7));
      const size = caches().map[0]!;
      assert.ok(size <= KEY_CACHE_SIZE);
      if (size < previous) dropped++;
      previous = size;
    }
    assert.equal(dropped, 2, "the number cache was dropped each time it was full");
    const sizes = caches();
    for (const [name, [byNumber, byBytes]] of Object.entries(sizes)) {
      assert.ok(byNumber! <= KEY_CACHE_SIZE && byBytes! <= KEY_CACHE_SIZE, `${name} cache bounded: ${byNumber}, ${byBytes}`);
    }
    assert.equal(sizes.keys2[0], 7);
    // Keys from before the last drop (recomputed), from after it (cached), in a random order.
    const rnd = fc.sample(fc.integer({ min: 0, max: count - 1 }), { numRuns: 5_000, seed: 42 });
    for (const i of [0, 1, KEY_CACHE_SIZE - 1, KEY_CACHE_SIZE, 2 * KEY_CACHE_SIZE, count - 1, ...rnd]) {
      assert.deepStrictEqual(m.item.key(i), m.expected(i));
      assert.deepStrictEqual(accounts.item.key(account(i)), accounts.expected(account(i)));
      assert.deepStrictEqual(d.item.prefixFor(i), d.expectedPrefix(i));
      assert.deepStrictEqual(d.item.key(i % 7, i), d.expected(i % 7, i));
    }
  });

  it("keeps each map's cache its own: same keys, different items and hashers", () => {
    const a = freshMap("Twox64Concat", u32);
    const b = freshMap("Blake2_128Concat", u32);
    const c = freshDoubleMap("Twox64Concat", u32, "Identity", u32);
    for (let i = 0; i < 50; i++) {
      for (const k of [i, 2 ** 32 - 1 - i]) {
        assert.deepStrictEqual(a.item.key(k), a.expected(k));
        assert.deepStrictEqual(b.item.key(k), b.expected(k));
        assert.deepStrictEqual(c.item.key(k, k), c.expected(k, k));
        assert.notDeepStrictEqual(a.item.key(k), b.item.key(k));
      }
    }
  });

  it("caches nothing for a key its schema rejects", () => {
    const m = freshMap("Blake2_128Concat", compact(u32));
    const d = freshDoubleMap("Blake2_128Concat", compact(u32), "Blake2_128Concat", fixedBytes(32));
    for (const k of [2 ** 40, -1, 1.5, 7]) {
      for (let i = 0; i < 2; i++) {
        assert.deepStrictEqual(outcome(() => m.item.key(k)), outcome(() => m.expected(k)));
        assert.deepStrictEqual(outcome(() => d.item.prefixFor(k)), outcome(() => d.expectedPrefix(k)));
        assert.deepStrictEqual(outcome(() => d.item.key(k, new Uint8Array(31))), outcome(() => d.expected(k, new Uint8Array(31))));
        assert.deepStrictEqual(outcome(() => d.item.key(k, new Uint8Array(32))), outcome(() => d.expected(k, new Uint8Array(32))));
      }
    }
    assert.deepStrictEqual(cacheSizes((m.item as any).keys), [1, 0]);
  });

  it("returns a double map key of its own: changing it leaves later keys alone", () => {
    const d = freshDoubleMap("Blake2_128Concat", u32, "Twox64Concat", u32);
    const first = d.item.key(1, 2);
    first.fill(0);
    assert.deepStrictEqual(d.item.key(1, 2), d.expected(1, 2));
    assert.deepStrictEqual(d.item.prefixFor(1), d.expectedPrefix(1));
    assert.notStrictEqual(d.item.key(1, 2), d.item.key(1, 2));
  });
});
