import assert from "node:assert/strict";
import { ChainDb, type BlockRef } from "../../state/chain-db.js";
import { isDbError } from "../../state/db-error.js";
import { toHex } from "../../primitives/bytes.js";
import { bytes, commit, entriesOf, readSublevel, withTempDir } from "./chain-db-helpers.js";

/** Closes `db`, checks the flat index and canon entries against the best chain, and reopens. */
async function checkBestChain(db: ChainDb, path: string, chain: BlockRef[]): Promise<ChainDb> {
  const tip = chain[chain.length - 1]!;
  assert.deepEqual(db.best(), tip);
  const expected = entriesOf(db.stateAt(tip.hash));
  await db.close();
  const flat = await readSublevel(path, "flat");
  assert.deepEqual(new Map([...flat].map(([k, v]) => [k, toHex(v)])), expected, "flat index = best state");
  const canon = await readSublevel(path, "canon");
  assert.deepEqual([...canon.values()].map(toHex), chain.map((b) => toHex(b.hash)), "canon = best chain");
  const reopened = await ChainDb.open({ path });
  assert.deepEqual(reopened.best(), tip);
  return reopened;
}

describe("state/best-chain", () => {
  it("reorgs to a fork and back, keeping the flat index equal to the best trie", () =>
    withTempDir(async (path) => {
      let db = await ChainDb.open({ path });
      const g = await commit(db, null, [[bytes("shared"), bytes("0")], [bytes("gone-on-a"), bytes("x")]]);
      const a1 = await commit(db, g, [[bytes("shared"), bytes("a1")], [bytes("only-a"), bytes("1")], [bytes("gone-on-a"), null]]);
      const a2 = await commit(db, a1, [[bytes("shared"), bytes("a2")], [bytes("only-a"), bytes("2")]]);
      const a3 = await commit(db, a2, [[bytes("a3"), bytes("3")]]);
      const b1 = await commit(db, g, [[bytes("shared"), bytes("b1")], [bytes("only-b"), bytes("1")]], false);
      const b2 = await commit(db, b1, [[bytes("only-b"), null], [bytes("b2"), bytes("2")]], false);
      db = await checkBestChain(db, path, [g, a1, a2, a3]);

      await db.setBest(b2.hash);
      db = await checkBestChain(db, path, [g, b1, b2]);

      // A block on the old branch that becomes best reorgs back inside its own commit.
      const a4 = await commit(db, a3, [[bytes("a4"), bytes("4")]], true);
      db = await checkBestChain(db, path, [g, a1, a2, a3, a4]);

      await db.setBest(a2.hash);
      db = await checkBestChain(db, path, [g, a1, a2]);
      assert.equal(await db.hashAt(3), undefined);
      await db.close();
    }));

  it("moves best to the finalized block when finality lands on another fork", () =>
    withTempDir(async (path) => {
      let db = await ChainDb.open({ path });
      const g = await commit(db, null, [[bytes("k"), bytes("g")]]);
      const a1 = await commit(db, g, [[bytes("k"), bytes("a1")]]);
      const a2 = await commit(db, a1, [[bytes("k"), bytes("a2")]]);
      const b1 = await commit(db, g, [[bytes("k"), bytes("b1")], [bytes("b"), bytes("1")]]);
      assert.deepEqual(db.best(), a2);
      await db.setFinalized(b1.hash);
      assert.deepEqual(db.finalized(), b1);
      db = await checkBestChain(db, path, [g, b1]);
      assert.deepEqual(db.leaves(), [b1.hash]);
      assert.throws(() => db.prepareState(a2.hash, []), (e) => isDbError(e, "NOT_IN_FINALIZED_CHAIN"));
      await assert.rejects(db.setBest(a2.hash), (e) => isDbError(e, "NOT_IN_FINALIZED_CHAIN"));
      await db.close();
    }));

  it("finalizing an ancestor again only stores the justification", () =>
    withTempDir(async (path) => {
      const db = await ChainDb.open({ path });
      const g = await commit(db, null, [[bytes("k"), bytes("g")]]);
      const b1 = await commit(db, g, [[bytes("k"), bytes("1")]]);
      const b2 = await commit(db, b1, [[bytes("k"), bytes("2")]]);
      await db.setFinalized(b2.hash);
      await db.setFinalized(b1.hash, bytes("late justification"));
      assert.deepEqual(db.finalized(), b2);
      assert.deepEqual(await db.justification(b1.hash), bytes("late justification"));
      await db.close();
    }));
});
