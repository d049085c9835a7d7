/**
 * The status handshake: both sides send their status when they connect, and again every few seconds (best
 * and finalized blocks move; the peer list grows). A peer of another genesis is refused at once.
 */
import { equalBytes } from "../primitives/bytes.js";
import type { NetworkChain } from "./chain-access.js";
import { decodeMessage, MAX_STATUS_PEERS, Status, STATUS_VERSION } from "./messages.js";

export const STATUS_INTERVAL_MS = 3_000;

export function ourStatus(chain: NetworkChain, roles: number, peers: string[]): Uint8Array {
  const best = chain.best();
  const finalized = chain.finalized();
  return Status.enc({
    version: STATUS_VERSION, genesis: chain.genesisHash, roles,
    bestNumber: best.number, bestHash: best.hash, finalizedNumber: finalized.number, finalizedHash: finalized.hash,
    peers: peers.slice(0, MAX_STATUS_PEERS),
  });
}

export type StatusCheck = { ok: true; status: Status } | { ok: false; reason: "undecodable" | "genesis" };

export function checkStatus(chain: NetworkChain, bytes: Uint8Array): StatusCheck {
  let status: Status;
  try {
    status = decodeMessage(Status, bytes, "Status");
  } catch {
    return { ok: false, reason: "undecodable" };
  }
  if (!equalBytes(status.genesis, chain.genesisHash)) return { ok: false, reason: "genesis" };
  return { ok: true, status: { ...status, peers: status.peers.slice(0, MAX_STATUS_PEERS) } };
}
