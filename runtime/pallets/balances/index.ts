/**
 * pallet_balances (index 20), polkadot-v1.0.0 as TFChain configures it: balances kept in `System.Account`,
 * ED 500, dust burned, no holds or freezes.
 *
 * Other pallets use the `Currency` API from `currency.ts`, `reserve.ts` and `locks.ts`.
 */
import { AccountId32, MultiAddress } from "../../../primitives/account.js";
import { bool, compact, u128, u32, vec, type FieldSpec } from "../../../primitives/schema.js";
import { call, constant, definePallet } from "../../pallet.js";
import {
  forceSetBalance, forceTransfer, forceUnreserve, setBalanceDeprecated, transferAll, transferAllowDeath, transferKeepAlive,
  upgradeAccounts,
} from "./calls.js";
import { EXISTENTIAL_DEPOSIT, MAX_FREEZES, MAX_HOLDS, MAX_LOCKS, MAX_RESERVES } from "./constants.js";
import { errors } from "./errors.js";
import { events } from "./events.js";
import { buildBalancesGenesis, type BalancesGenesisConfig } from "./genesis.js";
import { storage } from "./storage.js";
import * as W from "./weights.js";

const address: FieldSpec = [MultiAddress, "AccountIdLookupOf<T>"];
const balance: FieldSpec = [compact(u128), "T::Balance"];
const TI = [{ name: "T" }, { name: "I" }];
const see = (name: string) => [`See [\`Pallet::${name}\`].`];

export const balances = definePallet({
  name: "Balances",
  index: 20,
  storage,
  calls: {
    type: { path: "pallet_balances::pallet::Call", params: TI, docs: ["Contains a variant per dispatchable extrinsic that this pallet has."] },
    list: {
      transfer_allow_death: call(0, { dest: address, value: balance }, { weight: W.transferAllowDeath(), docs: see("transfer_allow_death") }, transferAllowDeath),
      set_balance_deprecated: call(
        1, { who: address, new_free: balance, old_reserved: balance }, { weight: W.forceSetBalance(), docs: see("set_balance_deprecated") }, setBalanceDeprecated,
      ),
      force_transfer: call(2, { source: address, dest: address, value: balance }, { weight: W.forceTransfer(), docs: see("force_transfer") }, forceTransfer),
      transfer_keep_alive: call(3, { dest: address, value: balance }, { weight: W.transferKeepAlive(), docs: see("transfer_keep_alive") }, transferKeepAlive),
      transfer_all: call(4, { dest: address, keep_alive: [bool, "bool"] }, { weight: W.transferAll(), docs: see("transfer_all") }, transferAll),
      force_unreserve: call(5, { who: address, amount: [u128, "T::Balance"] }, { weight: W.forceUnreserve(), docs: see("force_unreserve") }, forceUnreserve),
      upgrade_accounts: call(
        6, { who: [vec(AccountId32), "Vec<T::AccountId>"] }, { weight: (a) => W.upgradeAccounts(a.who.length), docs: see("upgrade_accounts") }, upgradeAccounts,
      ),
      // Deprecated alias of `transfer_allow_death`, with its weight.
      transfer: call(7, { dest: address, value: balance }, { weight: W.transferAllowDeath(), docs: see("transfer") }, transferAllowDeath),
      force_set_balance: call(8, { who: address, new_free: balance }, { weight: W.forceSetBalance(), docs: see("force_set_balance") }, forceSetBalance),
    },
  },
  events,
  errors: { type: { path: "pallet_balances::pallet::Error", params: TI, docs: ["The `Error` enum of this pallet."] }, list: errors },
  constants: {
    ExistentialDeposit: constant(u128, EXISTENTIAL_DEPOSIT, [
      " The minimum amount required to keep an account open. MUST BE GREATER THAN ZERO!",
      "",
      " If you *really* need it to be zero, you can enable the feature `insecure_zero_ed` for",
      " this pallet. However, you do so at your own risk: this will open up a major DoS vector.",
      " In case you have multiple sources of provider references, you may also get unexpected",
      " behaviour if you set this to zero.",
      "",
      " Bottom line: Do yourself a favour and make it at least one!",
    ]),
    MaxLocks: constant(u32, MAX_LOCKS, [" The maximum number of locks that should exist on an account.", " Not strictly enforced, but used for weight estimation."]),
    MaxReserves: constant(u32, MAX_RESERVES, [" The maximum number of named reserves that can exist on an account."]),
    MaxHolds: constant(u32, MAX_HOLDS, [" The maximum number of holds that can exist on an account at any time."]),
    MaxFreezes: constant(u32, MAX_FREEZES, [" The maximum number of individual freeze locks that can exist on an account at any time."]),
  },
  genesis(io, config: BalancesGenesisConfig) {
    buildBalancesGenesis(io, config);
  },
});
