/**
 * What a voter prevotes for: `best_chain_containing` with Substrate's default voting rules.
 *
 * The candidate is the best block if the given block (last round's estimate, or the primary's proposal) is on
 * the best chain; a voter that cannot find it does not vote in the round. The candidate is cut back to the
 * effective block of a pending authority-set change, then restricted by the voting rules of
 * `VotingRulesBuilder::default()`, which TFChain's node uses:
 * - `BeforeBestBlockBy(2)`: no higher than two blocks below the best block;
 * - `ThreeQuartersOfTheUnfinalizedChain`: no higher than ¾ of the way from the given block to the best block.
 * A restriction below the given block is ignored.
 */
import type { BlockRef } from "./block-ref.js";
import type { BlockIndex } from "./block-index.js";

export interface VotingRuleOptions {
  /** `BeforeBestBlockBy(n)`; 0 disables it. */
  beforeBestBy: number;
  /** `ThreeQuartersOfTheUnfinalizedChain`. */
  threeQuartersOfUnfinalized: boolean;
}

export const defaultVotingRules: VotingRuleOptions = { beforeBestBy: 2, threeQuartersOfUnfinalized: true };

type Rule = (base: BlockRef, best: BlockRef, current: BlockRef) => number | undefined;

function rules(opts: VotingRuleOptions): Rule[] {
  const out: Rule[] = [];
  if (opts.beforeBestBy > 0) {
    out.push((_base, best, current) => {
      const target = Math.max(0, best.number - opts.beforeBestBy);
      return target >= current.number ? undefined : target;
    });
  }
  if (opts.threeQuartersOfUnfinalized) {
    out.push((base, best, current) => {
      const target = base.number + Math.floor(((best.number - base.number) * 3 + 2) / 4);
      return target >= current.number ? undefined : target;
    });
  }
  return out;
}

/**
 * The block to prevote for on top of `base`, or `undefined` when `base` is not on the best chain (then the
 * voter sits the round out, as Substrate's does).
 */
export function bestChainContaining(
  index: BlockIndex,
  base: BlockRef,
  best: BlockRef,
  limit: number | undefined,
  opts: VotingRuleOptions,
): BlockRef | undefined {
  if (best.hash !== base.hash && !index.isDescendantOf(base.hash, best.hash)) return undefined;
  let target = best;
  if (limit !== undefined && limit < target.number) {
    const limited = index.ancestorAt(target, limit);
    if (!limited) return undefined;
    target = limited;
  }
  let restricted = target;
  for (const rule of rules(opts)) {
    const n = rule(base, best, restricted);
    if (n === undefined || n < base.number) continue;
    restricted = index.ancestorAt(restricted, n) ?? restricted;
  }
  return restricted.number >= base.number && restricted.number < target.number ? restricted : target;
}
