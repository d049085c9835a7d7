/**
 * What the GRANDPA voter needs from the node: chain access, a transport, keys, the genesis authority set,
 * storage for its own state, timers. The transport is the p2p layer's: the voter hands it messages to
 * broadcast or send to one peer, is handed decoded incoming messages with the sender's peer id, and reports
 * misbehaving peers with Substrate's reputation costs.
 */
import type { Header } from "../../primitives/header.js";
import type { ConsensusLogger } from "../log.js";
import type { GossipMessage } from "./gossip.js";
import type { AuthorityList } from "./messages.js";
import type { GrandpaSigner } from "./signing.js";
import { defaultVotingRules, type VotingRuleOptions } from "./voting-rules.js";

/** A peer as the transport names it (a libp2p peer id string). */
export type PeerId = string;

/** A block as the chain reports it. */
export interface ChainBlock {
  hash: Uint8Array;
  number: number;
}

/** The chain, as `consensus/chain.ts`'s `Chain` offers it. */
export interface GrandpaChain {
  best(): ChainBlock;
  finalized(): ChainBlock;
  header(hash: Uint8Array): Promise<Header | undefined>;
  hashAt(number: number): Promise<Uint8Array | undefined>;
  /** The stored SCALE `Justifications` of a block. */
  justifications(hash: Uint8Array): Promise<Uint8Array | undefined>;
  /** Finalizes `hash` and its ancestors, storing SCALE `Justifications` with it when given. */
  finalize(hash: Uint8Array, justifications?: Uint8Array): Promise<void>;
  onImported(listener: (block: { hash: Uint8Array; number: number; header: Header }) => void): () => void;
  onFinalized(listener: (block: { hash: Uint8Array; header: Header }) => void): () => void;
}

/** A change of a peer's reputation, as Substrate's `ReputationChange`. */
export interface ReputationChange {
  value: number;
  reason: string;
}

/**
 * Reputation changes the voter reports. The first two are sc-network-sync's and apply to invalid data; the
 * others are sc-consensus-grandpa's gossip costs for messages that are merely out of place.
 */
export const REPUTATION = {
  /** A commit, catch-up or justification that does not prove what it claims. */
  BAD_JUSTIFICATION: { value: -(1 << 16), reason: "Bad justification" },
  /** A vote with a bad signature or from outside the set, an equivocation, a malformed message. */
  BAD_MESSAGE: { value: -(1 << 12), reason: "Bad message" },
  PAST_REJECTION: { value: -50, reason: "Grandpa: Past message" },
  FUTURE_MESSAGE: { value: -500, reason: "Grandpa: Future message" },
  OUT_OF_SCOPE_MESSAGE: { value: -500, reason: "Grandpa: Out-of-scope message" },
  INVALID_VIEW_CHANGE: { value: -500, reason: "Grandpa: Invalid view change" },
  CATCH_UP_REQUEST_TIMEOUT: { value: -200, reason: "Grandpa: Catch-up request timeout" },
} as const satisfies Record<string, ReputationChange>;

/** The transport. */
export interface GrandpaNetwork {
  /** Sends to every connected peer (votes, commits, neighbor packets). */
  broadcast(message: GossipMessage): void;
  /** Sends to one peer (catch-up requests and answers). */
  sendTo(peer: PeerId, message: GossipMessage): void;
  report(peer: PeerId, change: ReputationChange): void;
}

/** The authority set to start from when the voter has no state of its own (a new chain, or a new node). */
export interface AuthoritySetProvider {
  /** The set in force after block `at` (the finalized block at start). */
  authorities(at: ChainBlock): Promise<{ setId: bigint; authorities: AuthorityList }>;
}

/** Key-value storage for the voter's own state (Substrate's aux storage). */
export interface GrandpaStore {
  get(key: string): Promise<Uint8Array | undefined>;
  put(key: string, value: Uint8Array): Promise<void>;
}

export interface Timers {
  setTimeout(f: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (f, ms) => setTimeout(f, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

export interface GrandpaDeps {
  chain: GrandpaChain;
  network: GrandpaNetwork;
  /** The node's ed25519 `gran` keys; the one in the current set votes. Read at every set change. */
  keys: () => readonly GrandpaSigner[];
  authorities: AuthoritySetProvider;
  store?: GrandpaStore;
  timers?: Timers;
  /** In [0, 1): spreads commit broadcasts, as Substrate's random commit timer. */
  random?: () => number;
  log?: ConsensusLogger;
}

export interface GrandpaOptions {
  /** Substrate's `gossip_duration` (TFChain: 333 ms): prevote after 2, precommit after 4, rebroadcast every 1. */
  gossipDurationMs: number;
  /** Store a justification at least every this many blocks (TFChain: 512). */
  justificationPeriod: number;
  votingRules: VotingRuleOptions;
  /** Ask a peer for a catch-up when it is more than this many rounds ahead. */
  catchUpThreshold: number;
  /** How long a catch-up request may go unanswered, ms. */
  catchUpRequestTimeoutMs: number;
  /** Send a neighbor packet every this many gossip periods (and on every round or set change). */
  neighborEveryGossips: number;
  /** How long a message naming an unknown block waits for its import, ms. */
  blockWaitMs: number;
  /** Messages waiting for blocks at once; more are dropped. */
  maxWaitingMessages: number;
}

export const defaultGrandpaOptions: GrandpaOptions = {
  gossipDurationMs: 333,
  justificationPeriod: 512,
  votingRules: defaultVotingRules,
  catchUpThreshold: 2,
  catchUpRequestTimeoutMs: 45_000,
  neighborEveryGossips: 6,
  blockWaitMs: 30_000,
  maxWaitingMessages: 4096,
};

/** What `onMessage` tells the transport: relay it, drop it quietly, or drop it as invalid (cost reported). */
export type Verdict = "accept" | "ignore" | "reject";
