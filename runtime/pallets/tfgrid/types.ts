/**
 * pallet-tfgrid's types, split by concept: farms, nodes, twins and entities, policies.
 */
export * from "./types-farm.js";
export * from "./types-node.js";
export * from "./types-policy.js";
export * from "./types-twin.js";
