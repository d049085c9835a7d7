/**
 * SmartContractModule's 21 calls with TFChain's indices (3, `add_reports`, is retired) and argument types.
 * Restricted calls take Root until the Council exists (TFChain: Root or a council majority).
 */
import { AccountId32 } from "../../../primitives/account.js";
import { bool, boundedBytes, bytes, option, u32, u64, vec, type FieldSpec } from "../../../primitives/schema.js";
import type { StorageReader } from "../../../state/storage.js";
import { DispatchFailure } from "../../dispatch-error.js";
import { ensureRoot, ensureSigned } from "../../origin.js";
import { call, type CallDef } from "../../pallet.js";
import { billContract, type BillingConfig } from "./billing.js";
import { changeBillingFrequency } from "./billing-loop.js";
import { MAX_DEPLOYMENT_DATA_LENGTH } from "./constants.js";
import * as contracts from "./contracts.js";
import * as service from "./service-contract.js";
import * as providers from "./solution-provider.js";
import { ContractResources, HexHash, NruConsumption, Provider } from "./types.js";
import { smartContractWeights as W } from "./weights.js";

const id: FieldSpec = [u64, "u64"];
const text: FieldSpec = [bytes, "Vec<u8>"];
const account: FieldSpec = [AccountId32, "T::AccountId"];
const deploymentData: FieldSpec = [boundedBytes(MAX_DEPLOYMENT_DATA_LENGTH), "DeploymentDataInput<T>"];
const providerId: FieldSpec = [option(u64), "Option<u64>"];
const serviceContractId = { service_contract_id: id };
const NO_FEE = { paysFee: "No" as const };
const see = (name: string) => ({ docs: [`See [\`Pallet::${name}\`].`] });

export interface SmartContractCallConfig extends BillingConfig {
  /** Accounts of the current validators, whose billing extrinsics are free. */
  validators(io: StorageReader): Uint8Array[];
}

export function smartContractCalls(config: SmartContractCallConfig): Record<string, CallDef> {
  const isValidator = (io: StorageReader, who: Uint8Array) =>
    config.validators(io).some((v) => v.length === who.length && v.every((b, i) => b === who[i]));
  return {
    create_node_contract: call(0, { node_id: [u32, "u32"], deployment_hash: [HexHash, "HexHash"], deployment_data: deploymentData, public_ips: [u32, "u32"], solution_provider_id: providerId }, { weight: W.create_node_contract, ...see("create_node_contract") }, (ctx, origin, a) => {
      contracts.createNodeContract(ctx, ensureSigned(origin), a);
    }),
    update_node_contract: call(1, { contract_id: id, deployment_hash: [HexHash, "HexHash"], deployment_data: deploymentData }, { weight: W.update_node_contract, ...see("update_node_contract") }, (ctx, origin, a) => {
      contracts.updateNodeContract(ctx, ensureSigned(origin), a.contract_id, a.deployment_hash, a.deployment_data);
    }),
    cancel_contract: call(2, { contract_id: id }, { weight: W.cancel_contract, ...see("cancel_contract") }, (ctx, origin, a) => {
      contracts.cancelContract(ctx, config, ensureSigned(origin), a.contract_id, "CanceledByUser");
    }),
    create_name_contract: call(4, { name: text }, { weight: W.create_name_contract, ...see("create_name_contract") }, (ctx, origin, a) => {
      contracts.createNameContract(ctx, ensureSigned(origin), a.name);
    }),
    add_nru_reports: call(5, { reports: [vec(NruConsumption), "Vec<types::NruConsumption>"] }, { weight: W.add_nru_reports, ...see("add_nru_reports") }, (ctx, origin, a) => {
      contracts.addNruReports(ctx, ensureSigned(origin), a.reports);
      return NO_FEE;
    }),
    report_contract_resources: call(6, { contract_resources: [vec(ContractResources), "Vec<types::ContractResources>"] }, { weight: W.report_contract_resources, ...see("report_contract_resources") }, (ctx, origin, a) => {
      contracts.reportContractResources(ctx, ensureSigned(origin), a.contract_resources);
      return NO_FEE;
    }),
    create_rent_contract: call(7, { node_id: [u32, "u32"], solution_provider_id: providerId }, { weight: W.create_rent_contract, ...see("create_rent_contract") }, (ctx, origin, a) => {
      contracts.createRentContract(ctx, ensureSigned(origin), a.node_id, a.solution_provider_id);
    }),
    create_solution_provider: call(8, { description: text, link: text, providers: [vec(Provider), "Vec<types::Provider<T::AccountId>>"] }, { weight: W.create_solution_provider, ...see("create_solution_provider") }, (ctx, origin, a) => {
      ensureSigned(origin);
      providers.createSolutionProvider(ctx, a.description, a.link, a.providers);
    }),
    approve_solution_provider: call(9, { solution_provider_id: id, approve: [bool, "bool"] }, { weight: W.approve_solution_provider, ...see("approve_solution_provider") }, (ctx, origin, a) => {
      ensureRoot(origin);
      providers.approveSolutionProvider(ctx, a.solution_provider_id, a.approve);
    }),
    // Open to any signer; validators (whose workers submit it in TFChain) pay nothing, success or not.
    bill_contract_for_block: call(10, { contract_id: id }, { weight: W.bill_contract_for_block, ...see("bill_contract_for_block") }, (ctx, origin, a) => {
      const pays = isValidator(ctx.io, ensureSigned(origin)) ? ("No" as const) : ("Yes" as const);
      try {
        billContract(ctx, config, a.contract_id);
      } catch (e) {
        if (e instanceof DispatchFailure) throw new DispatchFailure(e.error, { ...e.postInfo, paysFee: pays });
        throw e;
      }
      return { paysFee: pays };
    }),
    service_contract_create: call(11, { service_account: account, consumer_account: account }, { weight: W.service_contract_create, ...see("service_contract_create") }, (ctx, origin, a) => {
      service.createServiceContract(ctx, ensureSigned(origin), a.service_account, a.consumer_account);
    }),
    service_contract_set_metadata: call(12, { ...serviceContractId, metadata: text }, { weight: W.service_contract_set_metadata, ...see("service_contract_set_metadata") }, (ctx, origin, a) => {
      service.setServiceContractMetadata(ctx, ensureSigned(origin), a.service_contract_id, a.metadata);
    }),
    service_contract_set_fees: call(13, { ...serviceContractId, base_fee: [u64, "u64"], variable_fee: [u64, "u64"] }, { weight: W.service_contract_set_fees, ...see("service_contract_set_fees") }, (ctx, origin, a) => {
      service.setServiceContractFees(ctx, ensureSigned(origin), a.service_contract_id, a.base_fee, a.variable_fee);
    }),
    service_contract_approve: call(14, serviceContractId, { weight: W.service_contract_approve, ...see("service_contract_approve") }, (ctx, origin, a) => {
      service.approveServiceContract(ctx, ensureSigned(origin), a.service_contract_id);
    }),
    service_contract_reject: call(15, serviceContractId, { weight: W.service_contract_reject, ...see("service_contract_reject") }, (ctx, origin, a) => {
      service.rejectServiceContract(ctx, ensureSigned(origin), a.service_contract_id);
    }),
    service_contract_cancel: call(16, serviceContractId, { weight: W.service_contract_cancel, ...see("service_contract_cancel") }, (ctx, origin, a) => {
      service.cancelServiceContract(ctx, ensureSigned(origin), a.service_contract_id, "CanceledByUser");
    }),
    service_contract_bill: call(17, { ...serviceContractId, variable_amount: [u64, "u64"], metadata: text }, { weight: W.service_contract_bill, ...see("service_contract_bill") }, (ctx, origin, a) => {
      service.billServiceContract(ctx, ensureSigned(origin), a.service_contract_id, a.variable_amount, a.metadata);
    }),
    change_billing_frequency: call(18, { frequency: [u64, "u64"] }, { weight: W.change_billing_frequency, ...see("change_billing_frequency") }, (ctx, origin, a) => {
      ensureRoot(origin);
      changeBillingFrequency(ctx, a.frequency);
    }),
    attach_solution_provider_id: call(19, { contract_id: id, solution_provider_id: id }, { weight: W.attach_solution_provider_id, ...see("attach_solution_provider_id") }, (ctx, origin, a) => {
      providers.attachSolutionProviderId(ctx, ensureSigned(origin), a.contract_id, a.solution_provider_id);
    }),
    set_dedicated_node_extra_fee: call(20, { node_id: [u32, "u32"], extra_fee: [u64, "u64"] }, { weight: W.set_dedicated_node_extra_fee, ...see("set_dedicated_node_extra_fee") }, (ctx, origin, a) => {
      contracts.setDedicatedNodeExtraFee(ctx, ensureSigned(origin), a.node_id, a.extra_fee);
    }),
    cancel_contract_collective: call(21, { contract_id: id }, { weight: W.cancel_contract_collective, ...see("cancel_contract_collective") }, (ctx, origin, a) => {
      ensureRoot(origin);
      contracts.cancelContractCollective(ctx, config, a.contract_id, "CanceledByCollective");
    }),
  };
}
