/**
 * Billing records of `pallet_smart_contract::types`: the bill event's payload, the spec-149 lock record that
 * 2.9 still declares, and 2.9's payment state (reserves and overdrafts).
 */
import { struct, u128, u16, u64, unitEnum, type ValueOf } from "../../../primitives/schema.js";

export const DiscountLevel = unitEnum({ path: "pallet_smart_contract::types::DiscountLevel" }, ["None", "Default", "Bronze", "Silver", "Gold"] as const);
export type DiscountLevel = ValueOf<typeof DiscountLevel>;

export const ContractBill = struct(
  { path: "pallet_smart_contract::types::ContractBill" },
  {
    contract_id: [u64, "u64"],
    timestamp: [u64, "u64"],
    discount_level: [DiscountLevel, "DiscountLevel"],
    amount_billed: [u128, "u128"],
  },
);
export type ContractBill = ValueOf<typeof ContractBill>;

/** Spec 149's lock record; 2.9 keeps the storage item for migration only. */
export const ContractLock = struct(
  { path: "pallet_smart_contract::types::ContractLock", params: [{ name: "BalanceOf", type: u128 }] },
  {
    amount_locked: [u128, "BalanceOf"],
    extra_amount_locked: [u128, "BalanceOf"],
    lock_updated: [u64, "u64"],
    cycles: [u16, "u16"],
  },
);
export type ContractLock = ValueOf<typeof ContractLock>;

/**
 * 2.9's payment state of a contract: what is reserved on the twin's account for the standard (resources,
 * IPs, names) and additional (dedicated node extra fee) parts, what could not be reserved (overdrafts), when
 * it was last billed and how many cycles since the last reward distribution.
 */
export const ContractPaymentState = struct(
  { path: "pallet_smart_contract::types::ContractPaymentState", params: [{ name: "BalanceOf", type: u128 }] },
  {
    standard_reserve: [u128, "BalanceOf"],
    additional_reserve: [u128, "BalanceOf"],
    standard_overdraft: [u128, "BalanceOf"],
    additional_overdraft: [u128, "BalanceOf"],
    last_updated_seconds: [u64, "u64"],
    cycles: [u16, "u16"],
  },
);
export type ContractPaymentState = ValueOf<typeof ContractPaymentState>;
