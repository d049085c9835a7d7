// The Balances pallet on the wire: its calls and events against @polkadot/types over TFChain 2.9's reference
// metadata (the oracle), and the call vectors of test/vectors.
import { strict as assert } from "node:assert";
import fs from "node:fs";
import { u8aToHex } from "@polkadot/util";
import { balances } from "../../../../runtime/pallets/balances/index.js";
import { referenceRegistry } from "../../../primitives/reference.js";
import { acc, newExt } from "./ext-builder.js";

const hex = (b: Uint8Array) => u8aToHex(b);
const a1 = u8aToHex(acc(1));
const a2 = u8aToHex(acc(2));

// Arguments as @polkadot/types takes them, per call.
const CALLS: Record<string, Record<string, unknown>> = {
  transfer_allow_death: { dest: { Id: a2 }, value: 1_000_000_000_000n },
  set_balance_deprecated: { who: { Id: a1 }, new_free: 5n, old_reserved: 7n },
  force_transfer: { source: { Id: a1 }, dest: { Address32: a2 }, value: 69n },
  transfer_keep_alive: { dest: { Id: a2 }, value: 1n },
  transfer_all: { dest: { Raw: "0x0102" }, keep_alive: true },
  force_unreserve: { who: { Id: a1 }, amount: 340282366920938463463374607431768211455n },
  upgrade_accounts: { who: [a1, a2] },
  transfer: { dest: { Id: a1 }, value: 0n },
  force_set_balance: { who: { Address20: "0x" + "11".repeat(20) }, new_free: 500n },
};

describe("runtime/pallets/balances wire format", () => {
  const { registry } = referenceRegistry();
  const ext = newExt();
  const runtime = ext.pb.runtime;

  it("declares the nine calls of TFChain 2.9 with their indices", () => {
    assert.deepEqual(Object.entries(balances.calls!.list).map(([n, c]) => [n, c.index]), Object.keys(CALLS).map((n, i) => [n, i]));
  });

  for (const [name, args] of Object.entries(CALLS)) {
    it(`decodes and re-encodes ${name} exactly as @polkadot/types encodes it`, () => {
      const section = registry.metadata.pallets.find((p) => p.name.toString() === "Balances")!;
      const calls = registry.lookup.getSiType(section.calls.unwrap().type).def.asVariant.variants;
      const v = calls.find((c) => c.name.toString() === name)!;
      const bytes = registry.createType("Call", { callIndex: [20, v.index.toNumber()], args }).toU8a();
      const ours = runtime.callSchema.dec(bytes);
      assert.equal(ours.tag, "Balances");
      assert.equal(ours.value.tag, name);
      assert.equal(hex(runtime.callSchema.enc(ours)), hex(bytes));
    });
  }

  it("decodes the Balances calls of test/vectors", () => {
    const vectors = JSON.parse(fs.readFileSync("test/vectors/tfchain-extrinsics.json", "utf8")) as { call: string }[];
    const found = vectors.filter((v) => v.call.startsWith("0x14"));
    assert.ok(found.length > 0);
    for (const v of found) {
      const bytes = Uint8Array.from(Buffer.from(v.call.slice(2), "hex"));
      const call = runtime.callSchema.dec(bytes);
      assert.equal(call.value.tag, "transfer_keep_alive", v.call);
      assert.equal(hex(runtime.callSchema.enc(call)), v.call);
    }
  });

  const who = acc(1);
  const EVENTS: Record<string, unknown> = {
    Endowed: { account: who, free_balance: 1n },
    DustLost: { account: who, amount: 2n },
    Transfer: { from: who, to: acc(2), amount: 3n },
    BalanceSet: { who, free: 4n },
    Reserved: { who, amount: 5n },
    Unreserved: { who, amount: 6n },
    ReserveRepatriated: { from: who, to: acc(2), amount: 7n, destination_status: "Reserved" },
    Deposit: { who, amount: 8n },
    Withdraw: { who, amount: 9n },
    Slashed: { who, amount: 10n },
    Minted: { who, amount: 11n },
    Burned: { who, amount: 12n },
    Suspended: { who, amount: 13n },
    Restored: { who, amount: 14n },
    Upgraded: { who },
    Issued: { amount: 15n },
    Rescinded: { amount: 16n },
    Locked: { who, amount: 17n },
    Unlocked: { who, amount: 18n },
    Frozen: { who, amount: 19n },
    Thawed: { who, amount: 20n },
  };

  it("encodes all 21 events as the reference metadata declares them", () => {
    for (const [i, [name, value]] of Object.entries(EVENTS).entries()) {
      const bytes = runtime.eventSchema.enc({ tag: "Balances", value: { tag: name, value } });
      assert.deepEqual([...bytes.subarray(0, 2)], [20, i], name);
      const ev = registry.createType("Event", bytes) as any;
      assert.equal(`${ev.section}.${ev.method}`, `balances.${name}`);
      assert.equal(hex(ev.toU8a()), hex(bytes), name);
    }
  });
});
