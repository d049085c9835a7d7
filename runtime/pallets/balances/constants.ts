/**
 * TFChain's pallet_balances configuration.
 */

/** `ExistentialDeposit`: 500 units (0.00005 TFT). */
export const EXISTENTIAL_DEPOSIT = 500n;
export const MAX_LOCKS = 50;
export const MAX_RESERVES = 50;
// TFChain sets `MaxHolds = ()` and `MaxFreezes = ()`: no holds or freezes can ever be placed.
export const MAX_HOLDS = 0;
export const MAX_FREEZES = 0;

export const U128_MAX = (1n << 128n) - 1n;
