/**
 * What the RPC layer needs from the node, as interfaces: the node's service wiring provides them.
 *
 * RPC methods read the chain, call the runtime, submit to the pool and follow new blocks only through
 * these; they never import consensus or txpool implementations.
 */
import type { ChainSpec } from "../genesis/chain-spec.js";
import type { Header } from "../primitives/header.js";
import type { RuntimeApi } from "../runtime/runtime-api.js";
import type { StorageReader } from "../state/storage.js";

export interface BlockRef {
  hash: Uint8Array;
  number: number;
}

/** A block the node has imported, as RPC notifications describe it. */
export interface ImportedBlock {
  hash: Uint8Array;
  header: Header;
  /** Whether it became the new best block. */
  isBest: boolean;
}

/** The chain as stored and followed by this node. */
export interface ChainService {
  readonly spec: ChainSpec;
  readonly genesisHash: Uint8Array;
  readonly runtimeApi: RuntimeApi;
  best(): BlockRef;
  finalized(): BlockRef;
  header(hash: Uint8Array): Promise<Header | undefined>;
  /** The block's extrinsics, each in its full encoding (length prefix included). */
  body(hash: Uint8Array): Promise<Uint8Array[] | undefined>;
  /** SCALE `Justifications` (`Vec<(ConsensusEngineId, Vec<u8>)>`) when the block has any. */
  justifications(hash: Uint8Array): Promise<Uint8Array | undefined>;
  /** The canonical block at `number`. */
  hashAt(number: number): Promise<Uint8Array | undefined>;
  /**
   * The state after block `hash` (loaded if needed). Throws a typed error whose message is Substrate's
   * ("State already discarded for 0x…") when pruned, or says the block is unknown.
   */
  stateAt(hash: Uint8Array): Promise<StorageReader>;
  keysPaged(hash: Uint8Array, prefix: Uint8Array, count: number, startKey?: Uint8Array): Promise<Uint8Array[]>;
  readProof(hash: Uint8Array, keys: Uint8Array[]): Promise<Uint8Array[]>;
  /** Called for every imported block, best or not, after it is committed. Returns an unsubscribe. */
  onImported(listener: (block: ImportedBlock) => void): () => void;
  /** Called when the finalized block moves (once per newly finalized block, in order). */
  onFinalized(listener: (block: ImportedBlock) => void): () => void;
}

/** The status sequence of a watched extrinsic, as `author_extrinsicUpdate` sends it. */
export type TransactionStatus =
  | { tag: "future" }
  | { tag: "ready" }
  | { tag: "broadcast"; peers: string[] }
  | { tag: "inBlock"; block: Uint8Array }
  | { tag: "retracted"; block: Uint8Array }
  | { tag: "finalityTimeout"; block: Uint8Array }
  | { tag: "finalized"; block: Uint8Array }
  | { tag: "usurped"; by: Uint8Array }
  | { tag: "dropped" }
  | { tag: "invalid" };

/** A refusal by the pool, with Substrate's RPC code, message and data (`client-rpc-surface.md` §3). */
export interface PoolRejection {
  code: number;
  message: string;
  data?: string;
}

export interface TxPoolService {
  /** Validates and queues an extrinsic (full encoding); resolves to its hash or rejects with a `PoolRejection`. */
  submit(extrinsic: Uint8Array): Promise<Uint8Array>;
  /**
   * Like `submit`, and reports every later status; the watch ends by itself after a final status
   * (`finalized`, `usurped`, `dropped`, `invalid`, `finalityTimeout`).
   */
  submitAndWatch(extrinsic: Uint8Array, listener: (status: TransactionStatus) => void): Promise<{ hash: Uint8Array; unwatch(): void }>;
  /** The ready extrinsics, full encodings (what Substrate's `author_pendingExtrinsics` lists). */
  pending(): Uint8Array[];
  /** Removes extrinsics by hash; returns the hashes removed. */
  remove(hashes: Uint8Array[]): Uint8Array[];
  /** The next nonce of `account`: on-chain nonce at best, past the account's ready transactions. */
  nextNonce(account: Uint8Array): number;
}

export interface NetworkService {
  peers(): { peerId: string; roles: string; bestHash: Uint8Array; bestNumber: number }[];
  localPeerId(): string;
  listenAddresses(): string[];
  isSyncing(): boolean;
  /** Highest block a peer announced (for `system_syncState`), or undefined. */
  highestBlock(): number | undefined;
  /** The block number sync started from. */
  startingBlock(): number;
  /** Reserved peers (`system_reservedPeers` and friends); absent without networking. */
  reservedPeers?(): string[];
  /** Adds a reserved peer by multiaddr with `/p2p/<id>`; throws on a malformed address. */
  addReservedPeer?(addr: string): Promise<void>;
  removeReservedPeer?(peerId: string): Promise<void>;
}

export interface FinalityService {
  /** `grandpa_roundState`'s JSON, or undefined before the voter has a round. */
  roundState(): unknown;
  /** SCALE `FinalityProof` of block `number`, or undefined when none can be given. */
  proveFinality(number: number): Promise<Uint8Array | undefined>;
  /** SCALE `GrandpaJustification`s as they are made or imported. */
  onJustification(listener: (justification: Uint8Array) => void): () => void;
}

export interface KeystoreService {
  hasKey(publicKey: Uint8Array, keyType: string): boolean;
  insertKey(keyType: string, suri: string, publicKey: Uint8Array): void;
  /** New session keys (aura sr25519 ‖ grandpa ed25519), stored; returns their SCALE concatenation. */
  rotateKeys(): Uint8Array;
}

/** Block production on request (`engine_createBlock`, manual sealing). */
export interface SealingService {
  readonly mode: "aura" | "instant" | "manual";
  /** Authors a block now; `finalize` finalizes it at once. Resolves to its hash. */
  createBlock(opts: { createEmpty: boolean; finalize: boolean; parentHash?: Uint8Array }): Promise<{ hash: Uint8Array }>;
  /** Finalizes `hash` (`engine_finalizeBlock`). */
  finalizeBlock(hash: Uint8Array): Promise<void>;
}

export interface NodeIdentity {
  name: string;
  /** `system_version`, e.g. `0.1.0-<commit>`. */
  version: string;
  roles: ("Full" | "Authority" | "LightClient")[];
}

/** Everything RPC methods may use. */
export interface NodeServices {
  identity: NodeIdentity;
  chain: ChainService;
  pool: TxPoolService;
  network: NetworkService;
  /** GRANDPA's view (`grandpa_*`); absent on nodes that finalize without it (instant or manual sealing). */
  finality?: FinalityService;
  keystore: KeystoreService;
  sealing?: SealingService;
}
