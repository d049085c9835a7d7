/**
 * pallet-smart-contract's configuration in TFChain's runtime (spec 152) and the bounds of its stored types.
 */
import { u32 } from "../../../primitives/schema.js";
import { constant } from "../../pallet.js";

/** `MaxNameContractNameLength`. */
export const MAX_NAME_CONTRACT_NAME_LENGTH = 64;
/** `MaxDeploymentDataLength`. */
export const MAX_DEPLOYMENT_DATA_LENGTH = 512;
/** `MaxNodeContractPublicIps`. */
export const MAX_NODE_CONTRACT_PUBLIC_IPS = 512;
/** Service contract metadata and bill metadata bounds (`MAX_METADATA_LENGTH`, `MAX_BILL_METADATA_LENGTH`). */
export const MAX_METADATA_LENGTH = 64;
export const MAX_BILL_METADATA_LENGTH = 50;
/** Record version written by the 2.9 pallet (`CONTRACT_VERSION`). */
export const CONTRACT_VERSION = 4;

/** The pallet's metadata constants, in declaration order (none has docs). */
export const constants = {
  MaxNameContractNameLength: constant(u32, MAX_NAME_CONTRACT_NAME_LENGTH, []),
  MaxDeploymentDataLength: constant(u32, MAX_DEPLOYMENT_DATA_LENGTH, []),
  MaxNodeContractPublicIps: constant(u32, MAX_NODE_CONTRACT_PUBLIC_IPS, []),
};
