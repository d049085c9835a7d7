/**
 * Stage 1: the block is well formed. Header fields have their sizes, the number is past genesis, and every
 * extrinsic is one length-prefixed encoding. Nothing here reads the chain.
 */
import { OpaqueExtrinsic } from "../../primitives/block.js";
import { encodeHeader, headerHash, type Header } from "../../primitives/header.js";
import { vec } from "../../primitives/schema.js";
import { toHex } from "../../primitives/bytes.js";
import { ImportError } from "./import-error.js";

/** A block as the import pipeline takes it: a header and its extrinsics, each a full encoding. */
export interface BlockData {
  header: Header;
  extrinsics: Uint8Array[];
}

export interface CheckedBlock {
  hash: Uint8Array;
  hex: string;
  encodedHeader: Uint8Array;
  encodedBody: Uint8Array;
}

const Body = vec(OpaqueExtrinsic);

export function checkStructure(block: BlockData): CheckedBlock {
  const { header } = block;
  let encodedHeader: Uint8Array;
  try {
    encodedHeader = encodeHeader(header);
  } catch (e) {
    throw new ImportError({ code: "MALFORMED", detail: `header does not encode: ${(e as Error).message}` }, { cause: e });
  }
  const hash = headerHash(header);
  const hex = toHex(hash);
  if (header.number < 1) throw new ImportError({ code: "MALFORMED", hash: hex, detail: "block 0 is the genesis block, built from the chain spec" });
  let encodedBody: Uint8Array;
  try {
    encodedBody = Body.enc(block.extrinsics);
  } catch (e) {
    throw new ImportError({ code: "MALFORMED", hash: hex, detail: `body: ${(e as Error).message}` }, { cause: e });
  }
  return { hash, hex, encodedHeader, encodedBody };
}

/** Decodes a stored or received body (`Vec<OpaqueExtrinsic>`). */
export function decodeBody(bytes: Uint8Array): Uint8Array[] {
  return Body.dec(bytes);
}

/** Encodes a body (`Vec<OpaqueExtrinsic>`). */
export function encodeBody(extrinsics: Uint8Array[]): Uint8Array {
  return Body.enc(extrinsics);
}
