/**
 * `ChargeTransactionPayment` with TFChain's `CurrencyAdapter<Balances, DealWithFees>`: the fee is withdrawn
 * before dispatch, corrected after it, and handed to the block author.
 *
 * Events, in FRAME's order: `Balances.Withdraw` at pre-dispatch; after dispatch `Balances.Deposit` of the
 * refund (if any), `Balances.Deposit` (and `System.NewAccount`/`Balances.Endowed`) of fee + tip to the
 * author, then `TransactionPayment.TransactionFeePaid`.
 */
import { DispatchFailure } from "../../dispatch-error.js";
import type { DispatchInfo } from "../../dispatch-types.js";
import type { BlockContext, PostDispatchInfo } from "../../pallet.js";
import { invalid, TransactionInvalid } from "../../transaction-validity.js";
import { decreaseIssuance } from "../balances/account.js";
import { depositIntoExistingImbalance, resolveCreating, withdrawImbalance } from "../balances/currency.js";
import { WithdrawReasons } from "../balances/types.js";
import { key } from "../system/block.js";
import { BLOCK_LENGTH, BLOCK_WEIGHTS, U64_MAX } from "../system/constants.js";
import { computeActualFee, OPERATIONAL_FEE_MULTIPLIER } from "./fee.js";

const U128_MAX = (1n << 128n) - 1n;

/**
 * `CurrencyAdapter::withdraw_fee`: takes `fee` (tip included) from `who`, keeping the account alive.
 * Returns the amount withdrawn (0 for a zero fee); throws `TransactionInvalid(Payment)` if it cannot.
 */
export function withdrawFee(ctx: BlockContext, who: Uint8Array, fee: bigint, tip: bigint): bigint {
  if (fee === 0n) return 0n;
  const reasons = tip === 0n ? WithdrawReasons.TRANSACTION_PAYMENT : WithdrawReasons.TRANSACTION_PAYMENT | WithdrawReasons.TIP;
  try {
    return withdrawImbalance(ctx, who, fee, reasons, "KeepAlive");
  } catch (e) {
    if (e instanceof DispatchFailure) invalid("Payment");
    throw e;
  }
}

/** Whether `withdrawFee` would succeed (`ChargeTransactionPayment::validate`); changes nothing. */
export function canWithdrawFee(ctx: BlockContext, who: Uint8Array, fee: bigint, tip: bigint): boolean {
  ctx.io.startTransaction();
  try {
    withdrawFee(ctx, who, fee, tip);
    return true;
  } catch (e) {
    if (e instanceof TransactionInvalid) return false;
    throw e;
  } finally {
    ctx.io.rollbackTransaction();
  }
}

/**
 * `post_dispatch`: refunds `withdrawn - actual fee` to `who` (lost to the author if `who` no longer
 * exists), pays the rest to `author` (TFChain's `DealWithFees`; burned if there is none or it cannot be
 * created), and deposits `TransactionFeePaid`.
 */
export function correctAndDepositFee(
  ctx: BlockContext,
  who: Uint8Array,
  info: DispatchInfo,
  post: PostDispatchInfo,
  len: number,
  tip: bigint,
  withdrawn: bigint,
  author: Uint8Array | undefined,
): void {
  const actualFee = computeActualFee(ctx.io, len, info, post, tip);
  // `withdrawn` 0 is FRAME's `None`: nothing was taken, nothing is settled.
  if (withdrawn > 0n) {
    const refund = withdrawn > actualFee ? withdrawn - actualFee : 0n;
    let refunded = 0n;
    try {
      refunded = depositIntoExistingImbalance(ctx, who, refund);
    } catch (e) {
      if (!(e instanceof DispatchFailure)) throw e;
    }
    // FRAME splits fee and tip, then `on_unbalanceds` merges them again: the author gets one deposit.
    const paid = withdrawn - refunded;
    if (paid > 0n) {
      if (author) resolveCreating(ctx, author, paid);
      else decreaseIssuance(ctx, paid);
    }
  }
  ctx.deposit("TransactionPayment", { tag: "TransactionFeePaid", value: { who, actual_fee: actualFee, tip } });
}

/**
 * `ChargeTransactionPayment::get_priority`: the tip (plus one) scaled by how many such transactions fit in
 * a block; `Operational` adds a virtual tip of `final_fee × OperationalFeeMultiplier`. Saturates at u64.
 */
export function transactionPriority(info: DispatchInfo, len: number, tip: bigint, finalFee: bigint): bigint {
  const maxBlock = BLOCK_WEIGHTS.max_block;
  const maxLength = BigInt(BLOCK_LENGTH.max[key(info.class)]);
  const boundedRef = clamp(info.weight.ref_time, 1n, maxBlock.ref_time);
  const boundedProof = clamp(info.weight.proof_size, 1n, maxBlock.proof_size);
  const boundedLength = clamp(BigInt(len), 1n, maxLength);
  const perWeight = min(maxBlock.ref_time / boundedRef, maxBlock.proof_size / boundedProof);
  const maxTxPerBlock = min(maxLength / boundedLength, perWeight);
  const maxReward = (v: bigint) => sat128(v * maxTxPerBlock);
  const scaledTip = maxReward(sat128(tip + 1n));
  let priority = scaledTip;
  if (info.class === "Operational") {
    const virtualTip = sat128(finalFee * BigInt(OPERATIONAL_FEE_MULTIPLIER));
    priority = sat128(scaledTip + maxReward(virtualTip));
  }
  return min(priority, U64_MAX);
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);
const clamp = (v: bigint, lo: bigint, hi: bigint) => (v < lo ? lo : v > hi ? hi : v);
const sat128 = (v: bigint) => (v > U128_MAX ? U128_MAX : v);
