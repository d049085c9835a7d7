/**
 * pallet_transaction_payment storage. Neither item has docs in TFChain's metadata.
 */
import { palletStorage, value } from "../../storage-item.js";
import { FIXED_U128_ONE, FixedU128, Releases } from "./types.js";

export const storage = palletStorage("TransactionPayment", {
  // `ValueQuery` with `NextFeeMultiplierOnEmpty` = 1.
  NextFeeMultiplier: value(FixedU128, { default: FIXED_U128_ONE }),
  StorageVersion: value(Releases, { default: "V1Ancient" as Releases }),
});
