/**
 * pallet-tft-price's `SubstrateWeight<Runtime>`, from TFChain's `pallet-tft-price/src/weights.rs` (2.9-era
 * regeneration of 2024-08-26).
 */
import type { Weight } from "../../dispatch-types.js";
import { dbReads, dbWrites } from "../system/constants.js";
import { parts } from "../system/weights.js";

export const tftPriceWeights = {
  set_prices: parts(29_876_000n + dbReads(6) + dbWrites(5), 6175n),
  set_min_tft_price: parts(5_120_000n + dbReads(1) + dbWrites(1), 1578n),
  set_max_tft_price: parts(5_109_000n + dbReads(1) + dbWrites(1), 1578n),
} satisfies Record<string, Weight>;
