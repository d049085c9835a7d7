// TFChain 2.9's rent contract billing scenarios (tests.rs, from test_rent_contract_billing to the node deletion
// test) and the dedicated node extra fee billing test. Bills run in each block's finalization (fixtures.ts).
//
// Where TFChain counts or indexes `System::events()`, counting starts where TFChain's starts: its mock records
// no event in block 0, where several tests do their setup, while our chain records from block 1. So those
// tests take a mark after the setup and look at the events that follow it.
import { strict as assert } from "node:assert";
import { isDeepStrictEqual } from "node:util";
import { EXISTENTIAL_DEPOSIT } from "../../../../runtime/pallets/balances/constants.js";
import { usableBalance } from "../../../../runtime/pallets/balances/currency.js";
import { contractCostTft } from "../../../../runtime/pallets/smart-contract/billing.js";
import { costInTft, extraFeeCostUnitsUsd } from "../../../../runtime/pallets/smart-contract/cost.js";
import { smartContractStorage as sc } from "../../../../runtime/pallets/smart-contract/index.js";
import { tfgridStorage as grid } from "../../../../runtime/pallets/tfgrid/index.js";
import { tftPriceStorage } from "../../../../runtime/pallets/tft-price/index.js";
import {
  ALICE, BILLING_FREQUENCY, BOB, CHARLIE, ContractChain, DAVE, deploymentData, deploymentHash, DISTRIBUTION_FREQUENCY,
  prepareDedicatedFarmAndNode, secondsOfBlock, STAKING_POOL_ACCOUNT, type PalletEvent,
} from "./fixtures.js";

const NODE = 1;
const RENT = 1n;
const NODE_CONTRACT = 2n;

const setPrice = (chain: ContractChain) => chain.ok(ALICE, "TFTPriceModule.set_prices", { price: 50, block_number: 101 });
const rent = (chain: ContractChain, who: Uint8Array) => chain.ok(who, "create_rent_contract", { node_id: NODE, solution_provider_id: undefined });
const deploy = (chain: ContractChain, who: Uint8Array, publicIps = 0) =>
  chain.ok(who, "create_node_contract", {
    node_id: NODE, deployment_hash: deploymentHash(), deployment_data: deploymentData(), public_ips: publicIps, solution_provider_id: undefined,
  });
const power = (chain: ContractChain, state: "Up" | "Down") => chain.ok(ALICE, "TfgridModule.change_power_state", { power_state: state });
const transfer = (chain: ContractChain, from: Uint8Array, to: Uint8Array, value: bigint) =>
  chain.ok(from, "Balances.transfer_allow_death", { dest: { tag: "Id", value: to }, value });

function hasEvent(events: PalletEvent[], name: string, value: unknown): boolean {
  return events.some((e) => e.pallet === "SmartContractModule" && e.name === name && isDeepStrictEqual(e.value, value));
}

function assertEvent(chain: ContractChain, name: string, value: unknown): void {
  assert.ok(hasEvent(chain.allEvents(), name, value), `expected ${name} ${JSON.stringify(value, big)}`);
}

const big = (_: string, v: unknown) => (typeof v === "bigint" ? v.toString() : v);

/** `check_report_cost`: a ContractBilled for the contract with this amount and level, stamped with the block. */
function assertBilled(chain: ContractChain, contractId: bigint, due: { amount: bigint; level: string }, block: number): void {
  assertEvent(chain, "ContractBilled", [{ contract_id: contractId, timestamp: secondsOfBlock(block), discount_level: due.level, amount_billed: due.amount }]);
}

/** `assert_eq!(events[i], …)` relative to a mark. */
function assertEventAt(events: PalletEvent[], index: number, name: string, value: unknown): void {
  const e = events[index];
  assert.ok(e, `no event at ${index}`);
  assert.deepEqual({ pallet: e.pallet, name: e.name, value: e.value }, { pallet: "SmartContractModule", name, value }, `event ${index}`);
}

const contractState = (chain: ContractChain, id: bigint) => sc.Contracts.get(chain.io, id)?.state;
/** `get_reserve()` / `get_overdraft()` of the rent contract's payment state: standard plus additional. */
function reserveOf(chain: ContractChain): bigint {
  const s = sc.ContractPaymentState.get(chain.io, RENT)!;
  return s.standard_reserve + s.additional_reserve;
}
function overdraftOf(chain: ContractChain): bigint {
  const s = sc.ContractPaymentState.get(chain.io, RENT)!;
  return s.standard_overdraft + s.additional_overdraft;
}
const twinAccount = (chain: ContractChain, twinId: number) => grid.Twins.get(chain.io, twinId)!.account_id;

/** `Perbill::from_percent(p) * x`: nearest, halves down. */
const perbill = (percent: bigint, x: bigint) => (x * percent * 10_000_000n + 499_999_999n) / 1_000_000_000n;

describe("SmartContractModule: rent contract billing", () => {
  it("bills a rent contract only for the time its node is up (test_rent_contract_billing)", () => {
    const chain = new ContractChain();
    chain.runToBlock(1);
    prepareDedicatedFarmAndNode(chain);
    power(chain, "Down");
    setPrice(chain);
    rent(chain, BOB);
    assert.deepEqual(sc.Contracts.get(chain.io, RENT)!.contract_type, { tag: "RentContract", value: { node_id: NODE } });

    chain.runToBlock(11);
    chain.runToBlock(15);
    power(chain, "Up");
    chain.runToBlock(21);
    // Blocks 15–21 only.
    const first = chain.calculateTftCost(RENT, 2, 6);
    assert.notEqual(first.amount, 0n);
    assertBilled(chain, RENT, first, 21);

    chain.runToBlock(25);
    power(chain, "Down");
    chain.runToBlock(31);
    chain.runToBlock(41);
    chain.runToBlock(45);
    power(chain, "Up");
    chain.runToBlock(51);
    // Blocks 45–51 only.
    const second = chain.calculateTftCost(RENT, 2, 6);
    assert.notEqual(second.amount, 0n);
    assertBilled(chain, RENT, second, 51);
    const bills = chain.contractEvents().filter((e) => e.name === "ContractBilled").map((e) => e.value[0].timestamp);
    assert.deepEqual(bills, [secondsOfBlock(21), secondsOfBlock(51)], "no bill while the node was on standby");
  });

  it("waives the rent of a standby node and still cancels (test_rent_contract_on_standby_node_rent_waived_and_cancel_works)", () => {
    const chain = new ContractChain();
    chain.runToBlock(1);
    prepareDedicatedFarmAndNode(chain);
    power(chain, "Down");
    setPrice(chain);
    rent(chain, BOB);
    assert.deepEqual(sc.Contracts.get(chain.io, RENT)!.contract_type, { tag: "RentContract", value: { node_id: NODE } });

    chain.runToBlock(11);
    assertEvent(chain, "RentWaived", { contract_id: RENT });
    chain.ok(BOB, "cancel_contract", { contract_id: RENT });
    assertEvent(chain, "RentContractCanceled", { contract_id: RENT });
  });

  it("bills the last period and pays out the reserve on cancel (test_rent_contract_billing_cancel_should_bill_reserved_balance)", () => {
    const chain = new ContractChain();
    chain.runToBlock(1);
    prepareDedicatedFarmAndNode(chain);
    chain.activateBillingAccounts();
    setPrice(chain);
    rent(chain, BOB);
    assert.deepEqual(sc.Contracts.get(chain.io, RENT)!.contract_type, { tag: "RentContract", value: { node_id: NODE } });

    chain.runToBlock(11);
    const cycle = chain.calculateTftCost(RENT, 2, 10);
    assert.notEqual(cycle.amount, 0n);
    assertBilled(chain, RENT, cycle, 11);
    assert.notEqual(chain.total(BOB), chain.free(BOB), "the bill is reserved");

    chain.runToBlock(13);
    const last = chain.calculateTftCost(RENT, 2, 2);
    chain.ok(BOB, "cancel_contract", { contract_id: RENT });
    const usable = usableBalance(chain.block.block, BOB);
    assert.notEqual(usable, 0n);
    transfer(chain, BOB, ALICE, usable);
    assert.notEqual(cycle.amount, last.amount);
    assertBilled(chain, RENT, last, 13);
    assert.equal(chain.total(BOB), chain.free(BOB), "nothing stays reserved");
  });

  it("reserves what it can, carries the rest as overdraft and settles it on top-up (test_rent_contract_overdrawn_and_partial_bill)", () => {
    const chain = new ContractChain();
    chain.runToBlock(1);
    prepareDedicatedFarmAndNode(chain);
    chain.activateBillingAccounts();
    setPrice(chain);
    rent(chain, CHARLIE);
    // TFChain: usable_balance − ED with its mock's ED of 2; ours is 500, so 150,000 − 500.
    const reservable = usableBalance(chain.block.block, CHARLIE) - EXISTENTIAL_DEPOSIT;
    assert.equal(reservable, 149_500n);
    assert.deepEqual(sc.Contracts.get(chain.io, RENT)!.contract_type, { tag: "RentContract", value: { node_id: NODE } });

    chain.runToBlock(11);
    const cycle = chain.calculateTftCost(RENT, 3, 10).amount;
    assert.notEqual(cycle, 0n);
    assertEvent(chain, "ContractPaymentOverdrawn", {
      contract_id: RENT, timestamp: secondsOfBlock(11), partially_billed_amount: reservable, overdraft: cycle - reservable,
    });
    assert.equal(reserveOf(chain), reservable);
    assert.equal(overdraftOf(chain), cycle - reservable);
    assert.equal(chain.free(CHARLIE), EXISTENTIAL_DEPOSIT);

    chain.runToBlock(21);
    assertEvent(chain, "ContractPaymentOverdrawn", { contract_id: RENT, timestamp: secondsOfBlock(21), partially_billed_amount: 0n, overdraft: cycle });
    assert.equal(reserveOf(chain), reservable);
    assert.equal(overdraftOf(chain), cycle * 2n - reservable);

    transfer(chain, BOB, CHARLIE, cycle * 3n - reservable);
    chain.runToBlock(31);
    assert.equal(reserveOf(chain), cycle * 3n);
    assert.equal(overdraftOf(chain), 0n);
    assert.equal(contractState(chain, RENT)?.tag, "Created");
  });

  it("bills the part of a cycle before a mid-cycle cancel (test_rent_contract_canceled_mid_cycle_should_bill_for_remainder)", () => {
    const chain = new ContractChain();
    chain.runToBlock(1);
    prepareDedicatedFarmAndNode(chain);
    chain.activateBillingAccounts();
    setPrice(chain);
    rent(chain, BOB);
    assert.deepEqual(sc.Contracts.get(chain.io, RENT)!.contract_type, { tag: "RentContract", value: { node_id: NODE } });

    chain.runToBlock(8);
    // Created in block 2 at block 1's time, canceled at block 8's: 7 blocks.
    const due = chain.calculateTftCost(RENT, 2, 7);
    chain.ok(BOB, "cancel_contract", { contract_id: RENT });
    assert.notEqual(due.amount, 0n);
    assertBilled(chain, RENT, due, 8);
    assert.equal(chain.reserved(twinAccount(chain, 2)), 0n);
  });

  it("does not bill a rented node's contract for its resources (test_create_rent_contract_and_node_contract_excludes_node_contract_from_billing_works)", () => {
    const chain = new ContractChain();
    prepareDedicatedFarmAndNode(chain);
    chain.runToBlock(1);
    const mark = chain.allEvents().length;
    setPrice(chain);
    rent(chain, BOB);
    chain.runToBlock(2);
    deploy(chain, BOB);
    chain.pushContractResourcesUsed(NODE_CONTRACT);

    chain.runToBlock(11);
    chain.runToBlock(12);
    const due = chain.calculateTftCost(RENT, 2, 10);
    assert.notEqual(due.amount, 0n);
    assertBilled(chain, RENT, due, 11);
    // Prices (2), two ContractCreated, UpdatedUsedResources, the rent's Reserved and ContractBilled: none for contract 2.
    const events = chain.allEvents().slice(mark);
    assert.equal(events.length, 7, JSON.stringify(events.map((e) => `${e.pallet}.${e.name}`)));
  });

  it("cancels a rent contract and its node contracts when the grace period ends (test_rent_contract_canceled_due_to_out_of_funds_should_cancel_node_contracts_works)", () => {
    const chain = new ContractChain();
    prepareDedicatedFarmAndNode(chain);
    chain.activateBillingAccounts();
    chain.runToBlock(1);
    const mark = chain.allEvents().length;
    setPrice(chain);
    rent(chain, CHARLIE);
    chain.runToBlock(2);
    deploy(chain, CHARLIE);
    chain.pushContractResourcesUsed(NODE_CONTRACT);

    for (let i = 1; i <= 10; i++) {
      const block = 1 + i * Number(BILLING_FREQUENCY);
      chain.runToBlock(block);
      chain.runToBlock(block + 1);
    }
    chain.runToBlock(11 + 10 * 10);

    const events = chain.allEvents().slice(mark);
    assert.equal(events.length, 26, JSON.stringify(events.map((e) => `${e.pallet}.${e.name}`)));
    const started = (contract_id: bigint) => ({ contract_id, node_id: NODE, twin_id: 3, block_number: 11n });
    assertEventAt(events, 5, "ContractGracePeriodStarted", started(RENT));
    assertEventAt(events, 6, "ContractGracePeriodStarted", started(NODE_CONTRACT));
    assertEventAt(events, 24, "NodeContractCanceled", { contract_id: NODE_CONTRACT, node_id: NODE, twin_id: 3 });
    assertEventAt(events, 25, "RentContractCanceled", { contract_id: RENT });
  });

  it("bills a rented node's contract for its public IP (test_create_rent_contract_and_node_contract_with_ip_billing_works)", () => {
    const chain = new ContractChain();
    prepareDedicatedFarmAndNode(chain);
    chain.runToBlock(1);
    const mark = chain.allEvents().length;
    setPrice(chain);
    rent(chain, BOB);
    chain.runToBlock(2);
    deploy(chain, BOB, 1);

    chain.runToBlock(11);
    const rentDue = chain.calculateTftCost(RENT, 2, 10);
    assert.notEqual(rentDue.amount, 0n);
    assertBilled(chain, RENT, rentDue, 11);

    chain.runToBlock(12);
    const ipDue = chain.calculateTftCost(NODE_CONTRACT, 2, 10);
    assert.notEqual(ipDue.amount, 0n);
    assertBilled(chain, NODE_CONTRACT, ipDue, 12);
    // Prices (2), two ContractCreated, then Reserved and ContractBilled for each contract.
    const events = chain.allEvents().slice(mark);
    assert.equal(events.length, 8, JSON.stringify(events.map((e) => `${e.pallet}.${e.name}`)));
  });

  it("puts a rent contract its twin cannot pay in grace (test_rent_contract_out_of_funds_should_move_state_to_graceperiod_works)", () => {
    const chain = new ContractChain();
    chain.runToBlock(1);
    prepareDedicatedFarmAndNode(chain);
    setPrice(chain);
    rent(chain, CHARLIE);

    chain.runToBlock(11);
    assert.deepEqual(contractState(chain, RENT), { tag: "GracePeriod", value: 11n });
    assertEvent(chain, "ContractGracePeriodStarted", { contract_id: RENT, node_id: NODE, twin_id: 3, block_number: 11n });
  });

  it("restores a rent contract in grace once its twin is funded (test_restore_rent_contract_in_grace_works)", () => {
    const chain = new ContractChain();
    prepareDedicatedFarmAndNode(chain);
    chain.runToBlock(1);
    const mark = chain.allEvents().length;
    setPrice(chain);
    rent(chain, CHARLIE);

    chain.runToBlock(11);
    assert.deepEqual(contractState(chain, RENT), { tag: "GracePeriod", value: 11n });
    assertEventAt(chain.allEvents().slice(mark), 3, "ContractGracePeriodStarted", { contract_id: RENT, node_id: NODE, twin_id: 3, block_number: 11n });

    chain.runToBlock(21);
    chain.runToBlock(31);
    transfer(chain, BOB, CHARLIE, 100_000_000n);
    chain.runToBlock(41);
    chain.runToBlock(51);
    assert.equal(contractState(chain, RENT)?.tag, "Created");
  });

  it("restores a rent contract and its node contracts, with an event each (test_restore_rent_contract_and_node_contracts_in_grace_works)", () => {
    const chain = new ContractChain();
    prepareDedicatedFarmAndNode(chain);
    chain.runToBlock(1);
    const mark = chain.allEvents().length;
    setPrice(chain);
    rent(chain, CHARLIE);
    chain.runToBlock(2);
    deploy(chain, CHARLIE);
    chain.pushContractResourcesUsed(NODE_CONTRACT);

    chain.runToBlock(11);
    chain.runToBlock(12);
    assert.deepEqual(contractState(chain, RENT), { tag: "GracePeriod", value: 11n });
    let events = chain.allEvents().slice(mark);
    const started = (contract_id: bigint) => ({ contract_id, node_id: NODE, twin_id: 3, block_number: 11n });
    assertEventAt(events, 5, "ContractGracePeriodStarted", started(RENT));
    assertEventAt(events, 6, "ContractGracePeriodStarted", started(NODE_CONTRACT));

    for (const block of [21, 22, 31, 32]) chain.runToBlock(block);
    transfer(chain, BOB, CHARLIE, 100_000_000n);
    for (const block of [41, 42, 51, 52]) chain.runToBlock(block);

    assert.equal(contractState(chain, RENT)?.tag, "Created");
    events = chain.allEvents().slice(mark);
    assertEventAt(events, 12, "ContractGracePeriodEnded", { contract_id: RENT, node_id: NODE, twin_id: 3 });
    assertEventAt(events, 13, "ContractGracePeriodEnded", { contract_id: NODE_CONTRACT, node_id: NODE, twin_id: 3 });
  });

  it("removes a rent contract whose grace period elapsed (test_rent_contract_grace_period_cancels_contract_when_grace_period_ends_works)", () => {
    const chain = new ContractChain();
    chain.runToBlock(1);
    prepareDedicatedFarmAndNode(chain);
    chain.activateBillingAccounts();
    setPrice(chain);
    rent(chain, CHARLIE);

    chain.runToBlock(11);
    assert.deepEqual(contractState(chain, RENT), { tag: "GracePeriod", value: 11n });
    assertEvent(chain, "ContractGracePeriodStarted", { contract_id: RENT, node_id: NODE, twin_id: 3, block_number: 11n });

    for (let i = 1; i <= 10; i++) chain.runToBlock(11 + i * Number(BILLING_FREQUENCY));
    assert.equal(sc.Contracts.get(chain.io, RENT), undefined);
    assert.deepEqual(sc.ContractsToBillAt.get(chain.io, RENT % BILLING_FREQUENCY), []);
  });

  it("cancels the rent contract and the node contracts of a deleted node (test_rent_contract_and_node_contract_canceled_when_node_is_deleted_works)", () => {
    const chain = new ContractChain();
    chain.runToBlock(1);
    prepareDedicatedFarmAndNode(chain);
    chain.activateBillingAccounts();
    setPrice(chain);
    rent(chain, BOB);
    chain.runToBlock(2);
    deploy(chain, BOB);
    chain.pushContractResourcesUsed(NODE_CONTRACT);

    chain.runToBlock(11);
    chain.runToBlock(12);
    chain.runToBlock(16);
    chain.ok(ALICE, "TfgridModule.delete_node_farm", { node_id: NODE });
    assertEvent(chain, "NodeContractCanceled", { contract_id: NODE_CONTRACT, node_id: NODE, twin_id: 2 });
    assertEvent(chain, "RentContractCanceled", { contract_id: RENT });
  });
});

describe("SmartContractModule: dedicated node extra fee billing", () => {
  it("bills the extra fee with the rent and pays it all to the farmer (test_set_dedicated_node_extra_fee_and_create_rent_contract_billing_works)", () => {
    const chain = new ContractChain();
    chain.prepareFarmAndNode();
    chain.activateBillingAccounts();
    chain.runToBlock(1);
    setPrice(chain);
    const farmerBefore = chain.free(ALICE);
    const dave = twinAccount(chain, 4);
    const twinBefore = chain.free(dave);

    const extraFee = 100_000n;
    chain.ok(ALICE, "set_dedicated_node_extra_fee", { node_id: NODE, extra_fee: extraFee });
    rent(chain, DAVE);
    deploy(chain, DAVE);
    const rentContract = sc.Contracts.get(chain.io, RENT)!;
    assert.deepEqual(sc.ContractsToBillAt.get(chain.io, RENT % BILLING_FREQUENCY), [RENT]);

    const policy = grid.PricingPolicies.get(chain.io, 1)!;
    const seconds = BILLING_FREQUENCY * 6n;
    let rentBilled = 0n;
    let extraBilled = 0n;
    for (let i = 1; i <= DISTRIBUTION_FREQUENCY; i++) {
      chain.runToBlock(1 + i * Number(BILLING_FREQUENCY));
      rentBilled += contractCostTft(chain.block.block, rentContract, policy, seconds, chain.free(dave), undefined).amount;
      const prices = {
        average: tftPriceStorage.AverageTftPrice.get(chain.io), min: tftPriceStorage.MinTftPrice.get(chain.io), max: tftPriceStorage.MaxTftPrice.get(chain.io),
      };
      extraBilled += costInTft(extraFeeCostUnitsUsd(extraFee, seconds), prices);
    }

    assert.notEqual(extraBilled, 0n);
    assert.equal(twinBefore - chain.free(dave), rentBilled + extraBilled);
    // validate_distribution_rewards: the billing accounts started with ED (500 here, 2 in TFChain's mock).
    assert.equal(chain.free(STAKING_POOL_ACCOUNT), perbill(10n, rentBilled) + EXISTENTIAL_DEPOSIT);
    assert.equal(chain.free(policy.foundation_account), perbill(40n, rentBilled) + EXISTENTIAL_DEPOSIT);
    const farmerExpected = farmerBefore + perbill(50n, rentBilled) + extraBilled;
    const diff = chain.free(ALICE) - farmerExpected;
    assert.ok(diff >= -5n && diff <= 5n, `farmer got ${chain.free(ALICE)}, expected ${farmerExpected} ± 5`);
  });
});
