/**
 * The block request protocol: a peer asks for up to 128 blocks from a hash or a number, up or down the
 * chain, with the fields it wants; we answer from the database. Requests are clamped as Substrate's
 * (at most 128 blocks, about 8 MiB of bodies); a request that does not decode is a bad message.
 *
 * The client side checks what comes back before anything is imported: no more blocks than asked, each
 * header decodes and hashes to its entry's hash, the blocks follow each other in the asked direction, and
 * a body is present when asked for.
 */
import { equalBytes } from "../primitives/bytes.js";
import { decodeHeader, headerHash, type Header } from "../primitives/header.js";
import { OpaqueExtrinsic } from "../primitives/block.js";
import { vec } from "../primitives/schema.js";
import type { NetworkChain } from "./chain-access.js";
import {
  BlockRequest, BlockResponse, decodeMessage, FIELD_BODY, FIELD_HEADER, FIELD_JUSTIFICATION, MAX_BLOCKS_PER_REQUEST,
  type BlockEntry,
} from "./messages.js";

/** Substrate stops adding blocks to a response past this many body bytes. */
const MAX_RESPONSE_BODY_BYTES = 8 * 1024 * 1024;

/** The most bytes a block request may take. */
export const MAX_REQUEST_BYTES = 1024;

/** Serves one request; throws a `CodecError` when it does not decode. */
export async function serveBlocks(chain: NetworkChain, requestBytes: Uint8Array): Promise<Uint8Array> {
  const request = decodeMessage(BlockRequest, requestBytes, "BlockRequest");
  const max = Math.min(request.max === 0 ? MAX_BLOCKS_PER_REQUEST : request.max, MAX_BLOCKS_PER_REQUEST);
  const ascending = request.direction.tag === "Ascending";
  let hash: Uint8Array | undefined = request.from.tag === "Hash" ? request.from.value : await chain.hashAt(request.from.value);
  const out: BlockEntry[] = [];
  let bytes = 0;
  let header = hash && (await chain.rawHeader(hash));
  while (hash && header && out.length < max && bytes < MAX_RESPONSE_BODY_BYTES) {
    const body = request.fields & FIELD_BODY ? await chain.rawBody(hash) : undefined;
    const justifications = request.fields & FIELD_JUSTIFICATION ? await chain.justifications(hash) : undefined;
    bytes += (body?.length ?? 0) + header.length;
    out.push({ hash, header: request.fields & FIELD_HEADER ? header : undefined, body, justifications });
    const decoded = decodeHeader(header);
    if (ascending) {
      // Up the canonical chain only: a block off it has no known child to follow.
      const canonical = await chain.hashAt(decoded.number);
      if (!canonical || !equalBytes(canonical, hash)) break;
      hash = await chain.hashAt(decoded.number + 1);
    } else {
      if (decoded.number === 0) break;
      hash = decoded.parentHash;
    }
    header = hash && (await chain.rawHeader(hash));
  }
  return BlockResponse.enc(out);
}

const Body = vec(OpaqueExtrinsic);

/** A body as stored and sent: `Vec<OpaqueExtrinsic>`. */
export function decodeBody(bytes: Uint8Array): Uint8Array[] {
  return Body.dec(bytes);
}

export const FULL_BLOCKS = FIELD_HEADER | FIELD_BODY | FIELD_JUSTIFICATION;

/** A block as a response gives it, checked. */
export interface ReceivedBlock {
  hash: Uint8Array;
  header: Header;
  extrinsics: Uint8Array[];
  justifications?: Uint8Array;
}

export class BadResponse extends Error {}

/**
 * Checks a response to `request` and decodes its blocks; a `BadResponse` when it breaks the protocol. An
 * empty response is valid (the peer does not have the blocks).
 */
export function checkResponse(request: BlockRequest, bytes: Uint8Array): ReceivedBlock[] {
  let entries: BlockEntry[];
  try {
    entries = decodeMessage(BlockResponse, bytes, "BlockResponse");
  } catch (e) {
    throw new BadResponse(`undecodable response: ${(e as Error).message}`);
  }
  if (entries.length > Math.max(request.max, 1)) throw new BadResponse(`${entries.length} blocks for a request of ${request.max}`);
  const blocks: ReceivedBlock[] = [];
  for (const entry of entries) {
    if (!entry.header) throw new BadResponse("a block without its header");
    let header: Header;
    let extrinsics: Uint8Array[] = [];
    try {
      header = decodeHeader(entry.header);
      if (entry.body) extrinsics = decodeBody(entry.body);
    } catch (e) {
      throw new BadResponse(`undecodable block: ${(e as Error).message}`);
    }
    if (request.fields & FIELD_BODY && !entry.body) throw new BadResponse("a block without the body asked for");
    const hash = headerHash(header);
    if (!equalBytes(hash, entry.hash)) throw new BadResponse("a header that does not hash to its entry");
    blocks.push({ hash, header, extrinsics, justifications: entry.justifications });
  }
  const first = blocks[0];
  if (first) {
    const from = request.from;
    if (from.tag === "Hash" ? !equalBytes(first.hash, from.value) : first.header.number !== from.value) {
      throw new BadResponse("the response does not start where asked");
    }
  }
  const ascending = request.direction.tag === "Ascending";
  for (let i = 1; i < blocks.length; i++) {
    const [lower, upper] = ascending ? [blocks[i - 1]!, blocks[i]!] : [blocks[i]!, blocks[i - 1]!];
    if (!equalBytes(upper.header.parentHash, lower.hash) || upper.header.number !== lower.header.number + 1) {
      throw new BadResponse("blocks that do not follow each other");
    }
  }
  return blocks;
}
