/**
 * The block header (`sp_runtime::generic::Header<u32, BlakeTwo256>`) and the block hash.
 *
 * In memory a header uses camelCase names, as the JSON-RPC shows it; on the wire and in metadata the fields are
 * the Rust ones (`parent_hash`, …). The block hash is blake2_256 of the SCALE-encoded header, seal included.
 */
import { blake2_256 } from "./hashing.js";
import { Digest } from "./digest.js";
import { compact, fixedBytes, mapped, newtype, struct, u32, type Schema } from "./schema.js";

/** `primitive_types::H256`: a 32-byte hash (block hashes, state and extrinsics roots). */
export const H256 = newtype({ path: "primitive_types::H256" }, [fixedBytes(32), "[u8; 32]"]);

export interface Header {
  parentHash: Uint8Array;
  number: number;
  stateRoot: Uint8Array;
  extrinsicsRoot: Uint8Array;
  digest: Digest;
}

const RustHeader = struct(
  { path: "sp_runtime::generic::header::Header", params: [{ name: "Number", type: u32 }, { name: "Hash" }] },
  {
    parent_hash: [H256, "Hash::Output"],
    number: [compact(u32), "Number"],
    state_root: [H256, "Hash::Output"],
    extrinsics_root: [H256, "Hash::Output"],
    digest: [Digest, "Digest"],
  },
);

/** `sp_runtime::generic::header::Header<u32, BlakeTwo256>`. */
export const HeaderSchema: Schema<Header> = mapped(
  RustHeader,
  (h) => ({ parentHash: h.parent_hash, number: h.number, stateRoot: h.state_root, extrinsicsRoot: h.extrinsics_root, digest: h.digest }),
  (h) => ({ parent_hash: h.parentHash, number: h.number, state_root: h.stateRoot, extrinsics_root: h.extrinsicsRoot, digest: h.digest }),
);

/** SCALE-encodes a header. */
export function encodeHeader(header: Header): Uint8Array {
  return HeaderSchema.enc(header);
}

/** Decodes a whole SCALE-encoded header; malformed or trailing bytes are a `CodecError`. */
export function decodeHeader(bytes: Uint8Array): Header {
  return HeaderSchema.dec(bytes);
}

/** The block hash: blake2_256 of the encoded header. */
export function headerHash(header: Header): Uint8Array {
  return blake2_256(encodeHeader(header));
}
