// TFChain's pallet-validator tests in our words (Rust names in the titles). As in its mock: accounts 1, 2 and 3
// sit on the council, 10 files a request for node account 11 with stash 12, 13 is a second node account,
// the validator set starts empty with MinAuthorities 0. Then what the Rust tests leave out.
import { strict as assert } from "node:assert";
import { u8aToHex } from "@polkadot/util";
import { addressId } from "../../../../primitives/account.js";
import { ROOT, signed, type Origin } from "../../../../runtime/origin.js";
import type { DispatchOutcome } from "../../../../runtime/pallet.js";
import { councilMembershipStandIn, councilMembershipStorage, defineValidator, Validator, validatorStorage as S } from "../../../../runtime/pallets/validator/index.js";
import { addValidator, defineValidatorSet, removeValidator } from "../../../../runtime/pallets/validator-set/index.js";
import { storage as validatorSetStorage } from "../../../../runtime/pallets/validator-set/storage.js";
import { MemoryStorage } from "../../../../state/memory-storage.js";
import { callOf, PalletBlock } from "../../../helpers/pallet-block.js";
import { stateRoot } from "../../../helpers/state-root.js";
import { referenceRegistry, refTypeId } from "../../../primitives/reference.js";

const acc = (n: number) => new Uint8Array(32).fill(n);
const hex = (b: Uint8Array) => u8aToHex(b);
const utf8 = (s: string) => new TextEncoder().encode(s);
const moduleError = (error: string) => ({ tag: "NamedModule", pallet: "Validator", error });

/** The mock's `new_test_ext`: council members 1, 2, 3 (sorted, as pallet_membership keeps them). */
function newBlock(): PalletBlock {
  const base = new MemoryStorage();
  councilMembershipStorage.Members.set(base, [acc(1), acc(2), acc(3)]);
  const validator = defineValidator({
    validatorSet: { addValidator, removeValidator: (ctx, who) => removeValidator(ctx, who, 0) },
    council: councilMembershipStandIn,
  });
  return new PalletBlock([defineValidatorSet({ minAuthorities: 0 }), validator], { base });
}

const call = (b: PalletBlock, origin: Origin, name: string, args: Record<string, unknown> = {}): DispatchOutcome =>
  b.dispatch(callOf("Validator", name, args), origin);
const ours = (b: PalletBlock) => b.events().filter((e) => e.pallet === "Validator");

/** `get_validator(state)`: the mock's request of account 10. */
const request = (state: Validator["state"]): Validator => ({
  validator_node_account: acc(11),
  stash_account: acc(12),
  description: utf8("description"),
  tf_connect_id: utf8("tf_connect_id"),
  info: utf8("validator_candidate_info"),
  state,
});

function createValidator(b: PalletBlock): void {
  const out = call(b, signed(acc(10)), "create_validator_request", {
    validator_node_account: acc(11),
    stash_account: acc(12),
    description: utf8("description"),
    tf_connect_id: utf8("tf_connect_id"),
    info: utf8("validator_candidate_info"),
  });
  assert.ok(out.ok, JSON.stringify(out.error));
}

function createValidatorAndApprove(b: PalletBlock): void {
  createValidator(b);
  assert.ok(call(b, signed(acc(1)), "approve_validator", { validator_account: addressId(acc(10)) }).ok);
}

function assertNoop(b: PalletBlock, f: () => DispatchOutcome, error: object): void {
  const root = stateRoot(b.io);
  const events = b.events().length;
  const out = f();
  assert.equal(out.ok, false);
  assert.deepEqual(out.error, error);
  assert.deepEqual(stateRoot(b.io), root, "state unchanged");
  assert.equal(b.events().length, events, "no event");
}

describe("runtime/pallets/validator", () => {
  describe("TFChain's tests", () => {
    it("stores a new request as Created and announces it (test_create_validator_request_works)", () => {
      const b = newBlock();
      createValidator(b);
      assert.deepEqual(S.Validator.get(b.io, acc(10)), request("Created"));
      assert.deepEqual(ours(b).at(-1), { pallet: "Validator", name: "ValidatorRequestCreated", value: [acc(10), request("Created")] });
    });

    it("refuses a second request from the same account (test_create_validator_request_duplicate_fails)", () => {
      const b = newBlock();
      createValidator(b);
      assertNoop(b, () => call(b, signed(acc(10)), "create_validator_request", {
        validator_node_account: acc(13), stash_account: acc(14), description: utf8("other_description"),
        tf_connect_id: utf8("other_tf_connect_id"), info: utf8("other_validator_candidate_info"),
      }), moduleError("DuplicateValidator"));
    });

    it("lets a council member approve a request (test_approve_validator_works)", () => {
      const b = newBlock();
      createValidatorAndApprove(b);
      assert.deepEqual(S.Validator.get(b.io, acc(10)), request("Approved"));
      assert.deepEqual(ours(b).at(-1), { pallet: "Validator", name: "ValidatorRequestApproved", value: [request("Approved")] });
    });

    it("refuses an approval from outside the council (test_approve_validator_by_unauthorized_fails)", () => {
      const b = newBlock();
      assertNoop(b, () => call(b, signed(acc(10)), "approve_validator", { validator_account: addressId(acc(10)) }), moduleError("NotCouncilMember"));
    });

    it("refuses to approve a request that does not exist (test_approve_validator_not_found_fails)", () => {
      const b = newBlock();
      assertNoop(b, () => call(b, signed(acc(1)), "approve_validator", { validator_account: addressId(acc(10)) }), moduleError("ValidatorNotFound"));
    });

    it("activates an approved request: Validating (test_activate_validator_node_works)", () => {
      const b = newBlock();
      createValidatorAndApprove(b);
      assert.ok(call(b, signed(acc(10)), "activate_validator_node").ok);
      assert.deepEqual(S.Validator.get(b.io, acc(10)), request("Validating"));
      assert.deepEqual(ours(b).at(-1), { pallet: "Validator", name: "ValidatorActivated", value: [request("Validating")] });
    });

    it("refuses to activate a request that does not exist (test_activate_validator_not_found_fails)", () => {
      const b = newBlock();
      assertNoop(b, () => call(b, signed(acc(10)), "activate_validator_node"), moduleError("ValidatorNotFound"));
    });

    it("refuses to activate a request not yet approved (test_activate_validator_not_approved_fails)", () => {
      const b = newBlock();
      createValidator(b);
      assertNoop(b, () => call(b, signed(acc(10)), "activate_validator_node"), moduleError("ValidatorNotApproved"));
    });

    it("refuses to activate twice (test_activate_validator_already_validating_fails)", () => {
      const b = newBlock();
      createValidatorAndApprove(b);
      assert.ok(call(b, signed(acc(10)), "activate_validator_node").ok);
      assertNoop(b, () => call(b, signed(acc(10)), "activate_validator_node"), moduleError("ValidatorValidatingAlready"));
    });

    it("changes the node account of a request that is not validating (test_change_validator_node_account_works)", () => {
      const b = newBlock();
      createValidatorAndApprove(b);
      assert.ok(call(b, signed(acc(10)), "change_validator_node_account", { new_node_validator_account: acc(13) }).ok);
      assert.deepEqual(S.Validator.get(b.io, acc(10)), { ...request("Approved"), validator_node_account: acc(13) });
    });

    it("swaps a validating node account in the validator set too (test_change_validator_node_account_validating_works)", () => {
      const b = newBlock();
      createValidatorAndApprove(b);
      assert.ok(call(b, signed(acc(10)), "activate_validator_node").ok);
      assert.ok(call(b, signed(acc(10)), "change_validator_node_account", { new_node_validator_account: acc(13) }).ok);
      assert.deepEqual(S.Validator.get(b.io, acc(10)), { ...request("Validating"), validator_node_account: acc(13) });
      const events = b.events();
      assert.deepEqual(events.at(-3), { pallet: "Validator", name: "NodeValidatorRemoved", value: [acc(11)] });
      assert.deepEqual(events.at(-1), { pallet: "Validator", name: "NodeValidatorChanged", value: [acc(13)] });
    });

    it("refuses to change the node account of a missing request (test_change_validator_node_account_not_found_fails)", () => {
      const b = newBlock();
      assertNoop(b, () => call(b, signed(acc(10)), "change_validator_node_account", { new_node_validator_account: acc(13) }), moduleError("ValidatorNotFound"));
    });

    it("bonds a stash to a validator (test_bond_works)", () => {
      const b = newBlock();
      assert.ok(call(b, signed(acc(12)), "bond", { validator: addressId(acc(10)) }).ok);
      assert.equal(hex(S.Bonded.get(b.io, acc(12))!), hex(acc(10)));
      assert.deepEqual(ours(b).at(-1), { pallet: "Validator", name: "Bonded", value: [acc(12)] });
    });

    it("bonds a stash once (test_bond_already_bounded_fails)", () => {
      const b = newBlock();
      assert.ok(call(b, signed(acc(12)), "bond", { validator: addressId(acc(10)) }).ok);
      assertNoop(b, () => call(b, signed(acc(12)), "bond", { validator: addressId(acc(10)) }), moduleError("AlreadyBonded"));
    });

    it("lets a council member remove a request (test_remove_validator_works)", () => {
      const b = newBlock();
      createValidatorAndApprove(b);
      assert.ok(call(b, signed(acc(1)), "remove_validator", { validator_account: addressId(acc(10)) }).ok);
      assert.equal(S.Validator.get(b.io, acc(10)), undefined);
    });

    it("lets a validator remove its own request (test_remove_validator_by_himself_works)", () => {
      const b = newBlock();
      createValidatorAndApprove(b);
      assert.ok(call(b, signed(acc(10)), "remove_validator", { validator_account: addressId(acc(10)) }).ok);
      assert.equal(S.Validator.get(b.io, acc(10)), undefined);
    });

    it("refuses a removal by anyone else (test_remove_validator_by_unauthorized_fails)", () => {
      const b = newBlock();
      assertNoop(b, () => call(b, signed(acc(4)), "remove_validator", { validator_account: addressId(acc(10)) }), moduleError("BadOrigin"));
    });

    it("refuses to remove a request that does not exist (test_remove_validator_not_found_fails)", () => {
      const b = newBlock();
      assertNoop(b, () => call(b, signed(acc(1)), "remove_validator", { validator_account: addressId(acc(10)) }), moduleError("ValidatorNotFound"));
    });
  });

  describe("rules", () => {
    it("seats an approved candidate on the council (sorted) and frees the seat on removal", () => {
      const b = newBlock();
      createValidatorAndApprove(b);
      assert.deepEqual(councilMembershipStorage.Members.get(b.io).map(hex), [acc(1), acc(2), acc(3), acc(10)].map(hex));
      assert.ok(call(b, signed(acc(10)), "remove_validator", { validator_account: addressId(acc(10)) }).ok);
      assert.deepEqual(councilMembershipStorage.Members.get(b.io).map(hex), [acc(1), acc(2), acc(3)].map(hex));
    });

    it("rolls an approval back when the candidate already sits on the council (CouncilMembership's AlreadyMember)", () => {
      const b = newBlock();
      assert.ok(call(b, signed(acc(2)), "create_validator_request", {
        validator_node_account: acc(11), stash_account: acc(12), description: utf8(""), tf_connect_id: utf8(""), info: utf8(""),
      }).ok);
      assertNoop(b, () => call(b, signed(acc(1)), "approve_validator", { validator_account: addressId(acc(2)) }), {
        tag: "Module", value: { index: 41, error: new Uint8Array([0, 0, 0, 0]) },
      });
    });

    it("adds the node account to the validator set (approved too) when activated, after ValidatorSet's event", () => {
      const b = newBlock();
      createValidatorAndApprove(b);
      assert.ok(call(b, signed(acc(10)), "activate_validator_node").ok);
      assert.deepEqual(validatorSetStorage.Validators.get(b.io).map(hex), [hex(acc(11))]);
      assert.deepEqual(validatorSetStorage.ApprovedValidators.get(b.io).map(hex), [hex(acc(11))]);
      assert.deepEqual(b.eventNames().slice(-2), ["ValidatorSet.ValidatorAdditionInitiated", "Validator.ValidatorActivated"]);
    });

    it("leaves the node account validating when the request is removed, and deposits nothing (TFChain as is)", () => {
      const b = newBlock();
      createValidatorAndApprove(b);
      assert.ok(call(b, signed(acc(10)), "activate_validator_node").ok);
      const events = b.events().length;
      assert.ok(call(b, signed(acc(10)), "remove_validator", { validator_account: addressId(acc(10)) }).ok);
      assert.equal(b.events().length, events);
      assert.deepEqual(validatorSetStorage.Validators.get(b.io).map(hex), [hex(acc(11))]);
    });

    it("fails an activation whole when the node account already validates (ValidatorSet's Duplicate)", () => {
      const b = newBlock();
      createValidatorAndApprove(b);
      validatorSetStorage.Validators.set(b.io, [acc(11)]);
      assertNoop(b, () => call(b, signed(acc(10)), "activate_validator_node"), { tag: "NamedModule", pallet: "ValidatorSet", error: "Duplicate" });
    });

    it("takes signed origins only", () => {
      const b = newBlock();
      assertNoop(b, () => call(b, ROOT, "bond", { validator: addressId(acc(10)) }), { tag: "BadOrigin" });
    });

    it("encodes a request as @polkadot/types does with TFChain 2.9's metadata", () => {
      const { registry } = referenceRegistry();
      const type = registry.createLookupType(refTypeId("pallet_validator::types::Validator"));
      const want = registry.createType(type, {
        // Strings: @polkadot/types reads a Uint8Array given for `Bytes` as already length-prefixed.
        validator_node_account: acc(11), stash_account: acc(12), description: "description",
        tf_connect_id: "tf_connect_id", info: "validator_candidate_info", state: "Validating",
      }).toU8a();
      assert.equal(hex(Validator.enc(request("Validating"))), hex(want));
    });
  });
});
