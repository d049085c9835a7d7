/**
 * Transaction validation, split around the signature check so that the check can run on a worker thread.
 *
 * `prepare` does what `UncheckedExtrinsic::check` does before verifying: decode (call included), resolve the
 * sender (`CannotLookup`), find the birth block of the era (`AncientBirthBlock`) and build the signed payload.
 * `validate` then runs the runtime's `validate_transaction` against the best state with the signature
 * already verified: nonce, weight, fee, and the `ValidTransaction` with its tags, priority and longevity.
 * The order of the refusals is FRAME's: a bad format before a bad signature before a stale nonce.
 */
import { addressAccount } from "../primitives/account.js";
import { concat } from "../primitives/bytes.js";
import { CodecError } from "../primitives/codec-error.js";
import type { Era } from "../primitives/era.js";
import { decodeExtrinsic, encodeAdditionalSigned, encodeExtra, type Extrinsic } from "../primitives/extrinsic.js";
import type { RuntimeCallValue } from "../runtime/pallet.js";
import { blake2_256 } from "../primitives/hashing.js";
import type { Executive } from "../runtime/executive.js";
import { storage as systemStorage } from "../runtime/pallets/system/storage.js";
import { TransactionInvalid } from "../runtime/transaction-validity.js";
import { OverlayedChanges } from "../state/overlay.js";
import type { StorageReader } from "../state/storage.js";
import { formatError, validityError, verificationError } from "./errors.js";
import type { SignatureJob } from "./signature-batch.js";
import { byteKey, type PoolTransaction, type TransactionSource } from "./transaction.js";

/** The best block and its state: what transactions are validated against. Build with `validationContext`. */
export interface ValidationContext {
  best: { hash: Uint8Array; number: number };
  bestKey: string;
  state: StorageReader;
  /** One overlay for all validations at this block; each runs in a storage transaction that is rolled back. */
  io: OverlayedChanges;
  /** Birth number → hash, read once per block. */
  births: Map<number, Uint8Array>;
}

export function validationContext(best: { hash: Uint8Array; number: number }, state: StorageReader): ValidationContext {
  return { best, bestKey: byteKey(best.hash), state, io: new OverlayedChanges(state), births: new Map() };
}

/** A decoded transaction before its signature is checked. */
export interface PreparedTransaction {
  hash: Uint8Array;
  key: string;
  encoded: Uint8Array;
  /** Undefined for an unsigned extrinsic (the runtime refuses those). */
  signer?: Uint8Array;
  nonce: number;
  /** The signature to verify; undefined for an unsigned extrinsic. */
  job?: SignatureJob;
  birthNumber: number;
  birthHash: Uint8Array;
  /** The best block it was prepared at. */
  preparedAt: string;
  /** Its decoding, handed to the runtime so it does not decode twice. */
  decoded?: { xt: Extrinsic; call: RuntimeCallValue };
}

// Longevities past this (immortal transactions: u64::MAX - n) mean "forever".
const FOREVER = Number.MAX_SAFE_INTEGER;
// `SignedPayload::using_encoded`: payloads longer than this are signed as their blake2_256.
const MAX_UNHASHED_PAYLOAD = 256;
const ADDITIONAL_CACHE_SIZE = 64;

export class TransactionValidator {
  // Additional-signed bytes by birth hash: the same few blocks (genesis, recent births) serve every transaction.
  private readonly additional = new Map<string, Uint8Array>();

  constructor(
    private readonly executive: Executive,
    private readonly genesisHash: Uint8Array,
  ) {}

  /** Decodes and authenticates up to the signature; throws a `PoolError`. */
  prepare(encoded: Uint8Array, hash: Uint8Array, ctx: ValidationContext, watched: boolean): PreparedTransaction {
    let xt: Extrinsic;
    let call: RuntimeCallValue;
    try {
      xt = decodeExtrinsic(encoded);
      call = this.executive.runtime.callSchema.dec(xt.call);
    } catch (e) {
      if (e instanceof CodecError) throw formatError(e.message, watched);
      throw e;
    }
    const base = { hash, key: byteKey(hash), encoded, preparedAt: ctx.bestKey, decoded: { xt, call } };
    if (!xt.signed) return { ...base, nonce: 0, birthNumber: 0, birthHash: this.genesisHash };
    const signer = addressAccount(xt.signed.address);
    if (!signer) throw validityError({ tag: "Unknown", value: { tag: "CannotLookup" } });
    const birth = this.birth(xt.signed.era, ctx);
    const job = { signature: xt.signed.signature, payload: this.payload(xt, birth.hash), signer };
    return { ...base, signer, nonce: xt.signed.nonce, job, birthNumber: birth.number, birthHash: birth.hash };
  }

  /** The signature check of `encoded` against another birth-block hash (after a reorg changed it). */
  signatureJob(encoded: Uint8Array, birthHash: Uint8Array): SignatureJob | undefined {
    const xt = decodeExtrinsic(encoded);
    const signer = xt.signed && addressAccount(xt.signed.address);
    if (!xt.signed || !signer) return undefined;
    return { signature: xt.signed.signature, payload: this.payload(xt, birthHash), signer };
  }

  /**
   * The era's birth block seen from the block after the best, and its hash (CheckMortality's additional
   * signed data); throws `AncientBirthBlock` when the chain no longer knows it.
   */
  birth(era: Era, ctx: ValidationContext): { number: number; hash: Uint8Array } {
    const number = era.birth(ctx.best.number + 1);
    return { number, hash: this.birthHashAt(number, ctx) };
  }

  /** The hash of birth block `number` as the next block sees it; throws `AncientBirthBlock`. */
  birthHashAt(number: number, ctx: ValidationContext): Uint8Array {
    // `initialize` of the next block records the best block's hash: the state does not have it yet.
    if (number === ctx.best.number) return ctx.best.hash;
    let hash = ctx.births.get(number);
    if (!hash) {
      if (!systemStorage.BlockHash.contains(ctx.state, number)) throw validityError({ tag: "Invalid", value: { tag: "AncientBirthBlock" } });
      hash = systemStorage.BlockHash.get(ctx.state, number);
      ctx.births.set(number, hash);
    }
    return hash;
  }

  /**
   * `TaggedTransactionQueue_validate_transaction` at the best block, signature already verified against
   * `birthHash`; throws a `PoolError`.
   */
  validate(
    p: Pick<PreparedTransaction, "hash" | "key" | "encoded" | "signer" | "nonce" | "birthNumber" | "birthHash" | "decoded">,
    ctx: ValidationContext,
    source: TransactionSource,
  ): PoolTransaction {
    let valid;
    ctx.io.startTransaction();
    try {
      valid = this.executive.validateTransaction(ctx.io, p.encoded, ctx.best.hash, { signatureVerified: true, decoded: p.decoded });
    } catch (e) {
      if (e instanceof TransactionInvalid) throw validityError(e.error);
      if (e instanceof CodecError) throw formatError(e.message, false);
      throw verificationError(e instanceof Error ? e.message : String(e));
    } finally {
      ctx.io.rollbackTransaction();
    }
    const longevity = valid.longevity > BigInt(FOREVER) ? FOREVER : Number(valid.longevity);
    return {
      hash: p.hash,
      key: p.key,
      encoded: p.encoded,
      signer: p.signer!,
      nonce: p.nonce,
      priority: valid.priority,
      requires: valid.requires.map(byteKey),
      provides: valid.provides.map(byteKey),
      validTill: Math.min(ctx.best.number + longevity, FOREVER),
      propagate: valid.propagate,
      birthNumber: p.birthNumber,
      birthHash: p.birthHash,
      validatedAt: ctx.bestKey,
      source,
      decoded: p.decoded,
    };
  }

  // `signingPayload` with the additional-signed bytes cached. PERF: encoding them is a third of `prepare`.
  private payload(xt: Extrinsic, birthHash: Uint8Array): Uint8Array {
    const payload = concat(xt.call, encodeExtra(xt.signed!), this.additionalSigned(birthHash));
    return payload.length > MAX_UNHASHED_PAYLOAD ? blake2_256(payload) : payload;
  }

  private additionalSigned(birthHash: Uint8Array): Uint8Array {
    const key = byteKey(birthHash);
    let bytes = this.additional.get(key);
    if (!bytes) {
      const version = this.executive.runtime.version;
      bytes = encodeAdditionalSigned({
        specVersion: version.spec_version,
        txVersion: version.transaction_version,
        genesisHash: this.genesisHash,
        birthHash,
      });
      if (this.additional.size >= ADDITIONAL_CACHE_SIZE) this.additional.clear();
      this.additional.set(key, bytes);
    }
    return bytes;
  }
}
