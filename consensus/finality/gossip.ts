/**
 * The GRANDPA gossip protocol's messages, as `sc-consensus-grandpa`'s `GossipMessage` encodes them.
 *
 * Votes and commits are localized by round and set id and relayed to every peer; a neighbor packet tells the
 * peers our round, set and the height of the last commit we saw, and is never relayed; a catch-up request
 * asks a peer that is rounds ahead for the votes of its last completed round, which it answers with a
 * catch-up message to the asker only.
 */
import { enumeration, struct, u32, u64, type ValueOf } from "../../primitives/schema.js";
import { CatchUp, CompactCommit, SignedMessage } from "./messages.js";

const path = (name: string) => `sc_consensus_grandpa::communication::gossip::${name}`;

/** `VoteMessage`: a signed prevote, precommit or primary proposal of `round` in `set_id`. */
export const VoteMessage = struct({ path: path("VoteMessage") }, { round: u64, set_id: u64, message: SignedMessage });
export type VoteMessage = ValueOf<typeof VoteMessage>;

/** `FullCommitMessage`: a compact commit of `round` in `set_id`. */
export const FullCommitMessage = struct({ path: path("FullCommitMessage") }, { round: u64, set_id: u64, message: CompactCommit });
export type FullCommitMessage = ValueOf<typeof FullCommitMessage>;

/** `NeighborPacket<u32>`. */
export const NeighborPacket = struct({ path: path("NeighborPacket") }, { round: u64, set_id: u64, commit_finalized_height: u32 });
export type NeighborPacket = ValueOf<typeof NeighborPacket>;

/** `VersionedNeighborPacket<u32>`: only `V1`, at index 1. */
export const VersionedNeighborPacket = enumeration({ path: path("VersionedNeighborPacket") }, { V1: { index: 1, value: NeighborPacket } });

/** `CatchUpRequestMessage`. */
export const CatchUpRequestMessage = struct({ path: path("CatchUpRequestMessage") }, { round: u64, set_id: u64 });
export type CatchUpRequestMessage = ValueOf<typeof CatchUpRequestMessage>;

/** `FullCatchUpMessage`. */
export const FullCatchUpMessage = struct({ path: path("FullCatchUpMessage") }, { set_id: u64, message: CatchUp });
export type FullCatchUpMessage = ValueOf<typeof FullCatchUpMessage>;

/** `GossipMessage`: Vote 0, Commit 1, Neighbor 2, CatchUpRequest 3, CatchUp 4. */
export const GossipMessage = enumeration(
  { path: path("GossipMessage") },
  {
    Vote: { value: VoteMessage },
    Commit: { value: FullCommitMessage },
    Neighbor: { value: VersionedNeighborPacket },
    CatchUpRequest: { value: CatchUpRequestMessage },
    CatchUp: { value: FullCatchUpMessage },
  },
);
export type GossipMessage = ValueOf<typeof GossipMessage>;

/** A neighbor packet as a gossip message. */
export function neighborMessage(packet: NeighborPacket): GossipMessage {
  return { tag: "Neighbor", value: { tag: "V1", value: packet } };
}
