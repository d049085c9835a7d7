/**
 * Chain database: committing a block with the state changes of 5,000 balance transfers (10,000 changed
 * `System.Account`-sized entries: 80-byte keys, 80-byte values) on a state of 20,000 accounts, in LevelDB.
 *
 * Figures (milliseconds, median over the blocks): `prepareState` (trie update, root, node diff),
 * `commitBlock` (refcount reads and the atomic batch write), `setFinalized` (with pruning), reopening the
 * database, and opening a finalized state from disk (sync reads, then async).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { blake2_256 } from "../primitives/hashing.js";
import { ChainDb, type BlockRef, type BlockToCommit } from "../state/chain-db.js";
import type { PendingState } from "../state/state-db.js";

const ACCOUNTS = 20_000;
const TRANSFERS = 5_000;
const BLOCKS = 6;

export async function benchStateDb(): Promise<Record<string, number>> {
  const dir = await mkdtemp(join(tmpdir(), "tfchain-bench-db-"));
  const path = join(dir, "db");
  try {
    let db = await ChainDb.open({ path, pruning: 2 });
    const keys = Array.from({ length: ACCOUNTS }, (_, i) => accountKey(i));
    const genesisStart = performance.now();
    const genesisPending = db.prepareState(null, keys.map((k, i) => [k, accountValue(i, 0)]));
    let best = await commitBlock(db, null, genesisPending);
    const genesisMs = performance.now() - genesisStart;

    const prepare: number[] = [];
    const commitMs: number[] = [];
    const finalize: number[] = [];
    const chain: BlockRef[] = [best];
    let seed = 1;
    for (let b = 1; b <= BLOCKS; b++) {
      const changed = new Map<number, Uint8Array>();
      while (changed.size < 2 * TRANSFERS) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        changed.set((seed >>> 8) % ACCOUNTS, accountValue((seed >>> 8) % ACCOUNTS, b));
      }
      const changes: [Uint8Array, Uint8Array][] = [...changed].map(([i, v]) => [keys[i]!, v]);
      let t = performance.now();
      const pending = db.prepareState(best.hash, changes);
      prepare.push(performance.now() - t);
      t = performance.now();
      best = await commitBlock(db, best, pending);
      commitMs.push(performance.now() - t);
      chain.push(best);
      if (b >= 2) {
        t = performance.now();
        await db.setFinalized(chain[b - 1]!.hash);
        finalize.push(performance.now() - t);
      }
    }
    await db.close();
    let t = performance.now();
    db = await ChainDb.open({ path, pruning: 2, cache: { memoryStates: 0, openStates: 1 } });
    const reopenMs = performance.now() - t;
    t = performance.now();
    await db.loadState(chain[BLOCKS - 2]!.hash);
    const loadStateMs = performance.now() - t;
    await db.close();
    db = await ChainDb.open({ path, pruning: 2, cache: { memoryStates: 0, openStates: 1 } });
    t = performance.now();
    db.stateAt(chain[BLOCKS - 2]!.hash).get(keys[0]!);
    const openStateMs = performance.now() - t;
    await db.close();
    return {
      "genesis 20k accounts: prepare+commit ms": genesisMs,
      "prepareState 10k changes ms": median(prepare),
      "commitBlock 10k changes ms": median(commitMs),
      "setFinalized (prunes one block) ms": median(finalize),
      "reopen (flat → trie, root check) ms": reopenMs,
      "finalized state from disk, stateAt (sync) ms": openStateMs,
      "finalized state from disk, loadState ms": loadStateMs,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function commitBlock(db: ChainDb, parent: BlockRef | null, pending: PendingState): Promise<BlockRef> {
  const number = parent === null ? 0 : parent.number + 1;
  const parentHash = parent?.hash ?? new Uint8Array(32);
  const header = new Uint8Array(100);
  header.set(parentHash, 0);
  header.set(pending.stateRoot, 32);
  new DataView(header.buffer).setUint32(64, number, true);
  const block: BlockToCommit = {
    hash: blake2_256(header), parentHash, number, header, body: new Uint8Array(TRANSFERS * 150),
    stateRoot: pending.stateRoot, pending,
  };
  await db.commitBlock(block);
  return { hash: block.hash, number };
}

// System.Account: twox128("System") ‖ twox128("Account") ‖ blake2_128(id) ‖ id = 80 bytes.
function accountKey(i: number): Uint8Array {
  const id = blake2_256(Uint8Array.of(i & 0xff, (i >> 8) & 0xff, (i >> 16) & 0xff));
  const key = new Uint8Array(80);
  key.fill(0x26, 0, 32);
  key.set(blake2_256(id).subarray(0, 16), 32);
  key.set(id, 48);
  return key;
}

function accountValue(i: number, block: number): Uint8Array {
  const v = new Uint8Array(80);
  new DataView(v.buffer).setUint32(0, i, true);
  new DataView(v.buffer).setUint32(16, block, true);
  return v;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] ?? NaN;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await benchStateDb();
  for (const [name, ms] of Object.entries(figures)) console.log(`${name.padEnd(42)} ${ms.toFixed(1)}`);
}
