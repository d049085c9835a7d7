/**
 * Reading the TFT price out of a Stellar Horizon answer, as TFChain's price offchain worker does.
 *
 * Validators ask Horizon for the cheapest payment paths that deliver `DESTINATION_AMOUNT` TFT for USDC
 * (`/paths/strict-receive`). Each record's `source_amount` is a decimal string of USDC; TFChain reads it into
 * `U32F32` fixed point, takes the lowest, and scales it to mUSD (`parse_lowest_price_from_request`); the price
 * it reports is that figure divided by `DESTINATION_AMOUNT`, i.e. mUSD for one TFT (`fetch_price`). Pure: the
 * node's price feed does the HTTP request and hands the body here.
 */
import { U32F32 } from "../../../primitives/fixed-point.js";

/** How many TFT the Horizon query asks a path for (TFChain's `DST_AMOUNT`). */
export const DESTINATION_AMOUNT = 100;

/** TFChain's Horizon query, without the host: USDC paths that receive `DESTINATION_AMOUNT` TFT. */
export const HORIZON_PRICE_PATH =
  "/paths/strict-receive?source_assets=USDC%3AGA5ZSEJYB37JRC5AVCIA5MOP4RHTM335X2KGX3IHOJAPP5RE34K4KZVN" +
  "&destination_asset_type=credit_alphanum4&destination_asset_issuer=GBOVQKJYHXRR3DX6NOX2RRYFRCUMSADGDESTDNBDS6CDVLGVESRTAC47" +
  `&destination_asset_code=TFT&destination_amount=${DESTINATION_AMOUNT}`;

const FRAC_BITS = U32F32.frac;
const MAX_BITS = 1n << BigInt(U32F32.width);
// 2^32 has 10 decimal digits: a longer integer part (after its leading zeros) cannot fit.
const MAX_INT_DIGITS = 10;
// Every rounding boundary of a 32-bit fraction (k / 2^33) ends within 33 decimals; digits past 40 can only
// tell "exactly on a boundary" from "just above it", which one sticky flag records.
const EXACT_FRAC_DIGITS = 40;

/**
 * `"0.0328655".parse::<U32F32>()` (substrate-fixed's `FromStr`): the bits of the decimal string, rounded to
 * the nearest 2^-32 with ties to even, however many digits it has; undefined where Rust returns an error.
 *
 * Accepted: an optional leading sign, digits, at most one point (`"5."`, `".5"`). Refused: no digit, other
 * characters, a value of 2^32 or more after rounding, and a negative value that does not round to zero
 * (`"-0.0000000001"` is 0, as in Rust).
 */
export function parseU32F32(text: string): bigint | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m) return undefined;
  const [, sign, intDigits = "", fracDigits = ""] = m;
  if (intDigits.length + fracDigits.length === 0) return undefined;
  const int = intDigits.replace(/^0+/, "");
  if (int.length > MAX_INT_DIGITS) return undefined;
  let frac = fracDigits.replace(/0+$/, "");
  // PERF: a megabyte of digits costs one regex test, not a megabyte-sized BigInt.
  const sticky = frac.length > EXACT_FRAC_DIGITS && /[1-9]/.test(frac.slice(EXACT_FRAC_DIGITS));
  frac = frac.slice(0, EXACT_FRAC_DIGITS);
  const scale = 10n ** BigInt(frac.length);
  const scaled = BigInt(int + frac || "0") << FRAC_BITS;
  let bits = scaled / scale;
  const twiceRest = 2n * (scaled % scale);
  if (twiceRest > scale || (twiceRest === scale && (sticky || (bits & 1n) === 1n))) bits += 1n;
  if (bits >= MAX_BITS) return undefined;
  if (sign === "-" && bits > 0n) return undefined;
  return bits;
}

/**
 * TFChain's `parse_lowest_price_from_request`: the lowest `_embedded.records[].source_amount` of a Horizon
 * answer, times 1000 and rounded (mUSD for `DESTINATION_AMOUNT` TFT), or undefined when there is none.
 *
 * Undefined for text that is not JSON, no `_embedded.records` array, an empty one, or any record whose
 * `source_amount` is missing, not a string or not a number `U32F32` can hold. TFChain maps such a record to
 * `U32F32::from_num(NaN)`, which panics inside the offchain worker; either way no price is reported, and
 * here nothing panics.
 */
export function parseLowestPrice(json: string): number | undefined {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return undefined;
  }
  const records = field(field(data, "_embedded"), "records");
  if (!Array.isArray(records)) return undefined;
  let lowest: bigint | undefined;
  for (const record of records) {
    const amount = field(record, "source_amount");
    const bits = typeof amount === "string" ? parseU32F32(amount) : undefined;
    if (bits === undefined) return undefined;
    if (lowest === undefined || bits < lowest) lowest = bits;
  }
  if (lowest === undefined) return undefined;
  // `lowest * 1000` multiplies the raw bits and wraps, as the release-built runtime does.
  return Number(U32F32.toInt(U32F32.round(BigInt.asUintN(U32F32.width, lowest * 1000n)), 32));
}

/**
 * The price `fetch_price` reports: `parseLowestPrice`'s figure for `DESTINATION_AMOUNT` TFT divided down to
 * one TFT in `U32F32` and rounded (ties away from zero), in mUSD.
 */
export function pricePerTft(priceForDestinationAmount: number): number {
  const perTft = U32F32.div(U32F32.int(priceForDestinationAmount), U32F32.int(DESTINATION_AMOUNT));
  return Number(U32F32.toInt(U32F32.round(perTft), 32));
}

/** `serde_json::Value::get(key)`: an object's own member, or undefined for anything else. */
function field(value: unknown, key: string): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}
