/**
 * The GRANDPA authority set and its scheduled changes, as `sc-consensus-grandpa`'s `AuthoritySet`.
 *
 * The runtime announces a change with a `Consensus(FRNK, ConsensusLog::ScheduledChange { next_authorities,
 * delay })` digest item. The change is pending on the announcing block's fork; it takes effect at block
 * `announced + delay` of that fork and is applied when a block at or above that height on the fork is
 * finalized: the set id goes up by one and the new set votes from the finalized block on. Voters never vote
 * past a pending change's effective block (`currentLimit`), so that block is finalized, with a justification
 * of the old set, before the new set takes over. `setChanges` records, per ended set, its last block, which
 * `grandpa_proveFinality` uses to find the justification that closes a set.
 */
import { equalBytes, toHex } from "../../primitives/bytes.js";
import type { Header } from "../../primitives/header.js";
import type { BlockRef } from "./block-ref.js";
import { ConsensusLog, GRANDPA_ENGINE_ID, type AuthorityList, type ScheduledChange } from "./messages.js";

/** A change announced in block `canonHash` (number `canonHeight`), effective at `canonHeight + delay`. */
export interface PendingChange {
  nextAuthorities: AuthorityList;
  delay: number;
  canonHeight: number;
  canonHash: string;
}

/** Whether `block` is a strict descendant of `base`. */
export type IsDescendantOf = (base: string, block: string) => boolean;

/** The first `ScheduledChange` in a header's digest, as `find_scheduled_change`. */
export function findScheduledChange(header: Header): ScheduledChange | undefined {
  const log = findConsensusLog(header, (l) => l.tag === "ScheduledChange");
  return log?.tag === "ScheduledChange" ? log.value : undefined;
}

/** The first `ForcedChange` in a header's digest, as `find_forced_change` (TFChain's runtime never emits one). */
export function findForcedChange(header: Header): { median: number; change: ScheduledChange } | undefined {
  const log = findConsensusLog(header, (l) => l.tag === "ForcedChange");
  if (log?.tag !== "ForcedChange") return undefined;
  const [median, change] = log.value as [number, ScheduledChange];
  return { median, change };
}

function findConsensusLog(header: Header, accept: (l: ConsensusLog) => boolean): ConsensusLog | undefined {
  for (const item of header.digest.logs) {
    if (item.tag !== "Consensus") continue;
    const [engine, data] = item.value as [Uint8Array, Uint8Array];
    if (!equalBytes(engine, GRANDPA_ENGINE_ID)) continue;
    try {
      const log = ConsensusLog.dec(data);
      if (accept(log)) return log;
    } catch {
      // An item that is not a ConsensusLog is skipped, as `DigestItem::try_to` yields None for it.
    }
  }
  return undefined;
}

/** What finalizing a block did to the set. */
export interface SetStatus {
  changed: boolean;
  /** The finalized block at which a new set took over. */
  newSetBlock?: BlockRef;
}

export class AuthoritySet {
  constructor(
    public setId: bigint,
    public authorities: AuthorityList,
    public pending: PendingChange[] = [],
    /** `(set id, last block of that set)` for every set that ended, oldest first. */
    public setChanges: [bigint, number][] = [],
  ) {}

  /** Records a change announced by an imported block; a second change from the same block is ignored. */
  addPendingChange(change: PendingChange): boolean {
    if (this.pending.some((c) => c.canonHash === change.canonHash)) return false;
    if (!change.nextAuthorities.some(([, w]) => w > 0n)) return false;
    this.pending.push(change);
    this.pending.sort((a, b) => a.canonHeight - b.canonHeight);
    return true;
  }

  /** The earliest effective block number at or above `min` of a pending change, if any (`current_limit`). */
  currentLimit(min: number, isDescendantOf: IsDescendantOf): number | undefined {
    let limit: number | undefined;
    for (const c of this.roots(isDescendantOf)) {
      const effective = c.canonHeight + c.delay;
      if (effective >= min && (limit === undefined || effective < limit)) limit = effective;
    }
    return limit;
  }

  /**
   * Applies the pending change the finalization of `finalized` enacts, if any, and drops the changes of forks
   * that finalization discarded (`apply_standard_changes`).
   */
  applyStandardChanges(finalized: BlockRef, isDescendantOf: IsDescendantOf): SetStatus {
    const onChain = (c: PendingChange) => c.canonHash === finalized.hash || isDescendantOf(c.canonHash, finalized.hash);
    const applied = this.roots(isDescendantOf).find((c) => c.canonHeight + c.delay <= finalized.number && onChain(c));
    const before = this.pending.length;
    this.pending = this.pending.filter(
      (c) => c !== applied && ((c.canonHeight > finalized.number && isDescendantOf(finalized.hash, c.canonHash)) || onChain(c)),
    );
    if (!applied) return { changed: this.pending.length !== before };
    this.setChanges.push([this.setId, finalized.number]);
    this.authorities = applied.nextAuthorities;
    this.setId += 1n;
    return { changed: true, newSetBlock: finalized };
  }

  /** `AuthoritySetChanges::get_set_id`: the set a finalized block belongs to. */
  setOfBlock(number: number): { kind: "latest" } | { kind: "set"; setId: bigint; lastBlock: number } | { kind: "unknown" } {
    const last = this.setChanges[this.setChanges.length - 1];
    if (last && last[1] < number) return { kind: "latest" };
    const idx = this.setChanges.findIndex(([, n]) => n >= number);
    if (idx < 0) return { kind: "unknown" };
    const [setId, lastBlock] = this.setChanges[idx]!;
    if (idx === 0 && setId !== 0n) return { kind: "unknown" };
    return { kind: "set", setId, lastBlock };
  }

  toJSON(): AuthoritySetJson {
    return {
      setId: this.setId.toString(),
      authorities: this.authorities.map(([id, w]) => [toHex(id), w.toString()]),
      pending: this.pending.map((c) => ({ ...c, nextAuthorities: c.nextAuthorities.map(([id, w]) => [toHex(id), w.toString()]) })),
      setChanges: this.setChanges.map(([s, n]) => [s.toString(), n]),
    };
  }

  static fromJSON(json: AuthoritySetJson): AuthoritySet {
    const list = (l: [string, string][]): AuthorityList => l.map(([id, w]) => [new Uint8Array(Buffer.from(id.slice(2), "hex")), BigInt(w)]);
    return new AuthoritySet(
      BigInt(json.setId),
      list(json.authorities),
      json.pending.map((c) => ({ ...c, nextAuthorities: list(c.nextAuthorities) })),
      json.setChanges.map(([s, n]) => [BigInt(s), n]),
    );
  }

  // The changes not announced on top of another pending change: the fork tree's roots.
  private roots(isDescendantOf: IsDescendantOf): PendingChange[] {
    return this.pending.filter((c) => !this.pending.some((o) => o !== c && isDescendantOf(o.canonHash, c.canonHash)));
  }
}

export interface AuthoritySetJson {
  setId: string;
  authorities: [string, string][];
  pending: (Omit<PendingChange, "nextAuthorities"> & { nextAuthorities: [string, string][] })[];
  setChanges: [string, number][];
}
