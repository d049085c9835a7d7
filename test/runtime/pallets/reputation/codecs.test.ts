// The hand codecs of the records a credited report reads and writes (records-codec.ts) and the in-place window
// ring update (windows-codec.ts), against the schemas' generic codecs and `addToWindows` (online.ts).
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { CodecError } from "../../../../primitives/codec-error.js";
import { MemoryStorage } from "../../../../state/memory-storage.js";
import { WINDOW_LENGTH, WINDOWS } from "../../../../runtime/pallets/reputation/constants.js";
import { addToWindows } from "../../../../runtime/pallets/reputation/online.js";
import {
  decodeNodePeriod, decodeNodeState, encodeNodePeriod, encodeNodeState, getNodeState, mutateNodePeriod, setNodeState,
} from "../../../../runtime/pallets/reputation/records-codec.js";
import { storage } from "../../../../runtime/pallets/reputation/storage.js";
import { NodePeriod, NodeState, NodeWindows, NodeWindowsGeneric } from "../../../../runtime/pallets/reputation/types.js";
import { addToWindowsBytes, emptyWindowsBytes, WINDOWS_SIZE } from "../../../../runtime/pallets/reputation/windows-codec.js";

const U64_MAX = (1n << 64n) - 1n;
// The hand codecs switch between number and bigint arithmetic at 2⁵³ and split at 2³²: their edges are drawn often.
const u64 = fc.oneof(
  fc.bigInt({ min: 0n, max: U64_MAX }),
  fc.bigInt({ min: 0n, max: 1n << 40n }),
  fc.constantFrom(0n, 1n, (1n << 32n) - 1n, 1n << 32n, (1n << 53n) - 1n, 1n << 53n, (1n << 53n) + 1n, (1n << 63n), U64_MAX),
);
const u32 = fc.oneof(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.constantFrom(0, 1, 2 ** 31, 2 ** 32 - 1));
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const lastReport = fc.record({ at: u64, uptime: u64, boot: u64 });
const standby = fc.record({ since: u64, request: opt(u64), failed: fc.boolean() });
const nodeState: fc.Arbitrary<NodeState> = fc.record({ last: opt(lastReport), standby: opt(standby) });

const reportPair = fc.record({ previous_uptime: u64, previous_timestamp: u64, reported_uptime: u64, reported_timestamp: u64 });
const violation = fc.oneof(
  fc.constantFrom("UptimeTooHigh", "UptimeTooLow", "InvalidReboot").chain((tag) => reportPair.map((value) => ({ tag, value }))),
  fc.record({ original_boot: u64, current_boot: u64, previous_timestamp: u64, reported_timestamp: u64 }).map((value) => ({ tag: "ClockSkew", value })),
  u64.map((requested_at) => ({ tag: "BootRequestExpired", value: { requested_at } })),
  fc.constantFrom("MissingRelay", "InvalidPublicKey", "MissingTwin").map((tag) => ({ tag, value: undefined })),
) as fc.Arbitrary<NodePeriod["violation"]>;
const verdict = fc.record({
  uptime: fc.integer({ min: 0, max: 0xffff }), certification: fc.constantFrom("Diy", "Certified"), sla_met: fc.boolean(),
}) as fc.Arbitrary<NonNullable<NodePeriod["closed"]>>;
/** Mostly the layout the hand codec covers (no violation, no verdict), the others often enough. */
const nodePeriod: fc.Arbitrary<NodePeriod> = fc.record({
  expected: u64, up: u64, standby: u64, reboots: u32, boot_failures: u32,
  violation: fc.option(violation, { nil: undefined, freq: 2 }),
  closed: fc.option(verdict, { nil: undefined, freq: 2 }),
});

/** Whatever `f` returns, or the CodecError it throws as its code and message. */
function outcome<T>(f: () => T): { value: T } | { error: string } {
  try {
    return { value: f() };
  } catch (e) {
    assert.ok(e instanceof CodecError, `not a CodecError: ${e}`);
    return { error: `${e.code}: ${e.message}` };
  }
}

/**
 * Byte strings near valid encodings: a valid one cut short, extended, with one byte changed (often a tag to
 * 0, 1, 2 or 0xff), or random bytes of a nearby length.
 */
function malformed(valid: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    valid.chain((b) => fc.integer({ min: 0, max: Math.max(0, b.length - 1) }).map((n) => b.slice(0, n))),
    fc.tuple(valid, fc.uint8Array({ minLength: 1, maxLength: 10 })).map(([b, extra]) => Uint8Array.from([...b, ...extra])),
    fc.tuple(valid, fc.nat(), fc.oneof(fc.constantFrom(0, 1, 2, 0xff), fc.integer({ min: 0, max: 255 }))).map(([b, i, v]) => {
      const out = b.slice();
      if (out.length > 0) out[i % out.length] = v;
      return out;
    }),
    fc.uint8Array({ minLength: 0, maxLength: 70 }),
    // Tag bytes of the shapes the hand decoders read, the rest random.
    fc.tuple(fc.constantFrom(0, 1, 2), fc.uint8Array({ minLength: 0, maxLength: 60 })).map(([tag, rest]) => Uint8Array.from([tag, ...rest])),
  );
}

describe("Reputation hand codecs (records-codec.ts)", () => {
  describe("NodeState", () => {
    it("encodes every value to the generic codec's bytes and decodes them to the same value (property)", () => {
      fc.assert(fc.property(nodeState, (s) => {
        const bytes = encodeNodeState(s);
        assert.deepStrictEqual(bytes, NodeState.enc(s));
        const decoded = decodeNodeState(bytes);
        assert.deepStrictEqual(decoded, NodeState.dec(bytes));
        assert.deepStrictEqual(decoded, structuredClone(s));
      }), { numRuns: 3_000 });
    });

    it("covers every shape of the record (last, standby, request each present or not)", () => {
      for (const last of [undefined, { at: 1n, uptime: 2n, boot: U64_MAX }]) {
        for (const sb of [undefined, { since: 3n, request: undefined, failed: false }, { since: 1n << 53n, request: 5n, failed: true }]) {
          const s = { last, standby: sb };
          const bytes = encodeNodeState(s);
          assert.deepStrictEqual(bytes, NodeState.enc(s));
          assert.deepStrictEqual(decodeNodeState(bytes), s);
        }
      }
    });

    it("decodes or rejects malformed bytes exactly as the generic codec (property)", () => {
      fc.assert(fc.property(malformed(nodeState.map((s) => NodeState.enc(s))), (bytes) => {
        assert.deepStrictEqual(outcome(() => decodeNodeState(bytes)), outcome(() => NodeState.dec(bytes)));
      }), { numRuns: 5_000 });
    });

    it("reads a lenient tag (2 for Some, 2 for true) as the generic codec does, through it", () => {
      const valid = NodeState.enc({ last: { at: 1n, uptime: 2n, boot: 3n }, standby: { since: 4n, request: 5n, failed: true } });
      for (const at of [0, 25, 34, 43]) {
        const bytes = valid.slice();
        bytes[at] = 2;
        assert.deepStrictEqual(outcome(() => decodeNodeState(bytes)), outcome(() => NodeState.dec(bytes)));
      }
      assert.throws(() => decodeNodeState(new Uint8Array(0)), CodecError);
      assert.throws(() => decodeNodeState(Uint8Array.from([0, 0, 0])), (e) => e instanceof CodecError && e.code === "TRAILING_BYTES");
      assert.throws(() => decodeNodeState(valid.subarray(0, 30)), CodecError);
    });

    it("decodes a view into a larger buffer", () => {
      const s = { last: { at: 10n, uptime: 20n, boot: 30n }, standby: { since: 40n, request: undefined, failed: true } };
      const bytes = encodeNodeState(s);
      const big = new Uint8Array(bytes.length + 7);
      big.set(bytes, 3);
      assert.deepStrictEqual(decodeNodeState(big.subarray(3, 3 + bytes.length)), s);
    });

    it("encodes values out of u64 range as the generic codec does (fallback)", () => {
      const out = fc.oneof(fc.bigInt({ min: -(1n << 70n), max: -1n }), fc.bigInt({ min: 1n << 64n, max: 1n << 70n }));
      const anyU64 = fc.oneof(u64, out);
      const wide = fc.record({
        last: opt(fc.record({ at: anyU64, uptime: anyU64, boot: anyU64 })),
        standby: opt(fc.record({ since: anyU64, request: opt(anyU64), failed: fc.boolean() })),
      });
      fc.assert(fc.property(wide, (s) => {
        assert.deepStrictEqual(outcome(() => encodeNodeState(s)), outcome(() => NodeState.enc(s)));
      }), { numRuns: 2_000 });
    });
  });

  describe("NodePeriod", () => {
    it("encodes every value to the generic codec's bytes and decodes them to the same value (property)", () => {
      fc.assert(fc.property(nodePeriod, (p) => {
        const bytes = encodeNodePeriod(p);
        assert.deepStrictEqual(bytes, NodePeriod.enc(p));
        const decoded = decodeNodePeriod(bytes);
        assert.deepStrictEqual(decoded, NodePeriod.dec(bytes));
        assert.deepStrictEqual(decoded, structuredClone(p));
      }), { numRuns: 3_000 });
    });

    it("decodes or rejects malformed bytes exactly as the generic codec (property)", () => {
      fc.assert(fc.property(malformed(nodePeriod.map((p) => NodePeriod.enc(p))), (bytes) => {
        assert.deepStrictEqual(outcome(() => decodeNodePeriod(bytes)), outcome(() => NodePeriod.dec(bytes)));
      }), { numRuns: 5_000 });
      // The 34-byte layout the hand decoder reads, with either trailing tag changed.
      const plain = NodePeriod.enc({ expected: 1n, up: 2n, standby: 3n, reboots: 4, boot_failures: 5, violation: undefined, closed: undefined });
      assert.equal(plain.length, 34);
      for (const [at, v] of [[32, 1], [32, 2], [32, 9], [33, 1], [33, 2]] as const) {
        const bytes = plain.slice();
        bytes[at] = v;
        assert.deepStrictEqual(outcome(() => decodeNodePeriod(bytes)), outcome(() => NodePeriod.dec(bytes)));
      }
      assert.throws(() => decodeNodePeriod(plain.subarray(0, 33)), CodecError);
    });

    it("encodes counts out of range as the generic codec does (u64 fallback, u32 wrapping)", () => {
      const anyU64 = fc.oneof(u64, fc.bigInt({ min: -(1n << 70n), max: (1n << 70n) }));
      const anyU32 = fc.oneof(u32, fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.double({ noNaN: false }));
      const wide = fc.record({
        expected: anyU64, up: anyU64, standby: anyU64, reboots: anyU32, boot_failures: anyU32,
        violation: fc.constant(undefined), closed: fc.constant(undefined),
      });
      fc.assert(fc.property(wide, (p) => {
        assert.deepStrictEqual(outcome(() => encodeNodePeriod(p)), outcome(() => NodePeriod.enc(p)));
      }), { numRuns: 2_000 });
    });
  });

  describe("storage helpers", () => {
    it("getNodeState and setNodeState read and write what storage.NodeState does", () => {
      fc.assert(fc.property(u32, opt(nodeState), (id, s) => {
        const io = new MemoryStorage();
        if (s) setNodeState(io, id, s);
        const reference = new MemoryStorage();
        if (s) storage.NodeState.set(reference, id, s);
        assert.deepStrictEqual([...io.entries()], [...reference.entries()]);
        assert.deepStrictEqual(getNodeState(io, id), storage.NodeState.get(reference, id));
      }), { numRuns: 500 });
    });

    it("mutateNodePeriod passes and stores what storage.NodePeriods.mutate does", () => {
      fc.assert(fc.property(u32, u32, opt(nodePeriod), nodePeriod, (node, period, before, after) => {
        const ours = new MemoryStorage();
        const reference = new MemoryStorage();
        if (before) {
          storage.NodePeriods.set(ours, node, period, before);
          storage.NodePeriods.set(reference, node, period, before);
        }
        let seen: unknown = null;
        mutateNodePeriod(ours, node, period, (p) => ((seen = p), after));
        let expected: unknown = null;
        storage.NodePeriods.mutate(reference, node, period, (p) => ((expected = p), after));
        assert.deepStrictEqual(seen, expected);
        assert.deepStrictEqual([...ours.entries()], [...reference.entries()]);
      }), { numRuns: 500 });
    });
  });
});

describe("Reputation window ring in place (addToWindowsBytes)", () => {
  const WINDOW_SECONDS = Number(WINDOW_LENGTH);
  const upSeconds = fc.oneof(fc.integer({ min: 0, max: WINDOW_SECONDS }), fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0, WINDOW_SECONDS));
  const seconds = fc.oneof(fc.integer({ min: 0, max: 2_460 }), fc.integer({ min: 0, max: 200_000 }), fc.constantFrom(0, 1, WINDOW_SECONDS));
  const latest = fc.oneof(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 40_000, max: 42_000 }), fc.integer({ min: 0, max: 200 }));
  const ring = fc.record({ latest, up: fc.array(upSeconds, { minLength: WINDOWS, maxLength: WINDOWS }) });
  /** A window near the ring's latest (behind, in, ahead of and far past the ring) or anywhere in u32. */
  const windowNear = (l: number) => fc.oneof(
    fc.integer({ min: Math.max(0, l - 2 * WINDOWS), max: Math.min(2 ** 32 - 1, l + 2 * WINDOWS) }),
    fc.constantFrom(l, Math.max(0, l - WINDOWS), Math.max(0, l - WINDOWS + 1), Math.min(2 ** 32 - 1, l + WINDOWS)),
    fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  );
  const reference = (bytes: Uint8Array | undefined, w: number, s: number) =>
    NodeWindows.enc(addToWindows(bytes === undefined ? undefined : NodeWindows.dec(bytes), w, s));

  it("changes the stored bytes as decode, addToWindows and encode do (property)", () => {
    fc.assert(fc.property(ring.chain((r) => fc.tuple(fc.constant(r), windowNear(r.latest), seconds)), ([r, w, s]) => {
      const bytes = NodeWindowsGeneric.enc(r);
      assert.equal(bytes.length, WINDOWS_SIZE);
      const expected = reference(bytes, w, s);
      assert.deepStrictEqual(expected, NodeWindowsGeneric.enc(addToWindows(NodeWindowsGeneric.dec(bytes), w, s)));
      const inPlace = bytes.slice();
      addToWindowsBytes(inPlace, w, s);
      assert.deepStrictEqual(inPlace, expected);
    }), { numRuns: 5_000 });
  });

  it("starts an absent ring as addToWindows(undefined) does (property)", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), seconds, (w, s) => {
      const bytes = emptyWindowsBytes(w);
      assert.deepStrictEqual(bytes, NodeWindows.enc({ latest: w, up: new Array(WINDOWS).fill(0) }));
      addToWindowsBytes(bytes, w, s);
      assert.deepStrictEqual(bytes, reference(undefined, w, s));
    }), { numRuns: 1_000 });
  });

  it("follows a run of credits as the decoded ring does (property)", () => {
    const step = fc.tuple(fc.integer({ min: -70, max: 70 }), seconds);
    fc.assert(fc.property(fc.option(ring, { nil: undefined }), fc.integer({ min: 100, max: 2 ** 31 }), fc.array(step, { minLength: 1, maxLength: 40 }), (start, w0, steps) => {
      let decoded = start;
      let bytes: Uint8Array | undefined = start === undefined ? undefined : NodeWindows.enc(start);
      let w = w0;
      for (const [dw, s] of steps) {
        w = Math.max(0, w + dw);
        decoded = addToWindows(decoded, w, s);
        bytes ??= emptyWindowsBytes(w);
        addToWindowsBytes(bytes, w, s);
        assert.deepStrictEqual(bytes, NodeWindows.enc(decoded));
      }
    }), { numRuns: 1_000 });
  });
});
