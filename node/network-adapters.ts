/**
 * The chain and the pool as the network sees them (`p2p/chain-access.ts`): raw bytes from the database,
 * imports as `network` blocks, and which import refusals are the sender's fault.
 */
import type { Chain } from "../consensus/index.js";
import { ImportError } from "../consensus/import/import-error.js";
import type { NetworkChain, NetworkPool } from "../p2p/chain-access.js";
import type { TxPool } from "../txpool/index.js";

/** Refusals that say nothing bad of the block: it may be fine on another node's clock or fork. */
const NOT_THE_SENDERS_FAULT = new Set(["UNKNOWN_PARENT", "NOT_IN_FINALIZED_CHAIN", "SLOT_IN_FUTURE"]);

/**
 * `onJustifications`: where the `Justifications` of a synced block go (GRANDPA checks them before anything
 * is finalized); without it they are dropped, never stored unchecked.
 */
export function networkChain(chain: Chain, onJustifications?: (hash: Uint8Array, number: number, justifications: Uint8Array) => Promise<void>): NetworkChain {
  return {
    genesisHash: chain.genesisHash,
    best: () => chain.best(),
    finalized: () => chain.finalized(),
    rawHeader: (hash) => chain.db.header(hash),
    rawBody: (hash) => chain.db.body(hash),
    justifications: (hash) => chain.justifications(hash),
    hashAt: (number) => chain.hashAt(number),
    importBlock: async (block, justifications) => {
      const outcome = await chain.importBlock(block, { origin: "network" });
      if (justifications && onJustifications) await onJustifications(outcome.hash, outcome.number, justifications);
      return outcome;
    },
    isBadBlock: (e) => e instanceof ImportError && !NOT_THE_SENDERS_FAULT.has(e.code),
    isUnknownParent: (e) => e instanceof ImportError && e.code === "UNKNOWN_PARENT",
    onImported: (listener) => chain.onImported(listener),
    onFinalized: (listener) => chain.onFinalized(listener),
  };
}

export function networkPool(pool: TxPool): NetworkPool {
  return {
    submit: (extrinsic) => pool.submit(extrinsic, "External"),
    has: (hash) => pool.get(hash) !== undefined,
    propagable: () => pool.pending(),
    onReadyTransaction: (listener) => pool.onReadyTransaction(listener),
    notifyBroadcast: (hash, peers) => pool.notifyBroadcast(hash, peers),
  };
}
