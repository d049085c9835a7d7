/**
 * pallet_balances storage, in declaration order.
 *
 * TFChain keeps balances in `System.Account` (`AccountStore = System`), so `Balances.Account` is declared
 * for the metadata but never written.
 */
import { AccountId32 } from "../../../primitives/account.js";
import { boundedVec, u128 } from "../../../primitives/schema.js";
import { map, palletStorage, value } from "../../storage-item.js";
import { MAX_FREEZES, MAX_RESERVES } from "./constants.js";
import { AccountData, BalanceLock, DEFAULT_ACCOUNT_DATA, IdAmount, ReserveData, weakBoundedVec } from "./types.js";

// Holds and Freezes are the same Rust type (`BoundedVec<IdAmount<(), Balance>, ()>`): one schema, one type id.
const IdAmounts = boundedVec(IdAmount, MAX_FREEZES);

export const storage = palletStorage("Balances", {
  TotalIssuance: value(u128, { default: 0n, docs: [" The total units issued in the system."] }),
  InactiveIssuance: value(u128, { default: 0n, docs: [" The total units of outstanding deactivated balance in the system."] }),
  Account: map("Blake2_128Concat", AccountId32, AccountData, {
    default: DEFAULT_ACCOUNT_DATA,
    docs: [
      " The Balances pallet example of storing the balance of an account.",
      "",
      " # Example",
      "",
      " ```nocompile",
      "  impl pallet_balances::Config for Runtime {",
      "    type AccountStore = StorageMapShim<Self::Account<Runtime>, frame_system::Provider<Runtime>, AccountId, Self::AccountData<Balance>>",
      "  }",
      " ```",
      "",
      " You can also store the balance of an account in the `System` pallet.",
      "",
      " # Example",
      "",
      " ```nocompile",
      "  impl pallet_balances::Config for Runtime {",
      "   type AccountStore = System",
      "  }",
      " ```",
      "",
      " But this comes with tradeoffs, storing account balances in the system pallet stores",
      " `frame_system` data alongside the account data contrary to storing account balances in the",
      " `Balances` pallet, which uses a `StorageMap` to store balances data only.",
      " NOTE: This is only used in the case that this pallet is used to store balances.",
    ],
  }),
  Locks: map("Blake2_128Concat", AccountId32, weakBoundedVec(BalanceLock), {
    default: [],
    docs: [" Any liquidity locks on some account balances.", " NOTE: Should only be accessed when setting, changing and freeing a lock."],
  }),
  Reserves: map("Blake2_128Concat", AccountId32, boundedVec(ReserveData, MAX_RESERVES), {
    default: [],
    docs: [" Named reserves on some account balances."],
  }),
  Holds: map("Blake2_128Concat", AccountId32, IdAmounts, { default: [], docs: [" Holds on account balances."] }),
  Freezes: map("Blake2_128Concat", AccountId32, IdAmounts, { default: [], docs: [" Freeze locks on account balances."] }),
});
