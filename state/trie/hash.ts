/**
 * blake2b with a 32-byte digest (`BlakeTwo256`), the trie's node hasher, tuned for many short inputs.
 *
 * BLAKE2b (RFC 7693) mixes 128-byte message blocks into eight 64-bit state words over 12 rounds of the G
 * function; the digest is the first 32 bytes of the state. JavaScript has no 64-bit integers, so each word
 * is a low and a high 32-bit half. Trie nodes are short and hashed by the hundred thousand, so this builds
 * no hasher object per call, keeps the working state in local variables and adds without branches; it
 * runs several times faster than `@noble/hashes`' `blake2b(data, { dkLen: 32 })`, whose output it equals.
 */

// The initialisation vector (SHA-512's), as [low, high] halves of its eight words.
const IV = Uint32Array.from([
  0xf3bcc908, 0x6a09e667, 0x84caa73b, 0xbb67ae85, 0xfe94f82b, 0x3c6ef372, 0x5f1d36f1, 0xa54ff53a,
  0xade682d1, 0x510e527f, 0x2b3e6c1f, 0x9b05688c, 0xfb41bd6b, 0x1f83d9ab, 0x137e2179, 0x5be0cd19,
]);

// Message word schedule of the 12 rounds, doubled to index [low, high] pairs.
const SIGMA = Uint8Array.from(
  [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
    14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
    11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4,
    7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8,
    9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13,
    2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9,
    12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11,
    13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10,
    6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5,
    10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0,
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
    14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
  ].map((i) => i * 2),
);

const h = new Uint32Array(16);
const m = new Uint32Array(32);

/** blake2b with a 32-byte digest. */
export function blake2b256(data: Uint8Array): Uint8Array {
  h.set(IV);
  // Parameter block word 0: digest length 32, no key, fanout 1, depth 1.
  h[0]! ^= 0x01010020;
  const len = data.length;
  let pos = 0;
  while (len - pos > 128) {
    for (let i = 0; i < 32; i++) {
      const p = pos + 4 * i;
      m[i] = data[p]! | (data[p + 1]! << 8) | (data[p + 2]! << 16) | (data[p + 3]! << 24);
    }
    pos += 128;
    compress(pos, false);
  }
  m.fill(0);
  for (let i = 0; pos + i < len; i++) m[i >> 2]! |= data[pos + i]! << (8 * (i & 3));
  compress(len, true);
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    const w = h[i]!;
    out[4 * i] = w;
    out[4 * i + 1] = w >>> 8;
    out[4 * i + 2] = w >>> 16;
    out[4 * i + 3] = w >>> 24;
  }
  return out;
}

// The state's 16 working words live in 32 local variables (vNl, vNh = low and high halves of word N), the
// rounds' G steps written out on them: several times faster than the same steps on an array. Carries are
// taken by division, not comparison: a data-dependent branch per addition mispredicts half the time.
// Byte counter `t` stays below 2^53, so its high 64 bits are zero and its low word splits into two halves.
function compress(t0: number, last: boolean): void {
  let v0l = h[0]!, v1l = h[2]!, v2l = h[4]!, v3l = h[6]!, v4l = h[8]!, v5l = h[10]!, v6l = h[12]!, v7l = h[14]!;
  let v0h = h[1]!, v1h = h[3]!, v2h = h[5]!, v3h = h[7]!, v4h = h[9]!, v5h = h[11]!, v6h = h[13]!, v7h = h[15]!;
  let v8l = IV[0]!, v9l = IV[2]!, v10l = IV[4]!, v11l = IV[6]!, v12l = IV[8]!, v13l = IV[10]!, v14l = IV[12]!, v15l = IV[14]!;
  let v8h = IV[1]!, v9h = IV[3]!, v10h = IV[5]!, v11h = IV[7]!, v12h = IV[9]!, v13h = IV[11]!, v14h = IV[13]!, v15h = IV[15]!;
  v12l = (v12l ^ t0) >>> 0;
  v12h = (v12h ^ (t0 / 0x100000000)) >>> 0;
  if (last) {
    v14l = ~v14l >>> 0;
    v14h = ~v14h >>> 0;
  }
  let t: number, x: number, y: number;
  for (let s = 0; s < 192; s += 16) {
    // G(v0, v4, v8, v12) with the round's message words 0 and 1
    x = SIGMA[s + 0]!; y = SIGMA[s + 1]!;
    t = v0l + v4l + m[x]!; v0h = (v0h + v4h + m[x + 1]! + ((t / 0x100000000) | 0)) >>> 0; v0l = t >>> 0;
    t = (v12l ^ v0l) >>> 0; v12l = (v12h ^ v0h) >>> 0; v12h = t;
    t = v8l + v12l; v8h = (v8h + v12h + ((t / 0x100000000) | 0)) >>> 0; v8l = t >>> 0;
    t = v4l ^ v8l; v4h ^= v8h; v4l = ((t >>> 24) | (v4h << 8)) >>> 0; v4h = ((v4h >>> 24) | (t << 8)) >>> 0;
    t = v0l + v4l + m[y]!; v0h = (v0h + v4h + m[y + 1]! + ((t / 0x100000000) | 0)) >>> 0; v0l = t >>> 0;
    t = v12l ^ v0l; v12h ^= v0h; v12l = ((t >>> 16) | (v12h << 16)) >>> 0; v12h = ((v12h >>> 16) | (t << 16)) >>> 0;
    t = v8l + v12l; v8h = (v8h + v12h + ((t / 0x100000000) | 0)) >>> 0; v8l = t >>> 0;
    t = v4l ^ v8l; v4h ^= v8h; v4l = ((v4h >>> 31) | (t << 1)) >>> 0; v4h = ((t >>> 31) | (v4h << 1)) >>> 0;
    // G(v1, v5, v9, v13) with the round's message words 2 and 3
    x = SIGMA[s + 2]!; y = SIGMA[s + 3]!;
    t = v1l + v5l + m[x]!; v1h = (v1h + v5h + m[x + 1]! + ((t / 0x100000000) | 0)) >>> 0; v1l = t >>> 0;
    t = (v13l ^ v1l) >>> 0; v13l = (v13h ^ v1h) >>> 0; v13h = t;
    t = v9l + v13l; v9h = (v9h + v13h + ((t / 0x100000000) | 0)) >>> 0; v9l = t >>> 0;
    t = v5l ^ v9l; v5h ^= v9h; v5l = ((t >>> 24) | (v5h << 8)) >>> 0; v5h = ((v5h >>> 24) | (t << 8)) >>> 0;
    t = v1l + v5l + m[y]!; v1h = (v1h + v5h + m[y + 1]! + ((t / 0x100000000) | 0)) >>> 0; v1l = t >>> 0;
    t = v13l ^ v1l; v13h ^= v1h; v13l = ((t >>> 16) | (v13h << 16)) >>> 0; v13h = ((v13h >>> 16) | (t << 16)) >>> 0;
    t = v9l + v13l; v9h = (v9h + v13h + ((t / 0x100000000) | 0)) >>> 0; v9l = t >>> 0;
    t = v5l ^ v9l; v5h ^= v9h; v5l = ((v5h >>> 31) | (t << 1)) >>> 0; v5h = ((t >>> 31) | (v5h << 1)) >>> 0;
    // G(v2, v6, v10, v14) with the round's message words 4 and 5
    x = SIGMA[s + 4]!; y = SIGMA[s + 5]!;
    t = v2l + v6l + m[x]!; v2h = (v2h + v6h + m[x + 1]! + ((t / 0x100000000) | 0)) >>> 0; v2l = t >>> 0;
    t = (v14l ^ v2l) >>> 0; v14l = (v14h ^ v2h) >>> 0; v14h = t;
    t = v10l + v14l; v10h = (v10h + v14h + ((t / 0x100000000) | 0)) >>> 0; v10l = t >>> 0;
    t = v6l ^ v10l; v6h ^= v10h; v6l = ((t >>> 24) | (v6h << 8)) >>> 0; v6h = ((v6h >>> 24) | (t << 8)) >>> 0;
    t = v2l + v6l + m[y]!; v2h = (v2h + v6h + m[y + 1]! + ((t / 0x100000000) | 0)) >>> 0; v2l = t >>> 0;
    t = v14l ^ v2l; v14h ^= v2h; v14l = ((t >>> 16) | (v14h << 16)) >>> 0; v14h = ((v14h >>> 16) | (t << 16)) >>> 0;
    t = v10l + v14l; v10h = (v10h + v14h + ((t / 0x100000000) | 0)) >>> 0; v10l = t >>> 0;
    t = v6l ^ v10l; v6h ^= v10h; v6l = ((v6h >>> 31) | (t << 1)) >>> 0; v6h = ((t >>> 31) | (v6h << 1)) >>> 0;
    // G(v3, v7, v11, v15) with the round's message words 6 and 7
    x = SIGMA[s + 6]!; y = SIGMA[s + 7]!;
    t = v3l + v7l + m[x]!; v3h = (v3h + v7h + m[x + 1]! + ((t / 0x100000000) | 0)) >>> 0; v3l = t >>> 0;
    t = (v15l ^ v3l) >>> 0; v15l = (v15h ^ v3h) >>> 0; v15h = t;
    t = v11l + v15l; v11h = (v11h + v15h + ((t / 0x100000000) | 0)) >>> 0; v11l = t >>> 0;
    t = v7l ^ v11l; v7h ^= v11h; v7l = ((t >>> 24) | (v7h << 8)) >>> 0; v7h = ((v7h >>> 24) | (t << 8)) >>> 0;
    t = v3l + v7l + m[y]!; v3h = (v3h + v7h + m[y + 1]! + ((t / 0x100000000) | 0)) >>> 0; v3l = t >>> 0;
    t = v15l ^ v3l; v15h ^= v3h; v15l = ((t >>> 16) | (v15h << 16)) >>> 0; v15h = ((v15h >>> 16) | (t << 16)) >>> 0;
    t = v11l + v15l; v11h = (v11h + v15h + ((t / 0x100000000) | 0)) >>> 0; v11l = t >>> 0;
    t = v7l ^ v11l; v7h ^= v11h; v7l = ((v7h >>> 31) | (t << 1)) >>> 0; v7h = ((t >>> 31) | (v7h << 1)) >>> 0;
    // G(v0, v5, v10, v15) with the round's message words 8 and 9
    x = SIGMA[s + 8]!; y = SIGMA[s + 9]!;
    t = v0l + v5l + m[x]!; v0h = (v0h + v5h + m[x + 1]! + ((t / 0x100000000) | 0)) >>> 0; v0l = t >>> 0;
    t = (v15l ^ v0l) >>> 0; v15l = (v15h ^ v0h) >>> 0; v15h = t;
    t = v10l + v15l; v10h = (v10h + v15h + ((t / 0x100000000) | 0)) >>> 0; v10l = t >>> 0;
    t = v5l ^ v10l; v5h ^= v10h; v5l = ((t >>> 24) | (v5h << 8)) >>> 0; v5h = ((v5h >>> 24) | (t << 8)) >>> 0;
    t = v0l + v5l + m[y]!; v0h = (v0h + v5h + m[y + 1]! + ((t / 0x100000000) | 0)) >>> 0; v0l = t >>> 0;
    t = v15l ^ v0l; v15h ^= v0h; v15l = ((t >>> 16) | (v15h << 16)) >>> 0; v15h = ((v15h >>> 16) | (t << 16)) >>> 0;
    t = v10l + v15l; v10h = (v10h + v15h + ((t / 0x100000000) | 0)) >>> 0; v10l = t >>> 0;
    t = v5l ^ v10l; v5h ^= v10h; v5l = ((v5h >>> 31) | (t << 1)) >>> 0; v5h = ((t >>> 31) | (v5h << 1)) >>> 0;
    // G(v1, v6, v11, v12) with the round's message words 10 and 11
    x = SIGMA[s + 10]!; y = SIGMA[s + 11]!;
    t = v1l + v6l + m[x]!; v1h = (v1h + v6h + m[x + 1]! + ((t / 0x100000000) | 0)) >>> 0; v1l = t >>> 0;
    t = (v12l ^ v1l) >>> 0; v12l = (v12h ^ v1h) >>> 0; v12h = t;
    t = v11l + v12l; v11h = (v11h + v12h + ((t / 0x100000000) | 0)) >>> 0; v11l = t >>> 0;
    t = v6l ^ v11l; v6h ^= v11h; v6l = ((t >>> 24) | (v6h << 8)) >>> 0; v6h = ((v6h >>> 24) | (t << 8)) >>> 0;
    t = v1l + v6l + m[y]!; v1h = (v1h + v6h + m[y + 1]! + ((t / 0x100000000) | 0)) >>> 0; v1l = t >>> 0;
    t = v12l ^ v1l; v12h ^= v1h; v12l = ((t >>> 16) | (v12h << 16)) >>> 0; v12h = ((v12h >>> 16) | (t << 16)) >>> 0;
    t = v11l + v12l; v11h = (v11h + v12h + ((t / 0x100000000) | 0)) >>> 0; v11l = t >>> 0;
    t = v6l ^ v11l; v6h ^= v11h; v6l = ((v6h >>> 31) | (t << 1)) >>> 0; v6h = ((t >>> 31) | (v6h << 1)) >>> 0;
    // G(v2, v7, v8, v13) with the round's message words 12 and 13
    x = SIGMA[s + 12]!; y = SIGMA[s + 13]!;
    t = v2l + v7l + m[x]!; v2h = (v2h + v7h + m[x + 1]! + ((t / 0x100000000) | 0)) >>> 0; v2l = t >>> 0;
    t = (v13l ^ v2l) >>> 0; v13l = (v13h ^ v2h) >>> 0; v13h = t;
    t = v8l + v13l; v8h = (v8h + v13h + ((t / 0x100000000) | 0)) >>> 0; v8l = t >>> 0;
    t = v7l ^ v8l; v7h ^= v8h; v7l = ((t >>> 24) | (v7h << 8)) >>> 0; v7h = ((v7h >>> 24) | (t << 8)) >>> 0;
    t = v2l + v7l + m[y]!; v2h = (v2h + v7h + m[y + 1]! + ((t / 0x100000000) | 0)) >>> 0; v2l = t >>> 0;
    t = v13l ^ v2l; v13h ^= v2h; v13l = ((t >>> 16) | (v13h << 16)) >>> 0; v13h = ((v13h >>> 16) | (t << 16)) >>> 0;
    t = v8l + v13l; v8h = (v8h + v13h + ((t / 0x100000000) | 0)) >>> 0; v8l = t >>> 0;
    t = v7l ^ v8l; v7h ^= v8h; v7l = ((v7h >>> 31) | (t << 1)) >>> 0; v7h = ((t >>> 31) | (v7h << 1)) >>> 0;
    // G(v3, v4, v9, v14) with the round's message words 14 and 15
    x = SIGMA[s + 14]!; y = SIGMA[s + 15]!;
    t = v3l + v4l + m[x]!; v3h = (v3h + v4h + m[x + 1]! + ((t / 0x100000000) | 0)) >>> 0; v3l = t >>> 0;
    t = (v14l ^ v3l) >>> 0; v14l = (v14h ^ v3h) >>> 0; v14h = t;
    t = v9l + v14l; v9h = (v9h + v14h + ((t / 0x100000000) | 0)) >>> 0; v9l = t >>> 0;
    t = v4l ^ v9l; v4h ^= v9h; v4l = ((t >>> 24) | (v4h << 8)) >>> 0; v4h = ((v4h >>> 24) | (t << 8)) >>> 0;
    t = v3l + v4l + m[y]!; v3h = (v3h + v4h + m[y + 1]! + ((t / 0x100000000) | 0)) >>> 0; v3l = t >>> 0;
    t = v14l ^ v3l; v14h ^= v3h; v14l = ((t >>> 16) | (v14h << 16)) >>> 0; v14h = ((v14h >>> 16) | (t << 16)) >>> 0;
    t = v9l + v14l; v9h = (v9h + v14h + ((t / 0x100000000) | 0)) >>> 0; v9l = t >>> 0;
    t = v4l ^ v9l; v4h ^= v9h; v4l = ((v4h >>> 31) | (t << 1)) >>> 0; v4h = ((t >>> 31) | (v4h << 1)) >>> 0;
  }
  h[0] = h[0]! ^ v0l ^ v8l;
  h[1] = h[1]! ^ v0h ^ v8h;
  h[2] = h[2]! ^ v1l ^ v9l;
  h[3] = h[3]! ^ v1h ^ v9h;
  h[4] = h[4]! ^ v2l ^ v10l;
  h[5] = h[5]! ^ v2h ^ v10h;
  h[6] = h[6]! ^ v3l ^ v11l;
  h[7] = h[7]! ^ v3h ^ v11h;
  h[8] = h[8]! ^ v4l ^ v12l;
  h[9] = h[9]! ^ v4h ^ v12h;
  h[10] = h[10]! ^ v5l ^ v13l;
  h[11] = h[11]! ^ v5h ^ v13h;
  h[12] = h[12]! ^ v6l ^ v14l;
  h[13] = h[13]! ^ v6h ^ v14h;
  h[14] = h[14]! ^ v7l ^ v15l;
  h[15] = h[15]! ^ v7h ^ v15h;
}
