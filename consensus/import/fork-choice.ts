/**
 * Fork choice: the longest chain that contains the finalized block.
 *
 * Every block the pipeline accepts descends from the finalized block (stage 2), so "longest" is all that
 * is left to decide: a block becomes best when it is higher than the best block; on a tie the block seen
 * first stays best, as Substrate's `LongestChain` does.
 */
import { equalBytes } from "../../primitives/bytes.js";
import type { BlockRef, ChainDb } from "../../state/chain-db.js";

export function isNewBest(number: number, best: BlockRef): boolean {
  return number > best.number;
}

/** Blocks left and entered when best moves from `from` to `to` (retracted newest first, enacted oldest first). */
export interface TreeRoute {
  retracted: Uint8Array[];
  enacted: Uint8Array[];
}

/** The route between two stored blocks, walking parent links back to their common ancestor. */
export async function treeRoute(db: ChainDb, from: BlockRef, to: BlockRef): Promise<TreeRoute> {
  const retracted: Uint8Array[] = [];
  const enacted: Uint8Array[] = [];
  let a = { ...from };
  let b = { ...to };
  const step = async (ref: BlockRef): Promise<BlockRef> => {
    const info = await db.blockInfo(ref.hash);
    if (!info) throw new Error(`tree route: block ${Buffer.from(ref.hash).toString("hex")} is not stored`);
    return { hash: info.parentHash, number: ref.number - 1 };
  };
  while (a.number > b.number) retracted.push(a.hash), (a = await step(a));
  while (b.number > a.number) enacted.push(b.hash), (b = await step(b));
  while (!equalBytes(a.hash, b.hash)) {
    retracted.push(a.hash), (a = await step(a));
    enacted.push(b.hash), (b = await step(b));
  }
  return { retracted, enacted: enacted.reverse() };
}
