/**
 * Solution providers: parties (with their share, "take") that bring contracts to the grid. Anyone proposes
 * one, the council approves it, a contract names it at creation or once later. TFChain 2.9 pays providers
 * nothing: the takes are recorded, not distributed.
 */
import type { BlockContext } from "../../pallet.js";
import { storage as tfgrid } from "../tfgrid/storage.js";
import { emit, must } from "./common.js";
import { errors } from "./errors.js";
import { storage } from "./storage.js";
import type { Provider } from "./types.js";

/** The takes must add up to 50 % at most; TFChain sums them as a u8, wrapping past 255. */
export function createSolutionProvider(ctx: BlockContext, description: Uint8Array, link: Uint8Array, providers: Provider[]): void {
  const totalTake = providers.reduce((sum, p) => (sum + p.take) & 0xff, 0);
  errors.ensure(totalTake <= 50, "InvalidProviderConfiguration");
  const id = storage.SolutionProviderID.get(ctx.io) + 1n;
  const provider = { solution_provider_id: id, providers, description, link, approved: false };
  storage.SolutionProviderID.set(ctx.io, id);
  storage.SolutionProviders.set(ctx.io, id, provider);
  emit(ctx, { tag: "SolutionProviderCreated", value: [provider] });
}

export function approveSolutionProvider(ctx: BlockContext, id: bigint, approve: boolean): void {
  const provider = must(storage.SolutionProviders.get(ctx.io, id), "NoSuchSolutionProvider");
  storage.SolutionProviders.set(ctx.io, id, { ...provider, approved: approve });
  emit(ctx, { tag: "SolutionProviderApproved", value: [id, approve] });
}

/** The contract's owner names an approved provider, once. */
export function attachSolutionProviderId(ctx: BlockContext, account: Uint8Array, contractId: bigint, providerId: bigint): void {
  const provider = must(storage.SolutionProviders.get(ctx.io, providerId), "NoSuchSolutionProvider");
  errors.ensure(provider.approved, "SolutionProviderNotApproved");
  const contract = must(storage.Contracts.get(ctx.io, contractId), "ContractNotExists");
  const twinId = must(tfgrid.TwinIdByAccountID.get(ctx.io, account), "TwinNotExists");
  errors.ensure(contract.twin_id === twinId, "UnauthorizedToChangeSolutionProviderId");
  errors.ensure(contract.solution_provider_id === undefined, "UnauthorizedToChangeSolutionProviderId");
  const updated = { ...contract, solution_provider_id: providerId };
  storage.Contracts.set(ctx.io, contractId, updated);
  emit(ctx, { tag: "ContractUpdated", value: [updated] });
}

/** A provider given at contract creation must exist and be approved. */
export function validateSolutionProvider(ctx: BlockContext, id: bigint | undefined): void {
  if (id === undefined) return;
  const provider = must(storage.SolutionProviders.get(ctx.io, id), "NoSuchSolutionProvider");
  errors.ensure(provider.approved, "SolutionProviderNotApproved");
}
