/**
 * pallet-smart-contract as `SmartContractModule` (index 26): node, name, rent and service contracts, solution
 * providers, and their billing in TFT (spec 152: funds reserved on the twin's account, overdrafts, grace periods).
 *
 * TODO(#7): calls, billing and hooks; then the entry in `runtime/index.ts`.
 */
import { definePallet } from "../../pallet.js";
import { constants } from "./constants.js";
import { errors } from "./errors.js";
import { events } from "./events.js";
import { storage } from "./storage.js";

export const smartContract = definePallet({
  name: "SmartContractModule",
  index: 26,
  storage,
  events,
  errors: { type: { path: "pallet_smart_contract::pallet::Error", params: [{ name: "T" }], docs: ["The `Error` enum of this pallet."] }, list: errors },
  constants,
});

export { storage as smartContractStorage } from "./storage.js";
