/**
 * The executive: runs a block through the runtime, as FRAME's `Executive` does.
 *
 * initializeBlock → (inherents, then signed extrinsics through `applyExtrinsic`) → finalizeBlock. Each
 * extrinsic is checked (lookup, mortality, signature), noted, pre-dispatched through the signed
 * extensions (nonce, weight, fee withdrawal), dispatched in a storage transaction, post-dispatched
 * (weight refund, fee correction to the author) and reported as `ExtrinsicSuccess`/`ExtrinsicFailed`.
 * An invalid extrinsic changes nothing and is reported by throwing `TransactionInvalid`.
 */
import { addressAccount } from "../primitives/account.js";
import type { DigestItem } from "../primitives/digest.js";
import { decodeExtrinsic, checkExtrinsicSignature, type Extrinsic } from "../primitives/extrinsic.js";
import type { OverlayedChanges } from "../state/overlay.js";
import { BlockExecution } from "./block-context.js";
import { addWeight, type DispatchErrorValue, type DispatchInfo, type Weight } from "./dispatch-types.js";
import {
  birthHash, checkNonZeroSender, contractIdProvides, preDispatchNonce, preDispatchWeight, refundUnspentWeight, validateNonce, validateWeight,
} from "./extension-checks.js";
import type { PostDispatchInfo, RuntimeCallValue } from "./pallet.js";
import { NONE, signed, type Origin } from "./origin.js";
import {
  baseExtrinsicWeight, finalize, initialize, noteAppliedExtrinsic, noteExtrinsic, noteFinishedExtrinsics,
  noteFinishedInitialize, registerExtraWeightUnchecked, resetEvents,
} from "./pallets/system/block.js";
import { BLOCK_WEIGHTS, VERSION } from "./pallets/system/constants.js";
import { saturatingAdd } from "./pallets/system/weights.js";
import { storage as systemStorage } from "./pallets/system/storage.js";
import { canWithdrawFee, correctAndDepositFee, transactionPriority, withdrawFee } from "./pallets/transaction-payment/charge.js";
import { computeFee } from "./pallets/transaction-payment/fee.js";
import type { Runtime } from "./runtime.js";
import { invalid, TransactionInvalid, type ValidTransaction } from "./transaction-validity.js";

export interface BlockEnv {
  number: number;
  parentHash: Uint8Array;
  /** Pre-runtime digest items (Aura's slot) the author put in the header. */
  logs: DigestItem[];
  /**
   * Pays the block's fees to this account instead of `Authorship::author()`, which the runtime finds from
   * the Aura slot in `logs`. For tests and benches only: a real block's author comes from its digest.
   */
  author?: Uint8Array;
}

/** What applying one extrinsic did: `error` is set when its dispatch failed (it is still in the block). */
export interface AppliedExtrinsic {
  error?: DispatchErrorValue;
  info: DispatchInfo;
}

export interface ApplyOptions {
  /**
   * The caller already verified this extrinsic's signature against the same birth hash (the pool's
   * worker threads do): skip the second check. PERF: signature checks dominate block execution.
   */
  signatureVerified?: boolean;
  /** The caller's own decoding of these bytes (the pool decodes before it validates). */
  decoded?: { xt: Extrinsic; call: RuntimeCallValue };
}

interface CheckedExtrinsic {
  xt: Extrinsic;
  call: RuntimeCallValue;
  signer?: Uint8Array;
  info: DispatchInfo;
}

export class Executive {
  constructor(
    readonly runtime: Runtime,
    private readonly genesisHash: Uint8Array,
  ) {}

  initializeBlock(io: OverlayedChanges, env: BlockEnv): BlockExecution {
    // Events are reset first, so that a runtime upgrade's events stay in the block.
    resetEvents(io);
    const block = new BlockExecution(this.runtime, io, env.number, env.author);
    let weight = this.runtimeUpgraded(io) ? this.onRuntimeUpgrade(block) : { ref_time: 0n, proof_size: 0n };
    initialize(io, env.number, env.parentHash, env.logs);
    for (const p of this.runtime.pallets) {
      const w = p.hooks?.onInitialize?.(block);
      if (w) weight = saturatingAdd(weight, w);
    }
    weight = saturatingAdd(weight, BLOCK_WEIGHTS.base_block);
    registerExtraWeightUnchecked(io, weight, "Mandatory");
    noteFinishedInitialize(io);
    return block;
  }

  /**
   * Applies one extrinsic (full encoding, length prefix included) to the block. Throws
   * `TransactionInvalid` (state untouched) when it may not be included, or a `CodecError` if it
   * does not decode.
   */
  applyExtrinsic(block: BlockExecution, encoded: Uint8Array, opts: ApplyOptions = {}): AppliedExtrinsic {
    const io = block.io;
    io.startTransaction();
    try {
      const applied = this.apply(block, encoded, opts);
      io.commitTransaction();
      return applied;
    } catch (e) {
      io.rollbackTransaction();
      throw e;
    }
  }

  finalizeBlock(block: BlockExecution) {
    noteFinishedExtrinsics(block.io);
    for (const p of this.runtime.pallets) p.hooks?.onFinalize?.(block);
    // on_idle: no TFChain pallet uses it, but FRAME still registers its (zero) weight.
    registerExtraWeightUnchecked(block.io, { ref_time: 0n, proof_size: 0n }, "Mandatory");
    return finalize(block.io);
  }

  /**
   * `TaggedTransactionQueue_validate_transaction`: checks `encoded` against the state after block
   * `parentNumber` (hash `parentHash`) as if it went into the next block. Writes go to `io` and are
   * meant to be dropped. `opts.signatureVerified` skips the signature check, as for `applyExtrinsic`.
   */
  validateTransaction(io: OverlayedChanges, encoded: Uint8Array, parentHash: Uint8Array, opts: ApplyOptions = {}): ValidTransaction {
    const number = systemStorage.Number.get(io) + 1;
    // PERF: validation needs only what the checks read (the number, the parent's hash for mortality), and
    // its events would be thrown away with the overlay.
    systemStorage.Number.set(io, number);
    systemStorage.BlockHash.set(io, number - 1, parentHash);
    const block = new BlockExecution(this.runtime, io, number, undefined, { recordEvents: false });
    const checked = this.check(block, encoded, opts.signatureVerified, opts.decoded);
    // Inherents (Mandatory) are never valid as pool transactions, as FRAME's validate_transaction says.
    if (checked.info.class === "Mandatory") invalid("MandatoryValidation");
    if (!checked.signer) invalid("Call");
    const { xt, signer, info } = checked;
    const s = xt.signed!;
    checkNonZeroSender(signer);
    const nonce = validateNonce(io, signer, s.nonce);
    validateWeight(info, encoded.length);
    const fee = computeFee(io, encoded.length, info, s.tip);
    if (!canWithdrawFee(block, signer, fee, s.tip)) invalid("Payment");
    return {
      priority: transactionPriority(info, encoded.length, s.tip, fee),
      requires: nonce.requires,
      provides: [...nonce.provides, ...contractIdProvides(checked.call)],
      longevity: s.era.longevity(number),
      propagate: true,
    };
  }

  /** The dispatch info of an encoded extrinsic (weight, class, pays), for fee queries. */
  dispatchInfo(encoded: Uint8Array): DispatchInfo {
    const xt = decodeExtrinsic(encoded);
    return this.infoOf(this.runtime.callSchema.dec(xt.call));
  }

  private apply(block: BlockExecution, encoded: Uint8Array, opts: ApplyOptions): AppliedExtrinsic {
    const io = block.io;
    const checked = this.check(block, encoded, opts.signatureVerified, opts.decoded);
    const { xt, call, signer, info } = checked;
    noteExtrinsic(io, encoded);

    let withdrawn = 0n;
    if (signer) {
      const s = xt.signed!;
      checkNonZeroSender(signer);
      preDispatchNonce(io, signer, s.nonce);
      preDispatchWeight(io, info, encoded.length);
      const fee = computeFee(io, encoded.length, info, s.tip);
      withdrawn = withdrawFee(block, signer, fee, s.tip);
    } else {
      preDispatchWeight(io, info, encoded.length);
    }

    const origin: Origin = signer ? signed(signer) : NONE;
    const outcome = block.dispatch(call, origin);
    const post: PostDispatchInfo = outcome.postInfo;
    if (!outcome.ok && info.class === "Mandatory") invalid("BadMandatory");

    const actual = actualWeight(info, post);
    refundUnspentWeight(io, info, actual);
    if (signer) correctAndDepositFee(block, signer, info, post, encoded.length, xt.signed!.tip, withdrawn, block.author);

    const error = outcome.ok ? undefined : this.runtime.toDispatchError(outcome.error!);
    const reported: DispatchInfo = {
      weight: addWeight(actual, baseExtrinsicWeight(info.class)),
      class: info.class,
      pays_fee: info.pays_fee === "No" || post.paysFee === "No" ? "No" : "Yes",
    };
    noteAppliedExtrinsic(block, error, reported);
    return { error, info: reported };
  }

  /** Decodes and authenticates: `UncheckedExtrinsic::check` (lookup, birth block, signature). */
  private check(block: BlockExecution, encoded: Uint8Array, signatureVerified = false, decoded?: ApplyOptions["decoded"]): CheckedExtrinsic {
    const xt = decoded?.xt ?? decodeExtrinsic(encoded);
    const call = decoded?.call ?? this.runtime.callSchema.dec(xt.call);
    const info = this.infoOf(call, block);
    if (!xt.signed) {
      const pallet = this.runtime.pallet(call.tag);
      if (!pallet.inherents?.includes(call.value.tag)) {
        throw new TransactionInvalid({ tag: "Unknown", value: { tag: "NoUnsignedValidator" } });
      }
      return { xt, call, info };
    }
    const signer = addressAccount(xt.signed.address);
    if (!signer) throw new TransactionInvalid({ tag: "Unknown", value: { tag: "CannotLookup" } });
    const birth = birthHash(block.io, xt.signed.era, block.blockNumber);
    if (!signatureVerified) {
      const check = checkExtrinsicSignature(xt, {
        specVersion: VERSION.spec_version,
        txVersion: VERSION.transaction_version,
        genesisHash: this.genesisHash,
        birthHash: birth,
      });
      if (!check.ok) invalid("BadProof");
    }
    return { xt, call, signer, info };
  }

  // Weighing needs only `callInfo` (Utility weighs its inner calls); outside a block this one serves.
  private infoOf(call: RuntimeCallValue, block?: BlockExecution): DispatchInfo {
    const ctx = block ?? ({ callInfo: (c: RuntimeCallValue) => this.callInfoOf(c) } as unknown as BlockExecution);
    const { weight, class: cls, pays } = this.callInfoOf(call, ctx);
    return { weight, class: cls, pays_fee: pays };
  }

  private callInfoOf(call: RuntimeCallValue, ctx?: BlockExecution) {
    const def = this.runtime.callDef(call);
    const c = ctx ?? ({ callInfo: (x: RuntimeCallValue) => this.callInfoOf(x) } as unknown as BlockExecution);
    const args = call.value.value;
    return { weight: def.weight(args, c), class: def.classOf?.(args, c) ?? def.class, pays: def.pays };
  }

  private runtimeUpgraded(io: OverlayedChanges): boolean {
    const last = systemStorage.LastRuntimeUpgrade.get(io);
    if (last && last.spec_version >= VERSION.spec_version && last.spec_name === VERSION.spec_name) return false;
    systemStorage.LastRuntimeUpgrade.set(io, { spec_version: VERSION.spec_version, spec_name: VERSION.spec_name });
    return true;
  }

  private onRuntimeUpgrade(_block: BlockExecution): Weight {
    // TODO(#4): pallets' storage migrations run here once a pallet needs one.
    return { ref_time: 0n, proof_size: 0n };
  }
}

/** `PostDispatchInfo::calc_actual_weight`: the reported weight, never above the declared one. */
function actualWeight(info: DispatchInfo, post: PostDispatchInfo): Weight {
  const a = post.actualWeight;
  if (!a) return info.weight;
  return {
    ref_time: a.ref_time < info.weight.ref_time ? a.ref_time : info.weight.ref_time,
    proof_size: a.proof_size < info.weight.proof_size ? a.proof_size : info.weight.proof_size,
  };
}
