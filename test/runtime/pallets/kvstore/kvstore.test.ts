// TFChain's pallet-kvstore tests (test_set_and_get, test_delete) in our words, plus the bounds and the
// missing-key error, each failure leaving the state root as it was (`assert_noop!`).
import { strict as assert } from "node:assert";
import { utf8 } from "../../../../primitives/bytes.js";
import { NONE, signed } from "../../../../runtime/origin.js";
import type { DispatchOutcome } from "../../../../runtime/pallet.js";
import {
  kvstore, kvstoreStorage as storage, MAX_KEY_LENGTH, MAX_VALUE_LENGTH,
} from "../../../../runtime/pallets/kvstore/index.js";
import { callOf, PalletBlock } from "../../../helpers/pallet-block.js";
import { stateRoot } from "../../../helpers/state-root.js";

const ALICE = new Uint8Array(32).fill(1);
const BOB = new Uint8Array(32).fill(2);

const set = (key: Uint8Array, value: Uint8Array) => callOf("TFKVStore", "set", { key, value });
const del = (key: Uint8Array) => callOf("TFKVStore", "delete", { key });

function kvBlock(): PalletBlock {
  return new PalletBlock([kvstore]);
}

const root = (b: PalletBlock) => stateRoot(b.io);

/** `assert_noop!`: the call fails with the TFKVStore error `error`, state and events untouched. */
function assertNoop(b: PalletBlock, f: () => DispatchOutcome, error: string): void {
  const before = root(b);
  const events = b.events().length;
  const out = f();
  assert.equal(out.ok, false, "the call failed");
  assert.deepEqual(out.error, { tag: "NamedModule", pallet: "TFKVStore", error });
  assert.deepEqual(root(b), before, "state root unchanged");
  assert.equal(b.events().length, events, "no event deposited");
}

describe("runtime/pallets/kvstore", () => {
  it("stores a value under the caller's account and emits EntrySet (test_set_and_get)", () => {
    const b = kvBlock();
    const key = utf8("name");
    const value = utf8("nametest");
    assert.ok(b.dispatch(set(key, value), signed(ALICE)).ok);
    assert.deepEqual(b.events(), [{ pallet: "TFKVStore", name: "EntrySet", value: [ALICE, key, value] }]);
    assert.deepEqual(storage.TFKVStore.get(b.io, ALICE, key), value);
    assert.deepEqual(storage.TFKVStore.get(b.io, BOB, key), new Uint8Array(), "another account's entry reads empty");
  });

  it("removes the entry and reports the old value in EntryTaken (test_delete)", () => {
    const b = kvBlock();
    const key = utf8("Address");
    const value = utf8("Cairo");
    assert.ok(b.dispatch(set(key, value), signed(ALICE)).ok);
    assert.ok(b.dispatch(del(key), signed(ALICE)).ok);
    assert.deepEqual(b.events().map((e) => [e.name, e.value]), [
      ["EntrySet", [ALICE, key, value]],
      ["EntryTaken", [ALICE, key, value]],
    ]);
    assert.equal(storage.TFKVStore.contains(b.io, ALICE, key), false);
    assert.deepEqual(storage.TFKVStore.get(b.io, ALICE, key), new Uint8Array(), "ValueQuery reads the empty default");
  });

  it("overwrites an existing entry and lists entries per account", () => {
    const b = kvBlock();
    assert.ok(b.dispatch(set(utf8("a"), utf8("1")), signed(ALICE)).ok);
    assert.ok(b.dispatch(set(utf8("a"), utf8("2")), signed(ALICE)).ok);
    assert.ok(b.dispatch(set(utf8("b"), new Uint8Array()), signed(ALICE)).ok);
    assert.ok(b.dispatch(set(utf8("c"), utf8("3")), signed(BOB)).ok);
    const alice = new Map([...storage.TFKVStore.entriesFor(b.io, ALICE)].map(([k, v]) => [Buffer.from(k).toString(), Buffer.from(v).toString()]));
    assert.deepEqual(Object.fromEntries(alice), { a: "2", b: "" });
  });

  it("accepts a key of exactly 512 bytes and a value of exactly 2048", () => {
    const b = kvBlock();
    const key = new Uint8Array(MAX_KEY_LENGTH).fill(7);
    const value = new Uint8Array(MAX_VALUE_LENGTH).fill(9);
    assert.ok(b.dispatch(set(key, value), signed(ALICE)).ok);
    assert.deepEqual(storage.TFKVStore.get(b.io, ALICE, key), value);
  });

  it("refuses a key longer than 512 bytes with KeyIsTooLarge", () => {
    const b = kvBlock();
    assertNoop(b, () => b.dispatch(set(new Uint8Array(MAX_KEY_LENGTH + 1), utf8("v")), signed(ALICE)), "KeyIsTooLarge");
  });

  it("refuses a value longer than 2048 bytes with ValueIsTooLarge", () => {
    const b = kvBlock();
    assertNoop(b, () => b.dispatch(set(utf8("k"), new Uint8Array(MAX_VALUE_LENGTH + 1)), signed(ALICE)), "ValueIsTooLarge");
  });

  it("checks the key before the value: both too large gives KeyIsTooLarge", () => {
    const b = kvBlock();
    const out = b.dispatch(set(new Uint8Array(MAX_KEY_LENGTH + 1), new Uint8Array(MAX_VALUE_LENGTH + 1)), signed(ALICE));
    assert.deepEqual(out.error, { tag: "NamedModule", pallet: "TFKVStore", error: "KeyIsTooLarge" });
  });

  it("refuses to delete a key never set with NoValueStored", () => {
    const b = kvBlock();
    assert.ok(b.dispatch(set(utf8("mine"), utf8("v")), signed(ALICE)).ok);
    assertNoop(b, () => b.dispatch(del(utf8("missing")), signed(ALICE)), "NoValueStored");
    assertNoop(b, () => b.dispatch(del(utf8("mine")), signed(BOB)), "NoValueStored");
  });

  it("deletes an entry whose value is empty: presence, not content, decides", () => {
    const b = kvBlock();
    assert.ok(b.dispatch(set(utf8("k"), new Uint8Array()), signed(ALICE)).ok);
    assert.ok(b.dispatch(del(utf8("k")), signed(ALICE)).ok);
    assert.deepEqual(b.events().at(-1)!.value, [ALICE, utf8("k"), new Uint8Array()]);
  });

  it("wants a signed origin", () => {
    const b = kvBlock();
    assert.deepEqual(b.dispatch(set(utf8("k"), utf8("v")), NONE).error, { tag: "BadOrigin" });
    assert.deepEqual(b.dispatch(del(utf8("k")), NONE).error, { tag: "BadOrigin" });
  });

  it("declares TFChain's SubstrateWeight at the runtime's DbWeight", () => {
    const b = kvBlock();
    assert.deepEqual(b.info(set(utf8("k"), utf8("v"))).weight, { ref_time: 111_722_000n, proof_size: 0n });
    assert.deepEqual(b.info(del(utf8("k"))).weight, { ref_time: 146_210_000n, proof_size: 3611n });
  });
});
