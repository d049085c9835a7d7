/**
 * The text rules TfgridModule applies to its call inputs before storing them: TFChain's `TryFrom` impls
 * of the stored newtypes (farm name, location, interfaces, serial number, terms and conditions), the relay
 * grammar and the public config. Each check raises the module error TFChain raises, in TFChain's order.
 */
import { errors } from "./errors.js";
import { isValidInterfaceIp, isValidMac, validateIp4, validateIp6 } from "./net-validation.js";
import { hasEnoughCru, hasEnoughMru, hasEnoughStorage } from "./resources.js";
import type { PublicConfig, Resources } from "./types-node.js";
import { MAX_FARM_NAME_LENGTH } from "./constants.js";

type Bytes = Uint8Array;

const isAlnum = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
const allOf = (input: Bytes, ok: (c: number) => boolean) => input.every(ok);
const DASH = 0x2d;
const UNDERSCORE = 0x5f;
const DOT = 0x2e;

export const MIN_FARM_NAME_LENGTH = 3;

/** `FarmName::try_from`: 3–40 bytes of `[a-zA-Z0-9_-]`. */
export function checkFarmName(name: Bytes): void {
  errors.ensure(name.length >= MIN_FARM_NAME_LENGTH, "FarmNameTooShort");
  errors.ensure(name.length <= MAX_FARM_NAME_LENGTH, "FarmNameTooLong");
  errors.ensure(allOf(name, (c) => isAlnum(c) || c === DASH || c === UNDERSCORE), "InvalidFarmName");
}

/** `CityName::try_from`: 1–58 bytes, any content. */
export function checkCityName(city: Bytes): void {
  errors.ensure(city.length >= 1, "CityNameTooShort");
  errors.ensure(city.length <= 58, "CityNameTooLong");
}

/** `CountryName::try_from`: 2–56 bytes, any content. */
export function checkCountryName(country: Bytes): void {
  errors.ensure(country.length >= 2, "CountryNameTooShort");
  errors.ensure(country.length <= 56, "CountryNameTooLong");
}

const UNKNOWN = "Unknown";
// Rust's `f32::from_str` grammar for finite numbers: digits with an optional fraction and exponent.
// Its other spellings (inf, NaN) are never within range.
const RUST_DECIMAL = /^[+-]?(?:(\d+)\.?(\d*)|\.(\d+))(?:[eE]([+-]?\d+))?$/;

/**
 * Parses as `str::parse::<f32>()` does and checks the range; `Unknown` is accepted as is.
 *
 * Rust rounds the decimal to f32 once; `Math.fround(Number(text))` would round twice and accept e.g.
 * `90.0000038146972656250000000001`, which Rust rounds up past 90. The limits (90, 180) are f32 values with an
 * even mantissa, so the rounded value is within range exactly when |x| ≤ limit + half an f32 ulp above it
 * (the tie rounds down to the limit); we compare that on the exact decimal.
 */
function isCoordinate(input: Bytes, limit: number): boolean {
  const text = Buffer.from(input).toString("latin1");
  if (text === UNKNOWN) return true;
  const parts = RUST_DECIMAL.exec(text);
  if (!parts) return false;
  const [, whole = "", fraction = "", onlyFraction = "", exponent = "0"] = parts;
  const digits = BigInt(whole + fraction + onlyFraction);
  if (digits === 0n) return true;
  // |x| = digits · 10^e lies in [10^(magnitude-1), 10^magnitude): far values are settled without big powers.
  const e = BigInt(exponent) - BigInt(fraction.length + onlyFraction.length);
  const magnitude = BigInt(digits.toString().length) + e;
  if (magnitude > 4n) return false;
  if (magnitude < -4n) return true;
  const shift = 24n - BigInt(Math.floor(Math.log2(limit)));
  const bound = (BigInt(limit) << shift) + 1n;
  return e >= 0n ? (digits * 10n ** e) << shift <= bound : digits << shift <= bound * 10n ** -e;
}

export const isValidLatitude = (input: Bytes) => isCoordinate(input, 90);
export const isValidLongitude = (input: Bytes) => isCoordinate(input, 180);

export interface LocationInputValue {
  city: Bytes;
  country: Bytes;
  latitude: Bytes;
  longitude: Bytes;
}

/** `Location::try_from`: city, country, then latitude and longitude (1–50 bytes, a number in range). */
export function checkLocation(location: LocationInputValue): void {
  checkCityName(location.city);
  checkCountryName(location.country);
  errors.ensure(location.latitude.length >= 1, "LatitudeInputTooShort");
  errors.ensure(location.latitude.length <= 50, "LatitudeInputTooLong");
  errors.ensure(isValidLatitude(location.latitude), "InvalidLatitudeInput");
  errors.ensure(location.longitude.length >= 1, "LongitudeInputTooShort");
  errors.ensure(location.longitude.length <= 50, "LongitudeInputTooLong");
  errors.ensure(isValidLongitude(location.longitude), "InvalidLongitudeInput");
}

/** `SerialNumber::try_from`: at most 128 bytes (the input type already bounds it). */
export function checkSerialNumber(serial: Bytes): void {
  errors.ensure(serial.length <= 128, "SerialNumberTooLong");
}

/** Node resources (2.9): HDD or SSD of at least 100 GiB, CRU ≥ 1, MRU ≥ 2 GiB. */
export function checkResources(r: Resources): void {
  errors.ensure(hasEnoughStorage(r), "InvalidStorageInput");
  errors.ensure(hasEnoughCru(r), "InvalidCRUInput");
  errors.ensure(hasEnoughMru(r), "InvalidMRUInput");
}

export interface InterfaceInputValue {
  name: Bytes;
  mac: Bytes;
  ips: Bytes[];
}

/** Each interface: name 3–20 bytes of `[a-z0-9_-]`, a 17-byte MAC, IPs of 7–42 bytes that parse as v4 or v6. */
export function checkInterfaces(interfaces: InterfaceInputValue[]): void {
  for (const intf of interfaces) {
    errors.ensure(intf.name.length >= 3, "InterfaceNameTooShort");
    errors.ensure(intf.name.length <= 20, "InterfaceNameTooLong");
    const lowerAlnum = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
    errors.ensure(allOf(intf.name, (c) => lowerAlnum(c) || c === DASH || c === UNDERSCORE), "InvalidInterfaceName");
    errors.ensure(intf.mac.length >= 17, "InterfaceMacTooShort");
    errors.ensure(intf.mac.length <= 17, "InterfaceMacTooLong");
    errors.ensure(isValidMac(intf.mac), "InvalidMacAddress");
    for (const ip of intf.ips) {
      errors.ensure(ip.length >= 7, "InterfaceIpTooShort");
      errors.ensure(ip.length <= 42, "InterfaceIpTooLong");
      errors.ensure(isValidInterfaceIp(ip), "InvalidInterfaceIP");
    }
  }
}

const LINK_PUNCTUATION = new Set(Buffer.from("-._~:/?#[]@!$&'()*+,;="));

/** `TermsAndConditions::try_from`: a URL-safe link of 1–2048 bytes, a hash of 1–50 bytes of `[a-zA-Z0-9_-]`. */
export function checkTermsAndConditions(link: Bytes, hash: Bytes): void {
  errors.ensure(link.length >= 1, "DocumentLinkInputTooShort");
  errors.ensure(link.length <= 2048, "DocumentLinkInputTooLong");
  errors.ensure(allOf(link, (c) => isAlnum(c) || LINK_PUNCTUATION.has(c)), "InvalidDocumentLinkInput");
  errors.ensure(hash.length >= 1, "DocumentHashInputTooShort");
  errors.ensure(hash.length <= 50, "DocumentHashInputTooLong");
  errors.ensure(allOf(hash, (c) => isAlnum(c) || c === DASH || c === UNDERSCORE), "InvalidDocumentHashInput");
}

/**
 * A relay address: dot-separated labels of `[a-zA-Z0-9_-]`, none empty, not ending with a dot.
 */
export function isValidRelay(relay: Bytes): boolean {
  if (relay.length === 0 || relay[relay.length - 1] === DOT) return false;
  let previousDot = 0;
  for (let i = 0; i < relay.length; i++) {
    const c = relay[i]!;
    if (c === DOT) {
      // TFChain's check: no leading dot, and no dot right after the previous one (or at index 1).
      if (i === 0 || i - previousDot === 1) return false;
      previousDot = i;
    } else if (!(isAlnum(c) || c === DASH || c === UNDERSCORE)) {
      return false;
    }
  }
  return true;
}

/** `PublicConfig::is_valid`: the domain's characters, then the IPv4 pair, then the IPv6 pair if any. */
export function isValidPublicConfig(config: PublicConfig): boolean {
  if (config.domain !== undefined && !allOf(config.domain, (c) => isAlnum(c) || c === DASH || c === DOT)) return false;
  if (validateIp4(config.ip4.ip, config.ip4.gw) !== undefined) return false;
  return config.ip6 === undefined || validateIp6(config.ip6.ip, config.ip6.gw) === undefined;
}
