/**
 * Hand codecs for the two records every credited uptime report reads and writes, `NodeState` and `NodePeriod`,
 * applied by the hooks to the stored bytes directly.
 *
 * PERF: the schemas' codecs set up a scale-ts decoder per value, about a fifth of a report's hook. These give
 * the same bytes and values; a layout they do not cover (a period with a violation or a verdict, bytes the
 * generic codec would reject or read leniently) goes to the schema's codec.
 */
import type { Storage, StorageReader } from "../../../state/storage.js";
import { storage } from "./storage.js";
import { NodePeriod, NodeState, type LastReport, type Standby } from "./types.js";

const U64_LIMIT = 1n << 64n;
const TWO_32 = 2 ** 32;
/** u64 expected, up, standby; u32 reboots, boot_failures. */
const PERIOD_COUNTS_SIZE = 32;

const isU64 = (x: bigint) => x >= 0n && x < U64_LIMIT;

// Little-endian integers byte by byte: a DataView per record costs more than the record's fields.
function readU32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

function readU64(b: Uint8Array, at: number): bigint {
  const lo = readU32(b, at);
  const hi = readU32(b, at + 4);
  return hi < 0x20_0000 ? BigInt(hi * TWO_32 + lo) : (BigInt(hi) << 32n) | BigInt(lo);
}

function writeU32(b: Uint8Array, at: number, v: number): void {
  b[at] = v;
  b[at + 1] = v >>> 8;
  b[at + 2] = v >>> 16;
  b[at + 3] = v >>> 24;
}

/** `v` in [0, 2⁶⁴). */
function writeU64(b: Uint8Array, at: number, v: bigint): void {
  if (v < 0x20_0000_0000_0000n) {
    const n = Number(v);
    writeU32(b, at, n % TWO_32);
    writeU32(b, at + 4, Math.floor(n / TWO_32));
  } else {
    writeU32(b, at, Number(v & 0xffff_ffffn));
    writeU32(b, at + 4, Number(v >> 32n));
  }
}

/** `storage.NodeState.get`. */
export function getNodeState(io: StorageReader, nodeId: number): NodeState | undefined {
  const raw = io.get(storage.NodeState.key(nodeId));
  return raw === undefined ? undefined : decodeNodeState(raw);
}

/** `storage.NodeState.set`. */
export function setNodeState(io: Storage, nodeId: number, state: NodeState): void {
  io.set(storage.NodeState.key(nodeId), encodeNodeState(state));
}

/** `storage.NodePeriods.mutate` for a function that always returns a record. */
export function mutateNodePeriod(io: Storage, nodeId: number, period: number, f: (p: NodePeriod | undefined) => NodePeriod): void {
  const key = storage.NodePeriods.key(nodeId, period);
  const raw = io.get(key);
  io.set(key, encodeNodePeriod(f(raw === undefined ? undefined : decodeNodePeriod(raw))));
}

export function decodeNodeState(raw: Uint8Array): NodeState {
  let at = 1;
  let last: LastReport | undefined;
  if (raw[0] === 1 && raw.length >= 25) {
    last = { at: readU64(raw, 1), uptime: readU64(raw, 9), boot: readU64(raw, 17) };
    at = 25;
  } else if (raw[0] !== 0) {
    return NodeState.dec(raw);
  }
  let standby: Standby | undefined;
  const standbyTag = raw[at++];
  if (standbyTag === 1 && raw.length >= at + 10) {
    const since = readU64(raw, at);
    at += 8;
    let request: bigint | undefined;
    const requestTag = raw[at++];
    if (requestTag === 1 && raw.length >= at + 9) {
      request = readU64(raw, at);
      at += 8;
    } else if (requestTag !== 0) {
      return NodeState.dec(raw);
    }
    const failed = raw[at++];
    if (failed !== 0 && failed !== 1) return NodeState.dec(raw);
    standby = { since, request, failed: failed === 1 };
  } else if (standbyTag !== 0) {
    return NodeState.dec(raw);
  }
  return at === raw.length ? { last, standby } : NodeState.dec(raw);
}

export function encodeNodeState(state: NodeState): Uint8Array {
  const { last, standby } = state;
  if ((last && !(isU64(last.at) && isU64(last.uptime) && isU64(last.boot))) || (standby && !isU64(standby.since))) return NodeState.enc(state);
  if (standby?.request !== undefined && !isU64(standby.request)) return NodeState.enc(state);
  const out = new Uint8Array(2 + (last ? 24 : 0) + (standby ? 10 + (standby.request !== undefined ? 8 : 0) : 0));
  let at = 1;
  if (last) {
    out[0] = 1;
    writeU64(out, 1, last.at);
    writeU64(out, 9, last.uptime);
    writeU64(out, 17, last.boot);
    at = 25;
  }
  if (standby) {
    out[at] = 1;
    writeU64(out, at + 1, standby.since);
    at += 9;
    if (standby.request !== undefined) {
      out[at] = 1;
      writeU64(out, at + 1, standby.request);
      at += 8;
    }
    out[at + 1] = standby.failed ? 1 : 0;
  }
  return out;
}

export function decodeNodePeriod(raw: Uint8Array): NodePeriod {
  // Without a violation and a verdict the record is its counts and two `None` tags.
  if (raw.length !== PERIOD_COUNTS_SIZE + 2 || raw[32] !== 0 || raw[33] !== 0) return NodePeriod.dec(raw);
  return {
    expected: readU64(raw, 0),
    up: readU64(raw, 8),
    standby: readU64(raw, 16),
    reboots: readU32(raw, 24),
    boot_failures: readU32(raw, 28),
    violation: undefined,
    closed: undefined,
  };
}

export function encodeNodePeriod(p: NodePeriod): Uint8Array {
  if (p.violation !== undefined || p.closed !== undefined || !isU64(p.expected) || !isU64(p.up) || !isU64(p.standby)) return NodePeriod.enc(p);
  const out = new Uint8Array(PERIOD_COUNTS_SIZE + 2);
  writeU64(out, 0, p.expected);
  writeU64(out, 8, p.up);
  writeU64(out, 16, p.standby);
  writeU32(out, 24, p.reboots);
  writeU32(out, 28, p.boot_failures);
  return out;
}
