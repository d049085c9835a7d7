// The consensus runtime APIs over the dev and local genesis: AuraApi, GrandpaApi and SessionKeys, answered as
// TFChain's Wasm runtime answers them (SCALE in, SCALE out), checked with @polkadot/types where it knows the type.
import { strict as assert } from "node:assert";
import { TypeRegistry } from "@polkadot/types";
import { u8aToHex } from "@polkadot/util";
import { authority, localSpec } from "../../genesis/chain-spec.js";
import { genesisBlock } from "../../genesis/genesis-state.js";
import { keyFromUri } from "../../primitives/crypto/keyring.js";
import { bytes, option, tuple, u64, vec } from "../../primitives/schema.js";
import { runtime } from "../../runtime/index.js";
import { AuthorityId } from "../../runtime/pallets/aura/index.js";
import { KeyTypeId, SessionKeys } from "../../runtime/pallets/session/index.js";
import { decodeSessionKeys, RuntimeApi, RuntimeApiError, type SessionKeystore } from "../../runtime/runtime-api.js";

const hex = (b: Uint8Array) => u8aToHex(b);
const NAMES = ["Alice", "Bob", "Charlie"] as const;

describe("runtime APIs: AuraApi, GrandpaApi, SessionKeys", () => {
  const genesis = genesisBlock(runtime, localSpec({ validators: [...NAMES] }));
  const generated: [string, string | undefined][] = [];
  const keystore: SessionKeystore = {
    generate(type, seed) {
      generated.push([type, seed]);
      return keyFromUri(seed ?? "//Generated", type === "aura" ? "sr25519" : "ed25519").publicKey;
    },
  };
  const api = new RuntimeApi(runtime, genesis.hash, { keystore });
  const call = (name: string, args: Uint8Array = new Uint8Array()) => api.call(name, genesis.storage, args);

  it("AuraApi_authorities lists the session validators' aura keys", () => {
    assert.deepEqual(vec(AuthorityId).dec(call("AuraApi_authorities")).map(hex), NAMES.map((n) => hex(authority(n).aura)));
  });

  it("GrandpaApi_grandpa_authorities lists their grandpa keys with weight 1, as @polkadot/types' AuthorityList", () => {
    const list = new TypeRegistry().createType("AuthorityList", call("GrandpaApi_grandpa_authorities")) as unknown as [{ toHex(): string }, { toNumber(): number }][];
    assert.deepEqual(list.map(([id, w]) => [id.toHex(), w.toNumber()]), NAMES.map((n) => [hex(authority(n).grandpa), 1]));
  });

  it("GrandpaApi_current_set_id is 0 at genesis; the equivocation APIs answer None", () => {
    assert.equal(u64.dec(call("GrandpaApi_current_set_id")), 0n);
    assert.deepEqual([...call("GrandpaApi_submit_report_equivocation_unsigned_extrinsic", new Uint8Array(10))], [0]);
    assert.deepEqual([...call("GrandpaApi_generate_key_ownership_proof", new Uint8Array(40))], [0]);
  });

  it("SessionKeys_generate_session_keys makes an aura and a gran key in the keystore, from the seed if given", () => {
    generated.length = 0;
    const out = bytes.dec(call("SessionKeys_generate_session_keys", option(bytes).enc(new TextEncoder().encode("//Dave"))));
    assert.deepEqual(generated, [["aura", "//Dave"], ["gran", "//Dave"]]);
    assert.deepEqual(SessionKeys.dec(out), { aura: authority("Dave").aura, grandpa: authority("Dave").grandpa });
    assert.equal(bytes.dec(call("SessionKeys_generate_session_keys", option(bytes).enc(undefined))).length, 64);
    assert.throws(() => call("SessionKeys_generate_session_keys", option(bytes).enc(Uint8Array.of(0xff))), (e: unknown) => e instanceof RuntimeApiError);
  });

  it("SessionKeys_generate_session_keys without a keystore is an error, not a key", () => {
    const bare = new RuntimeApi(runtime, genesis.hash);
    assert.throws(() => bare.call("SessionKeys_generate_session_keys", genesis.storage, Uint8Array.of(0)), (e: unknown) => e instanceof RuntimeApiError && e.code === "NO_KEYSTORE");
  });

  it("SessionKeys_decode_session_keys splits keys into (raw key, key type), or None", () => {
    const keys = SessionKeys.enc({ aura: authority("Eve").aura, grandpa: authority("Eve").grandpa });
    const want = [[hex(authority("Eve").aura), "aura"], [hex(authority("Eve").grandpa), "gran"]];
    const show = (l: [Uint8Array, Uint8Array][]) => l.map(([k, t]) => [hex(k), new TextDecoder().decode(t)]);
    assert.deepEqual(show(decodeSessionKeys(keys)!), want);
    const answer = option(vec(tuple(bytes, KeyTypeId))).dec(call("SessionKeys_decode_session_keys", bytes.enc(keys)));
    assert.deepEqual(show(answer!), want);
    assert.deepEqual(show(decodeSessionKeys(Uint8Array.of(...keys, 1, 2))!), want, "trailing bytes are ignored");
    assert.deepEqual([...call("SessionKeys_decode_session_keys", bytes.enc(new Uint8Array(10)))], [0], "too short: None");
  });
});
