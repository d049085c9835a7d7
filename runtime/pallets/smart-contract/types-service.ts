/**
 * Solution providers (who take a share of the contracts they bring) and service contracts (a consumer paying a
 * service directly) of `pallet_smart_contract::types`.
 */
import { AccountId32 } from "../../../primitives/account.js";
import { bool, boundedBytes, bytes, struct, u32, u64, u8, unitEnum, vec, type ValueOf } from "../../../primitives/schema.js";
import { MAX_BILL_METADATA_LENGTH, MAX_METADATA_LENGTH } from "./constants.js";

const ACCOUNT = [{ name: "AccountId", type: AccountId32 }];

export const Provider = struct(
  { path: "pallet_smart_contract::types::Provider", params: ACCOUNT },
  { who: [AccountId32, "AccountId"], take: [u8, "u8"] },
);
export type Provider = ValueOf<typeof Provider>;

export const SolutionProvider = struct(
  { path: "pallet_smart_contract::types::SolutionProvider", params: ACCOUNT },
  {
    solution_provider_id: [u64, "u64"],
    providers: [vec(Provider), "Vec<Provider<AccountId>>"],
    description: [bytes, "Vec<u8>"],
    link: [bytes, "Vec<u8>"],
    approved: [bool, "bool"],
  },
);
export type SolutionProvider = ValueOf<typeof SolutionProvider>;

export const ServiceContractState = unitEnum(
  { path: "pallet_smart_contract::types::ServiceContractState" },
  ["Created", "AgreementReady", "ApprovedByBoth"] as const,
);
export type ServiceContractState = ValueOf<typeof ServiceContractState>;

export const ServiceContract = struct(
  { path: "pallet_smart_contract::types::ServiceContract" },
  {
    service_contract_id: [u64, "u64"],
    service_twin_id: [u32, "u32"],
    consumer_twin_id: [u32, "u32"],
    base_fee: [u64, "u64"],
    variable_fee: [u64, "u64"],
    metadata: [boundedBytes(MAX_METADATA_LENGTH), "BoundedVec<u8, ConstU32<MAX_METADATA_LENGTH>>"],
    accepted_by_service: [bool, "bool"],
    accepted_by_consumer: [bool, "bool"],
    last_bill: [u64, "u64"],
    state: [ServiceContractState, "ServiceContractState"],
  },
);
export type ServiceContract = ValueOf<typeof ServiceContract>;

export const ServiceContractBill = struct(
  { path: "pallet_smart_contract::types::ServiceContractBill" },
  {
    variable_amount: [u64, "u64"],
    window: [u64, "u64"],
    metadata: [boundedBytes(MAX_BILL_METADATA_LENGTH), "BoundedVec<u8, ConstU32<MAX_BILL_METADATA_LENGTH>>"],
  },
);
export type ServiceContractBill = ValueOf<typeof ServiceContractBill>;
