import { strict as assert } from "node:assert";
import { AccountId32, MultiAddress } from "../../primitives/account.js";
import { Digest, DigestItem } from "../../primitives/digest.js";
import { EraSchema } from "../../primitives/era.js";
import { uncheckedExtrinsicSchema } from "../../primitives/extrinsic.js";
import { H256 } from "../../primitives/header.js";
import { struct } from "../../primitives/schema.js";
import { MultiSignature, Sr25519Signature } from "../../primitives/signature.js";
import { SIGNED_EXTENSIONS, SignedExtraSchema } from "../../primitives/signed-extensions.js";
import { describeRef, describeSchema, refExtrinsic, refTypeId } from "./reference.js";

describe("primitives metadata type info", () => {
  const byPath: [string, any][] = [
    ["sp_core::crypto::AccountId32", AccountId32],
    ["sp_runtime::multiaddress::MultiAddress", MultiAddress],
    ["sp_runtime::MultiSignature", MultiSignature],
    ["sp_core::sr25519::Signature", Sr25519Signature],
    ["sp_runtime::generic::era::Era", EraSchema],
    ["sp_runtime::generic::digest::Digest", Digest],
    ["sp_runtime::generic::digest::DigestItem", DigestItem],
    ["primitive_types::H256", H256],
  ];
  for (const [path, schema] of byPath) {
    it(`declares ${path} as the reference does`, () => {
      assert.deepEqual(describeSchema(schema), describeRef(refTypeId(path)));
    });
  }

  it("lists the nine signed extensions with the reference's types and additional-signed types", () => {
    const ref = refExtrinsic();
    assert.equal(ref.version, 4);
    assert.deepEqual(SIGNED_EXTENSIONS.map((e) => e.identifier), ref.signedExtensions.map((e) => e.identifier));
    SIGNED_EXTENSIONS.forEach((e, i) => {
      const r = ref.signedExtensions[i]!;
      assert.deepEqual(describeSchema(e.type), describeRef(r.type), `${e.identifier} type`);
      assert.deepEqual(describeSchema(e.additionalSigned), describeRef(r.additionalSigned), `${e.identifier} additionalSigned`);
    });
  });

  it("declares UncheckedExtrinsic with the reference's path, params and body", () => {
    const fakeCall = struct({ path: "tfchain_runtime::RuntimeCall" }, {});
    const ours = describeSchema(uncheckedExtrinsicSchema(fakeCall)) as any;
    const ref = describeRef(refExtrinsic().type) as any;
    assert.equal(ours.path, ref.path);
    assert.deepEqual(ours.def, ref.def);
    assert.deepEqual(ours.params.map((p: any) => p.name), ["Address", "Call", "Signature", "Extra"]);
    for (const i of [0, 2, 3]) assert.deepEqual(ours.params[i], ref.params[i], ours.params[i].name);
    assert.equal(ours.params[1].type.path, "tfchain_runtime::RuntimeCall");
    assert.deepEqual(describeSchema(SignedExtraSchema), ref.params[3].type);
  });

  it("memoises the extrinsic schema per call schema, so the registry holds one entry", () => {
    const call = struct({ path: "x::Call" }, {});
    assert.equal(uncheckedExtrinsicSchema(call), uncheckedExtrinsicSchema(call));
  });
});
