import assert from "node:assert/strict";
import fc from "fast-check";
import { Keyring } from "@polkadot/keyring";
import { hexToU8a, u8aToHex } from "@polkadot/util";
import { cryptoWaitReady, ed25519PairFromSeed, ed25519Sign as polkadotSign, ed25519Verify as polkadotVerify, mnemonicGenerate } from "@polkadot/util-crypto";
import * as wasm from "@polkadot/wasm-crypto";
import { ed25519Derive, ed25519FromSeed, ed25519FromUri, ed25519Sign, ed25519Verify } from "../../../primitives/crypto/ed25519.js";
import { KeyError } from "../../../primitives/crypto/key-error.js";

const text = (s: string) => new TextEncoder().encode(s);

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = bytes.slice();
  copy[(bit >> 3) % copy.length]! ^= 1 << (bit & 7);
  return copy;
}

describe("ed25519", () => {
  before(async () => {
    await cryptoWaitReady();
  });

  it("derives //Alice to the well-known ed25519 public key", () => {
    assert.equal(
      u8aToHex(ed25519FromUri("//Alice").publicKey),
      "0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee",
    );
  });

  it("matches sp-core's test vectors: RFC 8032 test 1 and the Ed25519HDKD hard junction [0; 32]", () => {
    const pair = ed25519FromSeed(hexToU8a("0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    assert.equal(u8aToHex(pair.publicKey), "0xd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    const signature = ed25519Sign(pair, new Uint8Array());
    assert.equal(
      u8aToHex(signature),
      "0xe5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
    );
    assert.equal(ed25519Verify(signature, new Uint8Array(), pair.publicKey), true);
    const derived = ed25519Derive(pair, [{ hard: true, chainCode: new Uint8Array(32) }]);
    assert.equal(u8aToHex(derived.seed), "0xede3354e133f9c8e337ddd6ee5415ed4b4ffe5fc7d21e933f4930a3730e5b21c");
  });

  it("derives the same public keys as @polkadot/keyring (Ed25519HDKD hard derivation)", () => {
    const keyring = new Keyring({ type: "ed25519" });
    const phrase = mnemonicGenerate(12);
    for (const uri of ["//Bob", "//Bob//stash", "//1//2", "//Alice///pw", phrase, `${phrase}//grandpa///pw`, `0x${"07".repeat(32)}//x`]) {
      assert.equal(u8aToHex(ed25519FromUri(uri).publicKey), u8aToHex(keyring.addFromUri(uri).publicKey), uri);
    }
  });

  it("refuses soft junctions with SOFT_DERIVATION_UNSUPPORTED", () => {
    assert.throws(() => ed25519FromUri("//Alice/soft"), (e: unknown) => e instanceof KeyError && e.code === "SOFT_DERIVATION_UNSUPPORTED");
  });

  it("signs byte-for-byte as @polkadot/util-crypto (deterministic RFC 8032) and verifies its signatures", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ maxLength: 300 }), (seed, message) => {
        const pair = ed25519FromSeed(seed);
        const theirs = ed25519PairFromSeed(seed);
        assert.equal(u8aToHex(pair.publicKey), u8aToHex(theirs.publicKey));
        const signature = ed25519Sign(pair, message);
        assert.equal(u8aToHex(signature), u8aToHex(polkadotSign(message, theirs)));
        assert.equal(polkadotVerify(message, signature, pair.publicKey), true);
        assert.equal(ed25519Verify(signature, message, pair.publicKey), true);
      }),
      { numRuns: 40 },
    );
  });

  it("rejects any flipped bit in the signature, the message or the public key", () => {
    const pair = ed25519FromUri("//Dave");
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 100 }), fc.nat(), (message, bit) => {
        const signature = ed25519Sign(pair, message);
        assert.equal(ed25519Verify(flipBit(signature, bit % 512), message, pair.publicKey), false);
        assert.equal(ed25519Verify(signature, flipBit(message, bit), pair.publicKey), false);
        assert.equal(ed25519Verify(signature, message, flipBit(pair.publicKey, bit % 256)), false);
      }),
      { numRuns: 60 },
    );
  });

  it("returns false, without throwing, for malformed lengths and garbage", () => {
    const pair = ed25519FromUri("//Eve");
    const signature = ed25519Sign(pair, text("x"));
    assert.equal(ed25519Verify(signature.subarray(1), text("x"), pair.publicKey), false);
    assert.equal(ed25519Verify(signature, text("x"), new Uint8Array(33)), false);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), fc.uint8Array({ minLength: 32, maxLength: 32 }), (sig, pk) => {
        assert.equal(ed25519Verify(sig, text("x"), pk), false);
      }),
    );
  });

  it("rejects a non-canonical S (S + L), as ed25519-zebra does", () => {
    const pair = ed25519FromUri("//Ferdie");
    const message = text("malleable");
    const signature = ed25519Sign(pair, message);
    const L = 2n ** 252n + 27742317777372353535851937790883648493n;
    let s = 0n;
    for (let i = 31; i >= 0; i--) s = (s << 8n) | BigInt(signature[32 + i]!);
    const malleated = signature.slice();
    for (let i = 0, v = s + L; i < 32; i++, v >>= 8n) malleated[32 + i] = Number(v & 0xffn);
    assert.equal(ed25519Verify(malleated, message, pair.publicKey), false);
  });

  it("accepts ZIP-215's small-order edge cases (S = 0, R identity, A of order 8) as Substrate's ed25519-zebra does", () => {
    // the cofactored equation [8][S]B = [8]R + [8][k]A holds for any message; the cofactorless one that
    // wasm-crypto's ed25519-dalek checks holds only when 8 divides k, which is why we do not verify with dalek
    const orderEight = hexToU8a("0x26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05");
    const signature = new Uint8Array(64);
    signature[0] = 1;
    const messages = Array.from({ length: 16 }, (_, i) => text(`message ${i}`));
    for (const message of messages) assert.equal(ed25519Verify(signature, message, orderEight), true);
    assert.ok(messages.some((message) => !wasm.ed25519Verify(signature, message, orderEight)));
  });
});
