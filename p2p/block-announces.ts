/**
 * Block announcements over gossip: our own new blocks go out with their body when the whole fits 1 MiB
 * (else the header alone, and peers fetch the body). A received announcement is imported before it is
 * relayed: gossip never spreads a block we could not import.
 */
import { decodeHeader, encodeHeader, headerHash, type Header } from "../primitives/header.js";
import { decodeBody, FULL_BLOCKS } from "./block-requests.js";
import type { NetworkChain } from "./chain-access.js";
import type { GossipVerdict } from "./host.js";
import { BlockAnnounce, decodeMessage, MAX_ANNOUNCE_BYTES } from "./messages.js";
import { Rep } from "./peer-scores.js";
import type { ChainSync } from "./sync.js";
import type { ReceivedBlock } from "./block-requests.js";
import type { BlockRequest } from "./messages.js";

export function encodeAnnounce(header: Header, body: Uint8Array | undefined): Uint8Array {
  const encodedHeader = encodeHeader(header);
  const withBody = body && encodedHeader.length + body.length + 16 <= MAX_ANNOUNCE_BYTES ? body : undefined;
  return BlockAnnounce.enc({ header: encodedHeader, body: withBody });
}

export interface AnnounceDeps {
  chain: NetworkChain;
  sync: ChainSync;
  request(peer: string, request: BlockRequest): Promise<ReceivedBlock[]>;
  report(peer: string, change: number, reason: string): void;
}

/** Checks and imports an announcement from `peer` (the peer that relayed it to us). */
export async function receiveAnnounce(deps: AnnounceDeps, peer: string, data: Uint8Array): Promise<GossipVerdict> {
  const { report, sync } = deps;
  let header: Header;
  let extrinsics: Uint8Array[] | undefined;
  try {
    if (data.length > MAX_ANNOUNCE_BYTES) throw new Error("announcement over 1 MiB");
    const announce = decodeMessage(BlockAnnounce, data, "BlockAnnounce");
    header = decodeHeader(announce.header);
    extrinsics = announce.body && decodeBody(announce.body);
  } catch {
    report(peer, Rep.BAD_MESSAGE, "undecodable block announcement");
    return "reject";
  }
  const hash = headerHash(header);
  const verdict = await importAnnounced(deps, peer, header, hash, extrinsics);
  // After the import: the sync then sees that we are level with the peer.
  if (verdict !== "reject") sync.updatePeer(peer, header.number, hash);
  return verdict;
}

async function importAnnounced(deps: AnnounceDeps, peer: string, header: Header, hash: Uint8Array, extrinsics: Uint8Array[] | undefined): Promise<GossipVerdict> {
  const { chain, sync, report } = deps;
  if ((await chain.rawHeader(hash)) !== undefined) return "ignore";
  if ((await chain.rawHeader(header.parentHash)) === undefined) {
    await sync.fetchAncestry(peer, hash, header.number);
    return (await chain.rawHeader(hash)) !== undefined ? "accept" : "ignore";
  }
  if (!extrinsics) {
    try {
      const [block] = await deps.request(peer, { fields: FULL_BLOCKS, from: { tag: "Hash", value: hash }, direction: { tag: "Ascending", value: undefined }, max: 1 });
      if (!block) return "ignore";
      extrinsics = block.extrinsics;
    } catch {
      report(peer, Rep.TIMEOUT, "announced block not served");
      return "ignore";
    }
  }
  try {
    await chain.importBlock({ header, extrinsics });
    report(peer, Rep.GOOD_BLOCK, "announced a good block");
    return "accept";
  } catch (e) {
    if (chain.isBadBlock(e)) {
      report(peer, Rep.BAD_BLOCK, `bad announced block: ${(e as Error).message}`);
      return "reject";
    }
    return "ignore";
  }
}
