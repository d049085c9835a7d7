// The dispatchables of pallet_balances, ported from polkadot-v1.0.0's dispatchable and currency tests
// (facts restated for TFChain's ED of 500; Rust test names kept where a test is ported).
import { strict as assert } from "node:assert";
import { DispatchFailure } from "../../../../runtime/dispatch-error.js";
import { ensureUpgraded, setTotalIssuance } from "../../../../runtime/pallets/balances/account.js";
import { reserve } from "../../../../runtime/pallets/balances/reserve.js";
import { setLock } from "../../../../runtime/pallets/balances/locks.js";
import { IS_NEW_LOGIC, WithdrawReasons } from "../../../../runtime/pallets/balances/types.js";
import { incConsumers, incProviders, mutateAccountData } from "../../../../runtime/pallets/system/account.js";
import { acc, assertNoop, assertOk, ED, id, newExt, ROOT, signedBy } from "./ext-builder.js";

const LOCK = new TextEncoder().encode("lock_id0");

describe("runtime/pallets/balances calls", () => {
  describe("transfer_allow_death", () => {
    it("moves funds and emits Transfer (balance_transfer_works)", () => {
      const ext = newExt();
      assertOk(ext.call("transfer_allow_death", { dest: id(2), value: 1_234n }, signedBy(1)));
      assert.equal(ext.free(1), 10_000n - 1_234n);
      assert.equal(ext.free(2), 20_000n + 1_234n);
      assert.deepEqual(ext.eventNames(), ["Balances.Transfer"]);
      const ev = ext.events()[0]!.value;
      assert.deepEqual([ev.from, ev.to, ev.amount], [acc(1), acc(2), 1_234n]);
      ext.checkIssuance();
    });

    it("creates the destination: NewAccount, Endowed, then Transfer", () => {
      const ext = newExt();
      assertOk(ext.call("transfer_allow_death", { dest: id(9), value: ED }, signedBy(1)));
      assert.deepEqual(ext.eventNames(), ["System.NewAccount", "Balances.Endowed", "Balances.Transfer"]);
      const info = ext.info(9);
      assert.equal(info.providers, 1);
      assert.deepEqual(info.data, { free: ED, reserved: 0n, frozen: 0n, flags: IS_NEW_LOGIC });
      ext.checkIssuance();
    });

    it("refuses to create an account below ED (default_indexing_on_new_accounts_should_not_work2)", () => {
      const ext = newExt();
      assertNoop(ext, () => ext.call("transfer_allow_death", { dest: id(9), value: ED - 1n }, signedBy(1)), { tag: "Token", value: "BelowMinimum" });
      assert.equal(ext.free(1), 10_000n);
      ext.checkIssuance();
    });

    it("refuses more than the free balance with Token(FundsUnavailable)", () => {
      const ext = newExt();
      assertNoop(ext, () => ext.call("transfer_allow_death", { dest: id(2), value: 10_001n }, signedBy(1)), { tag: "Token", value: "FundsUnavailable" });
    });

    it("reaps the sender below ED: KilledAccount, DustLost, the dust burned (dust_account_removal_should_work)", () => {
      const ext = newExt();
      const issuance = ext.totalIssuance();
      assertOk(ext.call("transfer_allow_death", { dest: id(2), value: 9_800n }, signedBy(1)));
      assert.equal(ext.exists(1), false);
      assert.equal(ext.free(2), 29_800n);
      assert.deepEqual(ext.eventNames(), ["System.KilledAccount", "Balances.DustLost", "Balances.Transfer"]);
      assert.equal(ext.events()[1]!.value.amount, 200n);
      assert.equal(ext.totalIssuance(), issuance - 200n);
      ext.checkIssuance();
    });

    it("can send everything, leaving nothing behind", () => {
      const ext = newExt();
      assertOk(ext.call("transfer_allow_death", { dest: id(2), value: 10_000n }, signedBy(1)));
      assert.equal(ext.exists(1), false);
      assert.deepEqual(ext.eventNames(), ["System.KilledAccount", "Balances.Transfer"]);
      ext.checkIssuance();
    });

    it("keeps an account with a consumer alive: Token(Frozen) (reap_failed_due_to_provider_and_consumer)", () => {
      const ext = newExt();
      incConsumers(ext.ctx, acc(1));
      assertNoop(ext, () => ext.call("transfer_allow_death", { dest: id(2), value: 10_000n }, signedBy(1)), { tag: "Token", value: "Frozen" });
      // With a second provider the account survives losing the balance's one.
      incProviders(ext.ctx, acc(1));
      assertOk(ext.call("transfer_allow_death", { dest: id(2), value: 10_000n }, signedBy(1)));
      assert.equal(ext.info(1).providers, 1);
      assert.equal(ext.free(1), 0n);
    });

    it("is limited by locks: Token(Frozen) (basic_locking_should_work)", () => {
      const ext = newExt();
      setLock(ext.ctx, LOCK, acc(1), 9_000n, WithdrawReasons.ALL);
      assertNoop(ext, () => ext.call("transfer_allow_death", { dest: id(2), value: 5_000n }, signedBy(1)), { tag: "Token", value: "Frozen" });
      assertOk(ext.call("transfer_allow_death", { dest: id(2), value: 1_000n }, signedBy(1)));
      ext.checkIssuance();
    });

    it("cannot spend reserved funds (balance_transfer_when_on_hold_should_not_work)", () => {
      const ext = newExt();
      reserve(ext.ctx, acc(1), 6_000n);
      assertNoop(ext, () => ext.call("transfer_allow_death", { dest: id(2), value: 6_000n }, signedBy(1)), { tag: "Token", value: "FundsUnavailable" });
    });

    it("fails with CannotLookup for addresses other than MultiAddress::Id", () => {
      const ext = newExt();
      assertNoop(ext, () => ext.call("transfer_allow_death", { dest: { tag: "Address32", value: acc(2) }, value: 1n }, signedBy(1)), { tag: "CannotLookup" });
      assertNoop(ext, () => ext.call("transfer_allow_death", { dest: { tag: "Index", value: undefined }, value: 1n }, signedBy(1)), { tag: "CannotLookup" });
    });

    it("needs a signed origin", () => {
      const ext = newExt();
      assertNoop(ext, () => ext.call("transfer_allow_death", { dest: id(2), value: 1n }, ROOT), { tag: "BadOrigin" });
    });

    it("transfers zero as FRAME does: a Transfer event of 0", () => {
      const ext = newExt();
      assertOk(ext.call("transfer_allow_death", { dest: id(2), value: 0n }, signedBy(1)));
      assert.deepEqual(ext.eventNames(), ["Balances.Transfer"]);
    });
  });

  it("transfer (deprecated, index 7) behaves as transfer_allow_death", () => {
    const ext = newExt();
    assertOk(ext.call("transfer", { dest: id(2), value: 9_800n }, signedBy(1)));
    assert.deepEqual(ext.eventNames(), ["System.KilledAccount", "Balances.DustLost", "Balances.Transfer"]);
    ext.checkIssuance();
  });

  describe("transfer_keep_alive", () => {
    it("refuses to kill the sender with Token(NotExpendable) (transfer_keep_alive_works)", () => {
      const ext = newExt();
      assertNoop(ext, () => ext.call("transfer_keep_alive", { dest: id(2), value: 10_000n }, signedBy(1)), { tag: "Token", value: "NotExpendable" });
      assertNoop(ext, () => ext.call("transfer_keep_alive", { dest: id(2), value: 9_501n }, signedBy(1)), { tag: "Token", value: "NotExpendable" });
    });

    it("may leave exactly ED", () => {
      const ext = newExt();
      assertOk(ext.call("transfer_keep_alive", { dest: id(2), value: 9_500n }, signedBy(1)));
      assert.equal(ext.free(1), ED);
      ext.checkIssuance();
    });

    it("can move all free funds when the reserve keeps the account (transfer_keep_alive_all_free_succeed)", () => {
      const ext = newExt();
      reserve(ext.ctx, acc(1), 1_000n);
      // Preserve still keeps ED of the free balance.
      assertOk(ext.call("transfer_keep_alive", { dest: id(2), value: 8_500n }, signedBy(1)));
      assert.deepEqual([ext.data(1).free, ext.data(1).reserved], [ED, 1_000n]);
      ext.checkIssuance();
    });
  });

  describe("force_transfer", () => {
    it("needs Root and moves funds between any two accounts (force_transfer_works)", () => {
      const ext = newExt();
      assertNoop(ext, () => ext.call("force_transfer", { source: id(1), dest: id(2), value: 69n }, signedBy(2)), { tag: "BadOrigin" });
      assertOk(ext.call("force_transfer", { source: id(1), dest: id(2), value: 69n }, ROOT));
      assert.deepEqual([ext.free(1), ext.free(2)], [10_000n - 69n, 20_000n + 69n]);
      ext.checkIssuance();
    });
  });

  describe("transfer_all", () => {
    it("sends everything and reaps the sender without keep_alive (transfer_all_works_1)", () => {
      const ext = newExt();
      assertOk(ext.call("transfer_all", { dest: id(9), keep_alive: false }, signedBy(1)));
      assert.equal(ext.exists(1), false);
      assert.equal(ext.free(9), 10_000n);
      ext.checkIssuance();
    });

    it("leaves ED with keep_alive (transfer_all_works_2)", () => {
      const ext = newExt();
      assertOk(ext.call("transfer_all", { dest: id(9), keep_alive: true }, signedBy(1)));
      assert.deepEqual([ext.free(1), ext.free(9)], [ED, 9_500n]);
      ext.checkIssuance();
    });

    it("leaves reserved funds and the ED their consumer needs (transfer_all_works_3/4)", () => {
      for (const keep_alive of [false, true]) {
        const ext = newExt();
        reserve(ext.ctx, acc(1), 1_000n);
        assertOk(ext.call("transfer_all", { dest: id(9), keep_alive }, signedBy(1)));
        assert.deepEqual([ext.data(1).free, ext.data(1).reserved, ext.free(9)], [ED, 1_000n, 8_500n], `keep_alive ${keep_alive}`);
        ext.checkIssuance();
      }
    });
  });

  describe("force_set_balance", () => {
    it("creates an account and mints the difference (set_balance_handles_total_issuance)", () => {
      const ext = newExt();
      const issuance = ext.totalIssuance();
      assertOk(ext.call("force_set_balance", { who: id(9), new_free: 1_337n }, ROOT));
      assert.equal(ext.totalIssuance(), issuance + 1_337n);
      assert.deepEqual(ext.eventNames(), ["System.NewAccount", "Balances.Endowed", "Balances.BalanceSet"]);
      ext.checkIssuance();
    });

    it("sets a balance below ED to zero, reaping the account and burning its funds", () => {
      const ext = newExt();
      const issuance = ext.totalIssuance();
      assertOk(ext.call("force_set_balance", { who: id(1), new_free: ED - 1n }, ROOT));
      assert.equal(ext.exists(1), false);
      assert.equal(ext.totalIssuance(), issuance - 10_000n);
      assert.deepEqual(ext.eventNames(), ["System.KilledAccount", "Balances.BalanceSet"]);
      assert.equal(ext.events()[1]!.value.free, 0n);
      ext.checkIssuance();
    });

    it("cannot kill an account that has consumers (set_balance_handles_killing_account)", () => {
      const ext = newExt();
      incConsumers(ext.ctx, acc(1));
      assertNoop(ext, () => ext.call("force_set_balance", { who: id(1), new_free: 0n }, ROOT), { tag: "ConsumerRemaining" });
    });

    it("needs Root", () => {
      const ext = newExt();
      assertNoop(ext, () => ext.call("force_set_balance", { who: id(1), new_free: 1n }, signedBy(1)), { tag: "BadOrigin" });
    });
  });

  describe("set_balance_deprecated", () => {
    it("requires old_reserved to match the reserve, else Token(Unsupported)", () => {
      const ext = newExt();
      reserve(ext.ctx, acc(1), 1_000n);
      assertNoop(ext, () => ext.call("set_balance_deprecated", { who: id(1), new_free: 5_000n, old_reserved: 0n }, ROOT), { tag: "Token", value: "Unsupported" });
      assertOk(ext.call("set_balance_deprecated", { who: id(1), new_free: 5_000n, old_reserved: 1_000n }, ROOT));
      assert.deepEqual([ext.data(1).free, ext.data(1).reserved], [5_000n, 1_000n]);
      ext.checkIssuance();
    });
  });

  describe("force_unreserve", () => {
    it("moves up to the amount from reserved back to free", () => {
      const ext = newExt();
      reserve(ext.ctx, acc(1), 1_000n);
      assertOk(ext.call("force_unreserve", { who: id(1), amount: 5_000n }, ROOT));
      assert.deepEqual([ext.data(1).free, ext.data(1).reserved], [10_000n, 0n]);
      assert.equal(ext.info(1).consumers, 0);
      assert.deepEqual(ext.eventNames().slice(-1), ["Balances.Unreserved"]);
      ext.checkIssuance();
    });
  });

  describe("upgrade_accounts", () => {
    function oldLogicAccount(ext: ReturnType<typeof newExt>, n: number): void {
      incProviders(ext.ctx, acc(n));
      mutateAccountData(ext.ctx, acc(n), () => ({ data: { free: 5_000n, reserved: 500n, frozen: 0n, flags: 0n }, result: undefined }));
      setTotalIssuance(ext.ctx, ext.totalIssuance() + 5_500n);
    }

    it("gives reserved funds their consumer reference and sets the flag (upgrade_accounts_should_work)", () => {
      const ext = newExt();
      oldLogicAccount(ext, 7);
      assert.equal(ext.info(7).consumers, 0);
      const out = ext.call("upgrade_accounts", { who: [acc(7)] }, signedBy(1));
      assertOk(out);
      assert.equal(out.postInfo.paysFee, "No");
      assert.equal(ext.data(7).flags, IS_NEW_LOGIC);
      assert.deepEqual([ext.info(7).providers, ext.info(7).consumers], [1, 1]);
      assert.deepEqual(ext.eventNames().slice(-1), ["Balances.Upgraded"]);
      ext.checkIssuance();
    });

    it("is free only when at least 90% of the accounts needed upgrading", () => {
      const ext = newExt();
      oldLogicAccount(ext, 7);
      const out = ext.call("upgrade_accounts", { who: [acc(7), acc(1)] }, signedBy(1));
      assert.equal(out.postInfo.paysFee, "Yes");
      assert.equal(ext.call("upgrade_accounts", { who: [] }, signedBy(1)).postInfo.paysFee, "Yes");
    });

    it("leaves accounts already under the new logic alone", () => {
      const ext = newExt();
      assert.equal(ensureUpgraded(ext.ctx, acc(1)), false);
      assert.equal(ensureUpgraded(ext.ctx, acc(99)), false);
      assert.deepEqual(ext.eventNames(), []);
    });
  });

  describe("declarations", () => {
    it("declares FRAME's SubstrateWeight with TFChain's database weights", () => {
      const ext = newExt();
      const w = (name: string, args: Record<string, unknown>) => ext.pb.info({ tag: "Balances", value: { tag: name, value: args } }).weight;
      assert.deepEqual(w("transfer_allow_death", { dest: id(2), value: 1n }), { ref_time: 183_106_000n, proof_size: 3593n });
      assert.deepEqual(w("transfer", { dest: id(2), value: 1n }), { ref_time: 183_106_000n, proof_size: 3593n });
      assert.deepEqual(w("transfer_keep_alive", { dest: id(2), value: 1n }), { ref_time: 169_207_000n, proof_size: 3593n });
      assert.deepEqual(w("force_transfer", { source: id(1), dest: id(2), value: 1n }), { ref_time: 309_787_000n, proof_size: 6196n });
      assert.deepEqual(w("force_set_balance", { who: id(1), new_free: 1n }), { ref_time: 149_547_000n, proof_size: 3593n });
      assert.deepEqual(w("upgrade_accounts", { who: [acc(1), acc(2)] }), { ref_time: 19_284_000n + 2n * (16_099_927n + 125_000_000n), proof_size: 990n + 2n * 2603n });
    });

    it("raises pallet errors as Module errors with FRAME's indices", () => {
      const ext = newExt();
      const e = ext.pb.runtime.toDispatchError({ tag: "NamedModule", pallet: "Balances", error: "Expendability" });
      assert.deepEqual(e, { tag: "Module", value: { index: 20, error: new Uint8Array([4, 0, 0, 0]) } });
      assert.ok(new DispatchFailure(e) instanceof Error);
    });
  });
});
