/**
 * pallet-tft-price storage: the TFT price in mUSD as validators report it, a ring buffer of the last reports
 * and their average, and the bounds billing clamps the average to.
 */
import { tuple, u16, u32 } from "../../../primitives/schema.js";
import { map, palletStorage, value } from "../../storage-item.js";

export const storage = palletStorage("TFTPriceModule", {
  TftPrice: value(u32, { default: 0 }),
  LastBlockSet: value(u32, { default: 0 }),
  AverageTftPrice: value(u32, { default: 0 }),
  TftPriceHistory: map("Blake2_128Concat", u16, u32, { default: 0 }),
  /** (first, last) slots of the history ring buffer in use. */
  BufferRange: value(tuple(u16, u16), { default: [0, 0] as [number, number] }),
  MinTftPrice: value(u32, { default: 0 }),
  MaxTftPrice: value(u32, { default: 0 }),
});
