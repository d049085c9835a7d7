import { palletErrors } from "../../dispatch-error.js";

// TFChain's smart-contract errors carry no doc comments: every entry's docs are empty, as on the wire.
export const errors = palletErrors("SmartContractModule", {
  TwinNotExists: [], NodeNotExists: [], FarmNotExists: [], FarmHasNotEnoughPublicIPs: [],
  FarmHasNotEnoughPublicIPsFree: [], FailedToReserveIP: [], FailedToFreeIPs: [], ContractNotExists: [],
  TwinNotAuthorizedToUpdateContract: [], TwinNotAuthorizedToCancelContract: [],
  NodeNotAuthorizedToDeployContract: [], NodeNotAuthorizedToComputeReport: [], PricingPolicyNotExists: [],
  ContractIsNotUnique: [], ContractWrongBillingLoopIndex: [], NameExists: [], NameNotValid: [],
  InvalidContractType: [], TFTPriceValueError: [], NotEnoughResourcesOnNode: [],
  NodeNotAuthorizedToReportResources: [], MethodIsDeprecated: [], NodeHasActiveContracts: [],
  NodeHasRentContract: [], FarmIsNotDedicated: [], NodeNotAvailableToDeploy: [],
  CannotUpdateContractInGraceState: [], NumOverflow: [], OffchainSignedTxCannotSign: [],
  OffchainSignedTxAlreadySent: [], OffchainSignedTxNoLocalAccountAvailable: [], NameContractNameTooShort: [],
  NameContractNameTooLong: [], InvalidProviderConfiguration: [], NoSuchSolutionProvider: [],
  SolutionProviderNotApproved: [], TwinNotAuthorized: [], ServiceContractNotExists: [],
  ServiceContractCreationNotAllowed: [], ServiceContractModificationNotAllowed: [],
  ServiceContractApprovalNotAllowed: [], ServiceContractRejectionNotAllowed: [],
  ServiceContractBillingNotApprovedByBoth: [], ServiceContractBillingVariableAmountTooHigh: [],
  ServiceContractBillMetadataTooLong: [], ServiceContractMetadataTooLong: [],
  ServiceContractNotEnoughFundsToPayBill: [], CanOnlyIncreaseFrequency: [], IsNotAnAuthority: [], WrongAuthority: [],
  UnauthorizedToChangeSolutionProviderId: [], UnauthorizedToSetExtraFee: [], RewardDistributionError: [],
  ContractPaymentStateNotExists: [],
});
export type SmartContractError = (typeof errors.names)[number];
