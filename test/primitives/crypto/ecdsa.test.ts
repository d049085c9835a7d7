import assert from "node:assert/strict";
import fc from "fast-check";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { Keyring } from "@polkadot/keyring";
import { hexToU8a, u8aToHex } from "@polkadot/util";
import { blake2AsU8a, cryptoWaitReady, mnemonicGenerate, secp256k1PairFromSeed, secp256k1Sign } from "@polkadot/util-crypto";
import { ecdsaAccountId, ecdsaDerive, ecdsaFromSeed, ecdsaFromUri, ecdsaRecover, ecdsaSign, ecdsaVerify } from "../../../primitives/crypto/ecdsa.js";
import { KeyError } from "../../../primitives/crypto/key-error.js";

const text = (s: string) => new TextEncoder().encode(s);
const N = secp256k1.Point.CURVE().n;
// sp-core ecdsa.rs test vectors
const SEED = hexToU8a("0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = bytes.slice();
  copy[(bit >> 3) % copy.length]! ^= 1 << (bit & 7);
  return copy;
}

describe("ecdsa", () => {
  before(async () => {
    await cryptoWaitReady();
  });

  it("matches sp-core's test vector: public key and the signature of the empty message", () => {
    const pair = ecdsaFromSeed(SEED);
    assert.equal(u8aToHex(pair.publicKey), "0x028db55b05db86c0b1786ca49f095d76344c9e6056b2f02701a7e7f3c20aabfd91");
    assert.equal(
      u8aToHex(ecdsaSign(pair, new Uint8Array())),
      "0x3dde91174bd9359027be59a428b8146513df80a2a3c7eda2194f64de04a69ab97b753169e94db6ffd50921a2668a48b94ca11e3d32c1ff19cfe88890aa7e8f3c00",
    );
  });

  it("matches sp-core's Secp256k1HDKD vector: hard junction [0; 32]", () => {
    const derived = ecdsaDerive(ecdsaFromSeed(SEED), [{ hard: true, chainCode: new Uint8Array(32) }]);
    assert.equal(u8aToHex(derived.secretKey), "0xb8eefc4937200a8382d00050e050ced2d4ab72cc2ef1b061477afb51564fdd61");
  });

  it("derives the same keys and account ids as @polkadot/keyring", () => {
    const keyring = new Keyring({ type: "ecdsa" });
    const phrase = mnemonicGenerate(12);
    for (const uri of ["//Alice", "//Bob//stash", "//Alice///pw", phrase, `${phrase}//eth//0`]) {
      const ours = ecdsaFromUri(uri);
      const theirs = keyring.addFromUri(uri);
      assert.equal(u8aToHex(ours.publicKey), u8aToHex(theirs.publicKey), uri);
      assert.equal(u8aToHex(ecdsaAccountId(ours.publicKey)), u8aToHex(theirs.addressRaw), uri);
    }
  });

  it("refuses soft junctions and invalid secret keys", () => {
    assert.throws(() => ecdsaFromUri("//Alice/soft"), (e: unknown) => e instanceof KeyError && e.code === "SOFT_DERIVATION_UNSUPPORTED");
    assert.throws(() => ecdsaFromSeed(new Uint8Array(32)), (e: unknown) => e instanceof KeyError && e.code === "INVALID_SEED");
    assert.throws(() => ecdsaFromSeed(new Uint8Array(32).fill(0xff)), (e: unknown) => e instanceof KeyError);
  });

  it("signs byte-for-byte as @polkadot/util-crypto (RFC 6979 over blake2_256) and recovers the signer", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ maxLength: 300 }), (seed, message) => {
        fc.pre(secp256k1.utils.isValidSecretKey(seed));
        const pair = ecdsaFromSeed(seed);
        const signature = ecdsaSign(pair, message);
        assert.equal(u8aToHex(signature), u8aToHex(secp256k1Sign(message, secp256k1PairFromSeed(seed), "blake2")));
        assert.ok(signature[64] === 0 || signature[64] === 1);
        assert.equal(u8aToHex(ecdsaRecover(signature, message)), u8aToHex(pair.publicKey));
        assert.equal(ecdsaVerify(signature, message, pair.publicKey), true);
      }),
      { numRuns: 40 },
    );
  });

  it("accepts v as 27/28 and a high-s signature, as sp-io's recover does", () => {
    const pair = ecdsaFromUri("//Charlie");
    const message = text("recover me");
    const signature = ecdsaSign(pair, message);
    const plus27 = signature.slice();
    plus27[64]! += 27;
    assert.equal(ecdsaVerify(plus27, message, pair.publicKey), true);

    let s = 0n;
    for (let i = 32; i < 64; i++) s = (s << 8n) | BigInt(signature[i]!);
    const highS = signature.slice();
    let v = N - s;
    for (let i = 63; i >= 32; i--, v >>= 8n) highS[i] = Number(v & 0xffn);
    highS[64] = signature[64]! ^ 1;
    assert.equal(ecdsaVerify(highS, message, pair.publicKey), true);
  });

  it("rejects any flipped bit in the signature (r, s or v) or the message", () => {
    const pair = ecdsaFromUri("//Dave");
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 100 }), fc.nat(), (message, bit) => {
        const signature = ecdsaSign(pair, message);
        assert.equal(ecdsaVerify(flipBit(signature, bit % 520), message, pair.publicKey), false);
        assert.equal(ecdsaVerify(signature, flipBit(message, bit), pair.publicKey), false);
      }),
      { numRuns: 100 },
    );
  });

  it("returns undefined or false, without throwing, for malformed input", () => {
    const pair = ecdsaFromUri("//Eve");
    const signature = ecdsaSign(pair, text("x"));
    assert.equal(ecdsaRecover(signature.subarray(0, 64), text("x")), undefined);
    const badV = signature.slice();
    badV[64] = 4;
    assert.equal(ecdsaRecover(badV, text("x")), undefined);
    const zeroR = signature.slice();
    zeroR.fill(0, 0, 32);
    assert.equal(ecdsaRecover(zeroR, text("x")), undefined);
    const overflowS = signature.slice();
    overflowS.fill(0xff, 32, 64);
    assert.equal(ecdsaRecover(overflowS, text("x")), undefined);
    assert.equal(ecdsaVerify(signature, text("x"), pair.publicKey.subarray(1)), false);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 65, maxLength: 65 }), (sig) => {
        const recovered = ecdsaRecover(sig, text("x"));
        assert.ok(recovered === undefined || recovered.length === 33);
      }),
    );
  });

  it("names the account by blake2_256 of the compressed key", () => {
    const pair = ecdsaFromUri("//Alice");
    assert.equal(u8aToHex(ecdsaAccountId(pair.publicKey)), u8aToHex(blake2AsU8a(pair.publicKey)));
  });
});
