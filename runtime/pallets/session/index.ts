/**
 * pallet_session (index 11): sessions of `Period` blocks, each with a fixed validator set and their keys.
 *
 * Validators register their session keys (an Aura and a GRANDPA key) with `set_keys`; TFChain's
 * ValidatorSet, the `SessionManager`, plans each next set; Aura and GRANDPA follow every new set as
 * `SessionHandler`s. See `rotation.ts` for the rotation itself.
 */
import { bytes, enumeration, u32 } from "../../../primitives/schema.js";
import type { Storage } from "../../../state/storage.js";
import { ensureSigned } from "../../origin.js";
import { call, definePallet } from "../../pallet.js";
import { ZERO_WEIGHT } from "../../dispatch-types.js";
import { BLOCK_WEIGHTS } from "../system/constants.js";
import { errors, purgeKeys, setKeys } from "./keys.js";
import { buildSessionGenesis, rotateSession, shouldEndSession, type SessionConfig, type SessionGenesisConfig } from "./rotation.js";
import { storage } from "./storage.js";
import { SessionKeys } from "./types.js";
import { sessionWeights as W } from "./weights.js";

/** TFChain's `Period`: 60 minutes of 6 s blocks. */
export const SESSION_PERIOD = 600;

export const events = enumeration(
  { path: "pallet_session::pallet::Event", docs: ["The `Event` enum of this pallet"] },
  {
    NewSession: {
      fields: { session_index: [u32, "SessionIndex"] },
      docs: ["New session has happened. Note that the argument is the session index, not the", "block number as the type might suggest."],
    },
  },
);

/** Where the genesis keys come from: the chain spec's validators with their Aura and GRANDPA keys. */
export interface SessionSpec {
  authorities: { account: Uint8Array; aura: Uint8Array; grandpa: Uint8Array }[];
}

/** Declares Session with its period, manager and handlers. */
export function defineSession(config: SessionConfig) {
  return definePallet({
    name: "Session",
    index: 11,
    storage,
    calls: {
      type: { path: "pallet_session::pallet::Call", params: [{ name: "T" }], docs: ["Contains a variant per dispatchable extrinsic that this pallet has."] },
      list: {
        set_keys: call(0, { keys: [SessionKeys, "T::Keys"], proof: [bytes, "Vec<u8>"] }, { weight: W.set_keys, docs: ["See [`Pallet::set_keys`]."] }, (ctx, origin, a) => {
          const who = ensureSigned(origin);
          // `OpaqueKeys::ownership_proof_is_valid` accepts any proof in this FRAME version: InvalidProof is never raised.
          setKeys(ctx, who, a.keys);
        }),
        purge_keys: call(1, {}, { weight: W.purge_keys, docs: ["See [`Pallet::purge_keys`]."] }, (ctx, origin) => {
          purgeKeys(ctx, ensureSigned(origin));
        }),
      },
    },
    events,
    errors: { type: { path: "pallet_session::pallet::Error", params: [{ name: "T" }], docs: ["Error for the session pallet."] }, list: errors },
    hooks: {
      onInitialize(ctx) {
        if (!shouldEndSession(config, ctx.blockNumber)) return ZERO_WEIGHT;
        rotateSession(ctx, config);
        // FRAME charges a whole block for a rotation, so a session's first block carries no normal extrinsic.
        return BLOCK_WEIGHTS.max_block;
      },
    },
    genesis(io: Storage, spec: SessionSpec) {
      const genesis: SessionGenesisConfig = {
        keys: spec.authorities.map((a) => [a.account, a.account, { aura: a.aura, grandpa: a.grandpa }]),
      };
      buildSessionGenesis(io, config, genesis);
    },
  });
}

export { errors } from "./keys.js";
export { loadKeys, keyOwner } from "./keys.js";
export { SessionPanic, shouldEndSession, rotateSession, buildSessionGenesis, type SessionConfig, type SessionGenesisConfig } from "./rotation.js";
export { currentIndex, sessionValidators, storage } from "./storage.js";
export type { SessionHandler, SessionManager } from "./traits.js";
export { KeyTypeId, SESSION_KEY_IDS, SessionKeys, type ValidatorKeys } from "./types.js";
