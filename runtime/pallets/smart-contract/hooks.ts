/**
 * What SmartContractModule tells other pallets about its contracts' payments (the reputation registry's
 * payment scores), as explicit listeners the runtime wires in. They run inside the bill, after its checks:
 * their writes land or roll back with it, and they cannot change its outcome.
 */
import type { BlockContext } from "../../pallet.js";
import type { Cause } from "./types.js";

export interface SmartContractHooks {
  /** A bill of the twin's contract was reserved in full (`ContractBilled`). */
  billed?(ctx: BlockContext, twinId: number): void;
  /** A bill could not be reserved in full (`ContractPaymentOverdrawn`). */
  overdrawn?(ctx: BlockContext, twinId: number): void;
  graceStarted?(ctx: BlockContext, twinId: number): void;
  graceEnded?(ctx: BlockContext, twinId: number): void;
  /** The grace period ran out: the contract is deleted for lack of funds. */
  graceElapsed?(ctx: BlockContext, twinId: number): void;
  /** A deleted contract is settled and removed, with the cause of its deletion. */
  canceled?(ctx: BlockContext, twinId: number, cause: Cause): void;
}
