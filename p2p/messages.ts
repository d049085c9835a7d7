/**
 * What our peers say to each other, in SCALE: the status handshake, block requests and responses, block
 * announcements and transaction batches. Every decoder refuses trailing bytes, so a message is one value.
 */
import * as scale from "scale-ts";
import { bytes, decodeExact, fixedBytes, vecCodec } from "../primitives/schema.js";

// Bounds-checked codecs from primitives/: a peer's length prefixes are never trusted.
const Hash = fixedBytes(32).codec;
const Blob = bytes.codec;
const Blobs = vecCodec(Blob);

/** Roles as Substrate's bit flags: a full node, an authority. */
export const ROLE_FULL = 1;
export const ROLE_AUTHORITY = 4;

/** The handshake, re-sent every few seconds: who we are, where our chain stands, peers worth meeting. */
export const Status = scale.Struct({
  version: scale.u32,
  genesis: Hash,
  roles: scale.u8,
  bestNumber: scale.u32,
  bestHash: Hash,
  finalizedNumber: scale.u32,
  finalizedHash: Hash,
  /** Multiaddrs with `/p2p/<id>` of some of our peers (peer exchange), at most `MAX_STATUS_PEERS` used. */
  peers: vecCodec(scale.str),
});
export type Status = scale.CodecType<typeof Status>;

export const STATUS_VERSION = 1;
export const MAX_STATUS_PEERS = 16;

/** Substrate's `BlockAttributes` bits a request asks for. */
export const FIELD_HEADER = 1;
export const FIELD_BODY = 2;
export const FIELD_JUSTIFICATION = 16;

/** The most blocks one response carries (Substrate's `MAX_BLOCKS_IN_RESPONSE`). */
export const MAX_BLOCKS_PER_REQUEST = 128;

export const BlockRequest = scale.Struct({
  fields: scale.u8,
  from: scale.Enum({ Hash, Number: scale.u32 }),
  direction: scale.Enum({ Ascending: scale._void, Descending: scale._void }),
  max: scale.u32,
});
export type BlockRequest = scale.CodecType<typeof BlockRequest>;

export const BlockEntry = scale.Struct({
  hash: Hash,
  header: scale.Option(Blob),
  /** The body as stored: SCALE `Vec<OpaqueExtrinsic>`. */
  body: scale.Option(Blob),
  /** SCALE `Justifications` as stored. */
  justifications: scale.Option(Blob),
});
export type BlockEntry = scale.CodecType<typeof BlockEntry>;

// scale-ts `Vector(x, n)` is a fixed-length array: counts are checked by the receiver instead.
export const BlockResponse = vecCodec(BlockEntry);

/** A new block: its header, and its body when the whole fits the announcement limit. */
export const BlockAnnounce = scale.Struct({
  header: Blob,
  /** SCALE `Vec<OpaqueExtrinsic>`. */
  body: scale.Option(Blob),
});
export type BlockAnnounce = scale.CodecType<typeof BlockAnnounce>;

/** Announcements are at most 1 MiB; a bigger block is announced by its header and fetched. */
export const MAX_ANNOUNCE_BYTES = 1024 * 1024;

export const Transactions = Blobs;

/** Decodes exactly one message of `codec`; a `CodecError` for anything else (short, long, malformed). */
export function decodeMessage<T>(codec: scale.Codec<T>, bytes: Uint8Array, what: string): T {
  return decodeExact(codec, bytes, what);
}
