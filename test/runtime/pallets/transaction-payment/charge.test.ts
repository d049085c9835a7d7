// ChargeTransactionPayment with TFChain's CurrencyAdapter and DealWithFees (fees to the block author),
// ported from pallet_transaction_payment's and pallet_balances' tests (ED 500).
import { strict as assert } from "node:assert";
import type { DispatchInfo } from "../../../../runtime/dispatch-types.js";
import { transfer } from "../../../../runtime/pallets/balances/currency.js";
import { setLock } from "../../../../runtime/pallets/balances/locks.js";
import { WithdrawReasons } from "../../../../runtime/pallets/balances/types.js";
import { canWithdrawFee, correctAndDepositFee, transactionPriority, withdrawFee } from "../../../../runtime/pallets/transaction-payment/charge.js";
import { computeFee } from "../../../../runtime/pallets/transaction-payment/fee.js";
import { TransactionInvalid } from "../../../../runtime/transaction-validity.js";
import { acc, ED, newExt } from "../balances/ext-builder.js";

const info = (ref: bigint, o: Partial<DispatchInfo> = {}): DispatchInfo => ({ weight: { ref_time: ref, proof_size: 0n }, class: "Normal", pays_fee: "Yes", ...o });
const DECLARED = info(1_000_000_000n);
const LEN = 100;
const AUTHOR = 4;
const rich = () => newExt([[1, 1_000_000n], [2, 2_000_000n], [3, 3_000_000n], [AUTHOR, 4_000_000n]]);

/** Pre-dispatch, then post-dispatch with `post`: what the executive does around a dispatch. */
function charge(ext: ReturnType<typeof newExt>, who: number, tip: bigint, post = {}, author: Uint8Array | null = acc(AUTHOR), i = DECLARED) {
  const fee = computeFee(ext.io, LEN, i, tip);
  const withdrawn = withdrawFee(ext.ctx, acc(who), fee, tip);
  correctAndDepositFee(ext.ctx, acc(who), i, post, LEN, tip, withdrawn, author ?? undefined);
  return { fee, withdrawn };
}

describe("runtime/pallets/transaction-payment charge", () => {
  it("withdraws the fee, pays it to the author and emits TransactionFeePaid (signed_extension_transaction_payment_work)", () => {
    const ext = rich();
    const issuance = ext.totalIssuance();
    const { fee } = charge(ext, 1, 5n);
    assert.equal(fee, 10_000n + 100n + 80_376n + 5n);
    assert.equal(ext.free(1), 1_000_000n - fee);
    assert.equal(ext.free(AUTHOR), 4_000_000n + fee);
    assert.equal(ext.totalIssuance(), issuance, "fees move, they are not burned");
    assert.deepEqual(ext.eventNames(), ["Balances.Withdraw", "Balances.Deposit", "TransactionPayment.TransactionFeePaid"]);
    assert.deepEqual(ext.events()[2]!.value, { who: acc(1), actual_fee: fee, tip: 5n });
    ext.checkIssuance();
  });

  it("refunds the unused weight before paying the author (signed_extension_transaction_payment_multiplied_refund_works)", () => {
    const ext = rich();
    const { fee } = charge(ext, 2, 5n, { actualWeight: { ref_time: 124_414_000n, proof_size: 0n } });
    const actual = 10_000n + 100n + 10_000n + 5n;
    assert.equal(ext.free(2), 2_000_000n - actual);
    assert.equal(ext.free(AUTHOR), 4_000_000n + actual);
    assert.deepEqual(ext.eventNames(), ["Balances.Withdraw", "Balances.Deposit", "Balances.Deposit", "TransactionPayment.TransactionFeePaid"]);
    assert.deepEqual(ext.events().slice(0, 3).map((e) => e.value.amount), [fee, fee - actual, actual]);
    assert.deepEqual(ext.events()[3]!.value, { who: acc(2), actual_fee: actual, tip: 5n });
    ext.checkIssuance();
  });

  it("charges only the tip when the dispatch says Pays::No (post_info_can_change_pays_fee)", () => {
    const ext = rich();
    charge(ext, 2, 5n, { paysFee: "No" });
    assert.equal(ext.free(2), 2_000_000n - 5n);
    assert.equal(ext.free(AUTHOR), 4_000_000n + 5n);
    ext.checkIssuance();
  });

  it("settles nothing for a free transaction but still reports it (zero_transfer_on_free_transaction)", () => {
    const ext = rich();
    const { withdrawn } = charge(ext, 69, 0n, {}, acc(AUTHOR), info(100n, { pays_fee: "No" }));
    assert.equal(withdrawn, 0n);
    assert.deepEqual(ext.eventNames(), ["TransactionPayment.TransactionFeePaid"]);
    assert.deepEqual(ext.events()[0]!.value, { who: acc(69), actual_fee: 0n, tip: 0n });
  });

  it("does not recreate a reaped payer: its refund goes to the author (refund_does_not_recreate_account)", () => {
    const ext = rich();
    const tip = 5n;
    const fee = computeFee(ext.io, LEN, DECLARED, tip);
    const withdrawn = withdrawFee(ext.ctx, acc(2), fee, tip);
    transfer(ext.ctx, acc(2), acc(3), ext.free(2), "AllowDeath");
    assert.equal(ext.exists(2), false);
    correctAndDepositFee(ext.ctx, acc(2), DECLARED, { actualWeight: { ref_time: 0n, proof_size: 0n } }, LEN, tip, withdrawn, acc(AUTHOR));
    assert.equal(ext.exists(2), false);
    assert.equal(ext.free(AUTHOR), 4_000_000n + withdrawn);
    ext.checkIssuance();
  });

  it("burns the fee when there is no author", () => {
    const ext = rich();
    const issuance = ext.totalIssuance();
    const { fee } = charge(ext, 1, 0n, {}, null);
    assert.equal(ext.totalIssuance(), issuance - fee);
    assert.deepEqual(ext.eventNames(), ["Balances.Withdraw", "TransactionPayment.TransactionFeePaid"]);
    ext.checkIssuance();
  });

  it("creates a new author account for a fee of at least ED, burns a smaller one", () => {
    const ext = rich();
    charge(ext, 1, 0n, {}, acc(9));
    assert.deepEqual(ext.eventNames().slice(1, 4), ["Balances.Deposit", "System.NewAccount", "Balances.Endowed"]);
    ext.checkIssuance();
    const small = rich();
    const issuance = small.totalIssuance();
    // A tip-only fee below ED cannot open the author's account: it is burned.
    charge(small, 1, 7n, { paysFee: "No" }, acc(9));
    assert.equal(small.exists(9), false);
    assert.equal(small.totalIssuance(), issuance - 7n);
    small.checkIssuance();
  });

  it("refuses a fee that would kill the payer with InvalidTransaction::Payment", () => {
    const ext = newExt([[1, 20_000n], [5, 20_500n]]);
    const fee = computeFee(ext.io, LEN, DECLARED, 0n);
    assert.ok(fee > 20_000n - ED);
    assert.equal(canWithdrawFee(ext.ctx, acc(1), fee, 0n), false);
    const root = ext.root();
    assert.equal(canWithdrawFee(ext.ctx, acc(5), 20_000n, 0n), true);
    assert.deepEqual(ext.root(), root, "validation changes nothing");
    assert.throws(() => withdrawFee(ext.ctx, acc(1), fee, 0n), (e: unknown) => e instanceof TransactionInvalid && e.error.tag === "Invalid" && e.error.value.tag === "Payment");
    assert.equal(canWithdrawFee(ext.ctx, acc(9), 1n, 0n), false, "an account that does not exist cannot pay");
  });

  it("is blocked by locks of any reasons (lock_should_work_tx_fee)", () => {
    const ext = rich();
    setLock(ext.ctx, new TextEncoder().encode("lock_id0"), acc(1), 1_000_000n, WithdrawReasons.TRANSACTION_PAYMENT);
    assert.equal(canWithdrawFee(ext.ctx, acc(1), 1n, 0n), false);
    setLock(ext.ctx, new TextEncoder().encode("lock_id0"), acc(1), 1_000_000n, WithdrawReasons.RESERVE);
    assert.equal(canWithdrawFee(ext.ctx, acc(1), 1n, 1n), false);
  });

  describe("priority", () => {
    const normal = info(100n);
    const operational = info(100n, { class: "Operational" });

    it("scales tip + 1 by how many such extrinsics fit a block (no_tip_has_some_priority)", () => {
      // Weight 100 fits 2e10 times, 10 bytes 393_216 times in 3.75 MiB: length limits.
      assert.equal(transactionPriority(normal, 10, 0n, 0n), 393_216n);
      assert.equal(transactionPriority(normal, 10, 5n, 0n), 6n * 393_216n);
      // transfer_keep_alive: weight limits (2e12 / 169_207_000 = 11_819).
      assert.equal(transactionPriority(info(169_207_000n), 150, 0n, 0n), 11_819n);
    });

    it("adds a virtual tip of final fee × 5 for Operational, over 5 MiB (should_alter_operational_priority)", () => {
      assert.equal(transactionPriority(operational, 10, 5n, 1_000n), (6n + 5n * 1_000n) * 524_288n);
      assert.ok(transactionPriority(operational, 10, 0n, 1_000n) > transactionPriority(normal, 10, 0n, 1_000n));
    });

    it("grows with the tip and saturates at u64::MAX (higher_tip_have_higher_priority)", () => {
      assert.ok(transactionPriority(normal, 10, 2n, 0n) > transactionPriority(normal, 10, 1n, 0n));
      assert.equal(transactionPriority(normal, 10, 1n << 100n, 0n), (1n << 64n) - 1n);
    });
  });
});
