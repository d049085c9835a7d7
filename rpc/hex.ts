/**
 * Hex as Substrate's JSON-RPC writes and reads it: bytes are `0x`-prefixed lowercase hex (`sp_core::Bytes`,
 * `H256`), numbers in headers are minimal hex quantities (`"0x1b"`, `"0x0"`), as `impl-serde` does.
 */


/** A number as a minimal hex quantity: `0x0`, `0x1b`. */
export function toHexQuantity(n: number | bigint): string {
  return "0x" + n.toString(16);
}

const HEX = /^[0-9a-fA-F]*$/;

/**
 * Decodes hex with or without `0x`, as impl-serde accepts it (an odd length reads the first digit as a whole
 * byte); `undefined` if it is not hex.
 */
export function fromHex(s: string): Uint8Array | undefined {
  const body = s.startsWith("0x") || s.startsWith("0X") ? s.slice(2) : s;
  if (!HEX.test(body)) return undefined;
  const even = body.length % 2 === 1 ? "0" + body : body;
  const buf = Buffer.from(even, "hex");
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** A u32 as 4 little-endian bytes (SCALE), for runtime API arguments. */
export function u32le(n: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n, true);
  return out;
}
