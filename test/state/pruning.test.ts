import assert from "node:assert/strict";
import fc from "fast-check";
import { ChainDb, type BlockRef } from "../../state/chain-db.js";
import { isDbError } from "../../state/db-error.js";
import { toHex } from "../../primitives/bytes.js";
import type { PruningMode } from "../../state/pruning.js";
import {
  bytes, commit, entriesOf, readSublevel, storedNodes, trieFromStored, withTempDir, type Changes,
} from "./chain-db-helpers.js";

const SMALL_CACHE = { memoryStates: 1, openStates: 1 };

describe("state/pruning", () => {
  it("keeps the last N finalized states and discards older ones", () =>
    withTempDir(async (path) => {
      const db = await ChainDb.open({ path, pruning: 3, cache: SMALL_CACHE });
      const chain: BlockRef[] = [await commit(db, null, [[bytes("n"), bytes("0")]])];
      for (let i = 1; i <= 10; i++) chain.push(await commit(db, chain[i - 1]!, [[bytes("n"), bytes(String(i))]]));
      await db.setFinalized(chain[8]!.hash);
      for (let i = 0; i <= 10; i++) {
        const kept = i >= 6;
        assert.equal(db.hasState(chain[i]!.hash), kept, `block ${i}`);
        if (kept) assert.deepEqual(await db.storageAt(chain[i]!.hash, bytes("n")), bytes(String(i)), `block ${i}`);
        else {
          await assert.rejects(db.storageAt(chain[i]!.hash, bytes("n")), (e) =>
            isDbError(e, "STATE_DISCARDED") && e.message === `State already discarded for ${toHex(chain[i]!.hash)}`);
        }
        assert.ok(await db.header(chain[i]!.hash), `header ${i} stays`);
      }
      await db.close();
    }));

  it("keeps every state in archive mode", () =>
    withTempDir(async (path) => {
      const db = await ChainDb.open({ path, pruning: "archive", cache: SMALL_CACHE });
      const chain: BlockRef[] = [await commit(db, null, [[bytes("n"), bytes("0")]])];
      for (let i = 1; i <= 10; i++) chain.push(await commit(db, chain[i - 1]!, [[bytes("n"), bytes(String(i))]]));
      const fork = await commit(db, chain[3]!, [[bytes("n"), bytes("fork")]]);
      await db.setFinalized(chain[10]!.hash);
      for (let i = 0; i <= 10; i++) assert.deepEqual(await db.storageAt(chain[i]!.hash, bytes("n")), bytes(String(i)));
      assert.deepEqual(await db.storageAt(fork.hash, bytes("n")), bytes("fork"));
      await db.close();
    }));

  it("discards the forks a finalization excludes and frees their nodes", () =>
    withTempDir(async (path) => {
      const db = await ChainDb.open({ path, pruning: 2 });
      const g = await commit(db, null, [[bytes("a"), bytes("1")]]);
      const b1 = await commit(db, g, [[bytes("a"), bytes("2")]]);
      const f1 = await commit(db, g, [[bytes("fork-only-key"), bytes("fork-only-value")]]);
      const f2 = await commit(db, f1, [[bytes("a"), bytes("3")]]);
      await db.setFinalized(b1.hash);
      assert.deepEqual(db.leaves(), [b1.hash]);
      for (const b of [f1, f2]) assert.throws(() => db.stateAt(b.hash), (e) => isDbError(e, "STATE_DISCARDED"));
      assert.deepEqual(await db.children(g.hash).then((c) => new Set(c.map(toHex))), new Set([b1, f1].map((b) => toHex(b.hash))));
      const best = db.best();
      await db.close();
      await checkDisk(path, [g.hash, b1.hash].map((h) => ({ hash: h, root: undefined })), best);
    }));

  it("counts a node that appears twice in one state twice", () =>
    withTempDir(async (path) => {
      // Two keys differing only in their first nibble, same 40-byte value: two identical stored leaves.
      const [k1, k2] = [0x01, 0x02].map((b) => Uint8Array.of(b, ...new Array(20).fill(0xab)));
      const value = new Uint8Array(40).fill(7);
      const db = await ChainDb.open({ path, pruning: 1, cache: SMALL_CACHE });
      const g = await commit(db, null, [[k1!, value]]);
      const b1 = await commit(db, g, [[k2!, value]]);
      const b2 = await commit(db, b1, [[k1!, null]]);
      await db.setFinalized(b2.hash);
      const best = db.best();
      await db.close();
      await checkDisk(path, [{ hash: b2.hash, root: undefined }], best);
    }));

  it("frees exactly the nodes no kept state uses (random forks, finality and reorgs vs a map oracle)", async function () {
    this.timeout(120_000);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant<PruningMode>("archive"), fc.integer({ min: 1, max: 4 })), fc.array(commandArb, { minLength: 1, maxLength: 30 }),
        (pruning, commands) => withTempDir((path) => runScenario(path, pruning, commands))),
      { numRuns: 60 },
    );
  });
});

// Keys share a long suffix and values repeat, so identical subtrees (same node hash twice) appear; the
// short keys are prefixes of long ones (branches with values).
const KEYS = [
  ...Array.from({ length: 16 }, (_, i) => Uint8Array.from([i, ...new Array(20).fill(0xab)])),
  ...Array.from({ length: 4 }, (_, i) => Uint8Array.of(i)),
];
const VALUES = [1, 31, 40, 40, 100].map((n, i) => new Uint8Array(n).fill(i + 1));

type Command =
  | { kind: "commit"; parent: number; changes: [number, number | null][]; best: boolean | undefined }
  | { kind: "finalize"; target: number }
  | { kind: "best"; target: number };

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 5, arbitrary: fc.record({
    kind: fc.constant("commit" as const),
    parent: fc.nat(),
    changes: fc.array(fc.tuple(fc.nat({ max: KEYS.length - 1 }), fc.option(fc.nat({ max: VALUES.length - 1 }))), { maxLength: 8 }),
    best: fc.option(fc.boolean(), { nil: undefined }),
  }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("finalize" as const), target: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("best" as const), target: fc.nat() }) },
);

interface OracleBlock {
  ref: BlockRef;
  parent: string | undefined;
  state: Map<string, string>;
}

async function runScenario(path: string, pruning: PruningMode, commands: Command[]): Promise<void> {
  let db = await ChainDb.open({ path, pruning, cache: SMALL_CACHE });
  const blocks = new Map<string, OracleBlock>();
  const genesisChanges: Changes = KEYS.slice(0, 8).map((k, i) => [k, VALUES[i % VALUES.length]!]);
  const g = await commit(db, null, genesisChanges);
  blocks.set(toHex(g.hash), { ref: g, parent: undefined, state: new Map(genesisChanges.map(([k, v]) => [toHex(k), toHex(v!)])) });
  let finalized = toHex(g.hash);
  let best = finalized;

  const isAncestor = (a: string, b: string | undefined): boolean => {
    for (; b !== undefined; b = blocks.get(b)!.parent) if (b === a) return true;
    return false;
  };
  const live = (): string[] => [...blocks.keys()].filter((h) => isAncestor(finalized, h));
  const kept = (h: string): boolean => {
    if (pruning === "archive" || isAncestor(finalized, h)) return true;
    const b = blocks.get(h)!;
    return isAncestor(h, finalized) && b.ref.number >= blocks.get(finalized)!.ref.number - pruning + 1;
  };
  const check = (step: string): void => {
    assert.equal(toHex(db.best().hash), best, `${step}: best`);
    assert.equal(toHex(db.finalized().hash), finalized, `${step}: finalized`);
    for (const [h, b] of blocks) {
      assert.equal(db.hasState(b.ref.hash), kept(h), `${step}: hasState ${b.ref.number} ${h}`);
      if (kept(h)) assert.deepEqual(entriesOf(db.stateAt(b.ref.hash)), b.state, `${step}: state of ${b.ref.number} ${h}`);
      else assert.throws(() => db.stateAt(b.ref.hash), (e) => isDbError(e, "STATE_DISCARDED"), `${step}: ${h}`);
    }
  };

  for (const [i, cmd] of commands.entries()) {
    const lives = live();
    if (cmd.kind === "commit") {
      const parent = blocks.get(lives[cmd.parent % lives.length]!)!;
      const changes: Changes = cmd.changes.map(([k, v]) => [KEYS[k]!, v === null ? null : VALUES[v]!]);
      const ref = await commit(db, parent.ref, changes, cmd.best);
      const state = new Map(parent.state);
      for (const [k, v] of changes) v === null ? state.delete(toHex(k)) : state.set(toHex(k), toHex(v));
      blocks.set(toHex(ref.hash), { ref, parent: toHex(parent.ref.hash), state });
      if (cmd.best ?? ref.number > blocks.get(best)!.ref.number) best = toHex(ref.hash);
    } else if (cmd.kind === "finalize") {
      const target = lives[cmd.target % lives.length]!;
      await db.setFinalized(blocks.get(target)!.ref.hash);
      finalized = target;
      if (!isAncestor(target, best)) best = target;
    } else {
      const target = lives[cmd.target % lives.length]!;
      await db.setBest(blocks.get(target)!.ref.hash);
      best = target;
    }
    check(`step ${i} ${cmd.kind}`);
  }
  await db.close();
  const keptBlocks = [...blocks.entries()].filter(([h]) => kept(h)).map(([, b]) => ({ hash: b.ref.hash, root: b.state }));
  await checkDisk(path, keptBlocks, blocks.get(best)!.ref);
  db = await ChainDb.open({ path, pruning, cache: SMALL_CACHE });
  check("reopened");
  await db.close();
}

/**
 * On the closed database: every kept state reads back from the stored nodes alone, the stored nodes are
 * exactly those the kept states use, and the flat index equals the best state.
 */
async function checkDisk(path: string, kept: { hash: Uint8Array; root: Map<string, string> | undefined }[], best: BlockRef): Promise<void> {
  const nodes = await storedNodes(path);
  const records = await readSublevel(path, "blocks");
  const used = new Set<string>();
  for (const { hash, root: expected } of kept) {
    const stateRoot = records.get(toHex(hash))!.subarray(36);
    const trie = trieFromStored(stateRoot, nodes, used);
    const entries = entriesOf(trie);
    if (expected) assert.deepEqual(entries, expected, `stored state of ${toHex(hash)}`);
  }
  const stored = new Set(nodes.keys());
  const missing = [...used].filter((h) => !stored.has(h));
  const leaked = [...stored].filter((h) => !used.has(h));
  assert.deepEqual(missing, [], "nodes used by kept states but not stored");
  if (kept.length > 0) assert.deepEqual(leaked, [], "stored nodes no kept state uses");
  const flat = await readSublevel(path, "flat");
  const bestRoot = records.get(toHex(best.hash))!.subarray(36);
  assert.deepEqual(new Map([...flat].map(([k, v]) => [k, toHex(v)])), entriesOf(trieFromStored(bestRoot, nodes)), "flat index = best state");
}
