/**
 * Blocks as the finality code names them: the hash in lowercase `0x` hex (a map key, compared as a string)
 * and the number. Wire types carry the hash as bytes; these convert.
 */
import { toHex } from "../../primitives/bytes.js";

export interface BlockRef {
  readonly hash: string;
  readonly number: number;
}

/** A block reference from a hash in bytes. */
export function blockRef(hash: Uint8Array, number: number): BlockRef {
  return { hash: toHex(hash), number };
}

/** The bytes of a hex hash. */
export function hashBytes(hash: string): Uint8Array {
  return new Uint8Array(Buffer.from(hash.slice(2), "hex"));
}

export function sameBlock(a: BlockRef | undefined, b: BlockRef | undefined): boolean {
  return a !== undefined && b !== undefined && a.hash === b.hash && a.number === b.number;
}
