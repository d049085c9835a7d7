/**
 * TFChain's frame_system configuration: block limits, version, db weights.
 */
import type { RuntimeVersion } from "../../runtime.js";
import { weight, type Weight } from "../../dispatch-types.js";
import type { BlockWeights } from "./types.js";

/** `ExtrinsicBaseWeight` of TFChain's runtime (frame_support's benchmarked default). */
export const EXTRINSIC_BASE_WEIGHT = 124_414_000n;
/** `BlockExecutionWeight`. */
export const BLOCK_EXECUTION_WEIGHT = 390_584_000n;
/** Two seconds of compute per block (`WEIGHT_REF_TIME_PER_SECOND * 2`). */
export const MAXIMUM_BLOCK_WEIGHT = 2_000_000_000_000n;
export const U64_MAX = (1n << 64n) - 1n;

const NORMAL_RATIO_PERCENT = 75n;
const AVERAGE_ON_INITIALIZE_RATIO_PERCENT = 10n;

// `BlockWeights::builder()` as TFChain configures it: 75% normal, the rest operational; the largest
// extrinsic of a class leaves room for on_initialize (10% of the block) and its base weight.
function perClass(maxTotal: Weight, reserved: Weight | undefined) {
  const initRef = (MAXIMUM_BLOCK_WEIGHT * AVERAGE_ON_INITIALIZE_RATIO_PERCENT) / 100n;
  const initProof = (U64_MAX * AVERAGE_ON_INITIALIZE_RATIO_PERCENT) / 100n;
  return {
    base_extrinsic: weight(EXTRINSIC_BASE_WEIGHT),
    max_extrinsic: weight(maxTotal.ref_time - initRef - EXTRINSIC_BASE_WEIGHT, maxTotal.proof_size - initProof),
    max_total: maxTotal,
    reserved,
  };
}

export const BLOCK_WEIGHTS: BlockWeights = {
  base_block: weight(BLOCK_EXECUTION_WEIGHT),
  max_block: weight(MAXIMUM_BLOCK_WEIGHT, U64_MAX),
  per_class: {
    normal: perClass(weight((MAXIMUM_BLOCK_WEIGHT * NORMAL_RATIO_PERCENT) / 100n, (U64_MAX * NORMAL_RATIO_PERCENT) / 100n), weight(0n)),
    operational: perClass(weight(MAXIMUM_BLOCK_WEIGHT, U64_MAX), weight(MAXIMUM_BLOCK_WEIGHT - (MAXIMUM_BLOCK_WEIGHT * NORMAL_RATIO_PERCENT) / 100n, U64_MAX - (U64_MAX * NORMAL_RATIO_PERCENT) / 100n)),
    mandatory: { base_extrinsic: weight(EXTRINSIC_BASE_WEIGHT), max_extrinsic: undefined, max_total: undefined, reserved: undefined },
  },
};

/** 5 MiB blocks, 75% of it for normal extrinsics. */
export const BLOCK_LENGTH = { max: { normal: 3_932_160, operational: 5_242_880, mandatory: 5_242_880 } };
export const BLOCK_HASH_COUNT = 2400;
export const DB_WEIGHT = { read: 25_000_000n, write: 100_000_000n };
export const SS58_PREFIX = 42;

export function dbReads(n: number): bigint {
  return DB_WEIGHT.read * BigInt(n);
}
export function dbWrites(n: number): bigint {
  return DB_WEIGHT.write * BigInt(n);
}

const hex = (h: string) => Uint8Array.from(Buffer.from(h, "hex"));

/** `RuntimeVersion` of TFChain 2.9: the API ids and versions its runtime declares. */
export const VERSION: RuntimeVersion = {
  spec_name: "substrate-threefold",
  impl_name: "substrate-threefold",
  authoring_version: 1,
  spec_version: 152,
  impl_version: 1,
  apis: [
    [hex("df6acb689907609b"), 4], // Core
    [hex("37e397fc7c91f5e4"), 2], // Metadata
    [hex("40fe3ad401f8959a"), 6], // BlockBuilder
    [hex("d2bc9897eed08f15"), 3], // TaggedTransactionQueue
    [hex("f78b278be53f454c"), 2], // OffchainWorkerApi
    [hex("dd718d5cc53262d4"), 1], // AuraApi
    [hex("ab3c0572291feb8b"), 1], // SessionKeys
    [hex("ed99c5acb25eedf5"), 3], // GrandpaApi
    [hex("bc9d89904f5b923f"), 1], // AccountNonceApi
    [hex("37c8bb1350a9a2a8"), 4], // TransactionPaymentApi
  ],
  transaction_version: 2,
  state_version: 0,
};
