import { palletErrors } from "../../dispatch-error.js";

// polkadot-v1.0.0's transfer calls go through `fungible` and fail with `Token`/`Arithmetic` errors; these
// module errors come from the `Currency` traits (withdraw, reserve, deposit) and the deprecated calls.
export const errors = palletErrors("Balances", {
  VestingBalance: "Vesting balance too high to send value.",
  LiquidityRestrictions: "Account liquidity restrictions prevent withdrawal.",
  InsufficientBalance: "Balance too low to send value.",
  ExistentialDeposit: "Value too low to create account due to existential deposit.",
  Expendability: "Transfer/payment would kill account.",
  ExistingVestingSchedule: "A vesting schedule already exists for this account.",
  DeadAccount: "Beneficiary account must pre-exist.",
  TooManyReserves: "Number of named reserves exceed `MaxReserves`.",
  TooManyHolds: "Number of holds exceed `MaxHolds`.",
  TooManyFreezes: "Number of freezes exceed `MaxFreezes`.",
});
export type BalancesError = (typeof errors.names)[number];
