// The dev and local genesis of the validator-set pallets, as TFChain's `testnet_genesis` builds them: the
// initial authorities join ValidatorSet, register their session keys with Session, and Session's genesis
// makes their keys the Aura authorities and GRANDPA voters. Also `--validators` and plain-spec round trips.
import { strict as assert } from "node:assert";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { u8aToHex } from "@polkadot/util";
import { authority, ChainSpecError, devSpec, devValidators, localSpec } from "../../genesis/chain-spec.js";
import { chainSpecFromJson, chainSpecToJson } from "../../genesis/chain-spec-json.js";
import { buildGenesisStorage, genesisBlock } from "../../genesis/genesis-state.js";
import { runtime } from "../../runtime/index.js";
import { authorities } from "../../runtime/pallets/aura/index.js";
import { currentSetId, grandpaAuthorities } from "../../runtime/pallets/grandpa/index.js";
import { storage as sessionStorage } from "../../runtime/pallets/session/storage.js";
import { storage as systemStorage } from "../../runtime/pallets/system/storage.js";
import { storage as validatorSetStorage } from "../../runtime/pallets/validator-set/storage.js";

const hex = (b: Uint8Array) => u8aToHex(b);
const run = promisify(execFile);

describe("genesis: validators", () => {
  for (const [name, spec, names] of [
    ["dev", devSpec(), ["Alice"]],
    ["local", localSpec(), ["Alice", "Bob"]],
    ["local --validators alice,bob,charlie", localSpec({ validators: devValidators(["alice", "bob", "charlie"]) }), ["Alice", "Bob", "Charlie"]],
  ] as const) {
    it(`${name}: ${names.join(", ")} validate, author with their aura keys and vote with their grandpa keys`, () => {
      const io = buildGenesisStorage(runtime, spec);
      const accounts = names.map((n) => hex(authority(n).account));
      assert.deepEqual(validatorSetStorage.Validators.get(io).map(hex), accounts);
      assert.deepEqual(validatorSetStorage.ApprovedValidators.get(io).map(hex), accounts);
      assert.deepEqual(sessionStorage.Validators.get(io).map(hex), accounts);
      assert.deepEqual(authorities(io).map(hex), names.map((n) => hex(authority(n).aura)));
      assert.deepEqual(grandpaAuthorities(io).map(([k, w]) => [hex(k), w]), names.map((n) => [hex(authority(n).grandpa), 1n]));
      assert.equal(currentSetId(io), 0n);
      for (const n of names) {
        const info = systemStorage.Account.get(io, authority(n).account);
        assert.deepEqual([info.providers, info.consumers], [2, 0], `${n}: a provider from Session, one from Balances`);
      }
    });
  }

  it("reads dev names in any case and refuses unknown or repeated ones", () => {
    assert.deepEqual(devValidators(["ALICE", " dave"]), ["Alice", "Dave"]);
    assert.throws(() => devValidators(["alice", "zoe"]), (e: unknown) => e instanceof ChainSpecError && /Unknown validator "zoe": choose among alice, bob/.test(e.message));
    assert.throws(() => devValidators(["bob", "Bob"]), (e: unknown) => e instanceof ChainSpecError && /listed twice/.test(e.message));
    assert.throws(() => devValidators([]), ChainSpecError);
  });

  it("writes plain specs as TFChain does (session.keys; empty aura and grandpa lists) and reads them back", () => {
    const spec = localSpec({ validators: ["Alice", "Bob", "Charlie"] });
    const plain = JSON.parse(JSON.stringify(chainSpecToJson(spec, runtime, false)));
    const rt = plain.genesis.runtime;
    assert.equal(rt.session.keys.length, 3);
    assert.deepEqual(rt.aura, { authorities: [] });
    assert.deepEqual(rt.grandpa, { authorities: [] });
    assert.deepEqual(Object.keys(rt.session.keys[0][2]), ["aura", "grandpa"]);
    assert.equal(hex(genesisBlock(runtime, chainSpecFromJson(plain)).hash), hex(genesisBlock(runtime, spec).hash));
  });

  it("still reads older plain specs that list Aura and GRANDPA authorities instead of session keys", () => {
    const plain = JSON.parse(JSON.stringify(chainSpecToJson(devSpec(), runtime, false)));
    const a = devSpec().genesis.authorities[0]!;
    const { session: _drop, ...rest } = plain.genesis.runtime;
    const older = { ...plain, genesis: { runtime: { ...rest, aura: { authorities: [hex(a.aura)] }, grandpa: { authorities: [[hex(a.grandpa), 1]] } } } };
    assert.equal(hex(genesisBlock(runtime, chainSpecFromJson(older)).hash), hex(genesisBlock(runtime, devSpec()).hash));
  });

  it("refuses session keys whose validator id is not the account, or a validator list that disagrees", () => {
    const plain = JSON.parse(JSON.stringify(chainSpecToJson(localSpec(), runtime, false)));
    const swapped = structuredClone(plain);
    swapped.genesis.runtime.session.keys[0][1] = swapped.genesis.runtime.session.keys[1][0];
    assert.throws(() => chainSpecFromJson(swapped), /validator id must be the account itself/);
    const other = structuredClone(plain);
    other.genesis.runtime.validatorSet.initialValidators.reverse();
    assert.throws(() => chainSpecFromJson(other), /initialValidators must list the accounts of session.keys/);
  });

  it("build-spec --chain local --validators alice,bob,charlie prints a spec with three validators", async function () {
    this.timeout(60_000);
    const bin = path.resolve("bin/tfchain-ts.js");
    const { stdout } = await run(process.execPath, [bin, "build-spec", "--chain", "local", "--validators", "alice,bob,charlie"], { encoding: "utf8" });
    const spec = chainSpecFromJson(JSON.parse(stdout));
    assert.deepEqual(spec.genesis.authorities.map((a) => hex(a.account)), (["Alice", "Bob", "Charlie"] as const).map((n) => hex(authority(n).account)));
    await assert.rejects(run(process.execPath, [bin, "build-spec", "--chain", "local", "--validators", "alice,zed"]), (e: any) => e.code === 2 && /Unknown validator "zed"/.test(e.stderr));
  });
});
