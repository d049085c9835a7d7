/**
 * pallet-validator's rules (TFChain's `validator.rs`): a candidate files a request, a council member approves
 * it (the candidate joins the council), the candidate activates its node account in the validator set.
 *
 * Kept as TFChain has them: `remove_validator` removes the request and the council seat but leaves the node
 * account validating, and emits nothing (`ValidatorRemoved` is never deposited); `bond` is a bare record.
 */
import type { MultiAddress } from "../../../primitives/account.js";
import { palletErrors } from "../../dispatch-error.js";
import type { BlockContext } from "../../pallet.js";
import { lookup } from "../balances/calls.js";
import type { CouncilMembership } from "./council.js";
import { storage } from "./storage.js";
import type { Validator } from "./types.js";

export const errors = palletErrors("Validator", {
  BadOrigin: [], NotCouncilMember: [], AlreadyBonded: [], StashNotBonded: [], StashBondedWithWrongValidator: [],
  CannotBondWithSameAccount: [], DuplicateValidator: [], ValidatorNotFound: [], ValidatorNotApproved: [],
  UnauthorizedToActivateValidator: [], ValidatorValidatingAlready: [], ValidatorNotValidating: [],
});

/** What pallet-validator calls in the validator set, as Root. */
export interface ValidatorSetPort {
  addValidator(ctx: BlockContext, who: Uint8Array): void;
  removeValidator(ctx: BlockContext, who: Uint8Array): void;
}

export interface ValidatorConfig {
  validatorSet: ValidatorSetPort;
  council: CouncilMembership;
}

const PALLET = "Validator";
const isMember = (ctx: BlockContext, config: ValidatorConfig, who: Uint8Array) =>
  config.council.members(ctx.io).some((m) => Buffer.compare(Buffer.from(m), Buffer.from(who)) === 0);

function request(ctx: BlockContext, who: Uint8Array): Validator {
  const v = storage.Validator.get(ctx.io, who);
  if (v === undefined) throw errors.error("ValidatorNotFound");
  return v;
}

export interface ValidatorRequestArgs {
  validator_node_account: Uint8Array;
  stash_account: Uint8Array;
  description: Uint8Array;
  tf_connect_id: Uint8Array;
  info: Uint8Array;
}

/** `create_validator_request`: one request per account. */
export function createValidatorRequest(ctx: BlockContext, who: Uint8Array, a: ValidatorRequestArgs): void {
  errors.ensure(!storage.Validator.contains(ctx.io, who), "DuplicateValidator");
  const v: Validator = { ...a, state: "Created" };
  storage.Validator.set(ctx.io, who, v);
  ctx.deposit(PALLET, { tag: "ValidatorRequestCreated", value: [who, v] });
}

/** `activate_validator_node`: an approved request starts validating with its node account. */
export function activateValidatorNode(ctx: BlockContext, config: ValidatorConfig, who: Uint8Array): void {
  const v = request(ctx, who);
  errors.ensure(v.state !== "Validating", "ValidatorValidatingAlready");
  errors.ensure(v.state === "Approved", "ValidatorNotApproved");
  const validating: Validator = { ...v, state: "Validating" };
  storage.Validator.set(ctx.io, who, validating);
  config.validatorSet.addValidator(ctx, validating.validator_node_account);
  ctx.deposit(PALLET, { tag: "ValidatorActivated", value: [validating] });
}

/** `change_validator_node_account`: a validating request swaps its node account in the validator set too. */
export function changeValidatorNodeAccount(ctx: BlockContext, config: ValidatorConfig, who: Uint8Array, next: Uint8Array): void {
  const v = request(ctx, who);
  if (v.state === "Validating") {
    config.validatorSet.removeValidator(ctx, v.validator_node_account);
    ctx.deposit(PALLET, { tag: "NodeValidatorRemoved", value: [v.validator_node_account] });
    config.validatorSet.addValidator(ctx, next);
    ctx.deposit(PALLET, { tag: "NodeValidatorChanged", value: [next] });
  }
  storage.Validator.set(ctx.io, who, { ...v, validator_node_account: next });
}

/** `bond`: records that `stash` belongs to `validator`, once per stash. */
export function bond(ctx: BlockContext, stash: Uint8Array, validator: MultiAddress): void {
  errors.ensure(!storage.Bonded.contains(ctx.io, stash), "AlreadyBonded");
  storage.Bonded.set(ctx.io, stash, lookup(validator));
  ctx.deposit(PALLET, { tag: "Bonded", value: [stash] });
}

/** `approve_validator`: a council member approves a request; its account joins the council. */
export function approveValidator(ctx: BlockContext, config: ValidatorConfig, who: Uint8Array, account: MultiAddress): void {
  errors.ensure(isMember(ctx, config, who), "NotCouncilMember");
  const v = lookup(account);
  const approved: Validator = { ...request(ctx, v), state: "Approved" };
  storage.Validator.set(ctx.io, v, approved);
  config.council.addMember(ctx, v);
  ctx.deposit(PALLET, { tag: "ValidatorRequestApproved", value: [approved] });
}

/** `remove_validator`: by the validator itself or a council member; the request and the council seat go. */
export function removeValidator(ctx: BlockContext, config: ValidatorConfig, who: Uint8Array, account: MultiAddress): void {
  const v = lookup(account);
  const self = Buffer.compare(Buffer.from(v), Buffer.from(who)) === 0;
  errors.ensure(self || isMember(ctx, config, who), "BadOrigin");
  request(ctx, v);
  config.council.removeMember(ctx, v);
  storage.Validator.remove(ctx.io, v);
}
