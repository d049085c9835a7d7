/**
 * pallet-smart-contract's types, split by concept: grid contracts, billing records, services and providers.
 */
export * from "./types-billing.js";
export * from "./types-contract.js";
export * from "./types-service.js";
