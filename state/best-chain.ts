/**
 * Moving the best block: the `canon` entries (number → hash) and the `flat` index follow the best chain.
 *
 * Extending the best chain writes the new blocks' changes into `flat`. A reorg retracts blocks back to the
 * common ancestor and enacts the new branch: every key either side touched is rewritten with its value in
 * the new best state, and canon entries above the new best are removed.
 */
import type { BlockTree, LiveBlock } from "./block-tree.js";
import type { ChainLevels, DbBatch } from "./db-batch.js";
import { META, u32Key } from "./db-schema.js";
import { keyString } from "./storage.js";

export function moveBestOps(batch: DbBatch, levels: ChainLevels, tree: BlockTree, from: LiveBlock, to: LiveBlock): void {
  const { retracted, enacted } = tree.route(from, to);
  for (const b of enacted) batch.put(levels.canon, u32Key(b.number), b.hash);
  for (let n = to.number + 1; n <= from.number; n++) batch.del(levels.canon, u32Key(n));
  batch.put(levels.meta, META.best, to.hash);
  if (retracted.length === 0) {
    // Later puts of the same key win inside one LevelDB batch, so the diffs apply in block order.
    for (const b of enacted) {
      for (const [key, , value] of b.diff) value === null ? batch.del(levels.flat, key) : batch.put(levels.flat, key, value);
    }
    return;
  }
  const touched = new Map<string, Uint8Array>();
  for (const b of [...retracted, ...enacted]) for (const [key] of b.diff) touched.set(keyString(key), key);
  for (const key of touched.values()) {
    const value = to.trie.get(key);
    value === undefined ? batch.del(levels.flat, key) : batch.put(levels.flat, key, value);
  }
}
