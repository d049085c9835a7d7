/**
 * pallet-tfgrid as `TfgridModule` (index 25): the grid's registry of twins, entities, farms, 3Nodes and the
 * pricing and farming policies.
 *
 * The runtime builds it with the hooks of the pallets that follow the registry (smart contracts, later
 * reputation); without hooks a node never has active contracts.
 */
import { definePallet } from "../../pallet.js";
import { tfgridCalls } from "./calls.js";
import { constants } from "./constants.js";
import { errors } from "./errors.js";
import { events } from "./events.js";
import { buildTfgridGenesis, testnetTfgridGenesis } from "./genesis.js";
import type { TfgridHooks } from "./hooks.js";
import { storage } from "./storage.js";

/** What the chain spec hands every pallet's genesis: TfgridModule reads the two policy accounts. */
interface SpecGenesis {
  foundationAccount: Uint8Array;
  salesAccount: Uint8Array;
}

export function defineTfgrid(hooks: TfgridHooks = {}) {
  return definePallet({
    name: "TfgridModule",
    index: 25,
    storage,
    calls: {
      type: { path: "pallet_tfgrid::pallet::Call", params: [{ name: "T" }], docs: ["Contains a variant per dispatchable extrinsic that this pallet has."] },
      list: tfgridCalls(hooks),
    },
    events,
    errors: { type: { path: "pallet_tfgrid::pallet::Error", params: [{ name: "T" }], docs: ["The `Error` enum of this pallet."] }, list: errors },
    constants,
    genesis: (io, spec: SpecGenesis) => buildTfgridGenesis(io, testnetTfgridGenesis(spec.foundationAccount, spec.salesAccount)),
  });
}

/** TfgridModule without listeners (pallet tests). */
export const tfgrid = defineTfgrid();

export type { TfgridHooks } from "./hooks.js";
export { storage as tfgridStorage } from "./storage.js";
export { errors as tfgridErrors } from "./errors.js";
export { events as tfgridEvents } from "./events.js";
