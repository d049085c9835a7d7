/**
 * Transaction gossip: each new ready transaction at once, and the whole pool every 2.9 s (a peer that
 * joined late, or lost a message, gets them). Received transactions go through the pool's validation; the
 * batch is relayed only if it brought something new and valid.
 */
import { blake2_256 } from "../primitives/hashing.js";
import type { NetworkPool } from "./chain-access.js";
import type { GossipVerdict } from "./host.js";
import { decodeMessage, MAX_ANNOUNCE_BYTES, Transactions } from "./messages.js";
import { Rep } from "./peer-scores.js";

export const PROPAGATE_INTERVAL_MS = 2_900;

/** Splits transactions into batches of at most 1 MiB each. */
export function batches(txs: Uint8Array[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let batch: Uint8Array[] = [];
  let size = 0;
  for (const tx of txs) {
    if (size + tx.length + 8 > MAX_ANNOUNCE_BYTES && batch.length > 0) {
      out.push(Transactions.enc(batch));
      batch = [];
      size = 0;
    }
    batch.push(tx);
    size += tx.length + 8;
  }
  if (batch.length > 0) out.push(Transactions.enc(batch));
  return out;
}

export async function receiveTransactions(
  pool: NetworkPool, peer: string, data: Uint8Array, report: (peer: string, change: number, reason: string) => void,
): Promise<GossipVerdict> {
  let txs: Uint8Array[];
  try {
    txs = decodeMessage(Transactions, data, "Transactions");
  } catch {
    report(peer, Rep.BAD_MESSAGE, "undecodable transactions");
    return "reject";
  }
  let fresh = false;
  await Promise.all(txs.map(async (tx) => {
    if (pool.has(blake2_256(tx))) return;
    try {
      await pool.submit(tx);
      fresh = true;
      report(peer, Rep.GOOD_TRANSACTION, "good transaction");
    } catch {
      report(peer, Rep.BAD_TRANSACTION, "bad transaction");
    }
  }));
  return fresh ? "accept" : "ignore";
}
