// Sessions on the dev chain with the whole runtime and the block builder: TFChain's 600-block period, a
// rotation block that is full before its first extrinsic, and from the second rotation on a GRANDPA set
// change announced in the header (FRNK) and enacted in the same block.
import { strict as assert } from "node:assert";
import { u8aToHex } from "@polkadot/util";
import { authority } from "../../genesis/chain-spec.js";
import { u64 } from "../../primitives/schema.js";
import { findScheduledChange, grandpaLogs } from "../../runtime/pallets/grandpa/index.js";
import { storage as sessionStorage } from "../../runtime/pallets/session/storage.js";
import { SESSION_PERIOD } from "../../runtime/pallets/session/index.js";
import { storage as systemStorage } from "../../runtime/pallets/system/storage.js";
import { alice, bob, TestChain } from "../helpers/chain.js";

const hex = (b: Uint8Array) => u8aToHex(b);

describe("sessions on the dev chain (600-block period)", function () {
  this.timeout(120_000);
  const chain = new TestChain();
  const eventsAt = () => {
    const raw = chain.view().get(systemStorage.Events.key());
    return raw ? chain.ourRegistry().createType("Vec<EventRecord>", raw).map((r: any) => `${r.event.section}.${r.event.method}`) : [];
  };

  it("starts session 1 at block 600 with the same validator, and the block fits no normal extrinsic", () => {
    while (chain.bestNumber < SESSION_PERIOD - 1) chain.block([]);
    assert.equal(sessionStorage.CurrentIndex.get(chain.view()), 0);
    const transfer = chain.sign(alice, "Balances", "transfer_keep_alive", [bob.address, 1_000_000n], { nonce: 0 });
    const rotation = chain.block([transfer]);
    assert.equal(sessionStorage.CurrentIndex.get(chain.view()), 1);
    assert.ok(eventsAt().includes("session.NewSession"));
    assert.deepEqual(rotation.exhausted.map(hex), [hex(transfer)], "left for the next block, not rejected");
    assert.equal(grandpaLogs(rotation.header.digest.logs).length, 0, "the first rotation changes nothing");
    const next = chain.block([transfer]);
    assert.equal(next.extrinsics.length, 2, "timestamp and the transfer");
  });

  it("announces a GRANDPA set change at block 1200 (Alice again, set 1) and reports it through GrandpaApi", () => {
    while (chain.bestNumber < 2 * SESSION_PERIOD - 1) chain.block([]);
    const rotation = chain.block([]);
    const change = findScheduledChange(rotation.header.digest.logs)!;
    assert.deepEqual(change.next_authorities.map(([k, w]) => [hex(k), w]), [[hex(authority("Alice").grandpa), 1n]]);
    assert.equal(change.delay, 0);
    assert.ok(eventsAt().includes("grandpa.NewAuthorities"));
    assert.equal(u64.dec(chain.api.call("GrandpaApi_current_set_id", chain.state, new Uint8Array())), 1n);
  });
});
