// TFChain 2.9's tests of solution providers, the reserve behaviour of Balances that billing relies on, the
// billing frequency, and the extra fee a farmer sets on a dedicated node.
import { strict as assert } from "node:assert";
import { utf8 } from "../../../../primitives/bytes.js";
import { DispatchFailure } from "../../../../runtime/dispatch-error.js";
import { ROOT } from "../../../../runtime/origin.js";
import { EXISTENTIAL_DEPOSIT } from "../../../../runtime/pallets/balances/constants.js";
import { setLock } from "../../../../runtime/pallets/balances/locks.js";
import { canReserve, repatriateReserved, reserve, unreserve } from "../../../../runtime/pallets/balances/reserve.js";
import { WithdrawReasons } from "../../../../runtime/pallets/balances/types.js";
import { usableBalance } from "../../../../runtime/pallets/smart-contract/billing.js";
import { smartContractStorage } from "../../../../runtime/pallets/smart-contract/index.js";
import type { Provider } from "../../../../runtime/pallets/smart-contract/types.js";
import { ALICE, BILLING_FREQUENCY, BOB, ContractChain, DAVE, deploymentData, deploymentHash } from "./fixtures.js";

const NODE = 1;
const EXTRA_FEE = 100_000n;

function createSolutionProvider(c: ContractChain, providers: Provider[]) {
  return c.call(ALICE, "SmartContractModule", "create_solution_provider", {
    description: utf8("some_description"), link: utf8("some_link"), providers,
  });
}

const nodeContract = (node = NODE, solutionProvider?: bigint) => ({
  node_id: node, deployment_hash: deploymentHash(), deployment_data: deploymentData(), public_ips: 0, solution_provider_id: solutionProvider,
});

/** `prepare_farm_node_and_node_contract()`: Alice's node 1 with her node contract 1. */
function prepareFarmNodeAndNodeContract(c: ContractChain): void {
  c.prepareFarmAndNode();
  c.ok(ALICE, "create_node_contract", nodeContract());
}

const contract = (c: ContractChain, id: bigint) => smartContractStorage.Contracts.get(c.io, id)!;

describe("SmartContractModule: solution providers", () => {
  it("creates a provider the council then approves (test_create_solution_provider_works)", () => {
    const c = new ContractChain();
    const providers = [{ who: ALICE, take: 10 }, { who: BOB, take: 10 }];
    assert.equal(createSolutionProvider(c, providers).ok, true);
    c.ok(ROOT, "approve_solution_provider", { solution_provider_id: 1n, approve: true });
    assert.deepEqual(smartContractStorage.SolutionProviders.get(c.io, 1n), {
      solution_provider_id: 1n, providers, description: utf8("some_description"), link: utf8("some_link"), approved: true,
    });
  });

  it("refuses takes adding up past 50 (test_create_solution_provider_fails_if_take_to_high)", () => {
    const c = new ContractChain();
    c.noop(ALICE, "create_solution_provider", {
      description: utf8("some_description"), link: utf8("some_link"), providers: [{ who: ALICE, take: 51 }],
    }, "InvalidProviderConfiguration");
  });

  it("sums the takes as a u8 that wraps past 255, as TFChain's runtime does: 200 + 100 = 44 passes", () => {
    // A kept quirk: TFChain adds the u8 takes without overflow checks (release build), so 300 wraps to 44.
    const c = new ContractChain();
    const providers = [{ who: ALICE, take: 200 }, { who: BOB, take: 100 }];
    assert.equal(createSolutionProvider(c, providers).ok, true);
    assert.deepEqual(smartContractStorage.SolutionProviders.get(c.io, 1n)?.providers, providers);
  });

  it("lets a node contract name an approved provider (test_create_node_contract_with_solution_provider_works)", () => {
    const c = new ContractChain();
    c.runToBlock(1);
    c.prepareFarmAndNode();
    c.prepareSolutionProvider(ALICE);
    c.ok(ALICE, "create_node_contract", nodeContract(NODE, 1n));
    assert.equal(contract(c, 1n).solution_provider_id, 1n);
  });

  it("refuses a node contract naming an unapproved provider (test_create_node_contract_with_solution_provider_fails_if_not_approved)", () => {
    const c = new ContractChain();
    c.prepareFarmAndNode();
    assert.equal(createSolutionProvider(c, [{ who: ALICE, take: 10 }]).ok, true);
    c.noop(ALICE, "create_node_contract", nodeContract(NODE, 1n), "SolutionProviderNotApproved");
  });

  it("lets the owner attach an approved provider to a contract (test_attach_solution_provider_id)", () => {
    const c = new ContractChain();
    c.runToBlock(1);
    prepareFarmNodeAndNodeContract(c);
    assert.equal(contract(c, 1n).solution_provider_id, undefined);
    c.prepareSolutionProvider(ALICE);
    c.ok(ALICE, "attach_solution_provider_id", { contract_id: 1n, solution_provider_id: 1n });
    assert.equal(contract(c, 1n).solution_provider_id, 1n);
  });

  it("attaches a provider only once", () => {
    const c = new ContractChain();
    c.runToBlock(1);
    prepareFarmNodeAndNodeContract(c);
    c.prepareSolutionProvider(ALICE);
    c.ok(ALICE, "attach_solution_provider_id", { contract_id: 1n, solution_provider_id: 1n });
    c.noop(ALICE, "attach_solution_provider_id", { contract_id: 1n, solution_provider_id: 1n }, "UnauthorizedToChangeSolutionProviderId");
  });

  it("refuses an attachment by someone else than the owner (test_attach_solution_provider_id_wrong_origin_fails)", () => {
    const c = new ContractChain();
    c.runToBlock(1);
    prepareFarmNodeAndNodeContract(c);
    assert.equal(contract(c, 1n).solution_provider_id, undefined);
    c.prepareSolutionProvider(ALICE);
    c.noop(BOB, "attach_solution_provider_id", { contract_id: 1n, solution_provider_id: 1n }, "UnauthorizedToChangeSolutionProviderId");
  });

  it("refuses to attach an unapproved provider (test_attach_solution_provider_id_not_approved_fails)", () => {
    const c = new ContractChain();
    c.runToBlock(1);
    prepareFarmNodeAndNodeContract(c);
    assert.equal(contract(c, 1n).solution_provider_id, undefined);
    assert.equal(createSolutionProvider(c, [{ who: DAVE, take: 10 }]).ok, true);
    c.noop(BOB, "attach_solution_provider_id", { contract_id: 1n, solution_provider_id: 1n }, "SolutionProviderNotApproved");
  });
});

// Balances with our runtime's ED of 500 where TFChain's mock has 2: what stays free is 500.
describe("Balances reserves as billing uses them", () => {
  it("reserves and unreserves, keeping ED free (test_reserve_and_unreserve)", () => {
    const c = new ContractChain();
    const ctx = c.block.block;
    const initialFree = c.free(BOB);
    assert.equal(c.reserved(BOB), 0n);

    reserve(ctx, BOB, 100n);
    const free = c.free(BOB);
    assert.equal(free, initialFree - 100n);

    // All of the free balance would leave less than ED: the reserve, a consumer, would outlive the provider.
    assert.equal(canReserve(c.io, BOB, free), false);
    assert.throws(() => reserve(ctx, BOB, free), (e) => e instanceof DispatchFailure && e.error.tag === "ConsumerRemaining");
    assert.equal(c.free(BOB), free);
    assert.equal(c.reserved(BOB), 100n);

    const usable = usableBalance(ctx, BOB);
    reserve(ctx, BOB, usable);
    assert.equal(c.free(BOB), initialFree - (100n + usable));
    assert.equal(c.free(BOB), EXISTENTIAL_DEPOSIT);
    const reserved = c.reserved(BOB);
    assert.equal(reserved, initialFree - EXISTENTIAL_DEPOSIT);
    assert.equal(usableBalance(ctx, BOB), 0n);

    assert.equal(unreserve(ctx, BOB, reserved), 0n);
    assert.equal(c.free(BOB), initialFree);
  });

  it("reserves only above the lock, then repatriates the reserve (test_reserve_while_lock_exists)", () => {
    const c = new ContractChain();
    const ctx = c.block.block;
    const initialFree = c.free(BOB);
    assert.equal(c.reserved(BOB), 0n);

    const locked = initialFree - 200_100n;
    const reservedAmount = 200_000n;
    const usableBefore = usableBalance(ctx, BOB);
    setLock(ctx, utf8("my_lock1"), BOB, locked, WithdrawReasons.ALL);
    reserve(ctx, BOB, reservedAmount);
    const usableAfter = usableBalance(ctx, BOB);

    // The lock is far above ED: it, not ED, bounds what can still be reserved.
    assert.ok(locked > EXISTENTIAL_DEPOSIT);
    assert.notEqual(usableAfter, usableBefore);
    assert.equal(canReserve(c.io, BOB, usableBefore), false);
    assert.equal(canReserve(c.io, BOB, usableAfter), true);
    assert.equal(usableAfter, initialFree - (locked + reservedAmount));
    assert.equal(usableAfter, 100n);

    reserve(ctx, BOB, usableAfter);
    assert.equal(repatriateReserved(ctx, BOB, ALICE, usableAfter + reservedAmount, "Free"), 0n);
    assert.equal(c.reserved(BOB), 0n);
    assert.equal(usableBalance(ctx, BOB), 0n);
    assert.equal(c.free(BOB), locked);
  });

  it("moves all that can be reserved to another account, leaving ED (test_reserve_and_transfer_reserved)", () => {
    const c = new ContractChain();
    const ctx = c.block.block;
    const usable = usableBalance(ctx, BOB);
    reserve(ctx, BOB, usable);
    assert.equal(repatriateReserved(ctx, BOB, ALICE, usable, "Free"), 0n);
    assert.equal(c.reserved(BOB), 0n);
    assert.equal(c.free(BOB), EXISTENTIAL_DEPOSIT);
  });
});

describe("SmartContractModule: billing frequency", () => {
  it("lets the council raise the frequency (test_change_billing_frequency_works)", () => {
    const c = new ContractChain();
    c.runToBlock(1);
    c.ok(ROOT, "change_billing_frequency", { frequency: 900n });
    assert.equal(smartContractStorage.BillingFrequency.get(c.io), 900n);
    assert.ok(c.contractEvents().some((e) => e.name === "BillingFrequencyChanged" && e.value[0] === 900n));
  });

  it("refuses a lower frequency (test_change_billing_frequency_fails_if_frequency_lower)", () => {
    const c = new ContractChain();
    assert.equal(smartContractStorage.BillingFrequency.get(c.io), BILLING_FREQUENCY);
    c.noop(ROOT, "change_billing_frequency", { frequency: BILLING_FREQUENCY - 1n }, "CanOnlyIncreaseFrequency");
    assert.equal(smartContractStorage.BillingFrequency.get(c.io), BILLING_FREQUENCY);
  });
});

describe("SmartContractModule: dedicated node extra fee", () => {
  const setFee = (extraFee: bigint, node = NODE) => ({ node_id: node, extra_fee: extraFee });

  it("lets the farmer set an extra fee on a node (test_set_dedicated_node_extra_fee_works)", () => {
    const c = new ContractChain();
    c.runToBlock(1);
    c.prepareFarmAndNode();
    c.ok(ALICE, "set_dedicated_node_extra_fee", setFee(EXTRA_FEE));
    assert.equal(smartContractStorage.DedicatedNodesExtraFee.get(c.io, NODE), EXTRA_FEE);
    assert.ok(c.contractEvents().some((e) => e.name === "NodeExtraFeeSet" && e.value.node_id === NODE && e.value.extra_fee === EXTRA_FEE));
  });

  it("refuses a fee on an unknown node (test_set_dedicated_node_extra_fee_undefined_node_fails)", () => {
    const c = new ContractChain();
    c.prepareFarmAndNode();
    c.noop(ALICE, "set_dedicated_node_extra_fee", setFee(EXTRA_FEE, NODE + 1), "NodeNotExists");
  });

  it("refuses a fee set by someone else than the farmer (test_set_dedicated_node_extra_fee_unauthorized_fails)", () => {
    const c = new ContractChain();
    c.prepareFarmAndNode();
    c.noop(BOB, "set_dedicated_node_extra_fee", setFee(EXTRA_FEE), "UnauthorizedToSetExtraFee");
  });

  it("refuses a fee while a node contract runs on the node (test_set_dedicated_node_extra_fee_with_active_node_contract_fails)", () => {
    const c = new ContractChain();
    prepareFarmNodeAndNodeContract(c);
    c.noop(ALICE, "set_dedicated_node_extra_fee", setFee(EXTRA_FEE), "NodeHasActiveContracts");
  });

  it("refuses a fee while the node is rented (test_set_dedicated_node_extra_fee_with_active_rent_contract_fails)", () => {
    const c = new ContractChain();
    c.prepareFarmAndNode();
    c.ok(BOB, "create_rent_contract", { node_id: NODE, solution_provider_id: undefined });
    c.noop(ALICE, "set_dedicated_node_extra_fee", setFee(EXTRA_FEE), "NodeHasActiveContracts");
  });

  it("keeps node contracts off a node with a fee unless it is rented (test_set_dedicated_node_extra_fee_and_create_node_contract_fails)", () => {
    const c = new ContractChain();
    c.prepareFarmAndNode();
    c.ok(ALICE, "set_dedicated_node_extra_fee", setFee(EXTRA_FEE));
    c.noop(BOB, "create_node_contract", nodeContract(), "NodeNotAvailableToDeploy");
  });

  it("opens the node to node contracts again once the fee is back to zero (test_set_dedicated_node_extra_fee_and_set_it_back_to_zero_works)", () => {
    const c = new ContractChain();
    c.prepareFarmAndNode();
    c.ok(ALICE, "set_dedicated_node_extra_fee", setFee(EXTRA_FEE));
    c.noop(BOB, "create_node_contract", nodeContract(), "NodeNotAvailableToDeploy");
    c.ok(ALICE, "set_dedicated_node_extra_fee", setFee(0n));
    c.ok(BOB, "create_node_contract", nodeContract());
  });

  it("lets the renter of a node with a fee deploy on it (test_set_dedicated_node_extra_fee_and_create_rent_contract_works)", () => {
    const c = new ContractChain();
    c.prepareFarmAndNode();
    c.ok(ALICE, "set_dedicated_node_extra_fee", setFee(EXTRA_FEE));
    c.ok(BOB, "create_rent_contract", { node_id: NODE, solution_provider_id: undefined });
    c.ok(BOB, "create_node_contract", nodeContract());
  });
});
