/**
 * IP and MAC address checks as TFChain makes them: a port of the Rust crate `valip` 0.4.0 (LeeSmet/valip, tag
 * v0.4.0), which parses ASCII byte strings, plus `tfchain_support`'s `IP4::is_valid` / `IP6::is_valid` on top.
 *
 * valip is stricter or looser than the RFCs in places and TFChain inherits that, so this file reproduces the
 * crate's accepted set, not the standards': no leading zeros in IPv4 octets, no IPv6 zone ids nor embedded IPv4,
 * IPv6 groups of up to 4 hex digits in either case. A parser returns `undefined` where valip returns an `Err`;
 * nothing here throws, whatever the bytes.
 */

type Bytes = Uint8Array;

const DOT = 0x2e;
const COLON = 0x3a;
const SLASH = 0x2f;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/** Splits `input` at the first '/', or returns undefined when there is none. */
function splitMask(input: Bytes): [Bytes, Bytes] | undefined {
  const at = input.indexOf(SLASH);
  return at < 0 ? undefined : [input.subarray(0, at), input.subarray(at + 1)];
}

/** valip's mask field: 1..maxDigits decimal digits, at most `max`; "0" only as a single digit ("01" is 1). */
function parseMask(input: Bytes, maxDigits: number, max: number): number | undefined {
  if (input.length === 0 || input.length > maxDigits) return undefined;
  let mask = 0;
  for (const c of input) {
    if (!isDigit(c)) return undefined;
    mask = mask * 10 + c - 0x30;
  }
  if (mask > max || (mask === 0 && input.length > 1)) return undefined;
  return mask;
}

/** `valip::ip4::Ip`: the address as an unsigned 32-bit integer. */
export class Ipv4 {
  constructor(readonly bits: number) {}

  /** Below 224.0.0.0: multicast (224/4) and reserved (240/4) are not unicast. */
  isUnicast(): boolean {
    return this.bits < 0xe0000000;
  }

  /** Outside every range of `PRIVATE_IP4_SUBNETS`. */
  isPublic(): boolean {
    return !PRIVATE_IP4_SUBNETS.some(([prefix, mask]) => maskedIp4(this.bits, mask) === prefix);
  }

  equals(other: Ipv4): boolean {
    return this.bits === other.bits;
  }
}

/** `valip::ip4::CIDR`: the address as written (host bits kept) and the mask length. */
export class Ipv4Cidr {
  constructor(readonly ip: Ipv4, readonly mask: number) {}

  // valip 0.4.0 names it "prefix" but returns the address as written, not the network address: TFChain's
  // `ip4.as_prefix() == gw4` rejects a gateway equal to the node's own address.
  asPrefix(): Ipv4 {
    return this.ip;
  }

  isUnicast(): boolean {
    return this.ip.isUnicast();
  }

  isPublic(): boolean {
    return this.ip.isPublic();
  }

  contains(ip: Ipv4): boolean {
    return maskedIp4(ip.bits, this.mask) === maskedIp4(this.ip.bits, this.mask);
  }
}

function maskedIp4(bits: number, mask: number): number {
  // A shift by 32 is a shift by 0 in JS, hence the /0 case.
  return mask === 0 ? 0 : (bits & (0xffffffff << (32 - mask))) >>> 0;
}

const ip4 = (a: number, b: number, c: number, d: number) => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

// valip's list, network addresses with their masks. Nothing else is private: 192.0.0.0/24 or 192.88.99.0/24 are
// public here.
const PRIVATE_IP4_SUBNETS: readonly (readonly [number, number])[] = [
  [ip4(0, 0, 0, 0), 8], [ip4(10, 0, 0, 0), 8], [ip4(100, 64, 0, 0), 10], [ip4(127, 0, 0, 0), 8],
  [ip4(169, 254, 0, 0), 16], [ip4(172, 16, 0, 0), 12], [ip4(192, 0, 2, 0), 24], [ip4(192, 168, 0, 0), 16],
  [ip4(198, 18, 0, 0), 15], [ip4(198, 51, 100, 0), 24], [ip4(203, 0, 113, 0), 24], [ip4(255, 255, 255, 255), 32],
];

/** `valip::ip4::Ip::parse`: dotted decimal, 7..15 bytes, four octets of 0..255 without leading zeros. */
export function parseIpv4(input: Bytes): Ipv4 | undefined {
  if (input.length < 7 || input.length > 15) return undefined;
  let bits = 0;
  let octets = 0;
  let value = 0;
  let digits = 0;
  for (const c of input) {
    if (c === DOT) {
      if (digits === 0 || octets === 3) return undefined;
      bits = bits * 256 + value;
      octets++;
      value = 0;
      digits = 0;
    } else if (isDigit(c)) {
      if (digits > 0 && value === 0) return undefined;
      value = value * 10 + c - 0x30;
      if (value > 255) return undefined;
      digits++;
    } else {
      return undefined;
    }
  }
  if (octets !== 3 || digits === 0) return undefined;
  return new Ipv4(bits * 256 + value);
}

/** `valip::ip4::CIDR::parse`: an IPv4 address, '/', a mask of 0..32 in one or two digits; 18 bytes at most. */
export function parseIpv4Cidr(input: Bytes): Ipv4Cidr | undefined {
  if (input.length > 18) return undefined;
  const parts = splitMask(input);
  if (parts === undefined) return undefined;
  const ip = parseIpv4(parts[0]);
  const mask = parseMask(parts[1], 2, 32);
  return ip !== undefined && mask !== undefined ? new Ipv4Cidr(ip, mask) : undefined;
}

/** `valip::ip6::Ip`: the 16 address bytes, most significant first. */
export class Ipv6 {
  constructor(readonly octets: Uint8Array) {}

  /** Anything but ff00::/8 (multicast). */
  isUnicast(): boolean {
    return this.octets[0] !== 0xff;
  }

  /** Outside 100::/64, fc00::/7 and fe80::/10, valip's only private ranges (so ::1 and :: count as public). */
  isPublic(): boolean {
    return !PRIVATE_IP6_SUBNETS.some(([prefix, mask]) => prefixEquals(this.octets, prefix.octets, mask));
  }

  equals(other: Ipv6): boolean {
    return prefixEquals(this.octets, other.octets, 128);
  }
}

/** `valip::ip6::CIDR`: the address as written (host bits kept) and the mask length. */
export class Ipv6Cidr {
  constructor(readonly ip: Ipv6, readonly mask: number) {}

  asIp(): Ipv6 {
    return this.ip;
  }

  isUnicast(): boolean {
    return this.ip.isUnicast();
  }

  isPublic(): boolean {
    return this.ip.isPublic();
  }

  // valip turns a /0 mask into an all-ones bitmask (it dodges a u128 overflow), so a /0 network contains only
  // its own address, unlike IPv4's /0 which contains everything.
  contains(ip: Ipv6): boolean {
    return prefixEquals(ip.octets, this.ip.octets, this.mask === 0 ? 128 : this.mask);
  }
}

/** Whether the first `bits` bits of two 16-byte addresses agree. */
function prefixEquals(a: Uint8Array, b: Uint8Array, bits: number): boolean {
  const whole = bits >> 3;
  for (let i = 0; i < whole; i++) if (a[i] !== b[i]) return false;
  const rest = bits & 7;
  if (rest === 0) return true;
  const keep = (0xff << (8 - rest)) & 0xff;
  return ((a[whole]! ^ b[whole]!) & keep) === 0;
}

const ip6Prefix = (...head: number[]) => new Ipv6(Uint8Array.from({ length: 16 }, (_, i) => head[i] ?? 0));

const PRIVATE_IP6_SUBNETS: readonly (readonly [Ipv6, number])[] = [
  [ip6Prefix(0x01, 0x00), 64], [ip6Prefix(0xfc), 7], [ip6Prefix(0xfe, 0x80), 10],
];

/** `valip::ip6::Ip::parse`: up to eight ':'-separated groups of 1..4 hex digits, one "::", 2..39 bytes. */
export function parseIpv6(input: Bytes): Ipv6 | undefined {
  if (input.length < 2 || input.length > 39) return undefined;
  // Groups are written in order; "::" takes one slot (`gap`) and is widened once the count is known. This walk
  // keeps valip's counting rules, which decide the edge cases (":1::", "1:2:3:4:5:6:7:::1", "a::b::c").
  const words = new Uint16Array(8);
  let count = 0;
  let gap: number | undefined;
  let lastEmpty = false;
  let start = 0;
  for (let end = 0; end <= input.length; end++) {
    if (end < input.length && input[end] !== COLON) continue;
    const group = input.subarray(start, end);
    start = end + 1;
    const empty = group.length === 0;
    if (count >= 8 && !empty) return undefined;
    if (count === 0 && lastEmpty && !empty) return undefined; // a lone leading ':'
    if (empty) {
      if (count === 0 && !lastEmpty) {
        // The empty piece before a leading "::"; only the second one counts.
        lastEmpty = true;
        continue;
      }
      if (gap === undefined) gap = count;
      else if (!lastEmpty || count !== gap + 1) return undefined; // a second "::"
    } else {
      const word = parseHexWord(group);
      if (word === undefined) return undefined;
      words[count] = word;
    }
    count++;
    // Only a trailing "::" may make a ninth slot: the empty piece after it.
    if (count > 8 && !(gap === count - 2 && empty)) return undefined;
    lastEmpty = empty;
  }
  if (lastEmpty && gap !== undefined) {
    // A trailing "::" leaves an empty last piece that is no group of its own; a trailing single ':' is an error.
    if (gap + 2 !== count) return undefined;
    count--;
  }
  if (gap === undefined && count < 8) return undefined;
  const octets = new Uint8Array(16);
  const omitted = gap === undefined ? 0 : 9 - count;
  for (let i = 0; i < 8; i++) {
    let word = 0;
    if (gap === undefined || i < gap) word = words[i]!;
    else if (i >= gap + omitted) word = words[i - omitted + 1]!;
    octets[2 * i] = word >> 8;
    octets[2 * i + 1] = word & 0xff;
  }
  return new Ipv6(octets);
}

function parseHexWord(group: Bytes): number | undefined {
  if (group.length > 4) return undefined;
  let word = 0;
  for (const c of group) {
    const v = hexValue(c);
    if (v < 0) return undefined;
    word = (word << 4) | v;
  }
  return word;
}

/** `valip::ip6::CIDR::parse`: an IPv6 address, '/', a mask of 0..128 in one to three digits; 43 bytes at most. */
export function parseIpv6Cidr(input: Bytes): Ipv6Cidr | undefined {
  if (input.length > 43) return undefined;
  const parts = splitMask(input);
  if (parts === undefined) return undefined;
  const ip = parseIpv6(parts[0]);
  const mask = parseMask(parts[1], 3, 128);
  return ip !== undefined && mask !== undefined ? new Ipv6Cidr(ip, mask) : undefined;
}

/** `valip::mac::Mac::parse`: exactly six ':'-separated pairs of hex digits (17 bytes), either case. */
export function parseMac(input: Bytes): Uint8Array | undefined {
  if (input.length !== 17) return undefined;
  const raw = new Uint8Array(6);
  for (let i = 0; i < 6; i++) {
    const hi = hexValue(input[3 * i]!);
    const lo = hexValue(input[3 * i + 1]!);
    if (hi < 0 || lo < 0 || (i < 5 && input[3 * i + 2] !== COLON)) return undefined;
    raw[i] = (hi << 4) | lo;
  }
  return raw;
}

/** `tfchain_support::types::PublicIpError`, the cases an IP pair check can raise. */
export type PublicIpError = "InvalidIp4" | "InvalidGw4" | "InvalidIp6" | "InvalidGw6" | "InvalidPublicIp";

/**
 * `IP4::is_valid`: the gateway parses, the CIDR parses, both are public unicast, the gateway is in the subnet and
 * is not the address itself.
 */
export function validateIp4(ip: Bytes, gw: Bytes): PublicIpError | undefined {
  const gw4 = parseIpv4(gw);
  if (gw4 === undefined) return "InvalidGw4";
  const ip4 = parseIpv4Cidr(ip);
  if (ip4 === undefined) return "InvalidIp4";
  const ok = !ip4.asPrefix().equals(gw4) && gw4.isPublic() && gw4.isUnicast() && ip4.isPublic() &&
    ip4.isUnicast() && ip4.contains(gw4);
  return ok ? undefined : "InvalidPublicIp";
}

/** `IP6::is_valid`: the same rules as {@link validateIp4} for an IPv6 CIDR and gateway. */
export function validateIp6(ip: Bytes, gw: Bytes): PublicIpError | undefined {
  const gw6 = parseIpv6(gw);
  if (gw6 === undefined) return "InvalidGw6";
  const ip6 = parseIpv6Cidr(ip);
  if (ip6 === undefined) return "InvalidIp6";
  const ok = !ip6.asIp().equals(gw6) && gw6.isPublic() && gw6.isUnicast() && ip6.isPublic() &&
    ip6.isUnicast() && ip6.contains(gw6);
  return ok ? undefined : "InvalidPublicIp";
}

/** `InterfaceIp`'s grammar check: a plain IPv4 or IPv6 address (no mask). */
export function isValidInterfaceIp(input: Bytes): boolean {
  return parseIpv4(input) !== undefined || parseIpv6(input) !== undefined;
}

/** `InterfaceMac`'s grammar check: `Mac::parse` succeeds. */
export function isValidMac(input: Bytes): boolean {
  return parseMac(input) !== undefined;
}
