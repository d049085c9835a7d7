import { strict as assert } from "node:assert";
import { u8aToHex } from "@polkadot/util";
import { xxhashAsHex } from "@polkadot/util-crypto";
import { devSpec, localSpec } from "../../../../genesis/chain-spec.js";
import { buildGenesisStorage } from "../../../../genesis/genesis-state.js";
import { runtime } from "../../../../runtime/index.js";
import { engineId } from "../../../../primitives/digest.js";
import { NONE } from "../../../../runtime/origin.js";
import {
  aura, AuraPanic, auraPreDigest, AuthorityId, authorities, currentSlot, findAuthorIndex, initializeAuthorities,
  onTimestampSet, Slot, SLOT_DURATION, slotAt, slotFromDigest, storage,
} from "../../../../runtime/pallets/aura/index.js";
import { storage as systemStorage } from "../../../../runtime/pallets/system/storage.js";
import { defineTimestamp, timestampInherent } from "../../../../runtime/pallets/timestamp/index.js";
import { rocksDb } from "../../../../runtime/pallets/system/weights.js";
import { MemoryStorage } from "../../../../state/memory-storage.js";
import { describeRef, describeSchema, refTypeId } from "../../../primitives/reference.js";
import { PalletBlock } from "../../../helpers/pallet-block.js";

const key = (n: number) => new Uint8Array(32).fill(n);

/** A block of a runtime with Timestamp (notifying Aura) and Aura, claiming `slot` in its digest. */
function block(opts: { slot?: bigint; current?: bigint; keys?: Uint8Array[] } = {}): PalletBlock {
  const b = new PalletBlock([defineTimestamp({ onTimestampSet }), aura]);
  if (opts.keys) storage.Authorities.set(b.io, opts.keys);
  if (opts.current !== undefined) storage.CurrentSlot.set(b.io, opts.current);
  if (opts.slot !== undefined) systemStorage.Digest.set(b.io, { logs: [auraPreDigest(opts.slot)] });
  return b;
}

describe("runtime/pallets/aura", () => {
  describe("on_initialize", () => {
    it("stores the slot claimed by the pre-runtime digest", () => {
      const b = block({ slot: 42n, current: 41n });
      assert.deepEqual(aura.hooks.onInitialize(b.block), rocksDb(2, 1));
      assert.equal(currentSlot(b.io), 42n);
    });

    it("panics when the slot does not increase (AllowMultipleBlocksPerSlot = false)", () => {
      for (const slot of [41n, 40n]) {
        const b = block({ slot, current: 41n });
        assert.throws(() => aura.hooks.onInitialize(b.block), (e: unknown) => e instanceof AuraPanic && e.code === "SLOT_NOT_INCREASING" && e.message === "Slot must increase");
        assert.equal(currentSlot(b.io), 41n);
      }
    });

    it("leaves CurrentSlot alone without an Aura pre-digest", () => {
      const b = block({ current: 7n });
      systemStorage.Digest.set(b.io, { logs: [{ tag: "PreRuntime", value: [engineId("BABE"), new Uint8Array(8).fill(1)] }] });
      assert.deepEqual(aura.hooks.onInitialize(b.block), rocksDb(1, 0));
      assert.equal(currentSlot(b.io), 7n);
    });
  });

  describe("OnTimestampSet", () => {
    it("accepts a time inside the current slot", () => {
      const b = block({ current: 300n });
      onTimestampSet(b.block, 300n * SLOT_DURATION);
      onTimestampSet(b.block, 301n * SLOT_DURATION - 1n);
    });

    it("panics on a time outside it, through Timestamp.set", () => {
      const b = block({ slot: 300n, current: 299n });
      aura.hooks.onInitialize(b.block);
      assert.throws(() => b.dispatch(timestampInherent(301n * SLOT_DURATION), NONE), (e: unknown) =>
        e instanceof AuraPanic && e.code === "TIMESTAMP_SLOT_MISMATCH" && e.message === "Timestamp slot must match `CurrentSlot`");
      assert.ok(b.dispatch(timestampInherent(300n * SLOT_DURATION + 5n), NONE).ok);
    });

    it("has a 6 s slot: twice Timestamp's MinimumPeriod", () => {
      assert.equal(SLOT_DURATION, 6000n);
      assert.equal(slotAt(1_700_000_005_999n), 283_333_334n);
    });
  });

  describe("author", () => {
    it("finds the author index as slot % authorities", () => {
      const b = block({ slot: 7n, keys: [key(1), key(2), key(3)] });
      assert.equal(findAuthorIndex(b.io, systemStorage.Digest.get(b.io).logs), 1);
      assert.equal(findAuthorIndex(b.io, []), undefined);
      assert.equal(findAuthorIndex(block({ slot: 7n }).io, [auraPreDigest(7n)]), undefined, "no authorities");
    });

    it("reads the first aura pre-digest, 8 bytes little-endian, ignoring the rest", () => {
      const id = engineId("aura");
      assert.equal(slotFromDigest([{ tag: "PreRuntime", value: [id, Uint8Array.of(1, 0, 0, 0, 0, 0, 0, 0, 9)] }, auraPreDigest(5n)]), 1n);
      assert.equal(slotFromDigest([{ tag: "PreRuntime", value: [id, Uint8Array.of(1, 2)] }]), undefined);
      assert.equal(slotFromDigest([{ tag: "Seal", value: [id, new Uint8Array(8)] }]), undefined);
      assert.deepEqual((auraPreDigest(0x0102n).value as [Uint8Array, Uint8Array])[1], Uint8Array.of(2, 1, 0, 0, 0, 0, 0, 0));
    });
  });

  describe("genesis", () => {
    it("takes the spec's aura keys, in order, from Session's genesis (Aura's own genesis config is empty)", () => {
      assert.equal(aura.genesis, undefined);
      const local = buildGenesisStorage(runtime, localSpec());
      assert.deepEqual(authorities(local), localSpec().genesis.authorities.map((a) => a.aura));
      assert.equal(authorities(buildGenesisStorage(runtime, devSpec())).length, 1);
    });

    it("stores nothing for no authorities, and refuses a second set or more than 100", () => {
      const io = new MemoryStorage();
      initializeAuthorities(io, []);
      assert.equal(io.get(storage.Authorities.key()), undefined);
      initializeAuthorities(io, [key(1)]);
      assert.throws(() => initializeAuthorities(io, [key(2)]), (e: unknown) => e instanceof AuraPanic && e.code === "AUTHORITIES_ALREADY_SET");
      assert.throws(() => initializeAuthorities(new MemoryStorage(), Array.from({ length: 101 }, (_, i) => key(i))), (e: unknown) => e instanceof AuraPanic && e.code === "TOO_MANY_AUTHORITIES");
    });
  });

  describe("declaration", () => {
    it("keys Authorities and CurrentSlot under the Aura prefix", () => {
      const prefix = xxhashAsHex("Aura", 128);
      assert.equal(u8aToHex(storage.Authorities.key()), prefix + xxhashAsHex("Authorities", 128).slice(2));
      assert.equal(u8aToHex(storage.CurrentSlot.key()), prefix + xxhashAsHex("CurrentSlot", 128).slice(2));
    });

    it("declares the reference's AuthorityId and Slot types", () => {
      assert.deepEqual(describeSchema(AuthorityId), describeRef(refTypeId("sp_consensus_aura::sr25519::app_sr25519::Public")));
      assert.deepEqual(describeSchema(Slot), describeRef(refTypeId("sp_consensus_slots::Slot")));
    });
  });
});
