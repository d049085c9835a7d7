// `ReservableCurrency`, ported from polkadot-v1.0.0's currency tests (ED 500).
import { strict as assert } from "node:assert";
import { canReserve, repatriateReserved, reserve, slashReserved, unreserve } from "../../../../runtime/pallets/balances/reserve.js";
import { setLock } from "../../../../runtime/pallets/balances/locks.js";
import { WithdrawReasons } from "../../../../runtime/pallets/balances/types.js";
import { acc, assertNoopWith, ED, newExt } from "./ext-builder.js";

describe("runtime/pallets/balances reserve", () => {
  it("moves funds from free to reserved and back, with events (emit_events_with_reserve_and_unreserve)", () => {
    const ext = newExt();
    reserve(ext.ctx, acc(1), 6_900n);
    assert.deepEqual([ext.data(1).free, ext.data(1).reserved], [3_100n, 6_900n]);
    assert.equal(ext.info(1).consumers, 1, "reserved funds hold a consumer reference");
    assert.equal(unreserve(ext.ctx, acc(1), 5_000n), 0n);
    assert.equal(unreserve(ext.ctx, acc(1), 2_000n), 100n, "only what is reserved comes back");
    assert.deepEqual([ext.data(1).free, ext.data(1).reserved], [10_000n, 0n]);
    assert.equal(ext.info(1).consumers, 0);
    assert.deepEqual(ext.eventNames(), ["Balances.Reserved", "Balances.Unreserved", "Balances.Unreserved"]);
    assert.deepEqual(ext.events().map((e) => e.value.amount), [6_900n, 5_000n, 1_900n]);
    ext.checkIssuance();
  });

  it("fails with InsufficientBalance beyond the free balance", () => {
    const ext = newExt();
    assertNoopWith(ext, () => reserve(ext.ctx, acc(1), 10_001n), "InsufficientBalance");
  });

  it("may reserve below ED but then the account needs its provider (existential_deposit_respected_when_reserving)", () => {
    const ext = newExt([[1, ED + 1n]]);
    reserve(ext.ctx, acc(1), 1n);
    assert.deepEqual([ext.data(1).free, ext.data(1).reserved], [ED, 1n]);
    assertNoopWith(ext, () => reserve(ext.ctx, acc(1), 1n), { tag: "ConsumerRemaining" });
    assert.equal(canReserve(ext.io, acc(1), 1n), false);
  });

  it("respects locks with LiquidityRestrictions (lock_should_work_reserve)", () => {
    const ext = newExt();
    setLock(ext.ctx, new TextEncoder().encode("lock_id0"), acc(1), 10_000n, WithdrawReasons.RESERVE);
    assertNoopWith(ext, () => reserve(ext.ctx, acc(1), 1n), "LiquidityRestrictions");
    assert.equal(canReserve(ext.io, acc(1), 1n), false);
  });

  it("unreserve on an account without funds returns everything", () => {
    const ext = newExt();
    assert.equal(unreserve(ext.ctx, acc(9), 5n), 5n);
    assert.deepEqual(ext.eventNames(), []);
  });

  it("slash_reserved burns from the reserve only", () => {
    const ext = newExt();
    reserve(ext.ctx, acc(1), 1_000n);
    assert.deepEqual(slashReserved(ext.ctx, acc(1), 1_500n), { slashed: 1_000n, remaining: 500n });
    assert.deepEqual([ext.data(1).free, ext.data(1).reserved], [9_000n, 0n]);
    ext.checkIssuance();
  });

  describe("repatriate_reserved", () => {
    it("to the beneficiary's free balance (repatriating_reserved_balance_should_work)", () => {
      const ext = newExt();
      reserve(ext.ctx, acc(1), 9_000n);
      assert.equal(repatriateReserved(ext.ctx, acc(1), acc(2), 4_100n, "Free"), 0n);
      assert.deepEqual([ext.data(1).reserved, ext.data(1).free, ext.data(2).reserved, ext.data(2).free], [4_900n, 1_000n, 0n, 24_100n]);
      const last = ext.events().at(-1)!;
      assert.equal(last.name, "ReserveRepatriated");
      assert.deepEqual(last.value, { from: acc(1), to: acc(2), amount: 4_100n, destination_status: "Free" });
      ext.checkIssuance();
    });

    it("to the beneficiary's reserve (transferring_reserved_balance_should_work)", () => {
      const ext = newExt();
      reserve(ext.ctx, acc(1), 9_000n);
      assert.equal(repatriateReserved(ext.ctx, acc(1), acc(2), 4_100n, "Reserved"), 0n);
      assert.deepEqual([ext.data(2).reserved, ext.data(2).free], [4_100n, 20_000n]);
      assert.equal(ext.info(2).consumers, 1);
      ext.checkIssuance();
    });

    it("moves only what is reserved (transferring_incomplete_reserved_balance_should_work)", () => {
      const ext = newExt();
      reserve(ext.ctx, acc(1), 4_100n);
      assert.equal(repatriateReserved(ext.ctx, acc(1), acc(2), 6_900n, "Free"), 2_800n);
      assert.deepEqual([ext.data(1).reserved, ext.data(2).free], [0n, 24_100n]);
      assert.equal(ext.info(1).consumers, 0);
      ext.checkIssuance();
    });

    it("to oneself unreserves (transferring_reserved_balance_to_yourself_should_work)", () => {
      const ext = newExt();
      reserve(ext.ctx, acc(1), 5_000n);
      assert.equal(repatriateReserved(ext.ctx, acc(1), acc(1), 6_000n, "Free"), 1_000n);
      assert.deepEqual([ext.data(1).free, ext.data(1).reserved], [10_000n, 0n]);
    });

    it("fails with DeadAccount for a missing beneficiary (transferring_reserved_balance_to_nonexistent_should_fail)", () => {
      const ext = newExt();
      reserve(ext.ctx, acc(1), 9_000n);
      assertNoopWith(ext, () => repatriateReserved(ext.ctx, acc(1), acc(9), 4_200n, "Free"), "DeadAccount");
    });
  });
});
