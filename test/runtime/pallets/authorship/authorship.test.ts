import { strict as assert } from "node:assert";
import { u8aToHex } from "@polkadot/util";
import { xxhashAsHex } from "@polkadot/util-crypto";
import { aura, auraPreDigest, storage as auraStorage } from "../../../../runtime/pallets/aura/index.js";
import { author, authorship, storage } from "../../../../runtime/pallets/authorship/index.js";
import { storage as sessionStorage } from "../../../../runtime/pallets/session/storage.js";
import { storage as systemStorage } from "../../../../runtime/pallets/system/storage.js";
import { PalletBlock } from "../../../helpers/pallet-block.js";

const key = (n: number) => new Uint8Array(32).fill(n);
const account = (n: number) => new Uint8Array(32).fill(100 + n);

function block(slot?: bigint): PalletBlock {
  const b = new PalletBlock([aura, authorship]);
  auraStorage.Authorities.set(b.io, [key(1), key(2), key(3)]);
  sessionStorage.Validators.set(b.io, [account(1), account(2), account(3)]);
  if (slot !== undefined) systemStorage.Digest.set(b.io, { logs: [auraPreDigest(slot)] });
  return b;
}

describe("runtime/pallets/authorship", () => {
  it("finds the author as the session validator at the Aura index slot % n and memoizes it in on_initialize", () => {
    const b = block(10n);
    authorship.hooks.onInitialize(b.block);
    assert.equal(u8aToHex(storage.Author.get(b.io)), u8aToHex(account(2)));
    // Memoized: a later change of the authorities does not change this block's author.
    auraStorage.Authorities.set(b.io, [key(9)]);
    assert.equal(u8aToHex(author(b.io)), u8aToHex(account(2)));
    assert.equal(u8aToHex(b.block.author), u8aToHex(account(2)), "the executive's fee destination");
  });

  it("clears Author in on_finalize, so it never reaches a block's final state", () => {
    const b = block(10n);
    authorship.hooks.onInitialize(b.block);
    authorship.hooks.onFinalize(b.block);
    assert.equal(b.io.get(storage.Author.key()), undefined);
  });

  it("has no author without an Aura slot in the digest", () => {
    const b = block();
    authorship.hooks.onInitialize(b.block);
    assert.equal(author(b.io), undefined);
    assert.equal(b.io.get(storage.Author.key()), undefined);
  });

  it("keys Author under the Authorship prefix", () => {
    assert.equal(u8aToHex(storage.Author.key()), xxhashAsHex("Authorship", 128) + xxhashAsHex("Author", 128).slice(2));
  });
});
