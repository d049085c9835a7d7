/**
 * pallet_balances' genesis build: endowed accounts and the total issuance, without events.
 */
import type { Storage } from "../../../state/storage.js";
import { storage as systemStorage } from "../system/storage.js";
import { EXISTENTIAL_DEPOSIT } from "./constants.js";
import { storage } from "./storage.js";
import { DEFAULT_ACCOUNT_DATA } from "./types.js";

export interface BalancesGenesisConfig {
  /** (account, free balance) pairs; each at least the existential deposit, no account twice. */
  balances: [Uint8Array, bigint][];
}

/** FRAME's `GenesisConfig::build`: `TotalIssuance` = the sum, each account a provider with its free balance. */
export function buildBalancesGenesis(io: Storage, config: BalancesGenesisConfig): void {
  const total = config.balances.reduce((sum, [, amount]) => sum + amount, 0n);
  storage.TotalIssuance.set(io, total);
  const seen = new Set<string>();
  for (const [who, amount] of config.balances) {
    const hex = Buffer.from(who).toString("hex");
    if (amount < EXISTENTIAL_DEPOSIT) {
      throw new Error(`Genesis balance of 0x${hex} is ${amount}, below the existential deposit ${EXISTENTIAL_DEPOSIT}; raise it in the chain spec`);
    }
    if (seen.has(hex)) throw new Error(`Account 0x${hex} appears twice in the genesis balances; list each account once`);
    seen.add(hex);
  }
  for (const [who, free] of config.balances) {
    // `inc_providers` then `AccountStore::insert`: at block 0 System deposits no event.
    const info = systemStorage.Account.get(io, who);
    systemStorage.Account.set(io, who, { ...info, providers: info.providers + 1, data: { ...DEFAULT_ACCOUNT_DATA, free } });
  }
}
