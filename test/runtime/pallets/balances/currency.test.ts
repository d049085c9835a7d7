// The `Currency` API other pallets use, ported from polkadot-v1.0.0's currency tests (ED 500).
import { strict as assert } from "node:assert";
import {
  depositCreating, depositIntoExisting, freeBalance, makeFreeBalanceBe, resolveCreating, slash, totalBalance, transfer, usableBalance,
  usableBalanceForFees, withdraw, withdrawImbalance,
} from "../../../../runtime/pallets/balances/currency.js";
import { setLock } from "../../../../runtime/pallets/balances/locks.js";
import { reserve } from "../../../../runtime/pallets/balances/reserve.js";
import { WithdrawReasons } from "../../../../runtime/pallets/balances/types.js";
import { incConsumers } from "../../../../runtime/pallets/system/account.js";
import { acc, assertNoopWith, attempt, ED, newExt } from "./ext-builder.js";

const LOCK = new TextEncoder().encode("lock_id0");
const { TRANSFER, TRANSACTION_PAYMENT, ALL } = WithdrawReasons;

describe("runtime/pallets/balances currency", () => {
  describe("withdraw", () => {
    it("takes the amount, emits Withdraw and burns it (withdrawing_balance_should_work)", () => {
      const ext = newExt();
      const issuance = ext.totalIssuance();
      assert.equal(withdraw(ext.ctx, acc(2), 11n, TRANSFER, "KeepAlive"), 11n);
      assert.equal(ext.free(2), 20_000n - 11n);
      assert.equal(ext.totalIssuance(), issuance - 11n);
      assert.deepEqual(ext.eventNames(), ["Balances.Withdraw"]);
      ext.checkIssuance();
    });

    it("refuses to kill a KeepAlive account with Expendability (withdrawing_balance_should_fail_when_not_expendable)", () => {
      const ext = newExt();
      reserve(ext.ctx, acc(1), 1_000n);
      assertNoopWith(ext, () => withdraw(ext.ctx, acc(1), 8_501n, TRANSFER, "KeepAlive"), "Expendability");
      withdraw(ext.ctx, acc(1), 8_500n, TRANSFER, "KeepAlive");
      assert.equal(ext.free(1), ED);
      ext.checkIssuance();
    });

    it("fails with InsufficientBalance above the free balance", () => {
      const ext = newExt();
      assertNoopWith(ext, () => withdraw(ext.ctx, acc(1), 10_001n, TRANSFER, "AllowDeath"), "InsufficientBalance");
    });

    it("reaps an AllowDeath account: Withdraw, KilledAccount, DustLost, dust burned", () => {
      const ext = newExt();
      const issuance = ext.totalIssuance();
      withdraw(ext.ctx, acc(1), 9_700n, TRANSFER, "AllowDeath");
      assert.equal(ext.exists(1), false);
      assert.deepEqual(ext.eventNames(), ["Balances.Withdraw", "System.KilledAccount", "Balances.DustLost"]);
      assert.equal(ext.totalIssuance(), issuance - 10_000n);
      ext.checkIssuance();
    });

    it("respects locks of any reasons with LiquidityRestrictions (v1.0.0 ignores the reasons)", () => {
      const ext = newExt();
      setLock(ext.ctx, LOCK, acc(1), 9_990n, TRANSFER);
      assertNoopWith(ext, () => withdraw(ext.ctx, acc(1), 11n, TRANSACTION_PAYMENT, "KeepAlive"), "LiquidityRestrictions");
      withdraw(ext.ctx, acc(1), 10n, TRANSACTION_PAYMENT, "KeepAlive");
      ext.checkIssuance();
    });

    it("leaves the issuance alone in its imbalance form", () => {
      const ext = newExt();
      const issuance = ext.totalIssuance();
      assert.equal(withdrawImbalance(ext.ctx, acc(1), 100n, TRANSFER, "KeepAlive"), 100n);
      assert.equal(ext.totalIssuance(), issuance);
    });
  });

  describe("deposits", () => {
    it("deposit_creating creates the account and mints: Deposit, NewAccount, Endowed", () => {
      const ext = newExt();
      const issuance = ext.totalIssuance();
      assert.equal(depositCreating(ext.ctx, acc(9), 1_000n), 1_000n);
      assert.deepEqual(ext.eventNames(), ["Balances.Deposit", "System.NewAccount", "Balances.Endowed"]);
      assert.equal(ext.totalIssuance(), issuance + 1_000n);
      ext.checkIssuance();
    });

    it("deposit_creating below ED on a new account does nothing (account_create_on_free_too_low)", () => {
      const ext = newExt();
      const root = ext.root();
      assert.equal(depositCreating(ext.ctx, acc(9), ED - 1n), 0n);
      assert.equal(ext.free(9), 0n);
      assert.deepEqual(ext.root(), root);
    });

    it("deposit_creating adds any amount to an existing account", () => {
      const ext = newExt();
      assert.equal(depositCreating(ext.ctx, acc(1), 1n), 1n);
      assert.equal(ext.free(1), 10_001n);
      ext.checkIssuance();
    });

    it("deposit_into_existing fails with DeadAccount for a missing account", () => {
      const ext = newExt();
      assertNoopWith(ext, () => depositIntoExisting(ext.ctx, acc(9), 1_000n), "DeadAccount");
      depositIntoExisting(ext.ctx, acc(1), 1_000n);
      assert.equal(ext.free(1), 11_000n);
      ext.checkIssuance();
    });

    it("resolve_creating pays a withdrawn amount elsewhere, burning what cannot be deposited", () => {
      const ext = newExt();
      const issuance = ext.totalIssuance();
      resolveCreating(ext.ctx, acc(2), withdrawImbalance(ext.ctx, acc(1), 1_000n, TRANSFER, "KeepAlive"));
      assert.equal(ext.totalIssuance(), issuance);
      resolveCreating(ext.ctx, acc(9), withdrawImbalance(ext.ctx, acc(1), ED - 1n, TRANSFER, "KeepAlive"));
      assert.equal(ext.exists(9), false);
      assert.equal(ext.totalIssuance(), issuance - (ED - 1n));
      ext.checkIssuance();
    });
  });

  describe("transfer", () => {
    it("maps KeepAlive to the fungible Preserve: Token(NotExpendable)", () => {
      const ext = newExt();
      assertNoopWith(ext, () => transfer(ext.ctx, acc(1), acc(2), 10_000n, "KeepAlive"), { tag: "Token", value: "NotExpendable" });
      transfer(ext.ctx, acc(1), acc(2), 10_000n, "AllowDeath");
      assert.equal(ext.exists(1), false);
      ext.checkIssuance();
    });

    it("is a no-op for zero or to oneself", () => {
      const ext = newExt();
      transfer(ext.ctx, acc(1), acc(2), 0n, "AllowDeath");
      transfer(ext.ctx, acc(1), acc(1), 5n, "AllowDeath");
      assert.deepEqual(ext.eventNames(), []);
    });

    it("account_removal_on_free_too_low: the sender's dust leaves the issuance", () => {
      const ext = newExt([[1, 1_100n], [2, 1_100n]]);
      transfer(ext.ctx, acc(1), acc(2), 700n, "AllowDeath");
      assert.deepEqual([ext.free(1), ext.free(2), ext.totalIssuance()], [0n, 1_800n, 1_800n]);
    });
  });

  describe("slash", () => {
    it("takes free funds and burns them; keeps ED for an account with consumers (slash_fails_when_account_needed)", () => {
      const ext = newExt([[1, 1_002n]]);
      reserve(ext.ctx, acc(1), 1n);
      assert.deepEqual(slash(ext.ctx, acc(1), 1n), { slashed: 1n, remaining: 0n });
      assert.deepEqual([ext.data(1).free, ext.data(1).reserved], [1_000n, 1n]);
      assert.deepEqual(slash(ext.ctx, acc(1), 600n), { slashed: 500n, remaining: 100n });
      assert.deepEqual(slash(ext.ctx, acc(1), 1n), { slashed: 0n, remaining: 1n });
      ext.checkIssuance();
    });

    it("reaps an account left with dust: KilledAccount, DustLost, Slashed (emit_events_with_existential_deposit)", () => {
      const ext = newExt([[1, ED]]);
      assert.deepEqual(slash(ext.ctx, acc(1), 1n), { slashed: 1n, remaining: 0n });
      assert.deepEqual(ext.eventNames(), ["System.KilledAccount", "Balances.DustLost", "Balances.Slashed"]);
      assert.equal(ext.totalIssuance(), 0n);
    });

    it("returns everything unslashed for an account without funds", () => {
      const ext = newExt();
      assert.deepEqual(slash(ext.ctx, acc(9), 5n), { slashed: 0n, remaining: 5n });
    });
  });

  it("make_free_balance_be sets the balance and follows with the issuance (emit_events_with_no_existential_deposit_suicide)", () => {
    const ext = newExt();
    makeFreeBalanceBe(ext.ctx, acc(9), 1_000n);
    assert.deepEqual(ext.eventNames(), ["Balances.BalanceSet", "System.NewAccount", "Balances.Endowed"]);
    makeFreeBalanceBe(ext.ctx, acc(1), 4_000n);
    assert.equal(ext.free(1), 4_000n);
    ext.checkIssuance();
    const root = ext.root();
    makeFreeBalanceBe(ext.ctx, acc(10), ED - 1n);
    assert.deepEqual(ext.root(), root, "a new account below ED is not created");
  });

  describe("inspection", () => {
    it("usable balance is free minus locks (and ED when a consumer needs it)", () => {
      const ext = newExt();
      assert.equal(usableBalance(ext.ctx, acc(1)), 10_000n);
      assert.equal(usableBalanceForFees(ext.ctx, acc(1)), 9_500n);
      setLock(ext.ctx, LOCK, acc(1), 3_000n, ALL);
      assert.equal(usableBalance(ext.ctx, acc(1)), 7_000n);
      reserve(ext.ctx, acc(1), 4_000n);
      // The lock applies to the total: reserved funds cover it.
      assert.deepEqual([freeBalance(ext.io, acc(1)), totalBalance(ext.io, acc(1)), usableBalance(ext.ctx, acc(1))], [6_000n, 10_000n, 5_500n]);
    });

    it("a failing Currency call changes nothing when run as a dispatch", () => {
      const ext = newExt();
      incConsumers(ext.ctx, acc(1));
      const root = ext.root();
      assert.deepEqual(attempt(ext, () => withdraw(ext.ctx, acc(1), 10_000n, TRANSFER, "AllowDeath")), { tag: "ConsumerRemaining" });
      assert.deepEqual(ext.root(), root);
    });
  });
});
