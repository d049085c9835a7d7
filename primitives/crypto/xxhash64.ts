/**
 * xxHash64 on pairs of 32-bit numbers, without BigInt.
 *
 * PERF: twox128 runs for every storage key; a BigInt xxHash64 (as in substrate-bindings' `h64`) allocates on
 * every 64-bit operation and is several times slower. Each u64 is a (hi, lo) pair of uint32; the helpers
 * leave their result in the module registers `rh`/`rl` so that nothing is allocated per operation.
 */

const P1H = 0x9e3779b1, P1L = 0x85ebca87;
const P2H = 0xc2b2ae3d, P2L = 0x27d4eb4f;
const P3H = 0x165667b1, P3L = 0x9e3779f9;
const P4H = 0x85ebca77, P4L = 0xc2b2ae63;
const P5H = 0x27d4eb2f, P5L = 0x165667c5;

let rh = 0;
let rl = 0;

function add(ah: number, al: number, bh: number, bl: number): void {
  const lo = al + bl;
  rl = lo >>> 0;
  rh = (ah + bh + (lo > 0xffffffff ? 1 : 0)) >>> 0;
}

function mul(ah: number, al: number, bh: number, bl: number): void {
  const a0 = al & 0xffff, a1 = al >>> 16, b0 = bl & 0xffff, b1 = bl >>> 16;
  const mid = a1 * b0 + a0 * b1;
  const low = a0 * b0 + (mid & 0xffff) * 0x10000;
  rl = low >>> 0;
  rh = (a1 * b1 + Math.floor(mid / 0x10000) + Math.floor(low / 0x100000000) + Math.imul(ah, bl) + Math.imul(al, bh)) >>> 0;
}

/** Rotates left by 0 < n < 32. */
function rotl(h: number, l: number, n: number): void {
  rh = ((h << n) | (l >>> (32 - n))) >>> 0;
  rl = ((l << n) | (h >>> (32 - n))) >>> 0;
}

/** acc = rotl(acc + input * P2, 31) * P1 */
function round(acch: number, accl: number, inh: number, inl: number): void {
  mul(inh, inl, P2H, P2L);
  add(acch, accl, rh, rl);
  rotl(rh, rl, 31);
  mul(rh, rl, P1H, P1L);
}

/** acc = (acc ^ round(0, v)) * P1 + P4 */
function mergeRound(acch: number, accl: number, vh: number, vl: number): void {
  round(0, 0, vh, vl);
  mul((acch ^ rh) >>> 0, (accl ^ rl) >>> 0, P1H, P1L);
  add(rh, rl, P4H, P4L);
}

function read32(b: Uint8Array, p: number): number {
  return (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
}

/** Writes xxHash64(data, seed) little-endian into `out` at `offset`; seed is a small non-negative integer. */
export function xxh64Into(data: Uint8Array, seed: number, out: Uint8Array, offset: number): void {
  const len = data.length;
  let p = 0;
  let hh: number, hl: number;
  if (len >= 32) {
    // v1 = seed + P1 + P2, v2 = seed + P2, v3 = seed, v4 = seed - P1 (adding P1's two's complement)
    add(0, seed, P1H, P1L); add(rh, rl, P2H, P2L);
    let v1h = rh, v1l = rl;
    add(0, seed, P2H, P2L);
    let v2h = rh, v2l = rl;
    let v3h = 0, v3l = seed;
    add(0, seed, ~P1H >>> 0, ~P1L >>> 0); add(rh, rl, 0, 1);
    let v4h = rh, v4l = rl;
    for (; p <= len - 32; p += 32) {
      round(v1h, v1l, read32(data, p + 4), read32(data, p)); v1h = rh; v1l = rl;
      round(v2h, v2l, read32(data, p + 12), read32(data, p + 8)); v2h = rh; v2l = rl;
      round(v3h, v3l, read32(data, p + 20), read32(data, p + 16)); v3h = rh; v3l = rl;
      round(v4h, v4l, read32(data, p + 28), read32(data, p + 24)); v4h = rh; v4l = rl;
    }
    rotl(v1h, v1l, 1); hh = rh; hl = rl;
    rotl(v2h, v2l, 7); add(hh, hl, rh, rl); hh = rh; hl = rl;
    rotl(v3h, v3l, 12); add(hh, hl, rh, rl); hh = rh; hl = rl;
    rotl(v4h, v4l, 18); add(hh, hl, rh, rl);
    mergeRound(rh, rl, v1h, v1l);
    mergeRound(rh, rl, v2h, v2l);
    mergeRound(rh, rl, v3h, v3l);
    mergeRound(rh, rl, v4h, v4l);
  } else {
    add(0, seed, P5H, P5L);
  }
  add(rh, rl, 0, len);
  hh = rh; hl = rl;
  for (; p + 8 <= len; p += 8) {
    round(0, 0, read32(data, p + 4), read32(data, p));
    rotl((hh ^ rh) >>> 0, (hl ^ rl) >>> 0, 27);
    mul(rh, rl, P1H, P1L);
    add(rh, rl, P4H, P4L); hh = rh; hl = rl;
  }
  if (p + 4 <= len) {
    mul(0, read32(data, p), P1H, P1L);
    rotl((hh ^ rh) >>> 0, (hl ^ rl) >>> 0, 23);
    mul(rh, rl, P2H, P2L);
    add(rh, rl, P3H, P3L); hh = rh; hl = rl;
    p += 4;
  }
  for (; p < len; p++) {
    mul(0, data[p]!, P5H, P5L);
    rotl((hh ^ rh) >>> 0, (hl ^ rl) >>> 0, 11);
    mul(rh, rl, P1H, P1L); hh = rh; hl = rl;
  }
  // avalanche: h ^= h >> 33; h *= P2; h ^= h >> 29; h *= P3; h ^= h >> 32
  mul(hh, (hl ^ (hh >>> 1)) >>> 0, P2H, P2L); hh = rh; hl = rl;
  mul((hh ^ (hh >>> 29)) >>> 0, (hl ^ ((hh << 3) | (hl >>> 29))) >>> 0, P3H, P3L); hh = rh; hl = rl;
  hl = (hl ^ hh) >>> 0;
  for (let i = 0; i < 4; i++) out[offset + i] = hl >>> (8 * i);
  for (let i = 0; i < 4; i++) out[offset + 4 + i] = hh >>> (8 * i);
}
