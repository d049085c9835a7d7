import assert from "node:assert/strict";
import fc from "fast-check";
import { Level } from "level";
import { ChainDb } from "../../state/chain-db.js";
import { isDbError } from "../../state/db-error.js";
import {
  decodeBlockRecord, decodeFlatDiff, decodeHashList, decodeNodeValue, encodeBlockRecord, encodeFlatDiff,
  META, type FlatChange,
} from "../../state/db-schema.js";
import { bytes, commit, withTempDir } from "./chain-db-helpers.js";

const BINARY = { keyEncoding: "view", valueEncoding: "view" } as const;

async function poke(path: string, sublevel: string, key: Uint8Array, value: Uint8Array | null): Promise<void> {
  const root = new Level<Uint8Array, Uint8Array>(path, BINARY);
  await root.open();
  const sub = root.sublevel<Uint8Array, Uint8Array>(sublevel, BINARY);
  value === null ? await sub.del(key) : await sub.put(key, value);
  await root.close();
}

const isCorrupt = (e: unknown): boolean => isDbError(e, "CORRUPT") && /purge-chain/.test((e as Error).message);

describe("state/db-schema", () => {
  it("round-trips flat diffs", () => {
    const bytesArb = fc.uint8Array({ maxLength: 40 });
    fc.assert(fc.property(fc.array(fc.tuple(bytesArb, fc.option(bytesArb), fc.option(bytesArb))), (changes) => {
      const diff = changes as FlatChange[];
      assert.deepEqual(decodeFlatDiff(encodeFlatDiff(diff), "test"), diff);
    }));
  });

  it("rejects truncated or padded records with CORRUPT", () => {
    const diff = encodeFlatDiff([[bytes("k"), bytes("old"), null]]);
    assert.throws(() => decodeFlatDiff(diff.subarray(0, diff.length - 1), "diff"), isCorrupt);
    assert.throws(() => decodeFlatDiff(Uint8Array.of(...diff, 0), "diff"), isCorrupt);
    const record = encodeBlockRecord({ number: 1, parentHash: new Uint8Array(32), stateRoot: new Uint8Array(32) });
    assert.throws(() => decodeBlockRecord(record.subarray(1), "record"), isCorrupt);
    assert.throws(() => decodeHashList(new Uint8Array(33), "list"), isCorrupt);
    assert.throws(() => decodeNodeValue(Uint8Array.of(0, 0, 0, 0, 1), "node"), isCorrupt);
  });

  it("reports corrupt metadata at open instead of crashing", () =>
    withTempDir(async (path) => {
      const db = await ChainDb.open({ path });
      await commit(db, null, [[bytes("k"), bytes("v")]]);
      await db.close();
      await poke(path, "meta", META.best, Uint8Array.of(1, 2, 3));
      await assert.rejects(ChainDb.open({ path }), isCorrupt);
    }));

  it("reports a flat index that does not match the best state root", () =>
    withTempDir(async (path) => {
      const db = await ChainDb.open({ path });
      await commit(db, null, [[bytes("k"), bytes("v")]]);
      await db.close();
      await poke(path, "flat", bytes("k"), bytes("tampered"));
      await assert.rejects(ChainDb.open({ path }), (e) => isCorrupt(e) && /flat index/.test((e as Error).message));
    }));

  it("reports a missing trie node of a kept state", () =>
    withTempDir(async (path) => {
      let db = await ChainDb.open({ path, cache: { memoryStates: 0, openStates: 0 } });
      const g = await commit(db, null, [[bytes("k"), bytes("v")]]);
      const b1 = await commit(db, g, [[bytes("k"), bytes("w")]]);
      await db.setFinalized(b1.hash);
      const root = (await db.blockInfo(g.hash))!.stateRoot;
      await db.close();
      await poke(path, "trie", root, null);
      db = await ChainDb.open({ path });
      await assert.rejects(db.storageAt(g.hash, bytes("k")), isCorrupt);
      assert.throws(() => db.stateAt(g.hash).get(bytes("k")), isCorrupt);
      await db.close();
    }));

  it("refuses an unknown schema version", () =>
    withTempDir(async (path) => {
      const db = await ChainDb.open({ path });
      await commit(db, null, [[bytes("k"), bytes("v")]]);
      await db.close();
      await poke(path, "meta", META.schema, Uint8Array.of(0, 0, 0, 99));
      await assert.rejects(ChainDb.open({ path }), (e) => isDbError(e, "SCHEMA_VERSION"));
    }));
});
