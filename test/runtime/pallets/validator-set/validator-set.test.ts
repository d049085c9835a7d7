// TFChain's substrate-validator-set tests in our words (Rust names in the titles), on TFChain's runtime
// pallets: validators Alice, Bob and Charlie (the mock's 1, 2, 3), Dave as the mock's 4, MinAuthorities 2 as
// in the mock. Then the rules the Rust tests leave out: approvals, re-adding, offline removal, genesis.
import { strict as assert } from "node:assert";
import { u8aToHex } from "@polkadot/util";
import { localSpec } from "../../../../genesis/chain-spec.js";
import { buildGenesisStorage } from "../../../../genesis/genesis-state.js";
import { ROOT, signed, type Origin } from "../../../../runtime/origin.js";
import { authorities } from "../../../../runtime/pallets/aura/index.js";
import { storage as sessionStorage } from "../../../../runtime/pallets/session/storage.js";
import { defineValidatorSet, markForRemoval, ValidatorSetPanic } from "../../../../runtime/pallets/validator-set/index.js";
import { storage as S } from "../../../../runtime/pallets/validator-set/storage.js";
import { Runtime } from "../../../../runtime/runtime.js";
import { VERSION } from "../../../../runtime/pallets/system/constants.js";
import { system } from "../../../../runtime/pallets/system/index.js";
import { stateRoot } from "../../../helpers/state-root.js";
import { accountOf, dev, SessionChain, type OpenBlock } from "../session/harness.js";

const hex = (b: Uint8Array) => u8aToHex(b);
const hexes = (l: readonly Uint8Array[]) => l.map(hex);
const [V1, V2, V3, V4] = (["Alice", "Bob", "Charlie", "Dave"] as const).map(accountOf);
const moduleError = (error: string) => ({ tag: "NamedModule", pallet: "ValidatorSet", error });

/** The mock's `new_test_ext`: validators 1, 2, 3 with keys, MinAuthorities 2. */
const newChain = () => new SessionChain({ validators: ["Alice", "Bob", "Charlie"], minAuthorities: 2 });

const call = (b: OpenBlock, name: string, who: Uint8Array, origin: Origin) => b.dispatch("ValidatorSet", name, { validator_id: who }, origin);

function assertNoop(b: OpenBlock, f: () => ReturnType<OpenBlock["dispatch"]>, error: object): void {
  const root = stateRoot(b.block.io);
  const out = f();
  assert.equal(out.ok, false);
  assert.deepEqual(out.error, error);
  assert.deepEqual(stateRoot(b.block.io), root, "state unchanged");
}

describe("runtime/pallets/validator-set", () => {
  describe("TFChain's tests", () => {
    it("starts with the genesis validators in ValidatorSet, Session and the session handlers (simple_setup_should_work)", () => {
      const io = newChain().state;
      assert.deepEqual(hexes(authorities(io)), (["Alice", "Bob", "Charlie"] as const).map((n) => hex(dev(n).aura)));
      assert.deepEqual(hexes(S.Validators.get(io)), hexes([V1!, V2!, V3!]));
      assert.deepEqual(hexes(sessionStorage.Validators.get(io)), hexes([V1!, V2!, V3!]));
    });

    it("appends an added validator (add_validator_updates_validators_list)", () => {
      const b = newChain().open();
      assert.ok(call(b, "add_validator", V4!, ROOT).ok);
      assert.deepEqual(hexes(S.Validators.get(b.block.io)), hexes([V1!, V2!, V3!, V4!]));
    });

    it("drops a removed validator (remove_validator_updates_validators_list)", () => {
      const b = newChain().open();
      assert.ok(call(b, "remove_validator", V2!, ROOT).ok);
      assert.deepEqual(hexes(S.Validators.get(b.block.io)), hexes([V1!, V3!]));
    });

    it("refuses add_validator from a signed origin (add_validator_fails_with_invalid_origin)", () => {
      const b = newChain().open();
      assertNoop(b, () => call(b, "add_validator", V4!, signed(V1!)), { tag: "BadOrigin" });
    });

    it("refuses remove_validator from a signed origin (remove_validator_fails_with_invalid_origin)", () => {
      const b = newChain().open();
      assertNoop(b, () => call(b, "remove_validator", V4!, signed(V1!)), { tag: "BadOrigin" });
    });

    it("refuses to add a validator twice (duplicate_check)", () => {
      const b = newChain().open();
      assert.ok(call(b, "add_validator", V4!, ROOT).ok);
      assert.deepEqual(hexes(S.Validators.get(b.block.io)), hexes([V1!, V2!, V3!, V4!]));
      assertNoop(b, () => call(b, "add_validator", V4!, ROOT), moduleError("Duplicate"));
    });
  });

  describe("rules", () => {
    it("announces additions and removals, effective in about two sessions", () => {
      const chain = newChain();
      const ended = chain.block((b) => {
        call(b, "add_validator", V4!, ROOT);
        call(b, "remove_validator", V4!, ROOT);
      });
      const ours = ended.events.filter((e) => e.pallet === "ValidatorSet");
      assert.deepEqual(ours.map((e) => [e.name, hex((e.value as Uint8Array[])[0]!)]), [["ValidatorAdditionInitiated", hex(V4!)], ["ValidatorRemovalInitiated", hex(V4!)]]);
    });

    it("keeps at least MinAuthorities, counting the set before removal (TooLowValidatorCount)", () => {
      const b = newChain().open();
      assert.ok(call(b, "remove_validator", V3!, ROOT).ok);
      assertNoop(b, () => call(b, "remove_validator", V2!, ROOT), moduleError("TooLowValidatorCount"));
      // Removing an account that is not a validator still counts as a removal from a set of two.
      assertNoop(b, () => call(b, "remove_validator", V4!, ROOT), moduleError("TooLowValidatorCount"));
    });

    it("approves each added validator; add_validator_again needs the validator itself and an approval", () => {
      const b = newChain().open();
      assertNoop(b, () => call(b, "add_validator_again", V4!, signed(V1!)), moduleError("BadOrigin"));
      assertNoop(b, () => call(b, "add_validator_again", V4!, signed(V4!)), moduleError("ValidatorNotApproved"));
      assertNoop(b, () => call(b, "add_validator_again", V1!, signed(V1!)), moduleError("Duplicate"));
      assert.ok(call(b, "add_validator", V4!, ROOT).ok);
      assert.deepEqual(hexes(S.ApprovedValidators.get(b.block.io)), hexes([V1!, V2!, V3!, V4!]));
    });

    it("leaves a removed validator approved: it may re-add itself, while the Council's add_validator fails whole (TFChain quirk)", () => {
      const b = newChain().open();
      assert.ok(call(b, "add_validator", V4!, ROOT).ok);
      assert.ok(call(b, "remove_validator", V4!, ROOT).ok);
      assert.ok(hexes(S.ApprovedValidators.get(b.block.io)).includes(hex(V4!)), "still approved");
      assertNoop(b, () => call(b, "add_validator", V4!, ROOT), moduleError("Duplicate"));
      assert.ok(call(b, "add_validator_again", V4!, signed(V4!)).ok);
      assert.deepEqual(hexes(S.Validators.get(b.block.io)), hexes([V1!, V2!, V3!, V4!]));
    });

    it("drops validators reported offline at the next session, below MinAuthorities if need be, and forgets the reports", () => {
      const chain = newChain();
      chain.block((b) => {
        markForRemoval(b.block.io, V2!);
        markForRemoval(b.block.io, V3!);
      });
      chain.nextSession();
      assert.deepEqual(hexes(S.Validators.get(chain.state)), hexes([V1!]));
      assert.deepEqual(S.OfflineValidators.get(chain.state), []);
      assert.deepEqual(sessionStorage.QueuedKeys.get(chain.state).map(([v]) => hex(v)), [hex(V1!)]);
    });

    it("needs MinAuthorities genesis validators, once", () => {
      const rt = (min: number) => new Runtime([system, defineValidatorSet({ minAuthorities: min })], VERSION);
      assert.throws(() => buildGenesisStorage(rt(3), localSpec()), (e: unknown) => e instanceof ValidatorSetPanic && e.code === "TOO_FEW_INITIAL_VALIDATORS");
      const io = buildGenesisStorage(rt(2), localSpec());
      assert.deepEqual(hexes(S.Validators.get(io)), hexes([V1!, V2!]));
      assert.deepEqual(hexes(S.ApprovedValidators.get(io)), hexes([V1!, V2!]));
      assert.throws(() => rt(1).pallet("ValidatorSet").genesis!(io, localSpec().genesis), (e: unknown) => e instanceof ValidatorSetPanic && e.code === "ALREADY_INITIALIZED");
    });
  });
});
