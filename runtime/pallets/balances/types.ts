/**
 * pallet_balances types (polkadot-v1.0.0): account data with free/reserved/frozen, locks, reserves, and the
 * vocabulary of frame_support's `Currency`/`fungible` traits (reasons, preservation, fortitude, precision).
 */
import {
  fixedBytes, newtype, schema, struct, u128, unit, unitEnum, vec, type AnySchema, type Schema, type ValueOf,
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

/**
 * `AccountData::default()`.
 *
 * `ExtraFlags::default()` is `IS_NEW_LOGIC`, not zero: a fresh account is born under the new logic, so the
 * default data (and the storage fallback of `System.Account`) carries bit 127.
 */
export const DEFAULT_ACCOUNT_DATA: AccountData = Object.freeze({ free: 0n, reserved: 0n, frozen: 0n, flags: IS_NEW_LOGIC });

export function isDefaultAccountData(d: AccountData): boolean {
  return d.free === 0n && d.reserved === 0n && d.frozen === 0n && d.flags === IS_NEW_LOGIC;
}

export function isNewLogic(d: AccountData): boolean {
  return (d.flags & IS_NEW_LOGIC) === IS_NEW_LOGIC;
}

export const Reasons = unitEnum({ path: "pallet_balances::types::Reasons" }, ["Fee", "Misc", "All"] as const);
export type Reasons = ValueOf<typeof Reasons>;

export const LockIdentifier = fixedBytes(8);

export const BalanceLock = struct(
  { path: "pallet_balances::types::BalanceLock", params: [{ name: "Balance", type: u128 }] },
  { id: [LockIdentifier, "LockIdentifier"], amount: [u128, "Balance"], reasons: [Reasons, "Reasons"] },
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

export const BalanceStatus = unitEnum({ path: "frame_support::traits::tokens::misc::BalanceStatus" }, ["Free", "Reserved"] as const);
export type BalanceStatus = ValueOf<typeof BalanceStatus>;

/**
 * `WeakBoundedVec<T, S>`: a `Vec<T>` whose bound is only advisory; decoding accepts a longer one (FRAME's
 * `force_from` logs and keeps it), as Balances' `Locks` does with `MaxLocks`.
 */
export function weakBoundedVec<T>(inner: Schema<T>): Schema<T[]> {
  const v = vec(inner);
  return schema(v.codec, () => ({
    path: ["bounded_collections", "weak_bounded_vec", "WeakBoundedVec"],
    params: [{ name: "T", type: inner as AnySchema }, { name: "S" }],
    def: { tag: "composite", fields: [{ type: v, typeName: "Vec<T>" }] },
    docs: [],
  }));
}

/** `frame_support::traits::WithdrawReasons` bit flags. */
export const WithdrawReasons = {
  TRANSACTION_PAYMENT: 0b00001,
  TRANSFER: 0b00010,
  RESERVE: 0b00100,
  FEE: 0b01000,
  TIP: 0b10000,
  ALL: 0b11111,
} as const;

/** `Reasons::from(WithdrawReasons)`: fee-only, anything but fees, or both. */
export function reasonsFrom(r: number): Reasons {
  if (r === WithdrawReasons.TRANSACTION_PAYMENT) return "Fee";
  if ((r & WithdrawReasons.TRANSACTION_PAYMENT) !== 0) return "All";
  return "Misc";
}

/** `Reasons | Reasons`. */
export function reasonsOr(a: Reasons, b: Reasons): Reasons {
  return a === b ? a : "All";
}

/** `ExistenceRequirement` of the `Currency` traits. */
export type ExistenceRequirement = "KeepAlive" | "AllowDeath";
/** `fungible` `Preservation`: may the account die, may it lose its provider reference. */
export type Preservation = "Expendable" | "Protect" | "Preserve";
/** `fungible` `Fortitude`: `Force` ignores freezes. */
export type Fortitude = "Polite" | "Force";
/** `fungible` `Precision`: all of it, or as much as possible. */
export type Precision = "Exact" | "BestEffort";
