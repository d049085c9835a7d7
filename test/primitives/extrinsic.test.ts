import { strict as assert } from "node:assert";
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { Keyring } from "@polkadot/keyring";
import { cryptoWaitReady, signatureVerify, blake2AsU8a } from "@polkadot/util-crypto";
import { hexToU8a, u8aToHex } from "@polkadot/util";
import { CodecError } from "../../primitives/codec-error.js";
import { keyFromUri, type KeyScheme } from "../../primitives/crypto/keyring.js";
import { initCrypto } from "../../primitives/crypto/sr25519.js";
import { Era, EraSchema } from "../../primitives/era.js";
import {
  checkExtrinsicSignature, decodeExtrinsic, encodeExtrinsic, encodeSignedPayload, extrinsicHash, signExtrinsic,
  signingPayload, uncheckedExtrinsicSchema, unsignedExtrinsic, verifyExtrinsicSignature, type AdditionalSigned, type Extrinsic, type ExtrinsicSignature,
} from "../../primitives/extrinsic.js";
import { struct, vec } from "../../primitives/schema.js";
import { referenceRegistry } from "./reference.js";

const { registry } = referenceRegistry();
const VECTORS = JSON.parse(fs.readFileSync(path.resolve(process.cwd(), "test/vectors/tfchain-extrinsics.json"), "utf8")) as any[];
const GENESIS = new Uint8Array(32).fill(0x11);
const BIRTH = new Uint8Array(32).fill(0x22);
const SCHEMES: KeyScheme[] = ["sr25519", "ed25519", "ecdsa"];
const hex = (b: Uint8Array) => u8aToHex(b);

function additionalFor(birthHash: Uint8Array): AdditionalSigned {
  return { specVersion: 152, txVersion: 2, genesisHash: GENESIS, birthHash };
}

function flipBit(bytes: Uint8Array, index: number): Uint8Array {
  const out = bytes.slice();
  out[index] = out[index]! ^ 1;
  return out;
}

function withSignature(xt: Extrinsic, value: Uint8Array): Extrinsic {
  return { ...xt, signed: { ...xt.signed!, signature: { ...xt.signed!.signature, value } } };
}

function expectCodecError(f: () => unknown, code: string, label: string) {
  assert.throws(f, (e: unknown) => e instanceof CodecError && e.code === code, label);
}

interface Case {
  label: string;
  call: () => any;
  era: () => any;
  ourEra: Era;
  nonce: number;
  tip: bigint;
  birth: Uint8Array;
}

const CASES: Case[] = [
  { label: "immortal, no tip", call: () => transfer(), era: () => registry.createType("ExtrinsicEra"), ourEra: Era.immortal, nonce: 0, tip: 0n, birth: GENESIS },
  { label: "mortal 64 at 1000, tip", call: () => transfer(), era: () => registry.createType("ExtrinsicEra", { current: 1000, period: 64 }), ourEra: Era.mortal(64, 1000), nonce: 42, tip: 123_456_789n, birth: BIRTH },
  { label: "mortal 65536, big nonce and tip", call: () => transfer(), era: () => registry.createType("ExtrinsicEra", { current: 9_999_999, period: 100_000 }), ourEra: Era.mortal(100_000, 9_999_999), nonce: 2 ** 31 + 5, tip: 2n ** 100n, birth: BIRTH },
  { label: "remark of 1000 bytes (hashed payload)", call: () => remark(1000), era: () => registry.createType("ExtrinsicEra", { current: 5, period: 2400 }), ourEra: Era.mortal(2400, 5), nonce: 1, tip: 0n, birth: BIRTH },
];

function transfer() {
  return registry.createType("Call", { callIndex: [20, 3], args: { dest: { Id: "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty" }, value: 10_000_000n } });
}
function remark(n: number) {
  return registry.createType("Call", { callIndex: [0, 0], args: { remark: u8aToHex(new Uint8Array(n).fill(7)) } });
}

describe("extrinsic", () => {
  before(async () => {
    await cryptoWaitReady();
    await initCrypto();
  });

  describe("extrinsics signed by @polkadot/types", () => {
    for (const scheme of SCHEMES) {
      for (const c of CASES) {
        it(`decodes and verifies ${scheme}, ${c.label}`, () => {
          const pair = new Keyring({ type: scheme }).addFromUri("//Bob");
          const call = c.call();
          const ext = registry.createType("Extrinsic", call);
          ext.sign(pair, { blockHash: c.birth, genesisHash: GENESIS, nonce: c.nonce, tip: c.tip, era: c.era(), runtimeVersion: { specVersion: 152, transactionVersion: 2 } as any } as any);
          const bytes = ext.toU8a();

          const xt = decodeExtrinsic(bytes);
          assert.ok(xt.signed);
          assert.deepEqual(xt.signed.address, { tag: "Id", value: pair.addressRaw });
          assert.equal(xt.signed.signature.tag, { sr25519: "Sr25519", ed25519: "Ed25519", ecdsa: "Ecdsa" }[scheme]);
          assert.equal(xt.signed.nonce, c.nonce);
          assert.equal(xt.signed.tip, c.tip);
          assert.deepEqual(xt.signed.era, c.ourEra);
          assert.equal(hex(EraSchema.enc(xt.signed.era)), ext.era.toHex());
          assert.equal(hex(xt.call), call.toHex());
          assert.equal(hex(xt.encoded), hex(bytes));
          assert.equal(hex(encodeExtrinsic(xt)), hex(bytes));
          assert.equal(hex(extrinsicHash(xt.encoded)), ext.hash.toHex());

          const additional = additionalFor(c.birth);
          assert.deepEqual(checkExtrinsicSignature(xt, additional), { ok: true, signer: pair.addressRaw });
          assert.equal(verifyExtrinsicSignature(xt, additional), true);

          const sig = xt.signed.signature.value;
          assert.equal(verifyExtrinsicSignature(withSignature(xt, flipBit(sig, 10)), additional), false, "flipped signature bit");
          assert.equal(verifyExtrinsicSignature({ ...xt, call: flipBit(xt.call, xt.call.length - 1) }, additional), false, "flipped call bit");
          assert.equal(verifyExtrinsicSignature({ ...xt, signed: { ...xt.signed, nonce: c.nonce + 1 } }, additional), false, "other nonce");
          assert.equal(verifyExtrinsicSignature({ ...xt, signed: { ...xt.signed, tip: c.tip + 1n } }, additional), false, "other tip");
          assert.equal(verifyExtrinsicSignature(xt, { ...additional, genesisHash: flipBit(GENESIS, 0) }), false, "other genesis");
          assert.equal(verifyExtrinsicSignature(xt, { ...additional, birthHash: flipBit(c.birth, 31) }), false, "other birth block");
          assert.equal(verifyExtrinsicSignature(xt, { ...additional, specVersion: 153 }), false, "other spec version");
          assert.equal(verifyExtrinsicSignature(xt, { ...additional, txVersion: 3 }), false, "other tx version");
          const flippedWire = decodeExtrinsic(flipBit(bytes, bytes.length - 1));
          assert.equal(verifyExtrinsicSignature(flippedWire, additional), false, "flipped bit on the wire");
        });
      }
    }

    it("builds the same signed payload as @polkadot/types, hashing it past 256 bytes", () => {
      for (const c of CASES) {
        const call = c.call();
        const payload = registry.createType("ExtrinsicPayload", {
          method: call.toHex(), era: c.era(), nonce: c.nonce, tip: c.tip, specVersion: 152, transactionVersion: 2,
          genesisHash: GENESIS, blockHash: c.birth,
        }, { version: 4 });
        const theirs = payload.toU8a({ method: true });
        const extra = { era: c.ourEra, nonce: c.nonce, tip: c.tip };
        assert.equal(hex(encodeSignedPayload(call.toU8a(), extra, additionalFor(c.birth))), hex(theirs), c.label);
        const expected = theirs.length > 256 ? blake2AsU8a(theirs) : theirs;
        assert.equal(hex(signingPayload(call.toU8a(), extra, additionalFor(c.birth))), hex(expected), c.label);
      }
    });
  });

  describe("test/vectors/tfchain-extrinsics.json (@polkadot/types output)", () => {
    for (const v of VECTORS) {
      it(`decodes and verifies: ${v.description}`, () => {
        const bytes = hexToU8a(v.extrinsic);
        const xt = decodeExtrinsic(bytes);
        assert.equal(hex(xt.call), v.call);
        assert.equal(hex(encodeExtrinsic(xt)), v.extrinsic);
        if (!v.signer) {
          assert.equal(xt.signed, undefined);
          assert.deepEqual(checkExtrinsicSignature(xt, additionalFor(GENESIS)), { ok: false, error: "UNSIGNED" });
          return;
        }
        assert.ok(xt.signed);
        assert.equal(hex(xt.signed.address.value as Uint8Array), v.signer);
        assert.equal(xt.signed.nonce, v.nonce);
        assert.equal(xt.signed.tip, BigInt(v.tip));
        assert.equal(hex(EraSchema.enc(xt.signed.era)), v.era);
        const additional = { specVersion: v.specVersion, txVersion: v.txVersion, genesisHash: hexToU8a(v.genesisHash), birthHash: hexToU8a(v.birthHash) };
        assert.equal(verifyExtrinsicSignature(xt, additional), true);
      });
    }
  });

  describe("extrinsics we sign", () => {
    for (const scheme of SCHEMES) {
      for (const c of CASES) {
        it(`decode and verify in @polkadot/types: ${scheme}, ${c.label}`, () => {
          const key = keyFromUri("//Charlie", scheme);
          const call = c.call().toU8a();
          const extra = { era: c.ourEra, nonce: c.nonce, tip: c.tip };
          const xt = signExtrinsic(call, key, extra, additionalFor(c.birth));
          assert.equal(verifyExtrinsicSignature(decodeExtrinsic(xt.encoded), additionalFor(c.birth)), true);

          const ext = registry.createType("Extrinsic", xt.encoded);
          assert.equal(ext.isSigned, true);
          assert.equal(hex(ext.toU8a()), hex(xt.encoded));
          assert.equal(hex(ext.signer.toU8a()), hex(Uint8Array.of(0, ...key.accountId)));
          assert.equal(ext.nonce.toNumber(), c.nonce);
          assert.equal(ext.tip.toBigInt(), c.tip);
          assert.equal(ext.era.toHex(), hex(EraSchema.enc(c.ourEra)));
          assert.equal(ext.method.toHex(), hex(call));

          const payload = registry.createType("ExtrinsicPayload", {
            method: ext.method.toHex(), era: ext.era, nonce: ext.nonce, tip: ext.tip, specVersion: 152, transactionVersion: 2,
            genesisHash: GENESIS, blockHash: c.birth,
          }, { version: 4 });
          const raw = payload.toU8a({ method: true });
          const message = raw.length > 256 ? blake2AsU8a(raw) : raw;
          const result = signatureVerify(message, ext.signature.toU8a(), key.publicKey);
          assert.equal(result.isValid, true);
          assert.equal(result.crypto, scheme);
        });
      }
    }
  });

  describe("addresses", () => {
    it("cannot look up a sender named by anything but MultiAddress::Id", () => {
      const key = keyFromUri("//Dave", "ed25519");
      const xt = signExtrinsic(Uint8Array.of(0, 0, 0), key, { era: Era.immortal, nonce: 0, tip: 0n }, additionalFor(GENESIS));
      const others: ExtrinsicSignature["address"][] = [
        { tag: "Address32", value: key.accountId },
        { tag: "Raw", value: key.accountId },
        { tag: "Index", value: undefined },
        { tag: "Address20", value: key.accountId.slice(0, 20) },
      ];
      for (const address of others) {
        const moved = decodeExtrinsic(encodeExtrinsic({ ...xt, signed: { ...xt.signed!, address } }));
        assert.deepEqual(checkExtrinsicSignature(moved, additionalFor(GENESIS)), { ok: false, error: "CANNOT_LOOKUP" }, address.tag);
        assert.equal(verifyExtrinsicSignature(moved, additionalFor(GENESIS)), false, address.tag);
      }
    });
  });

  describe("codec", () => {
    const bytesArb = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max });
    const eraArb = fc.oneof(fc.constant(Era.immortal), fc.tuple(fc.integer({ min: 0, max: 1 << 17 }), fc.nat()).map(([p, c]) => Era.mortal(p, c)));
    const addressArb = fc.oneof(
      bytesArb(32, 32).map((value) => ({ tag: "Id" as const, value })),
      fc.constant({ tag: "Index" as const, value: undefined }),
      bytesArb(0, 80).map((value) => ({ tag: "Raw" as const, value })),
      bytesArb(32, 32).map((value) => ({ tag: "Address32" as const, value })),
      bytesArb(20, 20).map((value) => ({ tag: "Address20" as const, value })),
    );
    const signatureArb = fc.oneof(
      bytesArb(64, 64).map((value) => ({ tag: "Ed25519" as const, value })),
      bytesArb(64, 64).map((value) => ({ tag: "Sr25519" as const, value })),
      bytesArb(65, 65).map((value) => ({ tag: "Ecdsa" as const, value })),
    );
    const signedArb = fc.record({
      address: addressArb,
      signature: signatureArb,
      era: eraArb,
      nonce: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      tip: fc.bigInt({ min: 0n, max: 2n ** 128n - 1n }),
    });
    const xtArb = fc.record({ signed: fc.option(signedArb, { nil: undefined }), call: bytesArb(1, 400) });

    it("round-trips any extrinsic", () => {
      fc.assert(
        fc.property(xtArb, (x) => {
          const encoded = encodeExtrinsic(x);
          const back = decodeExtrinsic(encoded);
          assert.deepEqual(back.signed, x.signed && { ...x.signed });
          assert.deepEqual(back.call, x.call);
          assert.deepEqual(back.encoded, encoded);
        }),
        { numRuns: 500 },
      );
    });

    it("decodes any bytes to an extrinsic or a CodecError, nothing else", () => {
      fc.assert(
        fc.property(bytesArb(0, 300), (b) => {
          try {
            decodeExtrinsic(b);
          } catch (e) {
            assert.ok(e instanceof CodecError, String(e));
          }
        }),
        { numRuns: 3000 },
      );
    });

    it("decodes any mutation of a valid extrinsic to an extrinsic or a CodecError", () => {
      fc.assert(
        fc.property(xtArb, fc.nat(), fc.integer({ min: 0, max: 255 }), (x, at, byte) => {
          const encoded = encodeExtrinsic(x);
          encoded[at % encoded.length] = byte;
          try {
            decodeExtrinsic(encoded);
          } catch (e) {
            assert.ok(e instanceof CodecError, String(e));
          }
        }),
        { numRuns: 2000 },
      );
    });

    it("rejects malformed extrinsics with a CodecError", () => {
      const key = keyFromUri("//Eve", "sr25519");
      const good = signExtrinsic(Uint8Array.of(0, 0, 4, 1), key, { era: Era.mortal(64, 9), nonce: 3, tip: 0n }, additionalFor(BIRTH)).encoded;
      const body = good.slice(2); // the prefix is 2 bytes (length ≥ 64)
      const withPrefix = (b: number[] | Uint8Array) => Uint8Array.from([...compactPrefix(b.length), ...b]);
      expectCodecError(() => decodeExtrinsic(new Uint8Array(0)), "MALFORMED", "empty");
      expectCodecError(() => decodeExtrinsic(Uint8Array.of(0)), "MALFORMED", "empty body");
      expectCodecError(() => decodeExtrinsic(good.slice(0, -1)), "MALFORMED", "truncated");
      expectCodecError(() => decodeExtrinsic(Uint8Array.of(...good, 0)), "TRAILING_BYTES", "trailing byte");
      for (const version of [0x85, 0x83, 0x03, 0x05, 0x00, 0xff, 0x80]) {
        const b = body.slice();
        b[0] = version;
        assert.throws(() => decodeExtrinsic(withPrefix(b)), (e: unknown) => e instanceof CodecError && e.code === "MALFORMED" && /version/.test(e.message), `version 0x${version.toString(16)}`);
      }
      const badAddress = body.slice();
      badAddress[1] = 5;
      expectCodecError(() => decodeExtrinsic(withPrefix(badAddress)), "UNKNOWN_VARIANT", "address variant 5");
      const badSignature = body.slice();
      badSignature[1 + 33] = 3;
      expectCodecError(() => decodeExtrinsic(withPrefix(badSignature)), "UNKNOWN_VARIANT", "signature variant 3");
      const sigEnd = 1 + 33 + 65;
      const badEra = body.slice();
      badEra[sigEnd] = 0x40; // low nibble 0: period 2
      badEra[sigEnd + 1] = 0x00;
      expectCodecError(() => decodeExtrinsic(withPrefix(badEra)), "MALFORMED", "era period 2");
      // nonce 3 re-encoded in the two-byte mode: parity-scale-codec rejects it, so do we
      const nonCanonical = [...body.slice(0, sigEnd + 2), 0x0d, 0x00, ...body.slice(sigEnd + 3)];
      expectCodecError(() => decodeExtrinsic(withPrefix(nonCanonical)), "MALFORMED", "non-canonical nonce");
      expectCodecError(() => decodeExtrinsic(withPrefix(body.slice(0, sigEnd + 4))), "MALFORMED", "signed, no call");
      expectCodecError(() => decodeExtrinsic(withPrefix(body.slice(0, 20))), "MALFORMED", "cut in the address");
      expectCodecError(() => decodeExtrinsic(Uint8Array.of(0x01, 0x00, 0x04, 0x00)), "MALFORMED", "non-canonical length prefix");
    });

    it("gives the metadata schema the same codec, usable inside other codecs", () => {
      const s = uncheckedExtrinsicSchema(struct({ path: "tfchain_runtime::RuntimeCall" }, {}));
      const xts = VECTORS.map((v) => decodeExtrinsic(hexToU8a(v.extrinsic)));
      for (const xt of xts) assert.deepEqual(s.dec(s.enc(xt)), xt);
      const list = vec(s);
      assert.deepEqual(list.dec(list.enc(xts)), xts);
      assert.throws(() => s.dec(Uint8Array.of(...xts[0]!.encoded, 0)), (e: unknown) => e instanceof CodecError && e.code === "TRAILING_BYTES");
    });

    it("builds unsigned extrinsics as @polkadot/types does", () => {
      const call = registry.createType("Call", { callIndex: [1, 0], args: { now: 1_700_000_000_000 } });
      const ours = unsignedExtrinsic(call.toU8a());
      assert.equal(hex(ours.encoded), registry.createType("Extrinsic", call).toHex());
      assert.equal(registry.createType("Extrinsic", ours.encoded).isSigned, false);
    });
  });
});

function compactPrefix(n: number): Uint8Array {
  return registry.createType("Compact<u32>", n).toU8a();
}
