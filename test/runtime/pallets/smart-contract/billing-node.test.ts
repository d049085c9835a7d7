// Billing of node and name contracts (TFChain 2.9's contract billing tests): dues reserved each cycle, rewards
// paid out every 24 cycles (10 % staking pool, 40 % foundation, 50 % farmer; name contracts 90 % foundation),
// grace periods, cancellation mid-cycle; then our own guarantees about billing at block finalization.
//
// TFChain's tests expect the offchain worker to submit `bill_contract_for_block(id)` in given blocks and that
// call to succeed. Here the same block's finalization bills the contract: "the bill succeeded" becomes "block n
// emitted the contract's ContractBilled or ContractPaymentOverdrawn and no bill was skipped".
import { strict as assert } from "node:assert";
import { isDeepStrictEqual } from "node:util";
import { afterEach, beforeEach, describe, it } from "mocha";
import { utf8 } from "../../../../primitives/bytes.js";
import { setRuntimeLogger } from "../../../../runtime/runtime-log.js";
import { smartContractStorage as sc } from "../../../../runtime/pallets/smart-contract/index.js";
import { tfgridStorage } from "../../../../runtime/pallets/tfgrid/index.js";
import {
  ALICE, BILLING_FREQUENCY, BOB, CHARLIE, ContractChain, DAVE, deploymentData, deploymentHash, DISTRIBUTION_FREQUENCY,
  GRACE_PERIOD, secondsOfBlock, STAKING_POOL_ACCOUNT, timestampOf, type PalletEvent,
} from "./fixtures.js";

// Our Balances' existential deposit (TFChain's mock: 2); `activateBillingAccounts` endows the billing accounts with it.
const EXISTENTIAL_DEPOSIT = 500n;
const FREQUENCY = Number(BILLING_FREQUENCY);

/** Contracts whose bill finalization skipped (it failed), by id. */
let skipped: bigint[] = [];

/** `run_to_block(1)`, farm, node and twins, optionally the billing accounts, and the TFT price at 50 mUSD. */
function chainWithNode(opts: { activate?: boolean } = {}): ContractChain {
  const chain = new ContractChain();
  chain.runToBlock(1);
  chain.prepareFarmAndNode();
  if (opts.activate) chain.activateBillingAccounts();
  chain.ok(ALICE, "TFTPriceModule.set_prices", { price: 50, block_number: 101 });
  return chain;
}

/** A node contract on node 1; TFChain's deployment hashes are random, ours the contract's number. */
function createNodeContract(chain: ContractChain, who: Uint8Array, publicIps: number, solutionProvider?: bigint): void {
  const seed = Number(sc.ContractID.get(chain.io)) + 1;
  chain.ok(who, "create_node_contract", {
    node_id: 1, deployment_hash: deploymentHash(seed), deployment_data: deploymentData(), public_ips: publicIps, solution_provider_id: solutionProvider,
  });
}

const accountOfTwin = (chain: ContractChain, twinId: number) => tfgridStorage.Twins.get(chain.io, twinId)!.account_id;

/** The contract sits alone in its billing bucket (`contract_to_bill_at_block(id % frequency)`). */
function assertInBillingLoop(chain: ContractChain, contractId: bigint): void {
  assert.deepEqual(sc.ContractsToBillAt.get(chain.io, contractId % BILLING_FREQUENCY), [contractId]);
}

/** Runs to `block` and returns the events of the blocks it finalized. */
function runCollecting(chain: ContractChain, block: number): PalletEvent[] {
  const mark = chain.history.length;
  chain.runToBlock(block);
  return chain.history.slice(mark);
}

const billOutcomes = new Set(["ContractBilled", "ContractPaymentOverdrawn"]);
const contractOf = (e: PalletEvent): bigint | undefined => (e.name === "ContractBilled" ? e.value[0].contract_id : e.value?.contract_id);

/** `should_call_bill_contract(id, Ok, block)` then `run_to_block(block)`: the bill ran and succeeded. */
function expectBill(chain: ContractChain, contractId: bigint, block: number): void {
  const events = runCollecting(chain, block);
  const billed = events.some((e) => e.pallet === "SmartContractModule" && billOutcomes.has(e.name) && contractOf(e) === contractId);
  assert.ok(billed, `contract ${contractId} billed by block ${block}`);
  assert.deepEqual(skipped, [], `no bill failed by block ${block}`);
}

/** Bills of `cycles` cycles, in blocks `start + i · BillingFrequency`. */
function expectBillingCycles(chain: ContractChain, contractId: bigint, cycles: number, start = 1): void {
  for (let i = 1; i <= cycles; i++) expectBill(chain, contractId, start + i * FREQUENCY);
}

/** `check_report_cost`: some block so far billed exactly this. */
function checkReportCost(chain: ContractChain, contractId: bigint, amount: bigint, block: number, discountLevel: string): void {
  const bill = { contract_id: contractId, timestamp: secondsOfBlock(block), discount_level: discountLevel, amount_billed: amount };
  const bills = chain.contractEvents().filter((e) => e.name === "ContractBilled").map((e) => e.value[0]);
  assert.ok(bills.some((b) => isDeepStrictEqual(b, bill)), `ContractBilled ${JSON.stringify(bill, jsonBigint)} among ${JSON.stringify(bills, jsonBigint)}`);
}

const jsonBigint = (_key: string, v: unknown) => (typeof v === "bigint" ? v.toString() : v);

/** `Perbill::from_percent(p) * x`: rounded to the nearest, a half rounded down. */
function percentOf(percent: number, x: bigint): bigint {
  const scaled = x * BigInt(percent);
  const floor = scaled / 100n;
  return scaled % 100n > 50n ? floor + 1n : floor;
}

/**
 * `validate_distribution_rewards`: the staking pool holds 10 % of what was billed, the foundation 40 % (name
 * contracts 90 %), each plus the ED it was endowed with; the farmer gained 50 % and the extra fees (± 5).
 */
function validateDistributionRewards(
  chain: ContractChain,
  r: { initialFarmer: bigint; standard: bigint; extra: bigint; hadExistentialDeposit: boolean; isNameContract: boolean },
): void {
  const endowment = r.hadExistentialDeposit ? EXISTENTIAL_DEPOSIT : 0n;
  assert.equal(chain.free(STAKING_POOL_ACCOUNT), percentOf(10, r.standard) + endowment, "staking pool");
  const foundation = tfgridStorage.PricingPolicies.get(chain.io, 1)!.foundation_account;
  assert.equal(chain.free(foundation), percentOf(r.isNameContract ? 90 : 40, r.standard) + endowment, "foundation");
  if (r.isNameContract) return;
  const expected = r.initialFarmer + percentOf(50, r.standard) + r.extra;
  const farmer = chain.free(ALICE);
  const gap = farmer > expected ? farmer - expected : expected - farmer;
  assert.ok(gap <= 5n, `farmer has ${farmer}, expected ${expected} ± 5`);
}

const amountUnbilled = (chain: ContractChain, contractId: bigint) => sc.ContractBillingInformationByID.get(chain.io, contractId).amount_unbilled;

const contractState = (chain: ContractChain, contractId: bigint) => sc.Contracts.get(chain.io, contractId)?.state;

const hasContractEvent = (chain: ContractChain, name: string, value: unknown) =>
  chain.contractEvents().some((e) => e.name === name && isDeepStrictEqual(e.value, value));

function gracePeriodStarted(chain: ContractChain, block: number): void {
  const value = { contract_id: 1n, node_id: 1, twin_id: 3, block_number: BigInt(block) };
  assert.ok(hasContractEvent(chain, "ContractGracePeriodStarted", value), `grace period started at ${block}`);
}

describe("SmartContractModule billing", () => {
  beforeEach(() => {
    skipped = [];
    setRuntimeLogger({
      warn: (_message, fields) => {
        if (typeof fields?.contractId === "bigint") skipped.push(fields.contractId);
      },
      info: () => {},
      debug: () => {},
    });
  });
  afterEach(() => setRuntimeLogger(undefined));

  describe("node and name contracts", () => {
    it("pays 10 % / 40 % / 50 % of 24 cycles to staking pool, foundation and farmer (test_node_contract_billing_details)", () => {
      const chain = chainWithNode({ activate: true });
      const twin = accountOfTwin(chain, 2);
      const initialTwinBalance = chain.total(twin);
      createNodeContract(chain, BOB, 1);
      chain.pushContractResourcesUsed(1n);
      chain.pushNruReport(1n, 10);
      assertInBillingLoop(chain, 1n);

      const initialFarmer = chain.free(ALICE);
      expectBillingCycles(chain, 1n, DISTRIBUTION_FREQUENCY);

      const billed = initialTwinBalance - chain.total(twin);
      validateDistributionRewards(chain, { initialFarmer, standard: billed, extra: 0n, hadExistentialDeposit: true, isNameContract: false });
      assert.equal(amountUnbilled(chain, 1n), 0n);
    });

    it("creates missing staking pool and foundation accounts when paying them (test_node_contract_billing_works_for_non_existing_accounts)", () => {
      const chain = chainWithNode();
      const twin = accountOfTwin(chain, 2);
      const initialTwinBalance = chain.total(twin);
      createNodeContract(chain, BOB, 1);
      chain.pushContractResourcesUsed(1n);
      chain.pushNruReport(1n, 10);
      assertInBillingLoop(chain, 1n);

      const initialFarmer = chain.free(ALICE);
      expectBillingCycles(chain, 1n, DISTRIBUTION_FREQUENCY);

      const billed = initialTwinBalance - chain.total(twin);
      validateDistributionRewards(chain, { initialFarmer, standard: billed, extra: 0n, hadExistentialDeposit: false, isNameContract: false });
      assert.equal(amountUnbilled(chain, 1n), 0n);
    });

    it("moves unbilled network use into the overdraft when a contract enters grace (test_billing_node_contract_in_graceperiod_should_reset_unbilled_network_consumption_after_added_to_overdraft)", () => {
      const chain = chainWithNode();
      createNodeContract(chain, CHARLIE, 0);
      chain.pushContractResourcesUsed(1n);
      chain.pushNruReport(1n, 10);

      // Charlie cannot pay the first cycle.
      expectBill(chain, 1n, 11);
      assert.deepEqual(contractState(chain, 1n), { tag: "GracePeriod", value: 11n });
      const payment = sc.ContractPaymentState.get(chain.io, 1n)!;
      assert.notEqual(payment.standard_overdraft + payment.additional_overdraft, 0n);
      assert.equal(amountUnbilled(chain, 1n), 0n);
    });

    it("pays the solution provider nothing: the farmer gets the usual 50 % (test_node_contract_billing_details_with_solution_provider)", () => {
      const chain = new ContractChain();
      chain.runToBlock(1);
      chain.prepareFarmAndNode();
      chain.prepareSolutionProvider(DAVE);
      chain.activateBillingAccounts();
      chain.ok(ALICE, "TFTPriceModule.set_prices", { price: 50, block_number: 101 });
      const twin = accountOfTwin(chain, 2);
      const initialTwinBalance = chain.free(twin);
      const initialFarmer = chain.free(ALICE);
      const initialProvider = chain.free(DAVE);

      createNodeContract(chain, BOB, 1, 1n);
      chain.pushContractResourcesUsed(1n);
      chain.pushNruReport(1n, 10);
      assertInBillingLoop(chain, 1n);
      expectBillingCycles(chain, 1n, DISTRIBUTION_FREQUENCY);

      const billed = initialTwinBalance - chain.total(twin);
      validateDistributionRewards(chain, { initialFarmer, standard: billed, extra: 0n, hadExistentialDeposit: true, isNameContract: false });
      assert.equal(amountUnbilled(chain, 1n), 0n);
      // 2.9 dropped the provider's take (spec 149 paid it).
      assert.equal(chain.free(DAVE), initialProvider);
    });

    it("bills a node and a name contract in their own buckets, one bill each (test_multiple_contracts_billing_loop_works)", () => {
      const chain = new ContractChain();
      chain.prepareFarmAndNode();
      chain.runToBlock(1);
      // TFChain's mock prepares the grid in block 0, which records no event: its 8 events start here.
      const mark = chain.allEvents().length;
      chain.ok(ALICE, "TFTPriceModule.set_prices", { price: 50, block_number: 101 });
      createNodeContract(chain, BOB, 1);
      chain.runToBlock(2);
      chain.ok(BOB, "create_name_contract", { name: utf8("some_name") });
      assertInBillingLoop(chain, 1n);
      assertInBillingLoop(chain, 2n);

      expectBill(chain, 1n, 11);
      expectBill(chain, 2n, 12);

      const names = chain.allEvents().slice(mark).map((e) => `${e.pallet}.${e.name}`);
      assert.deepEqual(names, [
        "TFTPriceModule.PriceStored", "TFTPriceModule.AveragePriceStored",
        "SmartContractModule.ContractCreated", "SmartContractModule.ContractCreated",
        "Balances.Reserved", "SmartContractModule.ContractBilled",
        "Balances.Reserved", "SmartContractModule.ContractBilled",
      ]);
    });

    it("reserves each cycle's due on the twin, cycle after cycle (test_node_contract_billing_cycles)", () => {
      const chain = chainWithNode();
      createNodeContract(chain, BOB, 0);
      chain.pushContractResourcesUsed(1n);
      const twin = accountOfTwin(chain, 2);

      let reserved = 0n;
      for (const block of [11, 21, 31]) {
        const { amount, level } = chain.calculateTftCost(1n, 2, 10);
        expectBill(chain, 1n, block);
        checkReportCost(chain, 1n, amount, block, level);
        reserved += amount;
        if (block === 11) assert.equal(chain.reserved(twin), amount);
      }
      assert.equal(chain.reserved(twin), reserved);
    });

    it("bills two contracts of one twin in consecutive blocks and reserves both dues (test_node_multiple_contract_billing_cycles)", () => {
      const chain = chainWithNode();
      createNodeContract(chain, BOB, 0);
      chain.pushContractResourcesUsed(1n);
      chain.runToBlock(2);
      createNodeContract(chain, BOB, 0);
      chain.pushContractResourcesUsed(2n);

      const first = chain.calculateTftCost(1n, 2, 10);
      expectBill(chain, 1n, 11);
      checkReportCost(chain, 1n, first.amount, 11, first.level);

      const second = chain.calculateTftCost(2n, 2, 10);
      expectBill(chain, 2n, 12);
      checkReportCost(chain, 2n, second.amount, 12, second.level);

      assert.equal(chain.reserved(accountOfTwin(chain, 2)), first.amount + second.amount);
    });

    it("bills a deleted node's contract up to the deletion, frees its IP and cancels it (test_node_contract_billing_cycles_delete_node_cancels_contract)", () => {
      const chain = chainWithNode({ activate: true });
      createNodeContract(chain, BOB, 1);
      chain.pushContractResourcesUsed(1n);
      for (const block of [11, 21, 31, 41, 51]) {
        const { amount, level } = chain.calculateTftCost(1n, 2, 10);
        expectBill(chain, 1n, block);
        checkReportCost(chain, 1n, amount, block, level);
      }

      const { amount, level } = chain.calculateTftCost(1n, 2, 4);
      chain.runToBlock(55);
      chain.ok(ALICE, "TfgridModule.delete_node_farm", { node_id: 1 });

      checkReportCost(chain, 1n, amount, 55, level);
      const freedIp = { ip: utf8("185.206.122.33/24"), gateway: utf8("185.206.122.1"), contract_id: 0n };
      assert.ok(hasContractEvent(chain, "IPsFreed", { contract_id: 1n, public_ips: [freedIp] }), "IPsFreed");
      assert.ok(hasContractEvent(chain, "NodeContractCanceled", { contract_id: 1n, node_id: 1, twin_id: 2 }), "NodeContractCanceled");
    });

    it("bills a contract that only reserves a public IP (test_node_contract_only_public_ip_billing_cycles)", () => {
      const chain = chainWithNode();
      createNodeContract(chain, BOB, 1);
      for (const block of [11, 21, 31, 41, 51]) {
        const { amount, level } = chain.calculateTftCost(1n, 2, 10);
        assert.notEqual(amount, 0n);
        expectBill(chain, 1n, block);
        checkReportCost(chain, 1n, amount, block, level);
      }
    });

    it("bills the part of a cycle before a cancellation and removes the contract (test_node_contract_billing_cycles_cancel_contract_during_cycle_works)", () => {
      const chain = chainWithNode({ activate: true });
      createNodeContract(chain, BOB, 0);
      chain.pushContractResourcesUsed(1n);
      for (const block of [11, 21]) {
        const { amount, level } = chain.calculateTftCost(1n, 2, 10);
        expectBill(chain, 1n, block);
        checkReportCost(chain, 1n, amount, block, level);
      }

      chain.runToBlock(28);
      const { amount, level } = chain.calculateTftCost(1n, 2, 7);
      chain.ok(BOB, "cancel_contract", { contract_id: 1n });
      chain.runToBlock(29);
      checkReportCost(chain, 1n, amount, 28, level);

      assert.equal(sc.Contracts.get(chain.io, 1n), undefined);
      assert.equal(amountUnbilled(chain, 1n), 0n);
    });

    it("takes all it can from a twin that cannot pay the cancelled cycle, down to the ED (test_node_contract_billing_cycles_cancel_contract_during_cycle_without_balance_works)", () => {
      const chain = chainWithNode({ activate: true });
      const twin = accountOfTwin(chain, 2);
      const initialTwinBalance = chain.free(twin);
      const initialFarmer = chain.free(ALICE);
      createNodeContract(chain, BOB, 0);
      chain.pushContractResourcesUsed(1n);
      for (const block of [11, 21]) {
        const { amount, level } = chain.calculateTftCost(1n, 2, 10);
        expectBill(chain, 1n, block);
        checkReportCost(chain, 1n, amount, block, level);
      }

      chain.runToBlock(25);
      const billed = initialTwinBalance - chain.free(twin);
      const leave = 1000n;
      chain.ok(BOB, "Balances.transfer_allow_death", { dest: { tag: "Id", value: CHARLIE }, value: initialTwinBalance - billed - leave });
      const usableBefore = chain.free(twin);
      assert.notEqual(usableBefore, 0n);

      chain.ok(BOB, "cancel_contract", { contract_id: 1n });
      const usableAfter = chain.free(twin);
      // All but the ED (ours 500, TFChain's mock 2) is taken.
      assert.equal(usableAfter, EXISTENTIAL_DEPOSIT);
      validateDistributionRewards(chain, {
        initialFarmer, standard: billed + (usableBefore - usableAfter), extra: 0n, hadExistentialDeposit: true, isNameContract: false,
      });
    });

    it("puts a contract whose twin runs out of funds in grace (test_node_contract_out_of_funds_should_move_state_to_graceperiod_works)", () => {
      const chain = chainWithNode();
      createNodeContract(chain, CHARLIE, 0);
      chain.pushContractResourcesUsed(1n);

      expectBill(chain, 1n, 11);
      // Charlie cannot pay a second cycle.
      expectBill(chain, 1n, 21);
      assert.deepEqual(contractState(chain, 1n), { tag: "GracePeriod", value: 21n });
      gracePeriodStarted(chain, 21);
    });

    it("restores a contract in grace once its twin is funded again (test_restore_node_contract_in_grace_works)", () => {
      const chain = chainWithNode();
      createNodeContract(chain, CHARLIE, 0);
      chain.pushContractResourcesUsed(1n);

      expectBill(chain, 1n, 11);
      expectBill(chain, 1n, 21);
      assert.deepEqual(contractState(chain, 1n), { tag: "GracePeriod", value: 21n });
      gracePeriodStarted(chain, 21);

      expectBill(chain, 1n, 31);
      expectBill(chain, 1n, 41);
      chain.ok(BOB, "Balances.transfer_allow_death", { dest: { tag: "Id", value: CHARLIE }, value: 100_000_000n });
      expectBill(chain, 1n, 52);
      expectBill(chain, 1n, 62);
      assert.equal(contractState(chain, 1n)?.tag, "Created");
    });

    it("deletes a contract whose grace period elapsed and pays out what it reserved (test_node_contract_grace_period_cancels_contract_when_grace_period_ends_works)", () => {
      const chain = chainWithNode({ activate: true });
      const twin = accountOfTwin(chain, 3);
      const initialFarmer = chain.free(ALICE);
      const initialTwinBalance = chain.free(twin);
      createNodeContract(chain, CHARLIE, 0);
      chain.pushContractResourcesUsed(1n);

      expectBill(chain, 1n, 11);
      expectBill(chain, 1n, 21);
      assert.deepEqual(contractState(chain, 1n), { tag: "GracePeriod", value: 21n });
      gracePeriodStarted(chain, 21);

      // The grace period ends 100 blocks later, at 121.
      expectBillingCycles(chain, 1n, 10, 21);
      assert.ok(hasContractEvent(chain, "ContractGracePeriodElapsed", { contract_id: 1n, grace_period: GRACE_PERIOD }), "grace period elapsed");

      const billed = initialTwinBalance - chain.free(twin);
      validateDistributionRewards(chain, { initialFarmer, standard: billed, extra: 0n, hadExistentialDeposit: true, isNameContract: false });
      assert.equal(sc.Contracts.get(chain.io, 1n), undefined);
    });

    it("bills a name contract and pays 90 % to the foundation (test_name_contract_billing)", () => {
      const chain = new ContractChain();
      chain.prepareFarmAndNode();
      chain.runToBlock(1);
      // TFChain's mock records no event in block 0: its event indices start here.
      const mark = chain.allEvents().length;
      chain.ok(ALICE, "TFTPriceModule.set_prices", { price: 50, block_number: 101 });
      chain.ok(BOB, "create_name_contract", { name: utf8("foobar") });
      assertInBillingLoop(chain, 1n);

      expectBill(chain, 1n, 11);
      const { amount, level } = chain.calculateTftCost(1n, 2, FREQUENCY);
      const bill = { contract_id: 1n, timestamp: 1_628_082_066n, discount_level: level, amount_billed: amount };
      const billed = chain.allEvents().slice(mark)[4];
      assert.deepEqual(billed, { pallet: "SmartContractModule", name: "ContractBilled", value: [bill] });

      expectBillingCycles(chain, 1n, DISTRIBUTION_FREQUENCY - 1, 11);
      validateDistributionRewards(chain, {
        initialFarmer: 0n, standard: amount * BigInt(DISTRIBUTION_FREQUENCY), extra: 0n, hadExistentialDeposit: false, isNameContract: true,
      });
    });
  });

  describe("at block finalization", () => {
    /** ContractBilled events per contract, in the blocks from `from` to `to`. */
    function billsPerContract(chain: ContractChain, from: number, to: number): Map<bigint, number[]> {
      const bills = new Map<bigint, number[]>();
      for (let block = from; block <= to; block++) {
        for (const e of runCollecting(chain, block)) {
          if (e.pallet !== "SmartContractModule" || e.name !== "ContractBilled") continue;
          const id = e.value[0].contract_id as bigint;
          bills.set(id, [...(bills.get(id) ?? []), block]);
        }
      }
      return bills;
    }

    it("bills every billable contract exactly once per cycle, with no billing extrinsic", () => {
      const chain = chainWithNode({ activate: true });
      createNodeContract(chain, BOB, 1);
      createNodeContract(chain, BOB, 0);
      chain.pushContractResourcesUsed(2n);
      chain.ok(BOB, "create_name_contract", { name: utf8("foobar") });
      // No IP, no resources, no network use: TFChain's worker would not bill it, nor do we.
      createNodeContract(chain, BOB, 0);
      const created = chain.number;

      const bills = billsPerContract(chain, created, created + 3 * FREQUENCY - 1);
      for (const id of [1n, 2n, 3n]) {
        const blocks = bills.get(id) ?? [];
        const perCycle = [0, 1, 2].map((cycle) => blocks.filter((b) => Math.floor((b - created) / FREQUENCY) === cycle).length);
        assert.deepEqual(perCycle, [1, 1, 1], `contract ${id} billed in blocks ${blocks}`);
        assert.ok(blocks.every((b) => BigInt(b) % BILLING_FREQUENCY === id), `contract ${id} billed in its bucket: ${blocks}`);
      }
      assert.equal(bills.get(4n), undefined, "contract 4 has nothing to bill");
      assert.deepEqual(skipped, []);
    });

    it("does nothing at finalization for a contract billed by an extrinsic earlier in the block", () => {
      const chain = chainWithNode({ activate: true });
      createNodeContract(chain, BOB, 1);
      chain.pushContractResourcesUsed(1n);
      const twin = accountOfTwin(chain, 2);

      // In block 11, contract 1's billing block, at its timestamp.
      chain.runToBlock(10);
      chain.setTimestamp(timestampOf(11));
      const mark = chain.allEvents().length;
      chain.ok(ALICE, "bill_contract_for_block", { contract_id: 1n });
      assert.equal(chain.block.events().filter((e) => e.name === "ContractBilled").length, 1, "the extrinsic billed");
      const reserved = chain.reserved(twin);
      const payment = sc.ContractPaymentState.get(chain.io, 1n);
      assert.notEqual(reserved, 0n);

      chain.runToBlock(11);
      const bills = chain.allEvents().slice(mark).filter((e) => e.name === "ContractBilled");
      assert.equal(bills.length, 1, "one ContractBilled in block 11");
      assert.equal(chain.reserved(twin), reserved);
      assert.deepEqual(sc.ContractPaymentState.get(chain.io, 1n), payment);
      assert.deepEqual(skipped, []);
    });

    it("lets validators bill for free and charges anyone else, whether the bill succeeds or fails", () => {
      const chain = chainWithNode();
      createNodeContract(chain, BOB, 1);
      // Alice's bill has a cycle to bill; the others find nothing left.
      chain.runToBlock(10);
      chain.setTimestamp(timestampOf(11));

      for (const [who, pays] of [[ALICE, "No"], [BOB, "Yes"], [CHARLIE, "Yes"]] as const) {
        const ok = chain.call(who, "SmartContractModule", "bill_contract_for_block", { contract_id: 1n });
        assert.equal(ok.ok, true);
        assert.equal(ok.postInfo.paysFee, pays);

        const failed = chain.call(who, "SmartContractModule", "bill_contract_for_block", { contract_id: 99n });
        assert.deepEqual(failed.error, { tag: "NamedModule", pallet: "SmartContractModule", error: "ContractNotExists" });
        assert.equal(failed.postInfo.paysFee, pays);
      }
    });
  });
});
