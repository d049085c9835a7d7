/**
 * substrate-validator-set storage: the accounts to validate, those approved to (re-)add themselves, and those
 * reported offline, dropped at the next session.
 */
import { AccountId32 } from "../../../primitives/account.js";
import { vec } from "../../../primitives/schema.js";
import { palletStorage, value } from "../../storage-item.js";

export const storage = palletStorage("ValidatorSet", {
  Validators: value(vec(AccountId32), { default: [] }),
  ApprovedValidators: value(vec(AccountId32), { default: [] }),
  OfflineValidators: value(vec(AccountId32), { default: [] }),
});
