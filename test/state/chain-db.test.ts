import assert from "node:assert/strict";
import { ChainDb } from "../../state/chain-db.js";
import { isDbError } from "../../state/db-error.js";
import { toHex } from "../../primitives/bytes.js";
import { keysWithPrefix } from "../../state/storage.js";
import { OverlayedChanges } from "../../state/overlay.js";
import { bytes, commit, entriesOf, makeBlock, readSublevel, withTempDir, type Changes } from "./chain-db-helpers.js";

const GENESIS: Changes = [
  [bytes(":code"), bytes("runtime")],
  [bytes("balance/alice"), bytes("1000")],
  [bytes("balance/bob"), bytes("500")],
];

describe("state/chain-db", () => {
  it("commits a chain and reads the state at every block", () =>
    withTempDir(async (path) => {
      const db = await ChainDb.open({ path });
      const genesis = await commit(db, null, GENESIS);
      const chain = [genesis];
      for (let i = 1; i <= 5; i++) {
        chain.push(await commit(db, chain[i - 1]!, [[bytes("balance/alice"), bytes(String(1000 - i))], [bytes(`event/${i}`), bytes("x")]]));
      }
      assert.deepEqual(db.best(), chain[5]);
      assert.deepEqual(db.finalized(), genesis);
      assert.deepEqual(db.genesisHash(), genesis.hash);
      for (let i = 0; i <= 5; i++) {
        const state = db.stateAt(chain[i]!.hash);
        assert.deepEqual(state.get(bytes("balance/alice")), bytes(String(1000 - i)), `block ${i}`);
        assert.deepEqual([...keysWithPrefix(state, bytes("event/"))].length, i, `block ${i}`);
        assert.deepEqual(await db.hashAt(i), chain[i]!.hash);
        assert.deepEqual((await db.blockInfo(chain[i]!.hash))?.number, i);
      }
      assert.deepEqual(await db.body(chain[3]!.hash), Uint8Array.of(3));
      assert.ok((await db.header(chain[3]!.hash))!.length > 0);
      assert.deepEqual(await db.children(chain[2]!.hash), [chain[3]!.hash]);
      assert.deepEqual(db.leaves(), [chain[5]!.hash]);
      await db.close();
    }));

  it("executes over an overlay on the parent state and commits the overlay's changes", () =>
    withTempDir(async (path) => {
      const db = await ChainDb.open({ path });
      const genesis = await commit(db, null, GENESIS);
      const overlay = new OverlayedChanges(db.stateAt(genesis.hash));
      overlay.set(bytes("balance/bob"), bytes("600"));
      overlay.clear(bytes("balance/alice"));
      const pending = db.prepareState(genesis.hash, overlay.changes());
      const b1 = makeBlock(db, genesis, overlay.changes());
      assert.deepEqual(b1.stateRoot, pending.stateRoot);
      await db.commitBlock(b1);
      assert.equal(db.stateAt(b1.hash).get(bytes("balance/alice")), undefined);
      assert.deepEqual(await db.storageAt(b1.hash, bytes("balance/bob")), bytes("600"));
      assert.deepEqual(await db.storageAt(genesis.hash, bytes("balance/alice")), bytes("1000"));
      await db.close();
    }));

  it("reopens on the same best, finalized and state root", () =>
    withTempDir(async (path) => {
      let db = await ChainDb.open({ path });
      const genesis = await commit(db, null, GENESIS);
      const b1 = await commit(db, genesis, [[bytes("k1"), bytes("v1")]]);
      const b2 = await commit(db, b1, [[bytes("k2"), bytes("v2")], [bytes("balance/bob"), null]]);
      const fork = await commit(db, b1, [[bytes("k3"), bytes("v3")]], false);
      const b3 = await commit(db, b2, [[bytes("k1"), null]]);
      await db.setFinalized(b1.hash, bytes("justification"));
      const roots = [b1, b2, b3, fork].map((b) => db.stateAt(b.hash).root());
      const expected = [b1, b2, b3, fork].map((b) => entriesOf(db.stateAt(b.hash)));
      await db.close();

      db = await ChainDb.open({ path });
      assert.deepEqual(db.best(), b3);
      assert.deepEqual(db.finalized(), b1);
      assert.deepEqual(db.genesisHash(), genesis.hash);
      assert.deepEqual(await db.justification(b1.hash), bytes("justification"));
      [b1, b2, b3, fork].forEach((b, i) => {
        assert.deepEqual(db.stateAt(b.hash).root(), roots[i], `block ${i}`);
        assert.deepEqual(entriesOf(db.stateAt(b.hash)), expected[i], `block ${i}`);
      });
      assert.deepEqual(new Set(db.leaves().map(toHex)), new Set([b3, fork].map((b) => toHex(b.hash))));
      const b4 = await commit(db, b3, [[bytes("k4"), bytes("v4")]]);
      assert.deepEqual(db.best(), b4);
      await db.close();
    }));

  it("rejects an unknown parent, a wrong root, a wrong number and a duplicate", () =>
    withTempDir(async (path) => {
      const db = await ChainDb.open({ path });
      const genesis = await commit(db, null, GENESIS);
      const b1 = makeBlock(db, genesis, [[bytes("a"), bytes("1")]]);
      await assert.rejects(db.commitBlock({ ...b1, stateRoot: new Uint8Array(32) }), (e) => isDbError(e, "STATE_ROOT_MISMATCH"));
      await assert.rejects(db.commitBlock({ ...b1, number: 5 }), (e) => isDbError(e, "INVALID_NUMBER"));
      await assert.rejects(db.commitBlock({ ...b1, parentHash: new Uint8Array(32).fill(7) }), (e) => isDbError(e, "PENDING_MISMATCH"));
      await db.commitBlock(b1);
      await assert.rejects(db.commitBlock(b1), (e) => isDbError(e, "BLOCK_EXISTS"));
      assert.throws(() => db.prepareState(new Uint8Array(32).fill(9), []), (e) => isDbError(e, "UNKNOWN_BLOCK"));
      assert.throws(() => db.stateAt(new Uint8Array(32).fill(9)), (e) => isDbError(e, "UNKNOWN_BLOCK"));
      await assert.rejects(commit(db, null, GENESIS), (e) => isDbError(e, "GENESIS_EXISTS"));
      await db.close();
      await assert.rejects(db.setBest(b1.hash), (e) => isDbError(e, "CLOSED"));
    }));

  it("refuses to reopen with another pruning mode", () =>
    withTempDir(async (path) => {
      const db = await ChainDb.open({ path, pruning: 16 });
      await commit(db, null, GENESIS);
      await db.close();
      await assert.rejects(ChainDb.open({ path, pruning: "archive" }), (e) => isDbError(e, "PRUNING_MODE_MISMATCH"));
      const again = await ChainDb.open({ path, pruning: 16 });
      await again.close();
    }));

  it("refuses a second process on the same database", () =>
    withTempDir(async (path) => {
      const db = await ChainDb.open({ path });
      await assert.rejects(ChainDb.open({ path }), (e) => isDbError(e, "OPEN_FAILED") && /in use/.test(e.message));
      await db.close();
    }));

  it("pages keys at a block as state_getKeysPaged does", () =>
    withTempDir(async (path) => {
      const db = await ChainDb.open({ path });
      const genesis = await commit(db, null, GENESIS);
      const hex = async (start?: string, count = 10): Promise<string[]> =>
        (await db.keysPaged(genesis.hash, bytes("balance/"), count, start === undefined ? undefined : bytes(start)))
          .map((k) => new TextDecoder().decode(k));
      assert.deepEqual(await hex(), ["balance/alice", "balance/bob"]);
      assert.deepEqual(await hex(undefined, 1), ["balance/alice"]);
      assert.deepEqual(await hex("balance/alice"), ["balance/bob"]);
      assert.deepEqual(await hex("a"), ["balance/alice", "balance/bob"]);
      assert.deepEqual(await hex("balance/bob"), []);
      await db.close();
    }));

  it("gives a read proof at a block", () =>
    withTempDir(async (path) => {
      const db = await ChainDb.open({ path });
      const genesis = await commit(db, null, GENESIS);
      const proof = await db.readProof(genesis.hash, [bytes("balance/bob")]);
      assert.ok(proof.length > 0);
      await db.close();
    }));

  it("keeps the flat index equal to the best state", () =>
    withTempDir(async (path) => {
      const db = await ChainDb.open({ path });
      let b = await commit(db, null, GENESIS);
      for (let i = 0; i < 4; i++) b = await commit(db, b, [[bytes(`k${i}`), bytes(`v${i}`)], [bytes("balance/bob"), i % 2 ? null : bytes(`${i}`)]]);
      const expected = entriesOf(db.stateAt(b.hash));
      await db.close();
      const flat = await readSublevel(path, "flat");
      assert.deepEqual(new Map([...flat].map(([k, v]) => [k, toHex(v)])), expected);
    }));

  it("keeps consensus aux values across a reopen, and deletes them", () =>
    withTempDir(async (path) => {
      const db = await ChainDb.open({ path });
      await commit(db, null, GENESIS);
      assert.equal(await db.aux(bytes("grandpa_voters")), undefined);
      await db.putAux([[bytes("grandpa_voters"), bytes("set 0")], [bytes("grandpa_round"), bytes("7")]]);
      await db.close();
      const again = await ChainDb.open({ path });
      assert.deepEqual(await again.aux(bytes("grandpa_voters")), bytes("set 0"));
      await again.putAux([[bytes("grandpa_round"), null]]);
      assert.equal(await again.aux(bytes("grandpa_round")), undefined);
      await again.close();
    }));
});
