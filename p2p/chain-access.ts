/**
 * What the network needs of the chain and the pool, as plain interfaces: `consensus/` decides whether a
 * block or a transaction is good, the network only moves bytes and scores who sent them.
 */
import type { Header } from "../primitives/header.js";

export interface BlockRef {
  hash: Uint8Array;
  number: number;
}

export interface NetworkChain {
  readonly genesisHash: Uint8Array;
  best(): BlockRef;
  finalized(): BlockRef;
  /** Raw SCALE header, body (`Vec<OpaqueExtrinsic>`) and `Justifications` as stored. */
  rawHeader(hash: Uint8Array): Promise<Uint8Array | undefined>;
  rawBody(hash: Uint8Array): Promise<Uint8Array | undefined>;
  justifications(hash: Uint8Array): Promise<Uint8Array | undefined>;
  hashAt(number: number): Promise<Uint8Array | undefined>;
  /** Imports a block received from a peer; throws when it is refused (an `ImportError`). */
  importBlock(block: { header: Header; extrinsics: Uint8Array[] }, justification?: Uint8Array): Promise<{ status: "imported" | "known" }>;
  /** Is the refusal the block's fault (invalid), rather than ours (database closed)? */
  isBadBlock(error: unknown): boolean;
  /** Is the refusal "its parent is unknown"? */
  isUnknownParent(error: unknown): boolean;
  onImported(listener: (block: { hash: Uint8Array; number: number; header: Header; origin: string; isBest: boolean }) => void): () => void;
  onFinalized(listener: (block: { hash: Uint8Array; header: Header }) => void): () => void;
}

export interface NetworkPool {
  /** Submits a transaction a peer sent; resolves to its hash, rejects when it is invalid. */
  submit(extrinsic: Uint8Array): Promise<Uint8Array>;
  /** Is the transaction (by hash) in the pool? */
  has(hash: Uint8Array): boolean;
  /** Every transaction to propagate, best first. */
  propagable(): Uint8Array[];
  onReadyTransaction(listener: (tx: { hash: Uint8Array; encoded: Uint8Array; propagate: boolean }) => void): () => void;
  notifyBroadcast(hash: Uint8Array, peers: string[]): void;
}
