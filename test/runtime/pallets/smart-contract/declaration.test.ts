// SmartContractModule (26), TFTPriceModule (28) and BurningModule (29) against TFChain 2.9's metadata, item by
// item.
import { strict as assert } from "node:assert";
import { buildMetadata, encodeMetadata } from "../../../../runtime/metadata.js";
import type { Pallet } from "../../../../runtime/pallet.js";
import { burning } from "../../../../runtime/pallets/burning/index.js";
import { smartContract } from "../../../../runtime/pallets/smart-contract/index.js";
import { tftPrice } from "../../../../runtime/pallets/tft-price/index.js";
import { Runtime } from "../../../../runtime/runtime.js";
import { palletDifferences, referenceMetadata, renderMetadata } from "../../../helpers/reference-metadata.js";
import { extrinsicOf, FIXTURE_VERSION } from "../../metadata-fixture.js";

const cases: [Pallet, { calls?: number; storage: number; events: number; errors: number; constants: number }][] = [
  [smartContract, { calls: 21, storage: 19, events: 29, errors: 54, constants: 3 }],
  [tftPrice, { calls: 3, storage: 7, events: 5, errors: 8, constants: 0 }],
  [burning, { calls: 1, storage: 1, events: 1, errors: 1, constants: 0 }],
];

for (const [pallet, counts] of cases) {
  describe(`runtime/pallets ${pallet.name} declaration`, () => {
    const rt = new Runtime([pallet], FIXTURE_VERSION);
    const ours = renderMetadata(encodeMetadata(buildMetadata(rt, extrinsicOf(rt)))).pallets.get(pallet.name)!;
    const diff = palletDifferences(ours, referenceMetadata().pallets.get(pallet.name)!);

    const categories = ["pallet", ...(counts.calls ? ["calls" as const] : []), "storage", "events", "errors", "constants"] as const;
    for (const category of categories) {
      it(`has the reference's ${category === "pallet" ? "index" : category}, item by item`, () => {
        assert.deepEqual(diff[category], [], diff[category].join("\n"));
      });
    }

    it(`declares ${counts.storage} storage items, ${counts.events} events, ${counts.errors} errors, ${counts.constants} constants`, () => {
      if (counts.calls) assert.equal(ours.calls!.variants.size, counts.calls);
      assert.equal(ours.storage.size, counts.storage);
      assert.equal(ours.events!.variants.size, counts.events);
      assert.equal(ours.errors!.variants.size, counts.errors);
      assert.equal(ours.constants.size, counts.constants);
    });
  });
}
