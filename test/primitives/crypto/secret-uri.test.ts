import assert from "node:assert/strict";
import fc from "fast-check";
import { u8aToHex } from "@polkadot/util";
import { cryptoWaitReady, keyExtractSuri, mnemonicGenerate, mnemonicToEntropy as polkadotEntropy, mnemonicToMiniSecret as polkadotMiniSecret } from "@polkadot/util-crypto";
import { KeyError } from "../../../primitives/crypto/key-error.js";
import { mnemonicToEntropy, mnemonicToMiniSecret } from "../../../primitives/crypto/mnemonic.js";
import { DEV_PHRASE, deriveSeed, junctionFromString, parseSecretUri, seedFromPhrase } from "../../../primitives/crypto/secret-uri.js";

function throwsCode(fn: () => unknown, code: string): void {
  assert.throws(fn, (e: unknown) => e instanceof KeyError && e.code === code);
}

describe("secret URIs and mnemonics", () => {
  before(async () => {
    await cryptoWaitReady();
  });

  describe("mnemonic", () => {
    it("recovers the entropy and mini-secret of 12- to 24-word mnemonics as substrate-bip39 (wasm-crypto)", function () {
      this.timeout(60_000);
      for (const words of [12, 15, 18, 21, 24] as const) {
        const phrase = mnemonicGenerate(words);
        assert.equal(u8aToHex(mnemonicToEntropy(phrase)), u8aToHex(polkadotEntropy(phrase)), phrase);
        // after cryptoWaitReady, util-crypto answers with the Rust substrate-bip39 crate compiled to wasm
        assert.equal(u8aToHex(mnemonicToMiniSecret(phrase)), u8aToHex(polkadotMiniSecret(phrase)), phrase);
        assert.equal(u8aToHex(mnemonicToMiniSecret(phrase, "pw")), u8aToHex(polkadotMiniSecret(phrase, "pw")), phrase);
      }
    });

    it("gives the dev phrase's known mini-secret", () => {
      // the root seed that @polkadot/wasm-crypto's schnorrkel tests hard-derive by "Alice" into //Alice
      assert.equal(
        u8aToHex(mnemonicToMiniSecret(DEV_PHRASE)),
        "0xfac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e",
      );
    });

    it("rejects a bad checksum, an unknown word and a wrong word count", () => {
      throwsCode(() => mnemonicToEntropy(DEV_PHRASE.replace("walk", "wall")), "INVALID_PHRASE");
      throwsCode(() => mnemonicToEntropy(DEV_PHRASE.replace("walk", "xyzzy")), "INVALID_PHRASE");
      throwsCode(() => mnemonicToEntropy("bottom drive obey"), "INVALID_PHRASE");
    });
  });

  describe("parseSecretUri", () => {
    it("splits phrase, junctions and password like @polkadot/util-crypto's keyExtractSuri", () => {
      for (const uri of [
        `${DEV_PHRASE}//Alice`, "//Alice", "//Alice//stash", "//Alice/soft//hard///pass word", "0x1234//a/b",
        `${DEV_PHRASE}///secret`, "//1//2/3", `//${"x".repeat(40)}`, "//Ünïcödé",
      ]) {
        const ours = parseSecretUri(uri);
        const theirs = keyExtractSuri(uri.startsWith("/") ? DEV_PHRASE + uri : uri);
        assert.equal(ours.phrase ?? DEV_PHRASE, theirs.phrase, uri);
        assert.equal(ours.password, theirs.password, uri);
        assert.deepEqual(
          ours.junctions.map((j) => [j.hard, u8aToHex(j.chainCode)]),
          theirs.path.map((j) => [j.isHard, u8aToHex(j.chainCode)]),
          uri,
        );
      }
    });

    it("treats an empty phrase as the dev phrase and an empty password after /// as empty", () => {
      assert.deepEqual(parseSecretUri("//Alice///"), { ...parseSecretUri("//Alice"), password: "" });
      assert.equal(parseSecretUri("//Alice").phrase, undefined);
    });

    it("rejects text that is no secret URI", () => {
      throwsCode(() => parseSecretUri("not-a-uri!"), "INVALID_URI");
    });
  });

  describe("junctions", () => {
    it("encodes numbers as u64 and strings as SCALE strings, hashing encodings longer than 32 bytes", () => {
      assert.equal(u8aToHex(junctionFromString("1", true).chainCode), u8aToHex(Uint8Array.of(1, ...new Uint8Array(31))));
      assert.equal(u8aToHex(junctionFromString("Alice", false).chainCode.subarray(0, 6)), "0x14416c696365");
      fc.assert(
        fc.property(fc.string({ minLength: 1, maxLength: 60 }).filter((s) => !s.includes("/")), (code) => {
          const theirs = keyExtractSuri(`${DEV_PHRASE}/${code}`).path[0]!;
          // @polkadot/util-crypto reads 0x… junctions as raw bytes; sp-core (which we follow) as strings
          fc.pre(!code.startsWith("0x") && !/^\+\d/.test(code));
          assert.equal(u8aToHex(junctionFromString(code, false).chainCode), u8aToHex(theirs.chainCode));
        }),
      );
    });

    it("follows sp-core, not @polkadot/util-crypto, for 0x… junctions and numbers beyond u64", () => {
      const hexJunction = junctionFromString("0x12", true).chainCode;
      assert.equal(u8aToHex(hexJunction.subarray(0, 5)), "0x1030783132");
      const big = junctionFromString("18446744073709551616", true).chainCode;
      assert.equal(big[0], 20 << 2);
    });
  });

  describe("seeds", () => {
    it("reads a 0x seed of exactly 32 bytes and ignores the password, as sp-core", () => {
      const hex = `0x${"ab".repeat(32)}`;
      assert.equal(u8aToHex(seedFromPhrase(hex, "pw")), hex);
      throwsCode(() => seedFromPhrase("0x1234", undefined), "INVALID_SEED");
      throwsCode(() => seedFromPhrase(`0x${"zz".repeat(32)}`, undefined), "INVALID_SEED");
    });

    it("refuses soft junctions for seed-derived schemes", () => {
      const junctions = parseSecretUri("//a/b").junctions;
      throwsCode(() => deriveSeed("Ed25519HDKD", new Uint8Array(32), junctions), "SOFT_DERIVATION_UNSUPPORTED");
    });
  });
});
