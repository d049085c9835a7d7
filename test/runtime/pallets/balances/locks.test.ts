// `LockableCurrency`, ported from polkadot-v1.0.0's currency tests (ED 500).
import { strict as assert } from "node:assert";
import { transfer } from "../../../../runtime/pallets/balances/currency.js";
import { extendLock, locks, removeLock, setLock } from "../../../../runtime/pallets/balances/locks.js";
import { WithdrawReasons } from "../../../../runtime/pallets/balances/types.js";
import { acc, assertNoopWith, newExt } from "./ext-builder.js";

const id = (s: string) => new TextEncoder().encode(s);
const L0 = id("LOCK_000");
const L1 = id("LOCK_001");
const { TRANSFER, TRANSACTION_PAYMENT, RESERVE, ALL } = WithdrawReasons;
const FROZEN = { tag: "Token", value: "Frozen" };

describe("runtime/pallets/balances locks", () => {
  it("emits Locked and Unlocked by the change of the largest lock (emit_events_with_changing_locks)", () => {
    const ext = newExt();
    const amounts = () => ext.events().map((e) => `${e.name} ${e.value.amount}`);
    setLock(ext.ctx, L0, acc(1), 10n, TRANSFER);
    setLock(ext.ctx, L0, acc(1), 15n, TRANSFER);
    setLock(ext.ctx, L1, acc(1), 20n, TRANSACTION_PAYMENT);
    setLock(ext.ctx, L0, acc(1), 17n, TRANSACTION_PAYMENT);
    setLock(ext.ctx, L1, acc(1), 15n, TRANSFER);
    removeLock(ext.ctx, L0, acc(1));
    removeLock(ext.ctx, L1, acc(1));
    assert.deepEqual(amounts(), ["Locked 10", "Locked 5", "Locked 5", "Unlocked 3", "Unlocked 2", "Unlocked 15"]);
  });

  it("overlays locks: frozen is the largest amount, whatever the reasons", () => {
    const ext = newExt();
    setLock(ext.ctx, L0, acc(1), 5_000n, TRANSFER);
    setLock(ext.ctx, L1, acc(1), 3_000n, RESERVE);
    assert.equal(ext.data(1).frozen, 5_000n);
    assert.deepEqual(locks(ext.io, acc(1)).map((l) => l.reasons), ["Misc", "Misc"]);
    setLock(ext.ctx, L0, acc(1), 1_000n, ALL);
    assert.equal(ext.data(1).frozen, 3_000n);
    assert.equal(locks(ext.io, acc(1))[0]!.reasons, "All");
  });

  it("takes consumer references: one for the frozen balance, one for the Locks entry", () => {
    const ext = newExt();
    setLock(ext.ctx, L0, acc(1), 5_000n, ALL);
    assert.equal(ext.info(1).consumers, 2);
    setLock(ext.ctx, L1, acc(1), 6_000n, ALL);
    assert.equal(ext.info(1).consumers, 2);
    removeLock(ext.ctx, L0, acc(1));
    removeLock(ext.ctx, L1, acc(1));
    assert.equal(ext.info(1).consumers, 0);
    assert.equal(ext.data(1).frozen, 0n);
  });

  it("zero amount or no reasons removes the lock (set_lock_with_amount_zero_removes_lock)", () => {
    const ext = newExt();
    setLock(ext.ctx, L0, acc(1), 10_000n, ALL);
    setLock(ext.ctx, L0, acc(1), 0n, ALL);
    transfer(ext.ctx, acc(1), acc(2), 1n, "AllowDeath");
    setLock(ext.ctx, L0, acc(1), 10_000n, ALL);
    setLock(ext.ctx, L0, acc(1), 10_000n, 0);
    transfer(ext.ctx, acc(1), acc(2), 1n, "AllowDeath");
    assert.deepEqual(locks(ext.io, acc(1)), []);
  });

  it("a partial lock leaves the rest spendable (partial_locking_should_work)", () => {
    const ext = newExt();
    setLock(ext.ctx, L0, acc(1), 5_000n, ALL);
    transfer(ext.ctx, acc(1), acc(2), 5_000n, "AllowDeath");
    assertNoopWith(ext, () => transfer(ext.ctx, acc(1), acc(2), 1n, "AllowDeath"), FROZEN);
  });

  it("extend_lock only grows a lock and widens its reasons (lock_value_extension_should_work)", () => {
    const ext = newExt();
    setLock(ext.ctx, L0, acc(1), 5_000n, TRANSFER);
    assertNoopWith(ext, () => transfer(ext.ctx, acc(1), acc(2), 6_000n, "AllowDeath"), FROZEN);
    extendLock(ext.ctx, L0, acc(1), 2_000n, TRANSACTION_PAYMENT);
    assert.deepEqual(locks(ext.io, acc(1)).map((l) => [l.amount, l.reasons]), [[5_000n, "All"]]);
    extendLock(ext.ctx, L0, acc(1), 8_000n, TRANSFER);
    assertNoopWith(ext, () => transfer(ext.ctx, acc(1), acc(2), 3_000n, "AllowDeath"), FROZEN);
    extendLock(ext.ctx, L1, acc(1), 9_000n, TRANSFER);
    assert.equal(ext.data(1).frozen, 9_000n);
  });

  it("any lock blocks transfers, even a fee-only one (lock_should_work_tx_fee)", () => {
    const ext = newExt();
    setLock(ext.ctx, L0, acc(1), 10_000n, TRANSACTION_PAYMENT);
    assertNoopWith(ext, () => transfer(ext.ctx, acc(1), acc(2), 1n, "AllowDeath"), FROZEN);
  });
});
