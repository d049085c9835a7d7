/**
 * `pallet_balances::weights::SubstrateWeight<Runtime>` of polkadot-v1.0.0 (benchmarked 2023-06-16), with
 * TFChain's database weights.
 */
import { weight, type Weight } from "../../dispatch-types.js";
import { dbReads, dbWrites } from "../system/constants.js";

function w(refTime: bigint, proofSize: bigint, reads: number, writes: number): Weight {
  return weight(refTime + dbReads(reads) + dbWrites(writes), proofSize);
}

export const transferAllowDeath = (): Weight => w(58_106_000n, 3593n, 1, 1);
export const transferKeepAlive = (): Weight => w(44_207_000n, 3593n, 1, 1);
export const forceSetBalanceCreating = (): Weight => w(16_940_000n, 3593n, 1, 1);
export const forceSetBalanceKilling = (): Weight => w(24_547_000n, 3593n, 1, 1);
export const forceTransfer = (): Weight => w(59_787_000n, 6196n, 2, 2);
export const transferAll = (): Weight => w(53_795_000n, 3593n, 1, 1);
export const forceUnreserve = (): Weight => w(20_068_000n, 3593n, 1, 1);

export function upgradeAccounts(u: number): Weight {
  const n = BigInt(u);
  return weight(19_284_000n + 16_099_927n * n + dbReads(u) + dbWrites(u), 990n + 2603n * n);
}

/** `force_set_balance` and `set_balance_deprecated` declare the larger of creating and killing, per component. */
export function forceSetBalance(): Weight {
  const a = forceSetBalanceCreating();
  const b = forceSetBalanceKilling();
  return weight(a.ref_time > b.ref_time ? a.ref_time : b.ref_time, a.proof_size > b.proof_size ? a.proof_size : b.proof_size);
}
