import { strict as assert } from "node:assert";
import { u8aToHex } from "@polkadot/util";
import { weight } from "../../../../runtime/dispatch-types.js";
import { ROOT, signed } from "../../../../runtime/origin.js";
import { utility } from "../../../../runtime/pallets/utility/index.js";
import type { OriginCaller } from "../../../../runtime/pallets/utility/origin-caller.js";
import { utilityWeights as W } from "../../../../runtime/pallets/utility/weights.js";
import { exampleStorage, EXAMPLE_CALL_WEIGHT } from "../../../helpers/example-pallet.js";
import { callOf } from "../../../helpers/pallet-block.js";
import { add, ALICE, BOB, BOOM, fail, operational, put, recordCaller, utilityBlock, values } from "./fixture.js";

const dispatchAs = (as_origin: OriginCaller, call: ReturnType<typeof put>) => callOf("Utility", "dispatch_as", { as_origin, call });
const withWeight = (call: ReturnType<typeof put>, w: ReturnType<typeof weight>) => callOf("Utility", "with_weight", { call, weight: w });
const asBob: OriginCaller = { tag: "system", value: { tag: "Signed", value: BOB } };

describe("runtime/pallets/utility root calls", () => {
  describe("dispatch_as", () => {
    it("dispatches with the given origin and reports the result", () => {
      const b = utilityBlock();
      assert.ok(b.dispatch(dispatchAs(asBob, recordCaller()), ROOT).ok);
      assert.equal(u8aToHex(exampleStorage.LastCaller.get(b.io)), u8aToHex(BOB));
      assert.deepEqual(b.events().at(-1), { pallet: "Utility", name: "DispatchedAs", value: { result: { success: true, value: undefined } } });
    });

    it("succeeds itself when the inner call fails, which is rolled back", () => {
      const b = utilityBlock();
      assert.ok(b.dispatch(dispatchAs(asBob, fail(1)), ROOT).ok);
      assert.deepEqual(values(b), {});
      assert.deepEqual(b.events().at(-1)!.value, { result: { success: false, value: BOOM } });
    });

    it("gives a Council origin, which a signed-only call refuses", () => {
      const b = utilityBlock();
      const council: OriginCaller = { tag: "Council", value: { tag: "Members", value: [3, 5] } };
      assert.ok(b.dispatch(dispatchAs(council, recordCaller()), ROOT).ok);
      assert.deepEqual(b.events().at(-1)!.value, { result: { success: false, value: { tag: "BadOrigin", value: undefined } } });
    });

    it("is Root only", () => {
      const b = utilityBlock();
      assert.deepEqual(b.dispatch(dispatchAs(asBob, put(1, 1)), signed(ALICE)).error, { tag: "BadOrigin" });
      assert.deepEqual(b.events(), []);
    });

    it("weighs its own part plus the call, in the call's class", () => {
      const b = utilityBlock();
      assert.deepEqual(b.info(dispatchAs(asBob, put(1, 1))).weight, add(W.dispatchAs(), EXAMPLE_CALL_WEIGHT));
      const def = utility.calls!.list.dispatch_as!;
      assert.equal(def.classOf({ as_origin: asBob, call: operational() }, b.block), "Operational");
    });
  });

  describe("with_weight", () => {
    it("declares Root's weight and the call's class (with_weight_works)", () => {
      const b = utilityBlock();
      const call = withWeight(operational(), weight(123n, 456n));
      assert.deepEqual(b.info(call).weight, weight(123n, 456n));
      assert.equal(utility.calls!.list.with_weight!.classOf(call.value.value, b.block), "Operational");
    });

    it("dispatches as Root", () => {
      const b = utilityBlock();
      assert.ok(b.dispatch(withWeight(put(1, 10), weight(1n)), ROOT).ok);
      assert.deepEqual(values(b), { 1: 10 });
    });

    it("fails with the call's error and no refund", () => {
      const b = utilityBlock();
      const out = b.dispatch(withWeight(fail(1), weight(1n)), ROOT);
      assert.deepEqual(out.error, { tag: "NamedModule", pallet: "Example", error: "Boom" });
      assert.deepEqual(out.postInfo, {});
    });

    it("is Root only", () => {
      const b = utilityBlock();
      assert.deepEqual(b.dispatch(withWeight(put(1, 1), weight(1n)), signed(ALICE)).error, { tag: "BadOrigin" });
    });
  });
});
