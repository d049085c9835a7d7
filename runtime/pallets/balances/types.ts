/**
 * pallet_balances types (polkadot-v1.0.0): account data with free/reserved/frozen, locks, reserves.
 */
import {
  enumeration, fixedBytes, newtype, struct, u128, unit, unitEnum, type ValueOf,
} from "../../../primitives/schema.js";

export const ExtraFlags = newtype({ path: "pallet_balances::types::ExtraFlags" }, [u128, "u128"]);

/** Bit 127 of `flags`: the account uses the new (holds/freezes) reference counting. */
export const IS_NEW_LOGIC = 1n << 127n;

export const AccountData = struct(
  { path: "pallet_balances::types::AccountData", params: [{ name: "Balance", type: u128 }] },
  {
    free: [u128, "Balance"],
    reserved: [u128, "Balance"],
    frozen: [u128, "Balance"],
    flags: [ExtraFlags, "ExtraFlags"],
  },
);
export type AccountData = ValueOf<typeof AccountData>;

export const DEFAULT_ACCOUNT_DATA: AccountData = Object.freeze({ free: 0n, reserved: 0n, frozen: 0n, flags: 0n });

export const Reasons = unitEnum({ path: "pallet_balances::types::Reasons" }, ["Fee", "Misc", "All"] as const);

export const BalanceLock = struct(
  { path: "pallet_balances::types::BalanceLock", params: [{ name: "Balance", type: u128 }] },
  { id: [fixedBytes(8), "LockIdentifier"], amount: [u128, "Balance"], reasons: [Reasons, "Reasons"] },
);
export type BalanceLock = ValueOf<typeof BalanceLock>;

export const ReserveData = struct(
  { path: "pallet_balances::types::ReserveData", params: [{ name: "ReserveIdentifier", type: fixedBytes(8) }, { name: "Balance", type: u128 }] },
  { id: [fixedBytes(8), "ReserveIdentifier"], amount: [u128, "Balance"] },
);
export type ReserveData = ValueOf<typeof ReserveData>;

export const IdAmount = struct(
  { path: "pallet_balances::types::IdAmount", params: [{ name: "Id", type: unit }, { name: "Balance", type: u128 }] },
  { id: [unit, "Id"], amount: [u128, "Balance"] },
);

export const BalanceStatus = enumeration({ path: "frame_support::traits::tokens::misc::BalanceStatus" }, { Free: null, Reserved: null });
