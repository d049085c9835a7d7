import { strict as assert } from "node:assert";
import { buildBalancesGenesis } from "../../../../runtime/pallets/balances/genesis.js";
import { storage as balancesStorage } from "../../../../runtime/pallets/balances/storage.js";
import { IS_NEW_LOGIC } from "../../../../runtime/pallets/balances/types.js";
import { storage as systemStorage } from "../../../../runtime/pallets/system/storage.js";
import { MemoryStorage } from "../../../../state/memory-storage.js";
import { acc, ED } from "./ext-builder.js";

describe("runtime/pallets/balances genesis", () => {
  it("endows each account as a provider and sets TotalIssuance to the sum, without events", () => {
    const io = new MemoryStorage();
    buildBalancesGenesis(io, { balances: [[acc(1), 1_000n], [acc(2), ED]] });
    assert.equal(balancesStorage.TotalIssuance.get(io), 1_000n + ED);
    assert.deepEqual(systemStorage.Account.get(io, acc(1)), {
      nonce: 0, consumers: 0, providers: 1, sufficients: 0, data: { free: 1_000n, reserved: 0n, frozen: 0n, flags: IS_NEW_LOGIC },
    });
    assert.equal(io.get(systemStorage.Events.key()), undefined);
    assert.equal(io.get(systemStorage.EventCount.key()), undefined);
  });

  it("writes TotalIssuance 0 for an empty list", () => {
    const io = new MemoryStorage();
    buildBalancesGenesis(io, { balances: [] });
    assert.deepEqual(io.get(balancesStorage.TotalIssuance.key()), new Uint8Array(16));
  });

  it("rejects a balance below ED and an account listed twice (cannot_set_genesis_value_below_ed, cannot_set_genesis_value_twice)", () => {
    assert.throws(() => buildBalancesGenesis(new MemoryStorage(), { balances: [[acc(1), ED - 1n]] }), /below the existential deposit/);
    assert.throws(() => buildBalancesGenesis(new MemoryStorage(), { balances: [[acc(1), ED], [acc(1), ED]] }), /appears twice/);
  });
});
