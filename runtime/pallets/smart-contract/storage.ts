/**
 * pallet-smart-contract storage (spec 152), in declaration order. Every map hashes its keys with
 * Blake2_128Concat. Id counters hold the last id handed out; ids start at 1.
 */
import { u32, u64, u8, vec } from "../../../primitives/schema.js";
import { doubleMap, map, palletStorage, value } from "../../storage-item.js";
import { ContractResources as ContractResourcesSchema } from "./types-contract.js";
import {
  Contract, ContractBillingInformation, ContractLock, ContractPaymentState, DEFAULT_STORAGE_VERSION, HexHash,
  NameContractName, ServiceContract, SolutionProvider, StorageVersion, type ContractBillingInformation as BillingInfo,
  type ContractLock as Lock, type ContractResources,
} from "./types.js";

const H = "Blake2_128Concat";
const NO_BILLING_INFO: BillingInfo = Object.freeze({ previous_nu_reported: 0n, last_updated: 0n, amount_unbilled: 0n });
const NO_RESOURCES: ContractResources = Object.freeze({ contract_id: 0n, used: { hru: 0n, sru: 0n, cru: 0n, mru: 0n } });
const NO_LOCK: Lock = Object.freeze({ amount_locked: 0n, extra_amount_locked: 0n, lock_updated: 0n, cycles: 0 });

/** `BillingFrequency`'s default (the runtime's config); genesis sets the chain's own. */
export const DEFAULT_BILLING_FREQUENCY = 600n;

export const storage = palletStorage("SmartContractModule", {
  Contracts: map(H, u64, Contract),
  ContractBillingInformationByID: map(H, u64, ContractBillingInformation, { default: NO_BILLING_INFO }),
  NodeContractResources: map(H, u64, ContractResourcesSchema, { default: NO_RESOURCES }),
  ContractIDByNodeIDAndHash: doubleMap(H, u32, H, HexHash, u64, { default: 0n }),
  ActiveNodeContracts: map(H, u32, vec(u64), { default: [] }),
  ContractsToBillAt: map(H, u64, vec(u64), { default: [] }),
  // Spec 149's locks; 2.9 only reads it to migrate.
  ContractLock: map(H, u64, ContractLock, { default: NO_LOCK }),
  ContractIDByNameRegistration: map(H, NameContractName, u64, { default: 0n }),
  ActiveRentContractForNode: map(H, u32, u64),
  ContractID: value(u64, { default: 0n }),
  SolutionProviders: map(H, u64, SolutionProvider),
  SolutionProviderID: value(u64, { default: 0n }),
  PalletVersion: value(StorageVersion, { default: DEFAULT_STORAGE_VERSION }),
  BillingFrequency: value(u64, { default: DEFAULT_BILLING_FREQUENCY }),
  ServiceContracts: map(H, u64, ServiceContract),
  ServiceContractID: value(u64, { default: 0n }),
  CurrentMigrationStage: value(u8, { docs: [" The current migration's stage, if any."] }),
  DedicatedNodesExtraFee: map(H, u32, u64, { default: 0n }),
  ContractPaymentState: map(H, u64, ContractPaymentState),
});
