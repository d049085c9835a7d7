/**
 * Nibble arithmetic over byte keys.
 *
 * The trie is base 16: a key of n bytes is a path of 2n nibbles, high half first. Nodes refer to their
 * partial key as a nibble range `[start, end)` of some full key that runs through them, so no nibble
 * arrays are built on the hot paths.
 */

/** The nibble at position `i` of `key` (high half of byte i/2 when i is even). */
export function nibbleAt(key: Uint8Array, i: number): number {
  const b = key[i >> 1]!;
  return (i & 1) === 0 ? b >> 4 : b & 0x0f;
}

/**
 * How many nibbles `a` and `b` share from nibble `from`, counting at most up to nibble `limit`.
 *
 * Both keys are read at the same offsets, so whole bytes are compared where possible.
 */
export function commonNibbles(a: Uint8Array, b: Uint8Array, from: number, limit: number): number {
  const max = Math.min(limit, a.length * 2, b.length * 2);
  let i = from;
  if (i >= max) return 0;
  if ((i & 1) === 1) {
    if ((a[i >> 1]! & 0x0f) !== (b[i >> 1]! & 0x0f)) return 0;
    i++;
  }
  while (i + 1 < max) {
    const x = a[i >> 1]! ^ b[i >> 1]!;
    if (x !== 0) return (x & 0xf0) === 0 ? i + 1 - from : i - from;
    i += 2;
  }
  if (i < max && (a[i >> 1]! >> 4) === (b[i >> 1]! >> 4)) i++;
  return i - from;
}

/** The bytes as one nibble per byte. */
export function bytesToNibbles(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length * 2);
  for (let i = 0; i < bytes.length; i++) {
    out[2 * i] = bytes[i]! >> 4;
    out[2 * i + 1] = bytes[i]! & 0x0f;
  }
  return out;
}

/** Packs an even number of nibbles (one per byte) back into bytes. */
export function nibblesToBytes(nibbles: Uint8Array): Uint8Array {
  const out = new Uint8Array(nibbles.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = (nibbles[2 * i]! << 4) | nibbles[2 * i + 1]!;
  return out;
}
