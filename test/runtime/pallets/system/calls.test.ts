import { strict as assert } from "node:assert";
import { blake2_256 } from "../../../../primitives/hashing.js";
import { encodeCodeMarker } from "../../../../runtime/code-marker.js";
import { ROOT, signed } from "../../../../runtime/origin.js";
import { VERSION } from "../../../../runtime/pallets/system/constants.js";
import { storage, WELL_KNOWN_KEYS } from "../../../../runtime/pallets/system/storage.js";
import { callOf, PalletBlock } from "../../../helpers/pallet-block.js";

const who = new Uint8Array(32).fill(7);
const te = (s: string) => new TextEncoder().encode(s);

describe("runtime/pallets/system calls", () => {
  it("remark accepts any origin and changes nothing", () => {
    const b = new PalletBlock([]);
    const before = b.io.changes().length;
    assert.equal(b.dispatch(callOf("System", "remark", { remark: te("hi") }), signed(who)).ok, true);
    assert.equal(b.dispatch(callOf("System", "remark", { remark: te("hi") }), { tag: "None" }).ok, true);
    assert.equal(b.io.changes().length, before);
  });

  it("remark_with_event deposits Remarked with the blake2_256 of the remark (remark_with_event_works)", () => {
    const b = new PalletBlock([]);
    assert.equal(b.dispatch(callOf("System", "remark_with_event", { remark: te("hello") }), signed(who)).ok, true);
    const ev = b.events().find((e) => e.name === "Remarked")!;
    assert.deepEqual(ev.value.sender, who);
    assert.deepEqual(ev.value.hash, blake2_256(te("hello")));
    const failed = b.dispatch(callOf("System", "remark_with_event", { remark: te("x") }), ROOT);
    assert.equal(failed.ok, false);
    assert.deepEqual(failed.error, { tag: "BadOrigin" });
  });

  it("set_storage, kill_storage and kill_prefix are Root only and write raw storage", () => {
    const b = new PalletBlock([]);
    const items = [[te(":a1"), te("1")], [te(":a2"), te("2")], [te(":b"), te("3")]];
    assert.deepEqual(b.dispatch(callOf("System", "set_storage", { items }), signed(who)).error, { tag: "BadOrigin" });
    assert.equal(b.io.get(te(":a1")), undefined, "a refused call writes nothing");
    assert.equal(b.dispatch(callOf("System", "set_storage", { items }), ROOT).ok, true);
    assert.deepEqual(b.io.get(te(":b")), te("3"));
    assert.equal(b.dispatch(callOf("System", "kill_storage", { keys: [te(":b")] }), ROOT).ok, true);
    assert.equal(b.io.get(te(":b")), undefined);
    // `subkeys` only prices the call: the whole prefix goes.
    assert.equal(b.dispatch(callOf("System", "kill_prefix", { prefix: te(":a"), subkeys: 1 }), ROOT).ok, true);
    assert.equal(b.io.get(te(":a1")), undefined);
    assert.equal(b.io.get(te(":a2")), undefined);
  });

  it("set_heap_pages writes :heappages and a RuntimeEnvironmentUpdated digest item", () => {
    const b = new PalletBlock([]);
    assert.equal(b.dispatch(callOf("System", "set_heap_pages", { pages: 64n }), ROOT).ok, true);
    assert.deepEqual(b.io.get(WELL_KNOWN_KEYS.HEAP_PAGES), Uint8Array.from([64, 0, 0, 0, 0, 0, 0, 0]));
    assert.deepEqual(storage.Digest.get(b.io).logs.map((l) => l.tag), ["RuntimeEnvironmentUpdated"]);
  });

  it("set_code takes only a newer spec of the same runtime (set_code_checks_works)", () => {
    const cases: [Uint8Array, string | undefined][] = [
      [te("not a runtime"), "FailedToExtractRuntimeVersion"],
      [encodeCodeMarker({ spec_name: "other-chain", spec_version: VERSION.spec_version + 1 }), "InvalidSpecName"],
      [encodeCodeMarker({ spec_name: VERSION.spec_name, spec_version: VERSION.spec_version }), "SpecVersionNeedsToIncrease"],
      [encodeCodeMarker({ spec_name: VERSION.spec_name, spec_version: VERSION.spec_version + 1 }), undefined],
    ];
    for (const [code, error] of cases) {
      const b = new PalletBlock([]);
      const out = b.dispatch(callOf("System", "set_code", { code }), ROOT);
      if (error) {
        assert.equal(out.ok, false, error);
        assert.deepEqual(b.runtime.toDispatchError(out.error!), { tag: "Module", value: { index: 0, error: Uint8Array.from([errorIndex(error), 0, 0, 0]) } }, error);
        assert.equal(b.io.get(WELL_KNOWN_KEYS.CODE), undefined);
      } else {
        assert.equal(out.ok, true);
        assert.deepEqual(b.io.get(WELL_KNOWN_KEYS.CODE), code);
        assert.deepEqual(b.eventNames(), ["System.CodeUpdated"]);
      }
    }
    assert.deepEqual(new PalletBlock([]).dispatch(callOf("System", "set_code", { code: te("x") }), signed(who)).error, { tag: "BadOrigin" });
  });
});

function errorIndex(name: string): number {
  return ["InvalidSpecName", "SpecVersionNeedsToIncrease", "FailedToExtractRuntimeVersion"].indexOf(name);
}
