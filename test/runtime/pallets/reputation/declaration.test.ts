// The Reputation pallet's declaration (index.ts): index 60, no calls, nothing at genesis, its storage, events and
// constants as `@polkadot/types` reads them from our metadata, and its events' round trip through the runtime.
import { strict as assert } from "node:assert";
import { buildMetadata, encodeMetadata } from "../../../../runtime/metadata.js";
import { reputation } from "../../../../runtime/pallets/reputation/index.js";
import { Runtime } from "../../../../runtime/runtime.js";
import { renderMetadata } from "../../../helpers/reference-metadata.js";
import { extrinsicOf, FIXTURE_VERSION } from "../../metadata-fixture.js";
import { storage } from "../../../../runtime/pallets/reputation/storage.js";
import { storage as timestamp } from "../../../../runtime/pallets/timestamp/storage.js";
import { PalletBlock } from "../../../helpers/pallet-block.js";
import { stateRoot } from "../../../helpers/state-root.js";
import { P91_START } from "./fixtures.js";

const u64Hex = (n: bigint) => `0x${Buffer.from(new BigUint64Array([n]).buffer).toString("hex")}`;

describe("runtime/pallets Reputation declaration", () => {
  const rt = new Runtime([reputation], FIXTURE_VERSION);
  const ours = renderMetadata(encodeMetadata(buildMetadata(rt, extrinsicOf(rt)))).pallets.get("Reputation")!;

  it("is pallet 60 without calls, errors or genesis", () => {
    assert.equal(ours.index, 60);
    assert.equal(ours.calls, null);
    assert.equal(ours.errors, null);
    assert.equal(reputation.genesis, undefined);
  });

  it("stores its six items under Blake2_128Concat keys", () => {
    assert.deepEqual([...ours.storage.keys()], ["NodeState", "NodePeriods", "NodeWindows", "FarmPeriods", "TwinPayment", "SweepCursor"]);
    for (const [name, item] of ours.storage) {
      assert.equal(item.modifier, "Optional", name);
      assert.equal(item.hashers.every((h) => h === "Blake2_128Concat"), true, name);
    }
    assert.deepEqual(ours.storage.get("NodePeriods")!.hashers, ["Blake2_128Concat", "Blake2_128Concat"]);
  });

  it("declares the issue's constants", () => {
    const values = Object.fromEntries([...ours.constants].map(([name, c]) => [name, c.value]));
    assert.deepEqual(values, {
      PeriodOrigin: u64Hex(1_522_501_000n), PeriodLength: u64Hex(2_630_880n), WindowLength: u64Hex(43_200n), Windows: "0x3c000000",
      MaxCredit: u64Hex(2_460n), Drift: u64Hex(60n), ClockSkew: u64Hex(120n), WakeUp: u64Hex(1_800n), MaxStandby: u64Hex(86_400n),
      SettleDelay: u64Hex(97_200n), SlaDiy: "0xb603", SlaCertified: "0xd403", RetainPeriods: "0x06000000", SweepPerBlock: "0x64000000",
    });
  });

  it("declares its events", () => {
    assert.deepEqual([...ours.events!.variants.keys()], ["NodeViolation", "NodePeriodClosed", "PeriodClosed", "TwinPaymentStanding"]);
    assert.equal(ours.events!.path, "pallet_reputation::pallet::Event");
  });

  it("writes nothing until the chain has a time, then starts the sweep at the oldest period a credit can reach", () => {
    const b = new PalletBlock([reputation]);
    const root = stateRoot(b.io);
    reputation.hooks.onInitialize(b.block);
    assert.deepEqual(stateRoot(b.io), root);
    timestamp.Now.set(b.io, (P91_START + 1_000n) * 1000n);
    reputation.hooks.onInitialize(b.block);
    assert.deepEqual(storage.SweepCursor.get(b.io), { period: 90, next_node: 1, closed: 0 });
  });
});
