import { AccountId32 } from "../../../primitives/account.js";
import { enumeration, u32, type FieldSpec, type ValueOf } from "../../../primitives/schema.js";

const price: FieldSpec = [u32, "u32"];

export const events = enumeration(
  { path: "pallet_tft_price::pallet::Event", params: [{ name: "T" }], docs: ["The `Event` enum of this pallet"] },
  {
    PriceStored: { tuple: [price] },
    OffchainWorkerExecuted: { tuple: [[AccountId32, "T::AccountId"]] },
    AveragePriceStored: { tuple: [price] },
    AveragePriceIsAboveMaxPrice: { tuple: [price, price] },
    AveragePriceIsBelowMinPrice: { tuple: [price, price] },
  },
);
export type TftPriceEvent = ValueOf<typeof events>;
