/**
 * The Reputation pallet (index 60): TFChain as the grid's reputation registry. Node uptime per minting period
 * under minting_v3's rules, computed per block from the registry's reports; farm aggregates when a period
 * closes; online scores over 12-hour windows; twins' payment scores from contract billing.
 *
 * No calls and nothing at genesis: it listens to TfgridModule and SmartContractModule through `hooks.ts`
 * (`reputationTfgridHooks` for the registry) and closes periods in `on_initialize`. Reads: `read.ts`.
 */
import { definePallet } from "../../pallet.js";
import { now } from "../timestamp/storage.js";
import { sweep } from "./close.js";
import { constants } from "./constants.js";
import { events } from "./events.js";
import { storage } from "./storage.js";

export const reputation = definePallet({
  name: "Reputation",
  index: 60,
  storage,
  events,
  constants,
  hooks: {
    onInitialize: (ctx) => sweep(ctx, now(ctx.io) / 1000n),
  },
});

export { storage as reputationStorage } from "./storage.js";
export { reputationTfgridHooks } from "./tfgrid-hooks.js";
export * as reputationHooks from "./hooks.js";
export { farmReputation, nodeReputation, twinReputation } from "./read.js";
