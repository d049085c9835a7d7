import { AccountId32 } from "../../../primitives/account.js";
import { enumeration, u128 } from "../../../primitives/schema.js";

export const events = enumeration(
  { path: "pallet_transaction_payment::pallet::Event", params: [{ name: "T" }], docs: ["The `Event` enum of this pallet"] },
  {
    TransactionFeePaid: {
      fields: { who: [AccountId32, "T::AccountId"], actual_fee: [u128, "BalanceOf<T>"], tip: [u128, "BalanceOf<T>"] },
      docs: ["A transaction fee `actual_fee`, of which `tip` was added to the minimum inclusion fee,", "has been paid by `who`."],
    },
  },
);
