/**
 * pallet-tft-price as `TFTPriceModule` (index 28): the TFT price billing converts USD with.
 *
 * TODO(#7): calls (`set_prices` by validators, min/max by the council) and genesis.
 */
import { definePallet } from "../../pallet.js";
import { errors } from "./errors.js";
import { events } from "./events.js";
import { storage } from "./storage.js";

export const tftPrice = definePallet({
  name: "TFTPriceModule",
  index: 28,
  storage,
  events,
  errors: { type: { path: "pallet_tft_price::pallet::Error", params: [{ name: "T" }], docs: ["The `Error` enum of this pallet."] }, list: errors },
});

export { storage as tftPriceStorage } from "./storage.js";
