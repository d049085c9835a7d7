/**
 * pallet-tfgrid as `TfgridModule` (index 25): the grid's registry of twins, entities, farms, 3Nodes and the
 * pricing and farming policies.
 *
 * This declares the pallet's storage, events, errors, constants and genesis; it is not yet part of the
 * runtime. TODO(#6): the 37 calls and their handlers, then the entry in `runtime/index.ts`.
 */
import { definePallet } from "../../pallet.js";
import { constants } from "./constants.js";
import { errors } from "./errors.js";
import { events } from "./events.js";
import { buildTfgridGenesis } from "./genesis.js";
import { storage } from "./storage.js";

export const tfgrid = definePallet({
  name: "TfgridModule",
  index: 25,
  storage,
  events,
  errors: { type: { path: "pallet_tfgrid::pallet::Error", params: [{ name: "T" }], docs: ["The `Error` enum of this pallet."] }, list: errors },
  constants,
  genesis: buildTfgridGenesis,
});

export { storage as tfgridStorage } from "./storage.js";
export { errors as tfgridErrors } from "./errors.js";
export { events as tfgridEvents } from "./events.js";
