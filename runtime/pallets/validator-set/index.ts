/**
 * substrate-validator-set as TFChain uses it (`ValidatorSet`, index 10): the accounts that validate, changed
 * by the Council (Root until the Council exists) or by a validator re-adding itself.
 *
 * It is Session's `SessionManager`: at every new session it drops validators reported offline and plans
 * `Validators` as the set after next. Session keys must be registered (`Session.set_keys`) for an account to
 * make it into a session.
 */
import { AccountId32 } from "../../../primitives/account.js";
import { enumeration } from "../../../primitives/schema.js";
import type { Storage } from "../../../state/storage.js";
import { ensureRoot, ensureSigned } from "../../origin.js";
import { call, definePallet } from "../../pallet.js";
import { runtimeLog } from "../../runtime-log.js";
import type { SessionManager } from "../session/traits.js";
import { storage } from "./storage.js";
import { approveValidator, doAddValidator, doRemoveValidator, errors, initializeValidators, removeOfflineValidators } from "./validator-set.js";
import { validatorSetWeights as W } from "./weights.js";

/** TFChain's `MinAuthorities`. */
export const MIN_AUTHORITIES = 1;

const account = [AccountId32, "T::AccountId"] as [typeof AccountId32, string];

export const events = enumeration(
  { path: "substrate_validator_set::pallet::Event", params: [{ name: "T" }], docs: ["The `Event` enum of this pallet"] },
  {
    ValidatorAdditionInitiated: { tuple: [account], docs: ["New validator addition initiated. Effective in ~2 sessions."] },
    ValidatorRemovalInitiated: { tuple: [account], docs: ["Validator removal initiated. Effective in ~2 sessions."] },
  },
);

export interface ValidatorSetConfig {
  minAuthorities: number;
}

export interface ValidatorSetGenesis {
  authorities: { account: Uint8Array }[];
}

/** `add_validator`'s body (also what pallet-validator calls as Root). */
export function addValidator(ctx: Parameters<typeof doAddValidator>[0], who: Uint8Array): void {
  doAddValidator(ctx, who);
  approveValidator(ctx, who);
}

/** `remove_validator`'s body; `unapprove_validator` filters a copy it never stores. */
export function removeValidator(ctx: Parameters<typeof doAddValidator>[0], who: Uint8Array, minAuthorities: number): void {
  doRemoveValidator(ctx, who, minAuthorities);
}

/** The pallet as Session's manager. */
export const validatorSetSessionManager: SessionManager = {
  newSession(io: Storage) {
    removeOfflineValidators(io);
    runtimeLog.debug("validator-set: new session called; updated validator set provided");
    return storage.Validators.get(io);
  },
};

export function defineValidatorSet(config: ValidatorSetConfig = { minAuthorities: MIN_AUTHORITIES }) {
  return definePallet({
    name: "ValidatorSet",
    index: 10,
    storage,
    calls: {
      type: { path: "substrate_validator_set::pallet::Call", params: [{ name: "T" }], docs: ["Contains a variant per dispatchable extrinsic that this pallet has."] },
      list: {
        // `AddRemoveOrigin` is Root or a 3/5 Council motion; Root only until the Council exists.
        add_validator: call(0, { validator_id: account }, { weight: W.add_validator, docs: ["See [`Pallet::add_validator`]."] }, (ctx, origin, a) => {
          ensureRoot(origin);
          addValidator(ctx, a.validator_id);
        }),
        remove_validator: call(1, { validator_id: account }, { weight: W.remove_validator, docs: ["See [`Pallet::remove_validator`]."] }, (ctx, origin, a) => {
          ensureRoot(origin);
          removeValidator(ctx, a.validator_id, config.minAuthorities);
        }),
        add_validator_again: call(2, { validator_id: account }, { weight: W.add_validator_again, docs: ["See [`Pallet::add_validator_again`]."] }, (ctx, origin, a) => {
          const who = ensureSigned(origin);
          errors.ensure(Buffer.compare(Buffer.from(who), Buffer.from(a.validator_id)) === 0, "BadOrigin");
          const approved = storage.ApprovedValidators.get(ctx.io);
          errors.ensure(approved.some((v) => Buffer.compare(Buffer.from(v), Buffer.from(who)) === 0), "ValidatorNotApproved");
          doAddValidator(ctx, a.validator_id);
        }),
      },
    },
    events,
    errors: { type: { path: "substrate_validator_set::pallet::Error", params: [{ name: "T" }], docs: ["The `Error` enum of this pallet."] }, list: errors },
    genesis(io: Storage, spec: ValidatorSetGenesis) {
      initializeValidators(io, spec.authorities.map((a) => a.account), config.minAuthorities);
    },
  });
}

/** ValidatorSet with TFChain's `MinAuthorities`. */
export const validatorSet = defineValidatorSet();

export { errors, markForRemoval, removeOfflineValidators, ValidatorSetPanic } from "./validator-set.js";
export { storage } from "./storage.js";
