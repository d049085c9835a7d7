import assert from "node:assert/strict";
import { Keyring } from "@polkadot/keyring";
import { u8aToHex } from "@polkadot/util";
import { cryptoWaitReady } from "@polkadot/util-crypto";
import { KeyError } from "../../../primitives/crypto/key-error.js";
import { DEV_ACCOUNT_NAMES, type DevAccountName, devAccounts, keyFromUri } from "../../../primitives/crypto/keyring.js";
import { sr25519Verify } from "../../../primitives/crypto/sr25519.js";
import { encodeSs58 } from "../../../primitives/ss58.js";

describe("keyring", () => {
  before(async () => {
    await cryptoWaitReady();
  });

  it("holds Alice … Ferdie and their stash accounts, with @polkadot/keyring's public keys", () => {
    const keyring = new Keyring({ type: "sr25519" });
    const names = Object.keys(devAccounts) as DevAccountName[];
    assert.equal(names.length, DEV_ACCOUNT_NAMES.length * 2);
    for (const name of names) {
      const account = devAccounts[name];
      assert.equal(account.scheme, "sr25519");
      assert.equal(u8aToHex(account.publicKey), u8aToHex(keyring.addFromUri(`//${name}`).publicKey), name);
      assert.equal(u8aToHex(account.accountId), u8aToHex(account.publicKey), name);
    }
  });

  it("gives the well-known dev addresses", () => {
    assert.equal(encodeSs58(devAccounts.Alice.accountId), "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
    assert.equal(encodeSs58(devAccounts.Bob.accountId), "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty");
    assert.equal(encodeSs58(devAccounts["Alice//stash"].accountId), "5GNJqTPyNqANBkUVMN1LPPrxXnFouWXoe2wNSmmEoLctxiZY");
  });

  it("returns the same key object on each access, deriving it once", () => {
    assert.equal(devAccounts.Charlie, devAccounts.Charlie);
  });

  it("signs with dev keys so that sr25519 verification accepts", () => {
    const message = new TextEncoder().encode("seal");
    assert.equal(sr25519Verify(devAccounts.Ferdie.sign(message), message, devAccounts.Ferdie.publicKey), true);
  });

  it("makes keys of each scheme from a URI with @polkadot/keyring's public keys and account ids", () => {
    for (const type of ["sr25519", "ed25519", "ecdsa"] as const) {
      const ours = keyFromUri("//Dave//stash", type);
      const theirs = new Keyring({ type }).addFromUri("//Dave//stash");
      assert.equal(ours.scheme, type);
      assert.equal(u8aToHex(ours.publicKey), u8aToHex(theirs.publicKey), type);
      assert.equal(u8aToHex(ours.accountId), u8aToHex(theirs.addressRaw), type);
    }
  });

  it("reports bad URIs as KeyError without echoing the secret", () => {
    const secret = "bottom drive obey lake curtain smoke basket hold race lonely fit wall";
    assert.throws(
      () => keyFromUri(secret),
      (e: unknown) => e instanceof KeyError && e.code === "INVALID_PHRASE" && !e.message.includes("bottom"),
    );
  });
});
