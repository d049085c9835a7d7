/**
 * GRANDPA's consensus digest items (engine `FRNK`): how the runtime tells the finality gadget about authority
 * set changes, pauses and resumes.
 *
 * A `ScheduledChange` in block B says: once B is finalized, the set after `B + delay` is `next_authorities`.
 * A `ForcedChange` (after `note_stalled`) applies at `B + delay` without waiting for finality, building on the
 * given median finalized block. Neither type is in the metadata; the layouts are `sp_consensus_grandpa`'s.
 */
import { engineId, type DigestItem } from "../../../primitives/digest.js";
import { equalBytes } from "../../../primitives/bytes.js";
import { enumeration, struct, u32, u64, type ValueOf } from "../../../primitives/schema.js";
import { AuthorityList } from "./types.js";

/** `GRANDPA_ENGINE_ID`: `b"FRNK"`. */
export const GRANDPA_ENGINE_ID = engineId("FRNK");

/** `sp_consensus_grandpa::ScheduledChange<N>`. */
export const ScheduledChange = struct(
  { path: "sp_consensus_grandpa::ScheduledChange", params: [{ name: "N", type: u32 }] },
  { next_authorities: [AuthorityList, "AuthorityList"], delay: [u32, "N"] },
);
export type ScheduledChange = ValueOf<typeof ScheduledChange>;

/** `sp_consensus_grandpa::ConsensusLog<N>` (variant indices start at 1). */
export const GrandpaConsensusLog = enumeration(
  { path: "sp_consensus_grandpa::ConsensusLog", params: [{ name: "N", type: u32 }] },
  {
    ScheduledChange: { index: 1, value: ScheduledChange },
    ForcedChange: { index: 2, tuple: [u32, ScheduledChange] },
    OnDisabled: { index: 3, value: u64 },
    Pause: { index: 4, value: u32 },
    Resume: { index: 5, value: u32 },
  },
);
export type GrandpaConsensusLog = ValueOf<typeof GrandpaConsensusLog>;

/** `Consensus(FRNK, log)`. */
export function grandpaDigest(log: GrandpaConsensusLog): DigestItem {
  return { tag: "Consensus", value: [GRANDPA_ENGINE_ID, GrandpaConsensusLog.enc(log)] };
}

/** The GRANDPA logs of a header's digest, in order; items that do not decode are skipped. */
export function grandpaLogs(logs: readonly DigestItem[]): GrandpaConsensusLog[] {
  const found: GrandpaConsensusLog[] = [];
  for (const item of logs) {
    if (item.tag !== "Consensus") continue;
    const [id, data] = item.value as [Uint8Array, Uint8Array];
    if (!equalBytes(id, GRANDPA_ENGINE_ID)) continue;
    try {
      found.push(GrandpaConsensusLog.dec(data));
    } catch {
      // As the client's `find_scheduled_change`: an item that does not decode is no change.
    }
  }
  return found;
}

/** The header's standard `ScheduledChange`, if it carries one (`find_scheduled_change`). */
export function findScheduledChange(logs: readonly DigestItem[]): ScheduledChange | undefined {
  const log = grandpaLogs(logs).find((l) => l.tag === "ScheduledChange");
  return log?.value as ScheduledChange | undefined;
}

/** The header's `ForcedChange` as `[median, change]`, if it carries one (`find_forced_change`). */
export function findForcedChange(logs: readonly DigestItem[]): [number, ScheduledChange] | undefined {
  const log = grandpaLogs(logs).find((l) => l.tag === "ForcedChange");
  return log?.value as [number, ScheduledChange] | undefined;
}
