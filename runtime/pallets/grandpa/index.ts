/**
 * pallet_grandpa (index 13): the GRANDPA voter set the finality gadget reads, and its changes.
 *
 * The current voters live under `:grandpa_authorities` and the set's number in `CurrentSetId`. Session
 * hands over each new validator set (`session-handler.ts`); a change is announced to the client with a
 * `ScheduledChange` (or `ForcedChange`) consensus item of engine `FRNK` and enacted at the end of the block
 * (`authority-set.ts`). TFChain reports no equivocations: its `KeyOwnerProof` is `sp_core::Void`, so the two
 * report calls cannot even be decoded.
 */
import { enumeration, u32, u64, type FieldSpec } from "../../../primitives/schema.js";
import type { Storage } from "../../../state/storage.js";
import { ensureNone, ensureRoot, ensureSigned } from "../../origin.js";
import { call, constant, definePallet } from "../../pallet.js";
import { Void } from "../utility/origin-caller.js";
import { errors, finalizeGrandpa, initializeGrandpa, onStalled } from "./authority-set.js";
import { storage } from "./storage.js";
import { AuthorityList, EquivocationProof, MAX_GRANDPA_AUTHORITIES } from "./types.js";
import { grandpaWeights as W } from "./weights.js";

export const events = enumeration(
  { path: "pallet_grandpa::pallet::Event", docs: ["The `Event` enum of this pallet"] },
  {
    NewAuthorities: { fields: { authority_set: [AuthorityList, "AuthorityList"] }, docs: ["New authority set has been applied."] },
    Paused: { docs: ["Current authority set has been paused."] },
    Resumed: { docs: ["Current authority set has been resumed."] },
  },
);

const reportArgs: Record<"equivocation_proof" | "key_owner_proof", FieldSpec> = {
  equivocation_proof: [EquivocationProof, "Box<EquivocationProof<T::Hash, BlockNumberFor<T>>>"],
  key_owner_proof: [Void, "T::KeyOwnerProof"],
};
// `T::WeightInfo::report_equivocation(key_owner_proof.validator_count(), MaxNominators)`: a `Void` proof has
// no validator count, and no such call decodes; FRAME's floor of 100 validators stands in.
const reportWeight = W.report_equivocation(0, 0);

export const grandpa = definePallet({
  name: "Grandpa",
  index: 13,
  storage,
  calls: {
    type: { path: "pallet_grandpa::pallet::Call", params: [{ name: "T" }], docs: ["Contains a variant per dispatchable extrinsic that this pallet has."] },
    list: {
      report_equivocation: call(0, { ...reportArgs }, { weight: reportWeight, docs: ["See [`Pallet::report_equivocation`]."] }, (_ctx, origin) => {
        ensureSigned(origin);
        // `EquivocationReportSystem = ()` accepts the evidence and does nothing; the report is free.
        return { paysFee: "No" };
      }),
      report_equivocation_unsigned: call(1, { ...reportArgs }, { weight: reportWeight, docs: ["See [`Pallet::report_equivocation_unsigned`]."] }, (_ctx, origin) => {
        ensureNone(origin);
        return { paysFee: "No" };
      }),
      note_stalled: call(2, { delay: [u32, "BlockNumberFor<T>"], best_finalized_block_number: [u32, "BlockNumberFor<T>"] }, { weight: W.note_stalled(), docs: ["See [`Pallet::note_stalled`]."] }, (ctx, origin, a) => {
        ensureRoot(origin);
        onStalled(ctx.io, a.delay, a.best_finalized_block_number);
      }),
    },
  },
  events,
  errors: { type: { path: "pallet_grandpa::pallet::Error", params: [{ name: "T" }], docs: ["The `Error` enum of this pallet."] }, list: errors },
  constants: {
    MaxAuthorities: constant(u32, MAX_GRANDPA_AUTHORITIES, [" Max Authorities in use"]),
    MaxNominators: constant(u32, 0, [" The maximum number of nominators for each validator."]),
    MaxSetIdSessionEntries: constant(u64, 0n, [
      " The maximum number of entries to keep in the set id to session index mapping.",
      "",
      " Since the `SetIdSession` map is only used for validating equivocations this",
      " value should relate to the bonding duration of whatever staking system is",
      " being used (if any). If equivocation handling is not enabled then this value",
      " can be zero.",
    ]),
  },
  hooks: {
    onFinalize: finalizeGrandpa,
  },
  // TFChain's `GrandpaConfig.authorities` is empty: Session's genesis already stored the voters
  // (`grandpaSessionHandler.onGenesisSession`); this build only writes set 0.
  genesis(io: Storage) {
    storage.CurrentSetId.set(io, 0n);
    initializeGrandpa(io, []);
  },
});

export { errors, GrandpaPanic, initializeGrandpa, scheduleChange } from "./authority-set.js";
export { findForcedChange, findScheduledChange, GRANDPA_ENGINE_ID, GrandpaConsensusLog, grandpaDigest, grandpaLogs, ScheduledChange } from "./digest.js";
export { currentSetId, GRANDPA_AUTHORITIES_KEY, grandpaAuthorities, setGrandpaAuthorities, storage } from "./storage.js";
export { AuthorityList, GrandpaAuthorityId, StoredPendingChange, StoredState } from "./types.js";
