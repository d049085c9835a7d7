import assert from "node:assert/strict";
import fc from "fast-check";
import { Keyring } from "@polkadot/keyring";
import { cryptoWaitReady } from "@polkadot/util-crypto";
import { type KeyPair, type KeyScheme, keyFromUri } from "../../../primitives/crypto/keyring.js";
import { type MultiSignature, verifyMultiSignature } from "../../../primitives/crypto/multi-signature.js";
import { initCrypto } from "../../../primitives/crypto/sr25519.js";

const TAG = { sr25519: "Sr25519", ed25519: "Ed25519", ecdsa: "Ecdsa" } as const;
const text = (s: string) => new TextEncoder().encode(s);

function multiSign(key: KeyPair, message: Uint8Array): MultiSignature {
  return { tag: TAG[key.scheme], value: key.sign(message) };
}

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = bytes.slice();
  copy[(bit >> 3) % copy.length]! ^= 1 << (bit & 7);
  return copy;
}

describe("MultiSignature", () => {
  const schemes: KeyScheme[] = ["sr25519", "ed25519", "ecdsa"];
  let keys: Record<KeyScheme, KeyPair>;

  before(async () => {
    await cryptoWaitReady();
    await initCrypto();
    keys = { sr25519: keyFromUri("//Alice", "sr25519"), ed25519: keyFromUri("//Alice", "ed25519"), ecdsa: keyFromUri("//Alice", "ecdsa") };
  });

  it("verifies each scheme's signature against its account id (ecdsa: blake2_256 of the recovered key)", () => {
    for (const scheme of schemes) {
      const message = text(`signed with ${scheme}`);
      assert.equal(verifyMultiSignature(multiSign(keys[scheme], message), message, keys[scheme].accountId), true, scheme);
    }
  });

  it("verifies signatures made by @polkadot/keyring for every scheme", () => {
    for (const scheme of schemes) {
      const pair = new Keyring({ type: scheme }).addFromUri("//Bob");
      const message = text("from polkadot-js");
      const signature: MultiSignature = { tag: TAG[scheme], value: pair.sign(message) };
      assert.equal(verifyMultiSignature(signature, message, pair.addressRaw), true, scheme);
    }
  });

  it("rejects a flipped bit in the signature or the message, and another signer, for all three schemes", () => {
    const bob = keyFromUri("//Bob").accountId;
    fc.assert(
      fc.property(fc.constantFrom(...schemes), fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.nat(), (scheme, message, bit) => {
        const signature = multiSign(keys[scheme], message);
        const signer = keys[scheme].accountId;
        const tampered = { ...signature, value: flipBit(signature.value, bit % (signature.value.length * 8)) };
        assert.equal(verifyMultiSignature(tampered, message, signer), false, scheme);
        assert.equal(verifyMultiSignature(signature, flipBit(message, bit), signer), false, scheme);
        assert.equal(verifyMultiSignature(signature, message, bob), false, scheme);
      }),
      { numRuns: 60 },
    );
  });

  it("rejects a signature presented under another scheme's tag", () => {
    const message = text("tag confusion");
    const sr = keys.sr25519.sign(message);
    assert.equal(verifyMultiSignature({ tag: "Ed25519", value: sr }, message, keys.sr25519.accountId), false);
    const ecdsa = keys.ecdsa.sign(message);
    assert.equal(verifyMultiSignature({ tag: "Sr25519", value: ecdsa }, message, keys.ecdsa.accountId), false);
  });

  it("returns false, never throwing, for malformed lengths, unknown tags and random bytes", () => {
    const message = text("m");
    for (const scheme of schemes) {
      const signature = multiSign(keys[scheme], message);
      assert.equal(verifyMultiSignature({ ...signature, value: signature.value.subarray(1) }, message, keys[scheme].accountId), false);
      assert.equal(verifyMultiSignature(signature, message, keys[scheme].accountId.subarray(1)), false);
      assert.equal(verifyMultiSignature(signature, message, new Uint8Array(33)), false);
    }
    assert.equal(verifyMultiSignature({ tag: "Ethereum", value: new Uint8Array(65) } as unknown as MultiSignature, message, new Uint8Array(32)), false);
    fc.assert(
      fc.property(fc.constantFrom("Ed25519", "Sr25519", "Ecdsa" as const), fc.uint8Array({ maxLength: 70 }), fc.uint8Array({ maxLength: 34 }), (tag, value, signer) => {
        assert.equal(verifyMultiSignature({ tag, value } as MultiSignature, message, signer), false);
      }),
      { numRuns: 300 },
    );
  });
});
