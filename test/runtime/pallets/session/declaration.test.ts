// The validator-set pallets against TFChain 2.9's metadata, item by item (structure, paths, typeNames, docs),
// each declared alone in a runtime: ValidatorSet (10), Session (11), Grandpa (13), Historical (14), Validator (50).
import { strict as assert } from "node:assert";
import { u8aToHex } from "@polkadot/util";
import { xxhashAsHex } from "@polkadot/util-crypto";
import { buildMetadata, encodeMetadata } from "../../../../runtime/metadata.js";
import type { Pallet } from "../../../../runtime/pallet.js";
import { grandpa } from "../../../../runtime/pallets/grandpa/index.js";
import { historical } from "../../../../runtime/pallets/historical/index.js";
import { defineSession, SessionKeys, storage as sessionStorage } from "../../../../runtime/pallets/session/index.js";
import { councilMembershipStandIn, defineValidator } from "../../../../runtime/pallets/validator/index.js";
import { addValidator, removeValidator, validatorSet, validatorSetSessionManager } from "../../../../runtime/pallets/validator-set/index.js";
import { Runtime } from "../../../../runtime/runtime.js";
import { palletDifferences, referenceMetadata, renderMetadata } from "../../../helpers/reference-metadata.js";
import { describeRef, describeSchema, refTypeId } from "../../../primitives/reference.js";
import { extrinsicOf, FIXTURE_VERSION } from "../../metadata-fixture.js";

const session = defineSession({ period: 600, offset: 0, manager: validatorSetSessionManager, handlers: [] });
const validator = defineValidator({ validatorSet: { addValidator, removeValidator: (c, w) => removeValidator(c, w, 1) }, council: councilMembershipStandIn });

describe("validator-set pallets: declaration", () => {
  for (const pallet of [validatorSet, session, grandpa, historical, validator] as Pallet[]) {
    describe(`${pallet.name} (${pallet.index})`, () => {
      const rt = new Runtime([pallet], FIXTURE_VERSION);
      const ours = renderMetadata(encodeMetadata(buildMetadata(rt, extrinsicOf(rt)))).pallets.get(pallet.name)!;
      const diff = palletDifferences(ours, referenceMetadata().pallets.get(pallet.name)!);
      for (const category of ["pallet", "calls", "storage", "events", "errors", "constants"] as const) {
        it(`has the reference's ${category === "pallet" ? "index" : category}, item by item`, () => {
          assert.deepEqual(diff[category], [], diff[category].join("\n"));
        });
      }
    });
  }

  it("declares tfchain_runtime::opaque::SessionKeys as { aura, grandpa }", () => {
    assert.deepEqual(describeSchema(SessionKeys), describeRef(refTypeId("tfchain_runtime::opaque::SessionKeys")));
  });

  it("keys Session's items under the Session prefix", () => {
    assert.equal(u8aToHex(sessionStorage.Validators.key()), xxhashAsHex("Session", 128) + xxhashAsHex("Validators", 128).slice(2));
  });
});
