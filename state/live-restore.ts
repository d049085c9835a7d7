/**
 * Reopening a chain database: rebuilding the live block tree from disk.
 *
 * The best state's trie is rebuilt from the `flat` index and checked against the best block's state root.
 * The non-finalized blocks are those with a `flat-diffs` journal: the best chain is rewound to the finalized
 * block with the diffs' old values, then the other forks are replayed forward with their new values, each
 * state root checked on the way.
 */
import { BlockTree, type LiveBlock } from "./block-tree.js";
import { equalBytes, toHex } from "../primitives/bytes.js";
import type { ChainLevels } from "./db-batch.js";
import { DbError } from "./db-error.js";
import {
  corrupt, decodeBlockRecord, plain, decodeFlatDiff, decodeHashList, type BlockRecord, type FlatChange,
} from "./db-schema.js";
import { redoChanges, undoChanges } from "./state-db.js";
import { PersistentTrie } from "./trie/index.js";

interface Journaled {
  hash: Uint8Array;
  record: BlockRecord;
  diff: FlatChange[];
  inserted: Uint8Array[];
}

export async function restoreLiveTree(
  levels: ChainLevels,
  finalizedHash: Uint8Array,
  bestHash: Uint8Array,
  archive: boolean,
): Promise<{ tree: BlockTree; best: LiveBlock }> {
  const journal = await readJournal(levels, archive);
  const finalizedRecord = await readRecord(levels, finalizedHash);
  const bestRecord = await readRecord(levels, bestHash);

  const flat: [Uint8Array, Uint8Array][] = [];
  for await (const [k, v] of levels.flat.iterator()) flat.push([plain(k), plain(v)]);
  // PERF: hashes the whole best state once at startup.
  const bestTrie = PersistentTrie.fromEntries(flat);
  checkRoot(bestTrie, bestRecord, bestHash, "the flat index");

  // Best chain, newest first, down to (excluding) the finalized block.
  const chain: Journaled[] = [];
  for (let hex = toHex(bestHash); hex !== toHex(finalizedHash); ) {
    const j = journal.get(hex);
    if (j === undefined) corrupt("flat-diffs", `no journal for non-finalized best-chain block ${hex}`);
    if (j.record.number <= finalizedRecord.number) corrupt("blocks", `best chain does not reach the finalized block`);
    chain.push(j);
    hex = toHex(j.record.parentHash);
  }
  const tries = new Map<string, PersistentTrie>();
  let trie = bestTrie;
  for (const [i, j] of chain.entries()) {
    tries.set(toHex(j.hash), trie);
    trie = trie.update(undoChanges(j.diff));
    const parent = chain[i + 1];
    if (parent) checkRoot(trie, parent.record, parent.hash, "the rewound best chain");
  }
  const finalizedTrie = trie;
  checkRoot(finalizedTrie, finalizedRecord, finalizedHash, "the rewound best chain");

  const root = liveBlock(finalizedHash, finalizedRecord, undefined, finalizedTrie, [], []);
  const tree = new BlockTree(root);
  const pending = [...journal.values()].sort((a, b) => a.record.number - b.record.number);
  for (const j of pending) {
    const parent = tree.get(toHex(j.record.parentHash));
    if (parent === undefined) corrupt("flat-diffs", `journal of ${toHex(j.hash)} has no live parent`);
    let t = tries.get(toHex(j.hash));
    if (t === undefined) {
      t = parent.trie.update(redoChanges(j.diff));
      checkRoot(t, j.record, j.hash, "its parent state and flat diff");
    }
    tree.add(liveBlock(j.hash, j.record, parent, t, j.diff, j.inserted));
  }
  return { tree, best: tree.get(toHex(bestHash))! };
}

async function readJournal(levels: ChainLevels, archive: boolean): Promise<Map<string, Journaled>> {
  const out = new Map<string, Journaled>();
  for await (const [hash, bytes] of levels["flat-diffs"].iterator()) {
    const hex = toHex(hash);
    const record = await readRecord(levels, hash);
    const inserted = archive ? undefined : await levels.inserted.get(hash);
    if (!archive && inserted === undefined) corrupt("inserted", `no inserted-node list for ${hex}`);
    out.set(hex, {
      hash: plain(hash),
      record,
      diff: decodeFlatDiff(bytes, `flat diff of ${hex}`),
      inserted: inserted === undefined ? [] : decodeHashList(inserted, `inserted nodes of ${hex}`),
    });
  }
  return out;
}

export async function readRecord(levels: ChainLevels, hash: Uint8Array): Promise<BlockRecord> {
  const bytes = await levels.blocks.get(hash);
  if (bytes === undefined) corrupt("blocks", `no record for ${toHex(hash)}`);
  return decodeBlockRecord(bytes, `block record of ${toHex(hash)}`);
}

export function liveBlock(
  hash: Uint8Array,
  record: BlockRecord,
  parent: LiveBlock | undefined,
  trie: PersistentTrie,
  diff: readonly FlatChange[],
  inserted: readonly Uint8Array[],
): LiveBlock {
  return {
    hash, hex: toHex(hash), number: record.number, stateRoot: record.stateRoot,
    parent, children: new Set(), trie, diff, inserted,
  };
}

function checkRoot(trie: PersistentTrie, record: BlockRecord, hash: Uint8Array, source: string): void {
  const got = trie.root();
  if (!equalBytes(got, record.stateRoot)) {
    throw new DbError({
      code: "CORRUPT",
      what: `state of ${toHex(hash)}`,
      detail: `${source} gives root ${toHex(got)}, the block says ${toHex(record.stateRoot)}`,
    });
  }
}
