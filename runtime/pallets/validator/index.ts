/**
 * TFChain's pallet-validator (`Validator`, index 50): council-approved requests to run a validator.
 *
 * A candidate files a request naming its node account (the consensus key holder) and stash; a council
 * member approves it, which also seats the candidate on the council; the candidate then activates its node
 * account, which joins ValidatorSet (effective two sessions later, once its session keys are set). No
 * genesis: TFChain's runtime leaves out the pallet's `Config` part.
 */
import { AccountId32, MultiAddress } from "../../../primitives/account.js";
import { bytes, enumeration } from "../../../primitives/schema.js";
import { ensureSigned } from "../../origin.js";
import { call, definePallet } from "../../pallet.js";
import { storage } from "./storage.js";
import { Validator } from "./types.js";
import {
  activateValidatorNode, approveValidator, bond, changeValidatorNodeAccount, createValidatorRequest, errors, removeValidator,
  type ValidatorConfig,
} from "./validator.js";
import { validatorWeights as W } from "./weights.js";

const account = [AccountId32, "T::AccountId"] as [typeof AccountId32, string];
const validator = [Validator, "types::Validator<T::AccountId>"] as [typeof Validator, string];
const source = [MultiAddress, "<T::Lookup as StaticLookup>::Source"] as [typeof MultiAddress, string];
const CALL_DOCS = (name: string) => [`See [\`Pallet::${name}\`].`];

export const events = enumeration(
  { path: "pallet_validator::pallet::Event", params: [{ name: "T" }], docs: ["The `Event` enum of this pallet"] },
  {
    Bonded: { tuple: [account] },
    ValidatorRequestCreated: { tuple: [account, validator] },
    ValidatorRequestApproved: { tuple: [validator] },
    ValidatorActivated: { tuple: [validator] },
    ValidatorRemoved: { tuple: [validator] },
    NodeValidatorChanged: { tuple: [account] },
    NodeValidatorRemoved: { tuple: [account] },
  },
);

export function defineValidator(config: ValidatorConfig) {
  return definePallet({
    name: "Validator",
    index: 50,
    storage,
    calls: {
      type: { path: "pallet_validator::pallet::Call", params: [{ name: "T" }], docs: ["Contains a variant per dispatchable extrinsic that this pallet has."] },
      list: {
        create_validator_request: call(
          0,
          { validator_node_account: account, stash_account: account, description: [bytes, "Vec<u8>"], tf_connect_id: [bytes, "Vec<u8>"], info: [bytes, "Vec<u8>"] },
          { weight: W.create_validator_request, docs: CALL_DOCS("create_validator_request") },
          (ctx, origin, a) => createValidatorRequest(ctx, ensureSigned(origin), a),
        ),
        activate_validator_node: call(1, {}, { weight: W.activate_validator_node, docs: CALL_DOCS("activate_validator_node") }, (ctx, origin) =>
          activateValidatorNode(ctx, config, ensureSigned(origin)),
        ),
        change_validator_node_account: call(
          2,
          { new_node_validator_account: account },
          { weight: W.change_validator_node_account, docs: CALL_DOCS("change_validator_node_account") },
          (ctx, origin, a) => changeValidatorNodeAccount(ctx, config, ensureSigned(origin), a.new_node_validator_account),
        ),
        bond: call(3, { validator: source }, { weight: W.bond, docs: CALL_DOCS("bond") }, (ctx, origin, a) => bond(ctx, ensureSigned(origin), a.validator)),
        approve_validator: call(4, { validator_account: source }, { weight: W.approve_validator, docs: CALL_DOCS("approve_validator") }, (ctx, origin, a) =>
          approveValidator(ctx, config, ensureSigned(origin), a.validator_account),
        ),
        remove_validator: call(5, { validator_account: source }, { weight: W.remove_validator, docs: CALL_DOCS("remove_validator") }, (ctx, origin, a) =>
          removeValidator(ctx, config, ensureSigned(origin), a.validator_account),
        ),
      },
    },
    events,
    errors: { type: { path: "pallet_validator::pallet::Error", params: [{ name: "T" }], docs: ["The `Error` enum of this pallet."] }, list: errors },
  });
}

export { councilMembershipStandIn, councilMembershipStorage, type CouncilMembership } from "./council.js";
export { storage as validatorStorage } from "./storage.js";
export { Validator, ValidatorRequestState } from "./types.js";
export { errors, type ValidatorConfig, type ValidatorSetPort } from "./validator.js";
