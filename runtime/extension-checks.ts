/**
 * The checks TFChain's signed extensions make, in FRAME's words: non-zero sender, mortality, nonce, weight,
 * and the contract tag of TFChain's own extension.
 *
 * `validate` runs in the pool against the best state (no writes kept); `preDispatch` runs in the block
 * and writes (nonce bump, block weight and length). ChargeTransactionPayment lives with the fees pallet.
 */
import { concat } from "../primitives/bytes.js";
import type { Era } from "../primitives/era.js";
import { str } from "../primitives/schema.js";
import type { OverlayedChanges } from "../state/overlay.js";
import { addWeight, type DispatchInfo, type Weight } from "./dispatch-types.js";
import { BLOCK_LENGTH, BLOCK_WEIGHTS } from "./pallets/system/constants.js";
import { saturatingAdd } from "./pallets/system/weights.js";
import { key } from "./pallets/system/block.js";
import { storage } from "./pallets/system/storage.js";
import type { PerDispatchClassWeight } from "./pallets/system/types.js";
import { invalid } from "./transaction-validity.js";

type Io = OverlayedChanges;

export function checkNonZeroSender(who: Uint8Array): void {
  if (who.every((b) => b === 0)) invalid("BadSigner");
}

/** The hash the signer committed to for its era's birth block (`AncientBirthBlock` if unknown). */
export function birthHash(io: Io, era: Era, current: number): Uint8Array {
  const n = era.birth(current);
  if (!storage.BlockHash.contains(io, n)) invalid("AncientBirthBlock");
  return storage.BlockHash.get(io, n);
}

export interface NonceValidity {
  provides: Uint8Array[];
  requires: Uint8Array[];
}

function nonceTag(who: Uint8Array, nonce: number): Uint8Array {
  const tag = new Uint8Array(36);
  tag.set(who, 0);
  new DataView(tag.buffer).setUint32(32, nonce, true);
  return tag;
}

/** CheckNonce::validate: stale is invalid, a future nonce requires its predecessor. */
export function validateNonce(io: Io, who: Uint8Array, nonce: number): NonceValidity {
  const account = storage.Account.get(io, who);
  if (account.providers === 0 && account.sufficients === 0) invalid("Payment");
  if (nonce < account.nonce) invalid("Stale");
  return {
    provides: [nonceTag(who, nonce)],
    requires: nonce > account.nonce ? [nonceTag(who, nonce - 1)] : [],
  };
}

/** CheckNonce::pre_dispatch: the nonce must be exactly the account's; it is then bumped. */
export function preDispatchNonce(io: Io, who: Uint8Array, nonce: number): void {
  const account = storage.Account.get(io, who);
  // The nonce is storage paid for by the account's existence.
  if (account.providers === 0 && account.sufficients === 0) invalid("Payment");
  if (nonce !== account.nonce) invalid(nonce < account.nonce ? "Stale" : "Future");
  storage.Account.set(io, who, { ...account, nonce: account.nonce + 1 });
}

function anyGt(a: Weight, b: Weight): boolean {
  return a.ref_time > b.ref_time || a.proof_size > b.proof_size;
}

/** CheckWeight::check_extrinsic_weight. */
export function checkExtrinsicWeight(info: DispatchInfo): void {
  const max = BLOCK_WEIGHTS.per_class[key(info.class)].max_extrinsic;
  if (max && anyGt(info.weight, max)) invalid("ExhaustsResources");
}

function checkBlockLength(io: Io, info: DispatchInfo, len: number): number {
  const next = (storage.AllExtrinsicsLen.get(io) ?? 0) + len;
  if (next > BLOCK_LENGTH.max[key(info.class)]) invalid("ExhaustsResources");
  return next;
}

function consumedWeight(io: Io, info: DispatchInfo): PerDispatchClassWeight {
  const all = storage.BlockWeight.get(io);
  const k = key(info.class);
  const limits = BLOCK_WEIGHTS.per_class[k];
  const extrinsicWeight = addWeight(info.weight, limits.base_extrinsic);
  // An unlimited class (Mandatory) accrues saturating; the others would overflow into ExhaustsResources,
  // which their limits below already catch.
  const unlimited = limits.max_total === undefined && limits.reserved === undefined;
  const next = { ...all, [k]: unlimited ? saturatingAdd(all[k], extrinsicWeight) : addWeight(all[k], extrinsicWeight) };
  const total = addWeight(addWeight(next.normal, next.operational), next.mandatory);
  if (limits.max_total && anyGt(next[k], limits.max_total)) invalid("ExhaustsResources");
  if (anyGt(total, BLOCK_WEIGHTS.max_block) && limits.reserved && anyGt(next[k], limits.reserved)) invalid("ExhaustsResources");
  return next;
}

/** CheckWeight::pre_dispatch: the extrinsic fits the block's weight and length; both tallies grow. */
export function preDispatchWeight(io: Io, info: DispatchInfo, len: number): void {
  checkExtrinsicWeight(info);
  const nextLen = checkBlockLength(io, info, len);
  const nextWeight = consumedWeight(io, info);
  storage.BlockWeight.set(io, nextWeight);
  storage.AllExtrinsicsLen.set(io, nextLen);
}

/** CheckWeight::validate: only the per-extrinsic limits. */
export function validateWeight(info: DispatchInfo, len: number): void {
  checkExtrinsicWeight(info);
  if (len > BLOCK_LENGTH.max[key(info.class)]) invalid("ExhaustsResources");
}

/** CheckWeight::post_dispatch: gives back the weight the call did not use. */
export function refundUnspentWeight(io: Io, info: DispatchInfo, actual: Weight): void {
  const unspent = { ref_time: info.weight.ref_time - actual.ref_time, proof_size: info.weight.proof_size - actual.proof_size };
  if (unspent.ref_time <= 0n && unspent.proof_size <= 0n) return;
  const k = key(info.class);
  storage.BlockWeight.mutate(io, (w) => ({
    ...w,
    [k]: {
      ref_time: sat(w[k].ref_time - max0(unspent.ref_time)),
      proof_size: sat(w[k].proof_size - max0(unspent.proof_size)),
    },
  }));
}

const max0 = (v: bigint) => (v > 0n ? v : 0n);
const sat = (v: bigint) => (v > 0n ? v : 0n);

const CONTRACT_ID_TAG_PREFIX = str.enc("ContractIdProvides");

/**
 * ContractIdProvides::validate (TFChain 2.9): a `bill_contract_for_block` provides the tag
 * `("ContractIdProvides", contract_id as little-endian bytes)`, so the pool keeps one bill per contract.
 */
export function contractIdProvides(call: { tag: string; value: { tag: string; value: any } }): Uint8Array[] {
  if (call.tag !== "SmartContractModule" || call.value.tag !== "bill_contract_for_block") return [];
  const id = new Uint8Array(8);
  new DataView(id.buffer).setBigUint64(0, BigInt(call.value.value.contract_id), true);
  return [concat(CONTRACT_ID_TAG_PREFIX, id)];
}
