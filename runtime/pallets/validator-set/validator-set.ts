/**
 * The validator set's rules (TFChain's `validator_set.rs`): who is added, removed, approved, and what
 * Session gets at each new session.
 *
 * Changes take effect two sessions later: Session plans the next-but-one set from `Validators` when a
 * session starts. Quirk kept from TFChain: removing a validator does not un-approve it (the filtered list is
 * never written back), so it may `add_validator_again` itself, while adding it again through `add_validator`
 * fails with `Duplicate` at the approval step and rolls the whole call back.
 */
import type { Storage } from "../../../state/storage.js";
import { palletErrors } from "../../dispatch-error.js";
import type { BlockContext } from "../../pallet.js";
import { runtimeLog } from "../../runtime-log.js";
import { storage } from "./storage.js";

export const errors = palletErrors("ValidatorSet", {
  TooLowValidatorCount: "Target (post-removal) validator count is below the minimum.",
  Duplicate: "Validator is already in the validator set.",
  ValidatorNotApproved: "Validator is not approved for re-addition.",
  BadOrigin: "Only the validator can add itself back after coming online.",
});

/** Raised where TFChain's genesis build panics: the chain spec is unusable. */
export class ValidatorSetPanic extends Error {
  constructor(
    readonly code: "TOO_FEW_INITIAL_VALIDATORS" | "ALREADY_INITIALIZED",
    message: string,
  ) {
    super(message);
    this.name = "ValidatorSetPanic";
  }
}

const hex = (a: Uint8Array) => Buffer.from(a).toString("hex");
const contains = (list: readonly Uint8Array[], who: Uint8Array) => list.some((v) => hex(v) === hex(who));

/** `initialize_validators`: the genesis set, at least `MinAuthorities`, is both current and approved. */
export function initializeValidators(io: Storage, validators: Uint8Array[], minAuthorities: number): void {
  if (validators.length < minAuthorities) {
    throw new ValidatorSetPanic("TOO_FEW_INITIAL_VALIDATORS", "Initial set of validators must be at least T::MinAuthorities");
  }
  if (storage.Validators.get(io).length > 0) throw new ValidatorSetPanic("ALREADY_INITIALIZED", "Validators are already initialized!");
  storage.Validators.set(io, validators);
  storage.ApprovedValidators.set(io, validators);
}

/** `do_add_validator`: appends a validator not yet in the set. */
export function doAddValidator(ctx: BlockContext, who: Uint8Array): void {
  errors.ensure(!contains(storage.Validators.get(ctx.io), who), "Duplicate");
  storage.Validators.mutate(ctx.io, (v) => [...v, who]);
  ctx.deposit("ValidatorSet", { tag: "ValidatorAdditionInitiated", value: [who] });
  runtimeLog.debug("validator-set: validator addition initiated");
}

/** `do_remove_validator`: removes every occurrence, keeping at least `minAuthorities` (counting before the filter). */
export function doRemoveValidator(ctx: BlockContext, who: Uint8Array, minAuthorities: number): void {
  const validators = storage.Validators.get(ctx.io);
  errors.ensure(Math.max(validators.length - 1, 0) >= minAuthorities, "TooLowValidatorCount");
  storage.Validators.set(ctx.io, validators.filter((v) => hex(v) !== hex(who)));
  ctx.deposit("ValidatorSet", { tag: "ValidatorRemovalInitiated", value: [who] });
  runtimeLog.debug("validator-set: validator removal initiated");
}

/** `approve_validator`. */
export function approveValidator(ctx: BlockContext, who: Uint8Array): void {
  errors.ensure(!contains(storage.ApprovedValidators.get(ctx.io), who), "Duplicate");
  storage.ApprovedValidators.mutate(ctx.io, (v) => [...v, who]);
}

/** `mark_for_removal`: an offence report marks the offender; the next session drops it. */
export function markForRemoval(io: Storage, who: Uint8Array): void {
  storage.OfflineValidators.mutate(io, (v) => [...v, who]);
}

/** `remove_offline_validators`: drops the marked validators (no `MinAuthorities` check) and clears the marks. */
export function removeOfflineValidators(io: Storage): void {
  const offline = new Set(storage.OfflineValidators.get(io).map(hex));
  storage.Validators.mutate(io, (vs) => vs.filter((v) => !offline.has(hex(v))));
  storage.OfflineValidators.set(io, []);
}
