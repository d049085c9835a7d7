/**
 * pallet-tft-price's `SubstrateWeight<Runtime>`, from TFChain's `pallet-tft-price/src/weights.rs`.
 */
import type { Weight } from "../../dispatch-types.js";
import { dbReads, dbWrites } from "../system/constants.js";
import { parts } from "../system/weights.js";

export const tftPriceWeights = {
  set_prices: parts(48_943_000n + dbReads(6) + dbWrites(5), 6175n),
  set_min_tft_price: parts(8_315_000n + dbReads(1) + dbWrites(1), 1578n),
  set_max_tft_price: parts(8_235_000n + dbReads(1) + dbWrites(1), 1578n),
} satisfies Record<string, Weight>;
