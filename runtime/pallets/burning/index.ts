/**
 * pallet-burning as `BurningModule` (index 29): anyone burns TFT from their free balance, with a message
 * (used by the bridge to leave the chain), and the chain keeps the record.
 *
 * TODO(#7): the `burn_tft` call.
 */
import { AccountId32 } from "../../../primitives/account.js";
import { bytes, enumeration, struct, u128, u32, vec, type FieldSpec } from "../../../primitives/schema.js";
import { palletErrors } from "../../dispatch-error.js";
import { definePallet } from "../../pallet.js";
import { palletStorage, value } from "../../storage-item.js";

export const Burn = struct(
  {
    path: "pallet_burning::types::Burn",
    params: [{ name: "AccountId", type: AccountId32 }, { name: "BalanceOf", type: u128 }, { name: "BlockNumber", type: u32 }],
  },
  { target: [AccountId32, "AccountId"], amount: [u128, "BalanceOf"], block: [u32, "BlockNumber"], message: [bytes, "Vec<u8>"] },
);

export const storage = palletStorage("BurningModule", { Burns: value(vec(Burn)) });

const events = enumeration(
  { path: "pallet_burning::pallet::Event", params: [{ name: "T" }], docs: ["The `Event` enum of this pallet"] },
  {
    BurnTransactionCreated: {
      tuple: [[AccountId32, "T::AccountId"], [u128, "BalanceOf<T>"], [u32, "BlockNumberFor<T>"], [bytes, "Vec<u8>"]] as FieldSpec[],
    },
  },
);

export const errors = palletErrors("BurningModule", { NotEnoughBalanceToBurn: [] });

export const burning = definePallet({
  name: "BurningModule",
  index: 29,
  storage,
  events,
  errors: { type: { path: "pallet_burning::pallet::Error", params: [{ name: "T" }], docs: ["The `Error` enum of this pallet."] }, list: errors },
});
