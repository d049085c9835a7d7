/**
 * A set of GRANDPA voters and their weights, as `finality_grandpa::VoterSet`.
 *
 * Voters are ordered by public key; a voter's position in that order numbers it in vote bit masks and picks
 * the primary of round r (voter `r mod n`). Zero weights are dropped and repeated keys add up. The threshold
 * for a supermajority is `total − ⌊(total − 1) / 3⌋`: with four voters of weight 1 it is 3, with three it is 3.
 */
import { compareBytes, toHex } from "../../primitives/bytes.js";
import type { AuthorityList } from "./messages.js";

/** One voter: its key, its hex form (map key) and its weight. */
export interface Voter {
  readonly id: Uint8Array;
  readonly hex: string;
  readonly weight: bigint;
}

const U64_MAX = (1n << 64n) - 1n;

export class VoterSet {
  readonly total: bigint;
  readonly threshold: bigint;
  private readonly positions: Map<string, number>;

  private constructor(readonly voters: readonly Voter[]) {
    this.total = voters.reduce((sum, v) => sum + v.weight, 0n);
    this.threshold = this.total - (this.total - 1n) / 3n;
    this.positions = new Map(voters.map((v, i) => [v.hex, i]));
  }

  /** The set of an authority list; `undefined` if no weight is positive or the total overflows `u64`. */
  static fromAuthorities(authorities: AuthorityList): VoterSet | undefined {
    const byId = new Map<string, { id: Uint8Array; weight: bigint }>();
    let total = 0n;
    for (const [id, weight] of authorities) {
      if (weight <= 0n) continue;
      total += weight;
      const hex = toHex(id);
      const entry = byId.get(hex);
      if (entry) entry.weight += weight;
      else byId.set(hex, { id, weight });
    }
    if (byId.size === 0 || total > U64_MAX) return undefined;
    const voters = [...byId.entries()]
      .map(([hex, v]) => ({ id: v.id, hex, weight: v.weight }))
      .sort((a, b) => compareBytes(a.id, b.id));
    return new VoterSet(voters);
  }

  get size(): number {
    return this.voters.length;
  }

  /** The position of a voter by hex key, or `undefined` for a key outside the set. */
  position(hex: string): number | undefined {
    return this.positions.get(hex);
  }

  contains(hex: string): boolean {
    return this.positions.has(hex);
  }

  /** The primary of a round: voter `round mod n`. */
  primary(round: bigint): Voter {
    return this.voters[Number(round % BigInt(this.voters.length))]!;
  }

  /** The total weight of the voters whose bits are set in `mask`. */
  weightOf(mask: bigint): bigint {
    let sum = 0n;
    for (let i = 0; mask !== 0n; i++, mask >>= 1n) if (mask & 1n) sum += this.voters[i]?.weight ?? 0n;
    return sum;
  }

  /** The authority list of this set, in voter order. */
  authorities(): AuthorityList {
    return this.voters.map((v) => [v.id, v.weight]);
  }
}
