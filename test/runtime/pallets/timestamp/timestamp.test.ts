import { strict as assert } from "node:assert";
import { u8aToHex } from "@polkadot/util";
import { ROOT, NONE, signed } from "../../../../runtime/origin.js";
import {
  checkInherent, defineTimestamp, inherentTime, MINIMUM_PERIOD, now, storage, timestamp, timestampInherent, TimestampPanic,
} from "../../../../runtime/pallets/timestamp/index.js";
import { timestampWeights } from "../../../../runtime/pallets/timestamp/weights.js";
import { describeRef, describeSchema, refTypeId } from "../../../primitives/reference.js";
import { PalletBlock } from "../../../helpers/pallet-block.js";

const set = (moment: bigint) => timestampInherent(moment);

describe("runtime/pallets/timestamp", () => {
  describe("set", () => {
    it("stores the time and notifies OnTimestampSet (timestamp_works)", () => {
      const seen: bigint[] = [];
      const b = new PalletBlock([defineTimestamp({ onTimestampSet: (_ctx, t) => void seen.push(t) })]);
      storage.Now.set(b.io, 46_000n);
      const out = b.dispatch(set(69_000n), NONE);
      assert.ok(out.ok);
      assert.equal(now(b.io), 69_000n);
      assert.equal(storage.DidUpdate.get(b.io), true);
      assert.deepEqual(seen, [69_000n]);
    });

    it("accepts any time while the previous one is 0 (first block)", () => {
      const b = new PalletBlock([timestamp]);
      assert.ok(b.dispatch(set(1n), NONE).ok);
      assert.equal(now(b.io), 1n);
    });

    it("panics on a second set in the same block (double_timestamp_should_fail)", () => {
      const b = new PalletBlock([timestamp]);
      assert.ok(b.dispatch(set(42n), NONE).ok);
      assert.throws(
        () => b.dispatch(set(69n + MINIMUM_PERIOD * 10n), NONE),
        (e: unknown) => e instanceof TimestampPanic && e.code === "ALREADY_UPDATED" && e.message === "Timestamp must be updated only once in the block",
      );
      assert.equal(now(b.io), 42n, "the second set changed nothing");
      assert.equal(b.io.transactionDepth, 0, "the dispatch's storage transaction was closed");
    });

    it("panics below the minimum period and accepts exactly it (block_period_minimum_enforced)", () => {
      const early = new PalletBlock([timestamp]);
      storage.Now.set(early.io, 44n);
      assert.throws(() => early.dispatch(set(46n), NONE), (e: unknown) => e instanceof TimestampPanic && e.code === "TOO_EARLY");
      assert.equal(now(early.io), 44n);
      assert.equal(storage.DidUpdate.exists(early.io), false);

      const edge = new PalletBlock([timestamp]);
      storage.Now.set(edge.io, 10_000n);
      assert.throws(() => edge.dispatch(set(10_000n + MINIMUM_PERIOD - 1n), NONE), TimestampPanic);
      assert.ok(edge.dispatch(set(10_000n + MINIMUM_PERIOD), NONE).ok);
    });

    it("refuses signed and Root origins with BadOrigin", () => {
      const b = new PalletBlock([timestamp]);
      for (const origin of [ROOT, signed(new Uint8Array(32).fill(1))]) {
        const out = b.dispatch(set(5_000n), origin);
        assert.equal(out.ok, false);
        assert.deepEqual(out.error, { tag: "BadOrigin" });
      }
      assert.equal(storage.DidUpdate.exists(b.io), false);
    });

    it("is a Mandatory inherent weighing polkadot-v1.0.0's `()` set()", () => {
      const b = new PalletBlock([timestamp]);
      const info = b.info(set(1n));
      assert.deepEqual(info, { weight: { ref_time: 10_492_000n + 2n * 25_000_000n + 100_000_000n, proof_size: 1_493n }, class: "Mandatory", pays: "Yes" });
      assert.deepEqual(timestamp.inherents, ["set"]);
    });
  });

  describe("hooks", () => {
    it("charges on_finalize's weight in on_initialize", () => {
      assert.deepEqual(timestamp.hooks?.onInitialize?.(new PalletBlock([timestamp]).block), { ref_time: 4_334_000n, proof_size: 0n });
      assert.deepEqual(timestampWeights.onFinalize(), { ref_time: 4_334_000n, proof_size: 0n });
    });

    it("on_finalize takes DidUpdate, so the next block may set again", () => {
      const b = new PalletBlock([timestamp]);
      assert.ok(b.dispatch(set(6_000n), NONE).ok);
      b.finalize();
      assert.equal(b.io.get(storage.DidUpdate.key()), undefined, "DidUpdate removed, not set to false");
      assert.equal(now(b.io), 6_000n, "Now stays for the next block");
      assert.ok(b.dispatch(set(9_000n), NONE).ok);
    });

    it("on_finalize panics when no set came", () => {
      const b = new PalletBlock([timestamp]);
      assert.throws(() => b.finalize(), (e: unknown) => e instanceof TimestampPanic && e.message === "Timestamp must be updated once in the block");
    });
  });

  describe("inherent", () => {
    it("builds RuntimeCall::Timestamp(set { now })", () => {
      assert.deepEqual(timestampInherent(1_700_000_000_000n), { tag: "Timestamp", value: { tag: "set", value: { now: 1_700_000_000_000n } } });
    });

    it("proposes the author's clock, but never less than Now + MinimumPeriod", () => {
      const b = new PalletBlock([timestamp]);
      storage.Now.set(b.io, 100_000n);
      assert.equal(inherentTime(b.io, 200_000n), 200_000n);
      assert.equal(inherentTime(b.io, 101_000n), 103_000n);
    });

    it("accepts from Now + MinimumPeriod up to 30 s past the importer's clock", () => {
      const b = new PalletBlock([timestamp]);
      storage.Now.set(b.io, 100_000n);
      assert.equal(checkInherent(b.io, 102_999n, 102_999n), "TooEarly");
      assert.equal(checkInherent(b.io, 103_000n, 103_000n), undefined);
      assert.equal(checkInherent(b.io, 133_000n, 103_000n), undefined);
      assert.equal(checkInherent(b.io, 133_001n, 103_000n), "TooFarInFuture");
    });
  });

  describe("declaration", () => {
    it("has TFChain's MinimumPeriod of 3000 ms", () => {
      const c = timestamp.constants!.MinimumPeriod!;
      assert.equal(u8aToHex(c.schema.enc(c.value)), "0xb80b000000000000");
    });

    it("declares the reference's Call enum", () => {
      assert.deepEqual(describeSchema(timestamp.callSchema!), describeRef(refTypeId("pallet_timestamp::pallet::Call")));
    });

    it("keys Now and DidUpdate under the Timestamp prefix", () => {
      assert.equal(u8aToHex(storage.Now.key()), "0xf0c365c3cf59d671eb72da0e7a4113c49f1f0515f462cdcf84e0f1d6045dfcbb");
      assert.equal(u8aToHex(storage.DidUpdate.key()), "0xf0c365c3cf59d671eb72da0e7a4113c4bbd108c4899964f707fdaffb82636065");
    });
  });
});
