import { strict as assert } from "node:assert";
import { u8aToHex } from "@polkadot/util";
import { CodecError } from "../../../../primitives/codec-error.js";
import { events, utility } from "../../../../runtime/pallets/utility/index.js";
import { OriginCaller } from "../../../../runtime/pallets/utility/origin-caller.js";
import { describeRef, describeSchema, referenceRegistry, refTypeId } from "../../../primitives/reference.js";
import { ALICE } from "./fixture.js";

describe("runtime/pallets/utility declaration", () => {
  it("declares the reference's Event enum", () => {
    assert.deepEqual(describeSchema(events), describeRef(refTypeId("pallet_utility::pallet::Event")));
  });

  it("declares the reference's Error enum", () => {
    assert.deepEqual(describeSchema(utility.errorSchema!), describeRef(refTypeId("pallet_utility::pallet::Error")));
  });

  it("declares tfchain_runtime::OriginCaller as the reference does", () => {
    assert.deepEqual(describeSchema(OriginCaller), describeRef(refTypeId("tfchain_runtime::OriginCaller")));
  });

  it("encodes OriginCaller values as @polkadot/types does with TFChain 2.9's metadata", () => {
    const { registry } = referenceRegistry();
    const type = registry.createLookupType(refTypeId("tfchain_runtime::OriginCaller"));
    const cases: [OriginCaller, unknown][] = [
      [{ tag: "system", value: { tag: "Root" } }, { system: "Root" }],
      [{ tag: "system", value: { tag: "Signed", value: ALICE } }, { system: { Signed: ALICE } }],
      [{ tag: "system", value: { tag: "None" } }, { system: "None" }],
      [{ tag: "Council", value: { tag: "Members", value: [3, 5] } }, { Council: { Members: [3, 5] } }],
      [{ tag: "Council", value: { tag: "Member", value: ALICE } }, { Council: { Member: ALICE } }],
    ];
    for (const [ours, theirs] of cases) {
      const want = registry.createType(type, theirs).toU8a();
      assert.equal(u8aToHex(OriginCaller.enc(ours)), u8aToHex(want), JSON.stringify(theirs));
      assert.equal(u8aToHex(OriginCaller.enc(OriginCaller.dec(want))), u8aToHex(want));
    }
  });

  it("decodes no Void origin: the enum has no variants", () => {
    assert.throws(() => OriginCaller.dec(new Uint8Array([2, 0])), CodecError);
  });

  it("has batched_calls_limit = 10922", () => {
    const c = utility.constants!.batched_calls_limit!;
    assert.equal(u8aToHex(c.schema.enc(c.value)), "0xaa2a0000");
  });
});
