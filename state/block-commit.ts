/**
 * The batch that commits one block: header, body, justification, block record and child link; for a
 * non-genesis block its journals (flat diff, inserted nodes, death row) and trie-node refcounts; for genesis
 * the whole flat index, the canon entry and the chain's meta entries.
 */
import type { ChainLevels } from "./db-batch.js";
import { concat, equalBytes, toHex } from "../primitives/bytes.js";
import { DbBatch } from "./db-batch.js";
import { DbError } from "./db-error.js";
import {
  encodeBlockRecord, encodeFlatDiff, encodeHashList, HASH_LENGTH, META, SCHEMA_VERSION, u32Key,
} from "./db-schema.js";
import { encodePruningMode, type PruningMode } from "./pruning.js";
import type { PendingState } from "./state-db.js";

export interface BlockToCommit {
  hash: Uint8Array;
  parentHash: Uint8Array;
  number: number;
  /** SCALE header and body (`Vec<extrinsic>`), stored as given. */
  header: Uint8Array;
  body: Uint8Array;
  justification?: Uint8Array;
  stateRoot: Uint8Array;
  pending: PendingState;
  /** Whether the block becomes the best block; by default when it is higher than the current best. */
  best?: boolean;
}

/** Checks the block against its pending state: hash sizes, state root, parent. */
export function checkBlock(block: BlockToCommit): void {
  for (const field of ["hash", "parentHash", "stateRoot"] as const) {
    if (block[field].length !== HASH_LENGTH) throw new RangeError(`commitBlock: ${field} must be 32 bytes`);
  }
  const hash = toHex(block.hash);
  if (!equalBytes(block.pending.stateRoot, block.stateRoot)) {
    throw new DbError({ code: "STATE_ROOT_MISMATCH", hash, expected: toHex(block.stateRoot), got: toHex(block.pending.stateRoot) });
  }
  const pendingParent = block.pending.parentHash;
  if (pendingParent === null ? block.number !== 0 : !equalBytes(pendingParent, block.parentHash)) {
    throw new DbError({
      code: "PENDING_MISMATCH", hash, gotParent: toHex(block.parentHash),
      expectedParent: pendingParent === null ? "genesis (no parent)" : toHex(pendingParent),
    });
  }
}

export function genesisOps(levels: ChainLevels, block: BlockToCommit, pruning: PruningMode): DbBatch {
  const batch = blockOps(levels, block);
  batch.put(levels.canon, u32Key(0), block.hash);
  for (const [key, , value] of block.pending.diff) batch.put(levels.flat, key, value!);
  for (const [h, encoding] of block.pending.inserted) batch.retainNode(h, encoding);
  batch.put(levels.meta, META.schema, u32Key(SCHEMA_VERSION));
  batch.put(levels.meta, META.pruning, encodePruningMode(pruning));
  batch.put(levels.meta, META.genesis, block.hash);
  batch.put(levels.meta, META.best, block.hash);
  batch.put(levels.meta, META.finalized, block.hash);
  batch.put(levels.meta, META.base, u32Key(0));
  return batch;
}

/** A non-genesis block, not yet best: the caller adds the best-chain move if it becomes best. */
export function childBlockOps(levels: ChainLevels, block: BlockToCommit, pruning: PruningMode): DbBatch {
  const { pending } = block;
  const batch = blockOps(levels, block);
  batch.put(levels["flat-diffs"], block.hash, encodeFlatDiff(pending.diff));
  if (pruning !== "archive") {
    batch.put(levels.inserted, block.hash, encodeHashList(pending.inserted.map(([h]) => h)));
    batch.put(levels["death-row"], block.hash, encodeHashList(pending.removed));
  }
  for (const [h, encoding] of pending.inserted) batch.retainNode(h, encoding);
  return batch;
}

function blockOps(levels: ChainLevels, block: BlockToCommit): DbBatch {
  const batch = new DbBatch();
  batch.put(levels.headers, block.hash, block.header);
  batch.put(levels.bodies, block.hash, block.body);
  if (block.justification !== undefined) batch.put(levels.justifications, block.hash, block.justification);
  batch.put(levels.blocks, block.hash, encodeBlockRecord(block));
  batch.put(levels.children, concat(block.parentHash, block.hash), new Uint8Array(0));
  return batch;
}
