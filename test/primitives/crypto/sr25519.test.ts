import assert from "node:assert/strict";
import fc from "fast-check";
import { Keyring } from "@polkadot/keyring";
import { hexToU8a, u8aToHex } from "@polkadot/util";
import { cryptoWaitReady, mnemonicGenerate } from "@polkadot/util-crypto";
import * as wasm from "@polkadot/wasm-crypto";
import * as scure from "@scure/sr25519";
import {
  initCrypto, isWasmVerifierReady, sr25519Derive, sr25519FromSeed, sr25519FromUri, sr25519Sign, sr25519Verify,
} from "../../../primitives/crypto/sr25519.js";
import { parseSecretUri } from "../../../primitives/crypto/secret-uri.js";

const ALICE = "0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";
const text = (s: string) => new TextEncoder().encode(s);

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = bytes.slice();
  copy[(bit >> 3) % copy.length]! ^= 1 << (bit & 7);
  return copy;
}

describe("sr25519", () => {
  before(async () => {
    await cryptoWaitReady();
    await initCrypto();
  });

  it("verifies on the WebAssembly schnorrkel after initCrypto", () => {
    assert.equal(isWasmVerifierReady(), true);
  });

  it("derives //Alice to the well-known public key", () => {
    assert.equal(u8aToHex(sr25519FromUri("//Alice").publicKey), ALICE);
  });

  it("derives the same public keys as @polkadot/keyring for hard, soft, numeric, long and password URIs", () => {
    const keyring = new Keyring({ type: "sr25519" });
    const phrase = mnemonicGenerate(24);
    for (const uri of [
      "//Bob//stash", "//Alice/soft", "//Alice/soft//hard/7", "//0/1//18446744073709551615", `//${"long".repeat(10)}`,
      "//Alice///password", `${phrase}`, `${phrase}//polkadot/0///pw`, `0x${"42".repeat(32)}//x/y`,
    ]) {
      assert.equal(u8aToHex(sr25519FromUri(uri).publicKey), u8aToHex(keyring.addFromUri(uri).publicKey), uri);
    }
  });

  it("expands seeds and derives keys as schnorrkel does (wasm-crypto)", () => {
    const seed = hexToU8a("0xfac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e");
    const ours = sr25519FromSeed(seed);
    const theirs = wasm.sr25519KeypairFromSeed(seed);
    assert.equal(u8aToHex(ours.publicKey), u8aToHex(theirs.subarray(64)));
    for (const path of ["//Alice", "/foo", "//a/b//c"]) {
      const derived = sr25519Derive(ours, parseSecretUri(path).junctions);
      let pair = theirs;
      for (const j of parseSecretUri(path).junctions) {
        pair = j.hard ? wasm.sr25519DeriveKeypairHard(pair, j.chainCode) : wasm.sr25519DeriveKeypairSoft(pair, j.chainCode);
      }
      assert.equal(u8aToHex(derived.publicKey), u8aToHex(pair.subarray(64)), path);
    }
  });

  it("accepts the known signature from schnorrkel's test suite", () => {
    const message = text("I hereby verify that I control 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
    const signature = hexToU8a(
      "0x1037eb7e51613d0dcf5930ae518819c87d655056605764840d9280984e1b7063c4566b55bf292fcab07b369d01095879b50517beca4d26e6a65866e25fec0d83",
    );
    assert.equal(sr25519Verify(signature, message, hexToU8a(ALICE)), true);
  });

  it("signs what schnorrkel verifies and verifies what schnorrkel signs", () => {
    const pair = sr25519FromUri("//Charlie");
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (message) => {
        assert.equal(wasm.sr25519Verify(sr25519Sign(pair, message), message, pair.publicKey), true);
        assert.equal(sr25519Verify(wasm.sr25519Sign(pair.publicKey, pair.secretKey, message), message, pair.publicKey), true);
      }),
      { numRuns: 40 },
    );
  });

  it("rejects any flipped bit in the signature, the message or the public key", () => {
    const pair = sr25519FromUri("//Dave");
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 100 }), fc.nat(), (message, bit) => {
        const signature = sr25519Sign(pair, message);
        assert.equal(sr25519Verify(signature, message, pair.publicKey), true);
        assert.equal(sr25519Verify(flipBit(signature, bit % 512), message, pair.publicKey), false);
        assert.equal(sr25519Verify(signature, flipBit(message, bit), pair.publicKey), false);
        assert.equal(sr25519Verify(signature, message, flipBit(pair.publicKey, bit % 256)), false);
      }),
      { numRuns: 40 },
    );
  });

  it("rejects a signature without schnorrkel's marker bit, as Substrate's sr25519_verify does", () => {
    const pair = sr25519FromUri("//Eve");
    const message = text("marker");
    const signature = sr25519Sign(pair, message);
    signature[63]! &= 0x7f;
    assert.equal(sr25519Verify(signature, message, pair.publicKey), false);
    assert.throws(() => scure.verify(message, signature, pair.publicKey));
  });

  it("returns false, without throwing, for malformed lengths and garbage", () => {
    const pair = sr25519FromUri("//Ferdie");
    const signature = sr25519Sign(pair, text("x"));
    assert.equal(sr25519Verify(signature.subarray(0, 63), text("x"), pair.publicKey), false);
    assert.equal(sr25519Verify(new Uint8Array(65), text("x"), pair.publicKey), false);
    assert.equal(sr25519Verify(signature, text("x"), pair.publicKey.subarray(1)), false);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), fc.uint8Array({ minLength: 32, maxLength: 32 }), (sig, pk) => {
        assert.equal(sr25519Verify(sig, text("x"), pk), false);
      }),
    );
  });

  it("agrees with @scure/sr25519 on valid and tampered signatures, so the pre-init fallback decides alike", () => {
    const pair = sr25519FromUri("//Alice");
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.nat(), fc.boolean(), (message, bit, tamper) => {
        const signature = sr25519Sign(pair, message);
        const sig = tamper ? flipBit(signature, bit % 512) : signature;
        let scureResult: boolean;
        try {
          scureResult = scure.verify(message, sig, pair.publicKey);
        } catch {
          scureResult = false;
        }
        assert.equal(sr25519Verify(sig, message, pair.publicKey), scureResult);
      }),
      { numRuns: 60 },
    );
  });
});
