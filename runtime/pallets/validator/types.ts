/**
 * pallet-validator's types: a validator request and its state.
 */
import { AccountId32 } from "../../../primitives/account.js";
import { bytes, struct, unitEnum, type ValueOf } from "../../../primitives/schema.js";

/** `ValidatorRequestState`: Created → Approved (by the council) → Validating (activated by the requester). */
export const ValidatorRequestState = unitEnum({ path: "pallet_validator::types::ValidatorRequestState" }, ["Created", "Approved", "Validating"] as const);
export type ValidatorRequestState = ValueOf<typeof ValidatorRequestState>;

/** `types::Validator<AccountId>`: a request to become a validator, keyed by the requester's account. */
export const Validator = struct(
  { path: "pallet_validator::types::Validator", params: [{ name: "AccountId", type: AccountId32 }] },
  {
    validator_node_account: [AccountId32, "AccountId"],
    stash_account: [AccountId32, "AccountId"],
    description: [bytes, "Vec<u8>"],
    tf_connect_id: [bytes, "Vec<u8>"],
    info: [bytes, "Vec<u8>"],
    state: [ValidatorRequestState, "ValidatorRequestState"],
  },
);
export type Validator = ValueOf<typeof Validator>;
