/**
 * pallet-tft-price as `TFTPriceModule` (index 28): the TFT price in mUSD that billing converts USD with.
 *
 * Validators report prices (`set_prices`, free when accepted); each report joins a 1440-slot history whose
 * average billing uses, clamped to the council's `[MinTftPrice, MaxTftPrice]`. TFChain's validators fetch the
 * price from Stellar in an offchain worker; here a validator started with `--tft-price-url` does
 * (`node/tft-price-feed.ts`). A chain may run without any, so genesis also sets a starting price
 * (see `buildTftPriceGenesis`).
 */
import { u32 } from "../../../primitives/schema.js";
import type { Storage, StorageReader } from "../../../state/storage.js";
import { ensureRoot, ensureSigned } from "../../origin.js";
import { call, definePallet, type BlockContext } from "../../pallet.js";
import { errors } from "./errors.js";
import { events } from "./events.js";
import { averagePrice, historyPrices, pushPrice } from "./ring-buffer.js";
import { storage } from "./storage.js";
import { tftPriceWeights as W } from "./weights.js";

export interface TftPriceConfig {
  /** Accounts of the current validators (Session's in TFChain; the Aura authorities until #8). */
  validators(io: StorageReader): Uint8Array[];
}

export interface TftPriceGenesis {
  tftPrice: { min: number; max: number; price: number };
}

/** Stores a reported price, adds it to the history and recomputes the average (`calculate_and_set_price`). */
export function setPrice(ctx: BlockContext, price: number, blockNumber: number): void {
  storage.LastBlockSet.set(ctx.io, blockNumber);
  storage.TftPrice.set(ctx.io, price);
  ctx.deposit("TFTPriceModule", { tag: "PriceStored", value: [price] });
  pushPrice(ctx.io, price);
  const average = averagePrice(historyPrices(ctx.io));
  storage.AverageTftPrice.set(ctx.io, average);
  ctx.deposit("TFTPriceModule", { tag: "AveragePriceStored", value: [average] });
  const min = storage.MinTftPrice.get(ctx.io);
  if (average < min) ctx.deposit("TFTPriceModule", { tag: "AveragePriceIsBelowMinPrice", value: [average, min] });
  const max = storage.MaxTftPrice.get(ctx.io);
  if (average > max) ctx.deposit("TFTPriceModule", { tag: "AveragePriceIsAboveMaxPrice", value: [average, max] });
}

/** TFChain's genesis (min and max), plus the starting price as the first report: price, average, history. */
export function buildTftPriceGenesis(io: Storage, config: TftPriceGenesis): void {
  const { min, max, price } = config.tftPrice;
  storage.MinTftPrice.set(io, min);
  storage.MaxTftPrice.set(io, max);
  if (price > 0) {
    storage.TftPrice.set(io, price);
    storage.AverageTftPrice.set(io, price);
    pushPrice(io, price);
  }
}

export function defineTftPrice(config: TftPriceConfig) {
  const isValidator = (io: StorageReader, who: Uint8Array) =>
    config.validators(io).some((v) => v.length === who.length && v.every((b, i) => b === who[i]));
  return definePallet({
    name: "TFTPriceModule",
    index: 28,
    storage,
    calls: {
      type: { path: "pallet_tft_price::pallet::Call", params: [{ name: "T" }], docs: ["Contains a variant per dispatchable extrinsic that this pallet has."] },
      list: {
        set_prices: call(0, { price: [u32, "u32"], block_number: [u32, "BlockNumberFor<T>"] }, { weight: W.set_prices, docs: ["See [`Pallet::set_prices`]."] }, (ctx, origin, a) => {
          errors.ensure(isValidator(ctx.io, ensureSigned(origin)), "AccountUnauthorizedToSetPrice");
          setPrice(ctx, a.price, a.block_number);
          return { paysFee: "No" };
        }),
        set_min_tft_price: call(2, { price: [u32, "u32"] }, { weight: W.set_min_tft_price, docs: ["See [`Pallet::set_min_tft_price`]."] }, (ctx, origin, a) => {
          ensureRoot(origin);
          errors.ensure(a.price < storage.MaxTftPrice.get(ctx.io), "MinPriceAboveMaxPriceError");
          storage.MinTftPrice.set(ctx.io, a.price);
        }),
        set_max_tft_price: call(3, { price: [u32, "u32"] }, { weight: W.set_max_tft_price, docs: ["See [`Pallet::set_max_tft_price`]."] }, (ctx, origin, a) => {
          ensureRoot(origin);
          errors.ensure(a.price > storage.MinTftPrice.get(ctx.io), "MaxPriceBelowMinPriceError");
          storage.MaxTftPrice.set(ctx.io, a.price);
        }),
      },
    },
    events,
    errors: { type: { path: "pallet_tft_price::pallet::Error", params: [{ name: "T" }], docs: ["The `Error` enum of this pallet."] }, list: errors },
    genesis: buildTftPriceGenesis,
  });
}

/** TFTPriceModule with no validators (declaration and pallet tests that do not set prices). */
export const tftPrice = defineTftPrice({ validators: () => [] });

export { storage as tftPriceStorage } from "./storage.js";
