import { strict as assert } from "node:assert";
import { weight } from "../../../../runtime/dispatch-types.js";
import { NONE, ROOT, signed } from "../../../../runtime/origin.js";
import { timestampInherent } from "../../../../runtime/pallets/timestamp/index.js";
import { BATCHED_CALLS_LIMIT, utility } from "../../../../runtime/pallets/utility/index.js";
import { utilityWeights as W } from "../../../../runtime/pallets/utility/weights.js";
import { EXAMPLE_CALL_WEIGHT } from "../../../helpers/example-pallet.js";
import {
  actual, add, ALICE, batch, batchAll, BOOM, CALL_FILTERED, fail, foobar, forceBatch, noop, operational, put, sub,
  times, utilityBlock, values,
} from "./fixture.js";

const alice = signed(ALICE);
const START = weight(100n);
const END = weight(75n);
const DIFF = sub(START, END);

describe("runtime/pallets/utility batches", () => {
  describe("batch", () => {
    it("runs every call with the batch's origin (batch_with_signed_works)", () => {
      const b = utilityBlock();
      const out = b.dispatch(batch([put(1, 10), put(2, 20)]), alice);
      assert.ok(out.ok);
      assert.deepEqual(values(b), { 1: 10, 2: 20 });
      assert.deepEqual(b.eventNames(), ["Example.Put", "Utility.ItemCompleted", "Example.Put", "Utility.ItemCompleted", "Utility.BatchCompleted"]);
    });

    it("stops at the first failure, keeps earlier effects and still succeeds (batch_early_exit_works)", () => {
      const b = utilityBlock();
      const out = b.dispatch(batch([put(1, 10), fail(2), put(3, 30)]), alice);
      assert.ok(out.ok, "batch itself is Ok");
      assert.deepEqual(values(b), { 1: 10 }, "the failed call's write is rolled back, the third never ran");
      const events = b.events();
      assert.deepEqual(events.map((e) => e.name), ["Put", "ItemCompleted", "BatchInterrupted"]);
      assert.deepEqual(events[2]!.value, { index: 1, error: BOOM });
    });

    it("refuses the None origin (none_origin_does_not_work)", () => {
      for (const make of [batch, batchAll, forceBatch]) {
        const b = utilityBlock();
        const out = b.dispatch(make([]), NONE);
        assert.deepEqual(out.error, { tag: "BadOrigin" });
        assert.deepEqual(b.events(), []);
      }
    });

    it("cannot carry the timestamp inherent, which wants the None origin (batch_doesnt_work_with_inherents)", () => {
      const b = utilityBlock();
      assert.ok(b.dispatch(batch([timestampInherent(42n)]), alice).ok);
      // TFChain's BaseCallFilter is `Everything`: the inherent is refused by its own origin check.
      assert.deepEqual(b.events().at(-1)!.value, { index: 0, error: { tag: "BadOrigin", value: undefined } });
    });

    it("refuses more than batched_calls_limit calls (batch_limit)", () => {
      const calls = Array.from({ length: BATCHED_CALLS_LIMIT + 1 }, () => noop(weight(0n)));
      for (const make of [batch, batchAll, forceBatch]) {
        const b = utilityBlock();
        const out = b.dispatch(make(calls), alice);
        assert.deepEqual(out.error, { tag: "NamedModule", pallet: "Utility", error: "TooManyCalls" });
        assert.deepEqual(out.postInfo, {}, "charged the declared weight");
        assert.deepEqual(b.events(), []);
      }
    });

    it("accepts exactly batched_calls_limit calls", () => {
      const b = utilityBlock();
      const out = b.dispatch(batch(Array.from({ length: BATCHED_CALLS_LIMIT }, () => noop(weight(0n)))), alice);
      assert.ok(out.ok);
      assert.equal(b.events().length, BATCHED_CALLS_LIMIT + 1);
    });

    it("refunds unused weight call by call (batch_handles_weight_refund)", () => {
      const run = (calls: ReturnType<typeof foobar>[]) => {
        const b = utilityBlock();
        const call = batch(calls);
        const info = b.info(call);
        const out = b.dispatch(call, alice);
        assert.ok(out.ok);
        return { b, info, used: actual(out, info.weight) };
      };
      let r = run(Array.from({ length: 4 }, () => foobar(false, START)));
      assert.deepEqual(r.used, r.info.weight, "full weight when ok");
      r = run(Array.from({ length: 4 }, () => foobar(false, START, END)));
      assert.deepEqual(r.used, sub(r.info.weight, times(DIFF, 4)), "refund when ok");
      r = run([foobar(false, START), foobar(true, START)]);
      assert.deepEqual(r.b.events().at(-1)!.value, { index: 1, error: { tag: "Other", value: undefined } });
      assert.deepEqual(r.used, r.info.weight, "no refund when the failure reports none");
      r = run([foobar(false, START, END), foobar(true, START, END)]);
      assert.deepEqual(r.used, sub(r.info.weight, times(DIFF, 2)), "refund when err");
      r = run([foobar(false, START, END), foobar(true, START, END), foobar(true, START, END)]);
      assert.deepEqual(r.used, add(W.batch(2), times(END, 2)), "the calls never run are not charged");
    });
  });

  describe("batch_all", () => {
    it("runs every call (batch_all_works)", () => {
      const b = utilityBlock();
      assert.ok(b.dispatch(batchAll([put(1, 10), put(2, 20)]), alice).ok);
      assert.deepEqual(values(b), { 1: 10, 2: 20 });
      assert.equal(b.eventNames().at(-1), "Utility.BatchCompleted");
    });

    it("rolls everything back and fails with the call's error and weight (batch_all_revert)", () => {
      const b = utilityBlock();
      const out = b.dispatch(batchAll([put(1, 10), fail(2), put(3, 30)]), alice);
      assert.equal(out.ok, false);
      assert.deepEqual(out.error, { tag: "NamedModule", pallet: "Example", error: "Boom" });
      assert.deepEqual(out.postInfo, { actualWeight: add(W.batchAll(2), times(EXAMPLE_CALL_WEIGHT, 2)) });
      assert.deepEqual(values(b), {});
      assert.deepEqual(b.events(), [], "the earlier Put and ItemCompleted events are gone too");
    });

    it("refunds unused weight call by call (batch_all_handles_weight_refund)", () => {
      const run = (calls: ReturnType<typeof foobar>[]) => {
        const b = utilityBlock();
        const call = batchAll(calls);
        const info = b.info(call);
        const out = b.dispatch(call, alice);
        return { out, info, used: actual(out, info.weight) };
      };
      let r = run(Array.from({ length: 4 }, () => foobar(false, START)));
      assert.deepEqual(r.used, r.info.weight);
      r = run(Array.from({ length: 4 }, () => foobar(false, START, END)));
      assert.deepEqual(r.used, sub(r.info.weight, times(DIFF, 4)));
      r = run([foobar(false, START), foobar(true, START)]);
      assert.deepEqual(r.out.error, { tag: "Other" });
      assert.deepEqual(r.used, r.info.weight);
      r = run([foobar(false, START, END), foobar(true, START, END)]);
      assert.deepEqual(r.used, sub(r.info.weight, times(DIFF, 2)));
      r = run([foobar(false, START, END), foobar(true, START, END), foobar(true, START, END)]);
      assert.deepEqual(r.used, add(W.batchAll(2), times(END, 2)));
    });

    it("refuses a nested batch_all, even inside another batch (batch_all_does_not_nest)", () => {
      const inner = batchAll([put(1, 1), put(2, 2)]);
      const b = utilityBlock();
      const innerInfo = b.info(inner);
      const out = b.dispatch(batchAll([inner]), alice);
      assert.deepEqual(out.error, { tag: "NamedModule", pallet: "System", error: "CallFiltered" });
      assert.deepEqual(out.postInfo, { actualWeight: add(W.batchAll(1), innerInfo.weight) });
      assert.deepEqual(values(b), {});

      // batch_all(batch(batch_all(..))): the filter travels with the origin into the inner batch.
      assert.ok(b.dispatch(batchAll([batch([inner])]), alice).ok);
      assert.ok(b.events().some((e) => e.name === "BatchInterrupted" && e.value.index === 0 && JSON.stringify(e.value.error) === JSON.stringify(CALL_FILTERED)));
      assert.deepEqual(values(b), {});
    });

    it("lets Root nest batch_all: Root passes every filter", () => {
      const b = utilityBlock();
      assert.ok(b.dispatch(batchAll([batchAll([put(1, 10)])]), ROOT).ok);
      assert.deepEqual(values(b), { 1: 10 });
    });
  });

  describe("force_batch", () => {
    it("runs every call and reports each failure (force_batch_works)", () => {
      const b = utilityBlock();
      const out = b.dispatch(forceBatch([put(1, 10), foobar(true, weight(75n)), fail(3), put(4, 40)]), alice);
      assert.ok(out.ok);
      assert.deepEqual(values(b), { 1: 10, 4: 40 });
      const events = b.events().filter((e) => e.pallet === "Utility");
      assert.deepEqual(events.map((e) => e.name), ["ItemCompleted", "ItemFailed", "ItemFailed", "ItemCompleted", "BatchCompletedWithErrors"]);
      assert.deepEqual(events[1]!.value, { error: { tag: "Other", value: undefined } });
      assert.deepEqual(events[2]!.value, { error: BOOM });

      const clean = utilityBlock();
      assert.ok(clean.dispatch(forceBatch([put(1, 1)]), alice).ok);
      assert.equal(clean.eventNames().at(-1), "Utility.BatchCompleted");
    });

    it("declares force_batch(c) but reports batch(c) as its own weight, as FRAME does", () => {
      const b = utilityBlock();
      const call = forceBatch([put(1, 1), put(2, 2)]);
      assert.deepEqual(b.info(call).weight, add(W.forceBatch(2), times(EXAMPLE_CALL_WEIGHT, 2)));
      assert.deepEqual(b.dispatch(call, alice).postInfo, { actualWeight: add(W.batch(2), times(EXAMPLE_CALL_WEIGHT, 2)) });
    });

    it("with Root runs the inherent, which still wants None (force_batch_doesnt_work_with_inherents)", () => {
      const b = utilityBlock();
      assert.ok(b.dispatch(forceBatch([timestampInherent(42n)]), ROOT).ok);
      assert.equal(b.eventNames().at(-1), "Utility.BatchCompletedWithErrors");
    });
  });

  describe("nesting", () => {
    it("an inner batch's effects stay when the outer batch stops later", () => {
      const b = utilityBlock();
      assert.ok(b.dispatch(batch([batch([put(1, 10), put(2, 20)]), fail(3), put(4, 40)]), alice).ok);
      assert.deepEqual(values(b), { 1: 10, 2: 20 });
      const utilityEvents = b.events().filter((e) => e.pallet === "Utility").map((e) => e.name);
      assert.deepEqual(utilityEvents, ["ItemCompleted", "ItemCompleted", "BatchCompleted", "ItemCompleted", "BatchInterrupted"]);
    });

    it("an interrupted inner batch is a success for the outer batch_all", () => {
      const b = utilityBlock();
      assert.ok(b.dispatch(batchAll([batch([put(1, 10), fail(2)]), put(3, 30)]), alice).ok);
      assert.deepEqual(values(b), { 1: 10, 3: 30 });
    });

    it("a failing force_batch item inside batch_all is rolled back alone", () => {
      const b = utilityBlock();
      assert.ok(b.dispatch(batchAll([forceBatch([fail(1), put(2, 20)])]), alice).ok);
      assert.deepEqual(values(b), { 2: 20 });
    });
  });

  describe("weight and class", () => {
    it("declares the calls' weights plus its own per-call weight", () => {
      const b = utilityBlock();
      const calls = [put(1, 1), noop(weight(5n, 6n)), foobar(false, START)];
      const sum = add(EXAMPLE_CALL_WEIGHT, weight(5n, 6n), START);
      assert.deepEqual(b.info(batch(calls)).weight, add(W.batch(3), sum));
      assert.deepEqual(b.info(batchAll(calls)).weight, add(W.batchAll(3), sum));
      assert.deepEqual(b.info(batch([])).weight, W.batch(0));
    });

    it("is Operational only when every call is, an empty batch included", () => {
      const b = utilityBlock();
      const classOf = (calls: ReturnType<typeof put>[]) => utility.calls!.list.batch!.classOf({ calls }, b.block);
      assert.equal(classOf([operational(), operational()]), "Operational");
      assert.equal(classOf([operational(), put(1, 1)]), "Normal");
      assert.equal(classOf([]), "Operational");
    });

    it("saturates instead of overflowing (batch_weight_calculation_doesnt_overflow)", () => {
      const half = weight(((1n << 64n) - 1n) / 2n, ((1n << 64n) - 1n) / 2n);
      const b = utilityBlock();
      assert.deepEqual(b.info(batch([noop(half), noop(half), noop(half)])).weight, weight((1n << 64n) - 1n, (1n << 64n) - 1n));
    });

    it("uses pallet_utility's polkadot-v1.0.0 figures", () => {
      assert.deepEqual(W.batch(0), weight(16_943_157n));
      assert.deepEqual(W.batch(3), weight(16_943_157n + 3n * 4_653_855n));
      assert.deepEqual(W.batchAll(2), weight(16_448_433n + 2n * 4_796_983n));
      assert.deepEqual(W.forceBatch(1), weight(17_748_474n + 4_630_079n));
      assert.deepEqual(W.asDerivative(), weight(5_268_000n));
      assert.deepEqual(W.dispatchAs(), weight(9_353_000n));
    });
  });
});
