/**
 * `tfchain_support::resources::Resources` arithmetic: the minimums a node must offer and its capacity in
 * compute units (CU) and storage units (SU), as TFChain computes them.
 *
 * TFChain works in u128 and narrows with `as u64`; BigInt with explicit truncation reproduces that,
 * including the quirks (MRU is in bytes yet multiplied by a gigabyte once more).
 */
import type { Resources } from "./types-node.js";

const GIGABYTE = 1024n ** 3n;
const ONE_THOUSAND = 1000n;
const U64 = (x: bigint) => BigInt.asUintN(64, x);
const U128 = (x: bigint) => BigInt.asUintN(128, x);

const MINIMUM_STORAGE_CAPACITY = 100n * GIGABYTE;
/** At least one kind of storage (HDD or SSD) of 100 GiB or more (2.9's `validate_storage`). */
export const hasEnoughStorage = (r: Resources): boolean => r.hru >= MINIMUM_STORAGE_CAPACITY || r.sru >= MINIMUM_STORAGE_CAPACITY;
/** At least one virtual CPU. */
export const hasEnoughCru = (r: Resources): boolean => r.cru >= 1n;
/** MRU of at least 2 GiB. */
export const hasEnoughMru = (r: Resources): boolean => r.mru >= 2n * GIGABYTE;

function minimumCu(r: Resources): bigint {
  const cru = U128(r.cru * 2n * GIGABYTE * ONE_THOUSAND);
  const mru = U128((r.mru > 0n ? r.mru - 1n : 0n) * GIGABYTE * ONE_THOUSAND) / 4n;
  const sru = (r.sru * ONE_THOUSAND) / 50n;
  // Strictly smallest of the three; a tie between the two smallest counts as zero.
  if (cru < mru && cru < sru) return U64(cru);
  if (mru < cru && mru < sru) return U64(mru);
  if (sru < cru && sru < mru) return U64(sru);
  return 0n;
}

/** Compute units: `Resources::get_cu`. */
export function computeUnits(r: Resources): bigint {
  return U64(2n * (minimumCu(r) / GIGABYTE / ONE_THOUSAND));
}

/** Storage units: `Resources::get_su`. */
export function storageUnits(r: Resources): bigint {
  const su = (r.hru * ONE_THOUSAND) / 1200n + (r.sru * ONE_THOUSAND) / 250n;
  return U64(su / GIGABYTE / ONE_THOUSAND);
}

/** A node's weight in its farm: 2·CU + SU. */
export function nodeWeight(r: Resources): bigint {
  return U64(computeUnits(r) * 2n + storageUnits(r));
}

/** `Percent::from_percent(p) * a`: rounded to the nearest, halves down. */
function percentOf(percent: number, a: bigint): bigint {
  const product = a * BigInt(percent);
  const q = product / 100n;
  return product % 100n > 50n ? q + 1n : q;
}

/** `Resources::has_changed`: does any of the four differ by more than `tolerance` percent of its old value? */
export function resourcesChanged(before: Resources, after: Resources, tolerance: number): boolean {
  const moved = (a: bigint, b: bigint) => {
    // `(a as i64 - b as i64).abs() as u64`, wrapping as Rust does.
    const diff = BigInt.asIntN(64, BigInt.asIntN(64, a) - BigInt.asIntN(64, b));
    return U64(diff < 0n ? -diff : diff) > percentOf(tolerance, a);
  };
  return moved(before.cru, after.cru) || moved(before.sru, after.sru) || moved(before.hru, after.hru) || moved(before.mru, after.mru);
}
