// pallet_session as TFChain runs it: genesis from the validators' session keys, set_keys/purge_keys, and
// rotation every Period blocks with ValidatorSet planning and Aura/GRANDPA following (a 5-block period here).
import { strict as assert } from "node:assert";
import { u8aToHex } from "@polkadot/util";
import { localSpec } from "../../../../genesis/chain-spec.js";
import { buildGenesisStorage } from "../../../../genesis/genesis-state.js";
import { keyFromUri } from "../../../../primitives/crypto/keyring.js";
import { ROOT, signed } from "../../../../runtime/origin.js";
import { authorities, AURA_ENGINE_ID, AuraConsensusLog } from "../../../../runtime/pallets/aura/index.js";
import { author } from "../../../../runtime/pallets/authorship/index.js";
import { currentSetId, grandpaAuthorities, grandpaLogs } from "../../../../runtime/pallets/grandpa/index.js";
import { storage as grandpaStorage } from "../../../../runtime/pallets/grandpa/storage.js";
import { keyOwner, loadKeys, SESSION_KEY_IDS, SessionPanic, storage as S } from "../../../../runtime/pallets/session/index.js";
import { BLOCK_WEIGHTS, U64_MAX } from "../../../../runtime/pallets/system/constants.js";
import { storage as systemStorage } from "../../../../runtime/pallets/system/storage.js";
import { storage as validatorSetStorage } from "../../../../runtime/pallets/validator-set/storage.js";
import { OverlayedChanges } from "../../../../state/overlay.js";
import { stateRoot } from "../../../helpers/state-root.js";
import { accountOf, dev, PERIOD, SessionChain, type OpenBlock } from "./harness.js";

const hex = (b: Uint8Array) => u8aToHex(b);
const hexes = (l: readonly Uint8Array[]) => l.map(hex);
const ALICE = accountOf("Alice");
const DAVE = accountOf("Dave");
const keysOf = (name: "Alice" | "Bob" | "Charlie" | "Dave" | "Eve") => ({ aura: dev(name).aura, grandpa: dev(name).grandpa });
const setKeys = (b: OpenBlock, who: Uint8Array, keys: { aura: Uint8Array; grandpa: Uint8Array }) =>
  b.dispatch("Session", "set_keys", { keys, proof: new Uint8Array() }, signed(who));
const moduleError = (error: string) => ({ tag: "NamedModule", pallet: "Session", error });
const auraLogs = (logs: { tag: string; value?: unknown }[]) =>
  logs.filter((l) => l.tag === "Consensus" && hex((l.value as Uint8Array[])[0]!) === hex(AURA_ENGINE_ID)).map((l) => AuraConsensusLog.dec((l.value as Uint8Array[])[1]!));

describe("runtime/pallets/session", () => {
  describe("genesis", () => {
    it("files each validator's keys, makes them session 0 and 1's validators, and hands their keys to Aura and GRANDPA", () => {
      const chain = new SessionChain();
      const io = chain.state;
      const names = ["Alice", "Bob", "Charlie"] as const;
      assert.deepEqual(hexes(S.Validators.get(io)), names.map((n) => hex(accountOf(n))));
      assert.deepEqual(S.QueuedKeys.get(io).map(([v, k]) => [hex(v), hex(k.aura), hex(k.grandpa)]), names.map((n) => [hex(accountOf(n)), hex(dev(n).aura), hex(dev(n).grandpa)]));
      for (const n of names) {
        assert.deepEqual(loadKeys(io, accountOf(n)), keysOf(n), `${n}'s next keys`);
        for (const k of SESSION_KEY_IDS) assert.equal(hex(keyOwner(io, k.id, k.get(keysOf(n)))!), hex(accountOf(n)), `${n}'s ${k.name} key owner`);
      }
      assert.equal(S.CurrentIndex.get(io), 0);
      assert.equal(io.get(S.QueuedChanged.key()), undefined, "QueuedChanged is not written at genesis");
      assert.deepEqual(hexes(authorities(io)), names.map((n) => hex(dev(n).aura)));
      assert.deepEqual(grandpaAuthorities(io).map(([k, w]) => [hex(k), w]), names.map((n) => [hex(dev(n).grandpa), 1n]));
      assert.equal(currentSetId(io), 0n);
      assert.equal(grandpaStorage.SetIdSession.get(io, 0n), 0);
    });

    it("gives a validator without a provider one (Session builds before Balances), so an endowed validator ends with two", () => {
      const io = new SessionChain().state;
      const alice = systemStorage.Account.get(io, ALICE);
      assert.equal(alice.providers, 2);
      assert.equal(alice.consumers, 0);
    });

    it("refuses a spec where two validators share a key", () => {
      const spec = localSpec();
      spec.genesis.authorities[1] = { ...spec.genesis.authorities[1]!, grandpa: spec.genesis.authorities[0]!.grandpa };
      assert.throws(() => buildGenesisStorage(new SessionChain().runtime, spec), (e: unknown) => e instanceof SessionPanic && e.code === "DUPLICATE_GENESIS_KEY");
    });

    it("writes ValidatorSet's planned set back and an empty OfflineValidators, as new_session does", () => {
      const io = new SessionChain().state;
      assert.deepEqual([...io.get(validatorSetStorage.OfflineValidators.key())!], [0]);
      assert.deepEqual(hexes(validatorSetStorage.ApprovedValidators.get(io)), hexes(validatorSetStorage.Validators.get(io)));
    });
  });

  describe("set_keys and purge_keys", () => {
    it("files new keys under the signer with their owners, and takes a consumer reference once", () => {
      const chain = new SessionChain();
      const b = chain.open();
      assert.ok(setKeys(b, DAVE, keysOf("Dave")).ok);
      assert.deepEqual(loadKeys(b.block.io, DAVE), keysOf("Dave"));
      for (const k of SESSION_KEY_IDS) assert.equal(hex(keyOwner(b.block.io, k.id, k.get(keysOf("Dave")))!), hex(DAVE));
      assert.equal(systemStorage.Account.get(b.block.io, DAVE).consumers, 1);
      // Replacing the keys moves the owner entries and takes no second reference.
      const fresh = { aura: keyFromUri("//Dave//2").publicKey, grandpa: keysOf("Dave").grandpa };
      assert.ok(setKeys(b, DAVE, fresh).ok);
      assert.equal(keyOwner(b.block.io, SESSION_KEY_IDS[0]!.id, keysOf("Dave").aura), undefined, "old aura key released");
      assert.equal(hex(keyOwner(b.block.io, SESSION_KEY_IDS[0]!.id, fresh.aura)!), hex(DAVE));
      assert.equal(hex(keyOwner(b.block.io, SESSION_KEY_IDS[1]!.id, fresh.grandpa)!), hex(DAVE), "unchanged grandpa key kept");
      assert.equal(systemStorage.Account.get(b.block.io, DAVE).consumers, 1);
    });

    it("refuses a key another validator holds (DuplicatedKey) and changes nothing", () => {
      const b = new SessionChain().open();
      const root = stateRoot(b.block.io);
      const out = setKeys(b, DAVE, { aura: keysOf("Dave").aura, grandpa: keysOf("Alice").grandpa });
      assert.deepEqual(out.error, moduleError("DuplicatedKey"));
      assert.deepEqual(stateRoot(b.block.io), root);
    });

    it("refuses an account that does not exist (NoAccount)", () => {
      const b = new SessionChain().open();
      const nobody = new Uint8Array(32).fill(7);
      assert.deepEqual(setKeys(b, nobody, keysOf("Eve")).error, moduleError("NoAccount"));
    });

    it("purges the signer's keys and owner entries and drops its consumer reference; twice is NoKeys", () => {
      const b = new SessionChain().open();
      assert.ok(setKeys(b, DAVE, keysOf("Dave")).ok);
      assert.ok(b.dispatch("Session", "purge_keys", {}, signed(DAVE)).ok);
      assert.equal(loadKeys(b.block.io, DAVE), undefined);
      for (const k of SESSION_KEY_IDS) assert.equal(keyOwner(b.block.io, k.id, k.get(keysOf("Dave"))), undefined);
      assert.equal(systemStorage.Account.get(b.block.io, DAVE).consumers, 0);
      assert.deepEqual(b.dispatch("Session", "purge_keys", {}, signed(DAVE)).error, moduleError("NoKeys"));
    });

    it("takes a signed origin only", () => {
      const b = new SessionChain().open();
      assert.deepEqual(b.dispatch("Session", "set_keys", { keys: keysOf("Dave"), proof: new Uint8Array() }, ROOT).error, { tag: "BadOrigin" });
      assert.deepEqual(b.dispatch("Session", "purge_keys", {}, ROOT).error, { tag: "BadOrigin" });
    });
  });

  describe("rotation", () => {
    it("starts a session every Period blocks with NewSession, charging a whole block to on_initialize", () => {
      const chain = new SessionChain();
      const before = chain.runTo(PERIOD - 1);
      assert.ok(!before.events.some((e) => e.name === "NewSession"));
      const b = chain.open();
      const weight = systemStorage.BlockWeight.get(b.block.io).mandatory;
      assert.ok(weight.ref_time >= BLOCK_WEIGHTS.max_block.ref_time);
      assert.equal(weight.proof_size, U64_MAX, "saturated, not wrapped");
      const ended = chain.end(b);
      assert.deepEqual(ended.events.filter((e) => e.pallet === "Session"), [{ pallet: "Session", name: "NewSession", value: { session_index: 1 } }]);
      assert.equal(S.CurrentIndex.get(chain.state), 1);
      assert.equal(S.QueuedChanged.get(chain.state), true, "ValidatorSet always plans a set");
    });

    it("lets a validator added with keys validate two sessions later; Aura and GRANDPA switch in that block", () => {
      const chain = new SessionChain();
      chain.block((b) => {
        assert.ok(setKeys(b, DAVE, keysOf("Dave")).ok);
        assert.ok(b.dispatch("ValidatorSet", "add_validator", { validator_id: DAVE }, ROOT).ok);
      });
      const first = chain.nextSession();
      assert.ok(!hexes(S.Validators.get(chain.state)).includes(hex(DAVE)), "session 1: not yet");
      assert.ok(S.QueuedKeys.get(chain.state).some(([v]) => hex(v) === hex(DAVE)), "queued for session 2");
      assert.deepEqual(auraLogs(first.logs), [], "Aura unchanged");
      const second = chain.nextSession();
      const names = ["Alice", "Bob", "Charlie", "Dave"] as const;
      assert.deepEqual(hexes(S.Validators.get(chain.state)), names.map((n) => hex(accountOf(n))));
      assert.deepEqual(hexes(authorities(chain.state)), names.map((n) => hex(dev(n).aura)));
      assert.deepEqual(auraLogs(second.logs), [{ tag: "AuthoritiesChange", value: names.map((n) => dev(n).aura) }]);
      const fin = grandpaLogs(second.logs);
      assert.deepEqual(fin, [{ tag: "ScheduledChange", value: { next_authorities: names.map((n) => [dev(n).grandpa, 1n]), delay: 0 } }]);
      assert.deepEqual(grandpaAuthorities(chain.state).map(([k]) => hex(k)), names.map((n) => hex(dev(n).grandpa)));
      assert.equal(currentSetId(chain.state), 1n);
      assert.ok(second.events.some((e) => e.pallet === "Grandpa" && e.name === "NewAuthorities"));
    });

    it("leaves out of the session a planned validator that set no keys", () => {
      const chain = new SessionChain();
      chain.block((b) => assert.ok(b.dispatch("ValidatorSet", "add_validator", { validator_id: DAVE }, ROOT).ok));
      chain.nextSession();
      chain.nextSession();
      assert.ok(hexes(validatorSetStorage.Validators.get(chain.state)).includes(hex(DAVE)));
      assert.ok(!hexes(S.Validators.get(chain.state)).includes(hex(DAVE)));
      assert.equal(authorities(chain.state).length, 3);
    });

    it("raises GRANDPA's set id at every session from the second on, even with the same voters (TFChain's ValidatorSet always plans)", () => {
      const chain = new SessionChain();
      chain.nextSession();
      assert.equal(currentSetId(chain.state), 0n, "session 1 was queued at genesis: no change yet");
      assert.equal(grandpaStorage.SetIdSession.get(chain.state, 0n), 1);
      for (let session = 2; session <= 4; session++) {
        const ended = chain.nextSession();
        assert.equal(currentSetId(chain.state), BigInt(session - 1), `set id at session ${session}`);
        assert.equal(grandpaLogs(ended.logs).length, 1, `one ScheduledChange at session ${session}`);
        assert.deepEqual(auraLogs(ended.logs), [], "Aura's authorities are the same");
        assert.equal(grandpaStorage.SetIdSession.get(chain.state, BigInt(session - 1)), session);
        assert.equal(grandpaStorage.SetIdSession.get(chain.state, BigInt(session - 2)), undefined, "MaxSetIdSessionEntries 0 keeps one entry");
      }
    });

    it("finds the block author among the session validators at the Aura index", () => {
      const chain = new SessionChain();
      const b = chain.open();
      // Slot 1 of three authorities: index 1, Bob.
      assert.equal(hex(author(b.block.io)!), hex(accountOf("Bob")));
    });

    it("is deterministic: two chains reach the same state root", () => {
      const run = () => {
        const chain = new SessionChain();
        chain.block((b) => {
          setKeys(b, DAVE, keysOf("Dave"));
          b.dispatch("ValidatorSet", "add_validator", { validator_id: DAVE }, ROOT);
        });
        chain.runTo(3 * PERIOD);
        return stateRoot(new OverlayedChanges(chain.state));
      };
      assert.deepEqual(run(), run());
    });
  });
});
