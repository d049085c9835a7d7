/**
 * TFChain's `cost.rs`: what a contract costs in "units USD" (10⁻⁷ USD) for some seconds of use, and that
 * cost in TFT units (10⁻⁷ TFT) at the clamped average TFT price, with the staking discount.
 *
 * All of it is U64F64 fixed point exactly as the runtime computes it (`primitives/fixed-point.ts`): the order
 * of operations matters, because every division truncates. No floats.
 */
import { U64F64 as F } from "../../../primitives/fixed-point.js";
import type { Policy, PricingPolicy } from "../tfgrid/types-policy.js";
import type { Resources } from "../tfgrid/types-node.js";
import type { DiscountLevel } from "./types.js";

/** `BillingReferencePeriod`: prices are per hour. */
export const BILLING_REFERENCE_PERIOD = 3600n;
export const SECS_PER_HOUR = 3600n;
export const SECS_PER_MONTH = 3600n * 24n * 30n;

/**
 * A computation TFChain's runtime would trap on (division by zero, u32 overflow of the price): billing skips
 * the bill, logs it and keeps the amount due.
 */
export class CostTrap extends Error {
  constructor(what: string) {
    super(`billing arithmetic trap: ${what}`);
    this.name = "CostTrap";
  }
}

const UNIT_ORDER = ["Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terrabytes"] as const;
/** `Policy::factor_base_1024`: bytes per unit for HRU, SRU and MRU. */
export const factorBase1024 = (p: Policy): bigint => 1024n ** BigInt(UNIT_ORDER.indexOf(p.unit));
/** `Policy::factor_base_1000`: bytes per unit for NRU. */
export const factorBase1000 = (p: Policy): bigint => 1000n ** BigInt(UNIT_ORDER.indexOf(p.unit));

/** Price per second of one unit: `value / BillingReferencePeriod`, truncated. */
const perSecond = (p: Policy) => F.div(F.int(p.value), F.int(BILLING_REFERENCE_PERIOD));

const max = (a: bigint, b: bigint) => (a > b ? a : b);
const min = (a: bigint, b: bigint) => (a < b ? a : b);

/** `calculate_su`: hru/1200 + sru/200 (in the policy's units). */
export function storageUnitsFixed(hru: bigint, sru: bigint): bigint {
  return hru / 1200n + sru / 200n;
}

/** `calculate_cu`: the smallest of three CPU/memory balances, in fixed point. */
export function computeUnitsFixed(cru: bigint, mru: bigint): bigint {
  const cu1 = max(mru / 4n, cru / 2n);
  const cu2 = max(mru / 8n, cru);
  const cu3 = max(mru / 2n, cru / 4n);
  return min(min(cu1, cu2), cu3);
}

/**
 * `calculate_resources_cost_units_usd`: SU and CU for `seconds` (when `billResources`, i.e. the node has no
 * rent contract) plus the public IPs, rounded once at the end.
 */
export function resourcesCostUnitsUsd(
  resources: Resources, publicIps: number, seconds: bigint, policy: PricingPolicy, billResources: boolean,
): bigint {
  let total = 0n;
  if (billResources) {
    const hru = F.int(resources.hru) / factorBase1024(policy.su);
    const sru = F.int(resources.sru) / factorBase1024(policy.su);
    const mru = F.int(resources.mru) / factorBase1024(policy.cu);
    const cru = F.int(resources.cru);
    const suCost = F.mul(F.mul(perSecond(policy.su), F.int(seconds)), storageUnitsFixed(hru, sru));
    const cuCost = F.mul(F.mul(perSecond(policy.cu), F.int(seconds)), computeUnitsFixed(cru, mru));
    total = suCost + cuCost;
  }
  if (publicIps > 0) total += F.mul(F.mul(F.int(publicIps), perSecond(policy.ipu)), F.int(seconds));
  return F.toInt(F.round(total));
}

/** `Percent::from_percent(p) * x` for u64: rounded to the nearest, halves down. */
export function percentOf(percent: number, x: bigint): bigint {
  const product = x * BigInt(Math.min(percent, 100));
  const q = product / 100n;
  return product % 100n > 50n ? q + 1n : q;
}

/** A rent contract: the whole node's SU and CU, at the policy's discount for dedicated nodes. */
export function rentCostUnitsUsd(nodeResources: Resources, seconds: bigint, policy: PricingPolicy): bigint {
  return percentOf(policy.discount_for_dedication_nodes, resourcesCostUnitsUsd(nodeResources, 0, seconds, policy, true));
}

/** A name contract: the unique-name price per hour, for `seconds`. */
export function nameCostUnitsUsd(seconds: bigint, policy: PricingPolicy): bigint {
  return F.toInt(F.round(F.mul(perSecond(policy.unique_name), F.int(seconds))));
}

/** A dedicated node's extra fee (mUSD per month) for `seconds`. */
export function extraFeeCostUnitsUsd(feeMusd: bigint, seconds: bigint): bigint {
  if (feeMusd === 0n) return 0n;
  const units = BigInt.asUintN(64, BigInt.asUintN(64, feeMusd * 10_000n) * seconds);
  return F.toInt(F.round(F.div(F.int(units), F.int(SECS_PER_MONTH))));
}

/** An NRU report: `nru` bytes over `window` seconds at the NU price (the farm's pricing policy). */
export function nruCostUnitsUsd(nru: bigint, window: bigint, policy: PricingPolicy): bigint {
  const used = F.int(nru) / factorBase1000(policy.nu);
  return F.toInt(F.round(F.mul(F.mul(used, perSecond(policy.nu)), F.int(window))));
}

/** A service contract bill: the base fee (mUSD per hour) for `window` seconds plus the variable amount (mUSD). */
export function serviceBillCostUnitsUsd(baseFee: bigint, variableAmount: bigint, window: bigint): bigint {
  const base = BigInt.asUintN(64, baseFee * 10_000n);
  const variable = BigInt.asUintN(64, variableAmount * 10_000n);
  const cost = F.div(F.mul(F.int(base), F.int(window)), F.int(BILLING_REFERENCE_PERIOD)) + F.int(variable);
  return F.toInt(F.round(cost));
}

export interface TftPrices {
  /** `AverageTftPrice`, `MinTftPrice`, `MaxTftPrice`, in mUSD. */
  average: number;
  min: number;
  max: number;
}

/** `calculate_cost_in_tft_from_units_usd`: units USD → TFT units at clamp(average, min, max). */
export function costInTft(costUnitsUsd: bigint, prices: TftPrices): bigint {
  const price = BigInt(Math.min(Math.max(prices.average, prices.min), prices.max));
  const priceUnitsUsd = price * 10_000n;
  if (priceUnitsUsd > 0xffff_ffffn) throw new CostTrap(`TFT price ${price} mUSD overflows u32 units`);
  if (priceUnitsUsd === 0n) throw new CostTrap("TFT price is zero");
  const tft = F.div(F.int(costUnitsUsd), F.int(priceUnitsUsd));
  return F.toInt(F.round(F.mul(tft, F.int(10_000_000n))));
}

const MULTIPLIERS: Record<DiscountLevel, bigint> = {
  None: F.int(1),
  Default: F.float(0.8),
  Bronze: F.float(0.7),
  Silver: F.float(0.6),
  Gold: F.float(0.4),
};
const CERTIFIED_MULTIPLIER = F.float(1.25);

/**
 * `calculate_discount_tft`: the discount a balance earns — how many months of this contract's rate it covers
 * (≥ 18 Gold, ≥ 6 Silver, ≥ 3 Bronze, ≥ 1.5 Default) — applied to `amountDue`, then ×1.25 on certified nodes.
 */
export function discountTft(amountDue: bigint, seconds: bigint, balance: bigint, certified: boolean): { amount: bigint; level: DiscountLevel } {
  if (amountDue === 0n) return { amount: 0n, level: "None" };
  if (seconds === 0n) throw new CostTrap("discount over zero seconds");
  const hourly = F.div(F.mul(F.int(amountDue), F.int(SECS_PER_HOUR)), F.int(seconds));
  const monthly = F.toInt(F.round(hourly * 24n * 30n));
  if (monthly === 0n) throw new CostTrap("monthly amount rounds to zero");
  const months = F.div(BigInt.asUintN(128, balance << 64n), F.int(monthly));
  const level: DiscountLevel =
    months >= F.int(18) ? "Gold"
    : months >= F.int(6) ? "Silver"
    : months >= F.int(3) ? "Bronze"
    : months >= F.float(1.5) ? "Default"
    : "None";
  let amount = F.mul(F.int(amountDue), MULTIPLIERS[level]);
  if (certified) amount = F.mul(amount, CERTIFIED_MULTIPLIER);
  return { amount: F.toInt(F.round(amount)), level };
}
