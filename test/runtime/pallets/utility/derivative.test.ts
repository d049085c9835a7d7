import { strict as assert } from "node:assert";
import { createKeyDerived } from "@polkadot/util-crypto";
import { u8aToHex } from "@polkadot/util";
import { weight } from "../../../../runtime/dispatch-types.js";
import { ROOT, signed } from "../../../../runtime/origin.js";
import { derivativeAccountId } from "../../../../runtime/pallets/utility/index.js";
import { utilityWeights as W } from "../../../../runtime/pallets/utility/weights.js";
import { exampleStorage } from "../../../helpers/example-pallet.js";
import { callOf } from "../../../helpers/pallet-block.js";
import { actual, add, ALICE, batchAll, foobar, put, recordCaller, sub, utilityBlock, values } from "./fixture.js";

const alice = signed(ALICE);
const asDerivative = (index: number, call: ReturnType<typeof put>) => callOf("Utility", "as_derivative", { index, call });
// The pseudonym's account data: one read and one write at TFChain's DbWeight.
const ACCOUNT_RW = weight(25_000_000n + 100_000_000n);

describe("runtime/pallets/utility as_derivative", () => {
  it("derives blake2_256(b\"modlpy/utilisuba\" ++ who ++ index LE) as @polkadot/util-crypto does", () => {
    for (const index of [0, 1, 2, 255, 256, 65535]) {
      assert.equal(u8aToHex(derivativeAccountId(ALICE, index)), u8aToHex(createKeyDerived(ALICE, index)), `index ${index}`);
    }
  });

  it("dispatches from the pseudonym (as_derivative_works)", () => {
    const b = utilityBlock();
    assert.ok(b.dispatch(asDerivative(0, recordCaller()), alice).ok);
    assert.equal(u8aToHex(exampleStorage.LastCaller.get(b.io)), u8aToHex(derivativeAccountId(ALICE, 0)));
    assert.ok(b.dispatch(asDerivative(1, recordCaller()), alice).ok);
    assert.equal(u8aToHex(exampleStorage.LastCaller.get(b.io)), u8aToHex(derivativeAccountId(ALICE, 1)));
  });

  it("fails with the inner call's error, rolled back", () => {
    const b = utilityBlock();
    const out = b.dispatch(asDerivative(0, callOf("Example", "fail", { key: 1 })), alice);
    assert.deepEqual(out.error, { tag: "NamedModule", pallet: "Example", error: "Boom" });
    assert.deepEqual(values(b), {});
  });

  it("needs a signed origin", () => {
    const b = utilityBlock();
    assert.deepEqual(b.dispatch(asDerivative(0, put(1, 1)), ROOT).error, { tag: "BadOrigin" });
  });

  it("weighs its own part, the account access and the inner call; refunds what the call did not use (as_derivative_handles_weight_refund)", () => {
    const start = weight(100n);
    const end = weight(75n);
    const diff = sub(start, end);
    const run = (inner: ReturnType<typeof foobar>) => {
      const b = utilityBlock();
      const call = asDerivative(0, inner);
      const info = b.info(call);
      const out = b.dispatch(call, alice);
      return { info, out, used: actual(out, info.weight) };
    };
    let r = run(foobar(false, start));
    assert.deepEqual(r.info.weight, add(W.asDerivative(), ACCOUNT_RW, start));
    assert.ok(r.out.ok);
    assert.deepEqual(r.used, r.info.weight, "full weight when ok");
    r = run(foobar(false, start, end));
    assert.deepEqual(r.used, sub(r.info.weight, diff), "refund when ok");
    r = run(foobar(true, start));
    assert.deepEqual(r.out.error, { tag: "Other" });
    assert.deepEqual(r.out.postInfo, { actualWeight: r.info.weight }, "full weight when err");
    r = run(foobar(true, start, end));
    assert.deepEqual(r.out.postInfo, { actualWeight: sub(r.info.weight, diff) }, "refund when err");
  });

  it("keeps the caller's call filters for the pseudonym", () => {
    const b = utilityBlock();
    const out = b.dispatch(batchAll([asDerivative(0, batchAll([put(1, 1)]))]), alice);
    assert.deepEqual(out.error, { tag: "NamedModule", pallet: "System", error: "CallFiltered" });
    assert.deepEqual(values(b), {});
  });
});
