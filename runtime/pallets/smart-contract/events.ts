import { AccountId32 } from "../../../primitives/account.js";
import { bool, enumeration, u128, u32, u64, type FieldSpec, type ValueOf } from "../../../primitives/schema.js";
import {
  Cause, Consumption, Contract, ContractBill, ContractPublicIps, ContractResources, NruConsumption, ServiceContract,
  ServiceContractBill, SolutionProvider,
} from "./types.js";

const contractId: FieldSpec = [u64, "u64"];
const balance: FieldSpec = [u128, "BalanceOf<T>"];
const contract = { tuple: [[Contract, "types::Contract<T>"]] as FieldSpec[] };
const serviceContract = (docs: string) => ({ tuple: [[ServiceContract, "types::ServiceContract"]] as FieldSpec[], docs: [docs] });
const ips = [ContractPublicIps, "BoundedVec<PublicIP, MaxNodeContractPublicIPs<T>>"] as FieldSpec;

// Docs are wire data: TFChain's, typos included.
export const events = enumeration(
  { path: "pallet_smart_contract::pallet::Event", params: [{ name: "T" }], docs: ["The `Event` enum of this pallet"] },
  {
    ContractCreated: { ...contract, docs: ["A contract got created"] },
    ContractUpdated: { ...contract, docs: ["A contract was updated"] },
    NodeContractCanceled: { fields: { contract_id: contractId, node_id: [u32, "u32"], twin_id: [u32, "u32"] }, docs: ["A Node contract is canceled"] },
    NameContractCanceled: { fields: { contract_id: contractId }, docs: ["A Name contract is canceled"] },
    IPsReserved: { fields: { contract_id: contractId, public_ips: ips }, docs: ["IP got reserved by a Node contract"] },
    IPsFreed: { fields: { contract_id: contractId, public_ips: ips }, docs: ["IP got freed by a Node contract"] },
    ContractDeployed: { tuple: [contractId, [AccountId32, "T::AccountId"]], docs: ["Deprecated event"] },
    ConsumptionReportReceived: { tuple: [[Consumption, "types::Consumption"]], docs: ["Deprecated event"] },
    ContractBilled: { tuple: [[ContractBill, "types::ContractBill"]] },
    TokensBurned: { fields: { contract_id: contractId, amount: balance }, docs: ["A certain amount of tokens got burned by a contract"] },
    UpdatedUsedResources: { tuple: [[ContractResources, "types::ContractResources"]], docs: ["Contract resources got updated"] },
    NruConsumptionReportReceived: { tuple: [[NruConsumption, "types::NruConsumption"]], docs: ["Network resources report received for contract"] },
    RentContractCanceled: { fields: { contract_id: contractId }, docs: ["a Rent contract is canceled"] },
    ContractGracePeriodStarted: {
      fields: { contract_id: contractId, node_id: [u32, "u32"], twin_id: [u32, "u32"], block_number: [u64, "u64"] },
      docs: ["A Contract grace period is triggered due to overdarfted"],
    },
    ContractGracePeriodEnded: {
      fields: { contract_id: contractId, node_id: [u32, "u32"], twin_id: [u32, "u32"] },
      docs: ["A Contract grace period was ended due to overdarfted being settled"],
    },
    SolutionProviderCreated: { tuple: [[SolutionProvider, "types::SolutionProvider<T::AccountId>"]] },
    SolutionProviderApproved: { tuple: [[u64, "u64"], [bool, "bool"]] },
    ServiceContractCreated: serviceContract("A Service contract is created"),
    ServiceContractMetadataSet: serviceContract("A Service contract metadata is set"),
    ServiceContractFeesSet: serviceContract("A Service contract fees are set"),
    ServiceContractApproved: serviceContract("A Service contract is approved"),
    ServiceContractCanceled: { fields: { service_contract_id: [u64, "u64"], cause: [Cause, "types::Cause"] }, docs: ["A Service contract is canceled"] },
    ServiceContractBilled: {
      fields: { service_contract: [ServiceContract, "types::ServiceContract"], bill: [ServiceContractBill, "types::ServiceContractBill"], amount: balance },
      docs: ["A Service contract is billed"],
    },
    BillingFrequencyChanged: { tuple: [[u64, "u64"]] },
    NodeExtraFeeSet: { fields: { node_id: [u32, "u32"], extra_fee: [u64, "u64"] } },
    RentWaived: { fields: { contract_id: contractId } },
    ContractGracePeriodElapsed: { fields: { contract_id: contractId, grace_period: [u64, "u64"] } },
    ContractPaymentOverdrawn: {
      fields: { contract_id: contractId, timestamp: [u64, "u64"], partially_billed_amount: balance, overdraft: balance },
    },
    RewardDistributed: { fields: { contract_id: contractId, standard_rewards: balance, additional_rewards: balance } },
  },
);
export type SmartContractEvent = ValueOf<typeof events>;
