/**
 * Protocol ids and gossip topics. Each carries the genesis hash, so peers of another chain share none of
 * them, except the status handshake's: it is the one place a peer of another chain is told so and refused.
 */
import { toHex } from "../primitives/bytes.js";

export interface Protocols {
  status: string;
  blocks: string;
  announces: string;
  transactions: string;
  grandpa: string;
  /** One-way GRANDPA messages to one peer (catch-up requests and answers). */
  grandpaDirect: string;
}

export function protocolsFor(genesisHash: Uint8Array): Protocols {
  const g = toHex(genesisHash).slice(2);
  return {
    status: "/tfchain-ts/status/1",
    blocks: `/${g}/sync/2`,
    announces: `/${g}/block-announces/1`,
    transactions: `/${g}/transactions/1`,
    grandpa: `/${g}/grandpa/1`,
    grandpaDirect: `/${g}/grandpa-direct/1`,
  };
}
