// TFChain 2.9's service contract tests (`test_service_contract_*`): a consumer twin (Bob) and a service twin
// (Alice) agree on metadata and fees, both approve, then the service bills the consumer directly in TFT.
import { strict as assert } from "node:assert";
import { utf8 } from "../../../../primitives/bytes.js";
import { costInTft, serviceBillCostUnitsUsd } from "../../../../runtime/pallets/smart-contract/cost.js";
import { smartContractStorage } from "../../../../runtime/pallets/smart-contract/index.js";
import type { ServiceContract, ServiceContractBill } from "../../../../runtime/pallets/smart-contract/types.js";
import { tftPriceStorage } from "../../../../runtime/pallets/tft-price/index.js";
import { ALICE, BOB, CHARLIE, ContractChain, secondsOfBlock } from "./fixtures.js";

const BASE_FEE = 1000n;
const VARIABLE_FEE = 1000n;
const VARIABLE_AMOUNT = 100n;
const HOUR = 3600n;
const ID = 1n;
const METADATA = utf8("some_metadata");
// 67 bytes: past both the contract metadata bound (64) and the bill metadata bound (50).
const LONG_METADATA = utf8("very_loooooooooooooooooooooooooooooooooooooooooooooooooong_metadata");

/** `create_service_consumer_contract()`: twins 1 (Alice, service) and 2 (Bob, consumer), contract 1. */
function createServiceConsumerContract(c: ContractChain): void {
  c.createTwin(ALICE);
  c.createTwin(BOB);
  c.ok(ALICE, "service_contract_create", { service_account: ALICE, consumer_account: BOB });
}

/** `prepare_service_consumer_contract()`: the contract with metadata and fees, ready for approval. */
function prepareServiceConsumerContract(c: ContractChain): void {
  createServiceConsumerContract(c);
  c.ok(ALICE, "service_contract_set_metadata", { service_contract_id: ID, metadata: METADATA });
  c.ok(ALICE, "service_contract_set_fees", { service_contract_id: ID, base_fee: BASE_FEE, variable_fee: VARIABLE_FEE });
}

/** `approve_service_consumer_contract(id)`: the service, then the consumer approve. */
function approveServiceConsumerContract(c: ContractChain, id: bigint): void {
  c.ok(ALICE, "service_contract_approve", { service_contract_id: id });
  c.ok(BOB, "service_contract_approve", { service_contract_id: id });
}

/** `get_service_contract()`: contract 1 as just created. */
function freshServiceContract(): ServiceContract {
  return {
    service_contract_id: ID, service_twin_id: 1, consumer_twin_id: 2, base_fee: 0n, variable_fee: 0n,
    metadata: new Uint8Array(), accepted_by_service: false, accepted_by_consumer: false, last_bill: 0n, state: "Created",
  };
}

const stored = (c: ContractChain, id = ID) => smartContractStorage.ServiceContracts.get(c.io, id);

function lastEvent(c: ContractChain): { pallet: string; name: string; value: any } {
  const events = c.allEvents();
  assert.ok(events.length > 0, "some event deposited");
  return events[events.length - 1]!;
}

/** `calculate_bill_cost_tft`: the bill's USD cost converted at the clamped TFT price. */
function billCostTft(c: ContractChain, contract: ServiceContract, bill: ServiceContractBill): bigint {
  const cost = serviceBillCostUnitsUsd(contract.base_fee, bill.variable_amount, bill.window);
  const prices = {
    average: tftPriceStorage.AverageTftPrice.get(c.io), min: tftPriceStorage.MinTftPrice.get(c.io), max: tftPriceStorage.MaxTftPrice.get(c.io),
  };
  return cost === 0n ? 0n : costInTft(cost, prices);
}

const bill = (c: ContractChain, variableAmount: bigint, metadata: Uint8Array) =>
  c.call(ALICE, "SmartContractModule", "service_contract_bill", { service_contract_id: ID, variable_amount: variableAmount, metadata });

describe("SmartContractModule: service contracts", () => {
  describe("creation", () => {
    it("stores a new contract between the two twins and announces it (test_service_contract_create_works)", () => {
      const c = new ContractChain();
      c.runToBlock(1);
      createServiceConsumerContract(c);
      assert.deepEqual(stored(c), freshServiceContract());
      assert.deepEqual(lastEvent(c), { pallet: "SmartContractModule", name: "ServiceContractCreated", value: [freshServiceContract()] });
    });

    it("refuses a creator who is neither service nor consumer (test_service_contract_create_by_anyone_fails)", () => {
      const c = new ContractChain();
      for (const who of [ALICE, BOB, CHARLIE]) c.createTwin(who);
      c.noop(CHARLIE, "service_contract_create", { service_account: ALICE, consumer_account: BOB }, "TwinNotAuthorized");
    });

    it("refuses a twin serving itself (test_service_contract_create_same_account_fails)", () => {
      const c = new ContractChain();
      c.createTwin(ALICE);
      c.noop(ALICE, "service_contract_create", { service_account: ALICE, consumer_account: ALICE }, "ServiceContractCreationNotAllowed");
    });
  });

  describe("metadata", () => {
    it("lets a party set the metadata (test_service_contract_set_metadata_works)", () => {
      const c = new ContractChain();
      c.runToBlock(1);
      createServiceConsumerContract(c);
      c.ok(ALICE, "service_contract_set_metadata", { service_contract_id: ID, metadata: METADATA });
      // No fees yet: the contract stays in Created.
      const expected = { ...freshServiceContract(), metadata: METADATA };
      assert.deepEqual(stored(c), expected);
      assert.deepEqual(lastEvent(c), { pallet: "SmartContractModule", name: "ServiceContractMetadataSet", value: [expected] });
    });

    it("refuses metadata from a third twin (test_service_contract_set_metadata_by_unauthorized_fails)", () => {
      const c = new ContractChain();
      createServiceConsumerContract(c);
      c.createTwin(CHARLIE);
      c.noop(CHARLIE, "service_contract_set_metadata", { service_contract_id: ID, metadata: METADATA }, "TwinNotAuthorized");
    });

    it("freezes the metadata once both approved (test_service_contract_set_metadata_already_approved_fails)", () => {
      const c = new ContractChain();
      prepareServiceConsumerContract(c);
      approveServiceConsumerContract(c, ID);
      c.noop(ALICE, "service_contract_set_metadata", { service_contract_id: ID, metadata: METADATA }, "ServiceContractModificationNotAllowed");
    });

    it("refuses metadata past 64 bytes (test_service_contract_set_metadata_too_long_fails)", () => {
      const c = new ContractChain();
      createServiceConsumerContract(c);
      c.noop(ALICE, "service_contract_set_metadata", { service_contract_id: ID, metadata: LONG_METADATA }, "ServiceContractMetadataTooLong");
    });
  });

  describe("fees", () => {
    it("lets the service set its fees (test_service_contract_set_fees_works)", () => {
      const c = new ContractChain();
      c.runToBlock(1);
      createServiceConsumerContract(c);
      c.ok(ALICE, "service_contract_set_fees", { service_contract_id: ID, base_fee: BASE_FEE, variable_fee: VARIABLE_FEE });
      // No metadata yet: the contract stays in Created.
      const expected = { ...freshServiceContract(), base_fee: BASE_FEE, variable_fee: VARIABLE_FEE };
      assert.deepEqual(stored(c), expected);
      assert.deepEqual(lastEvent(c), { pallet: "SmartContractModule", name: "ServiceContractFeesSet", value: [expected] });
    });

    it("refuses fees set by the consumer (test_service_contract_set_fees_by_unauthorized_fails)", () => {
      const c = new ContractChain();
      createServiceConsumerContract(c);
      c.noop(BOB, "service_contract_set_fees", { service_contract_id: ID, base_fee: BASE_FEE, variable_fee: VARIABLE_FEE }, "TwinNotAuthorized");
    });

    it("freezes the fees once both approved (test_service_contract_set_fees_already_approved_fails)", () => {
      const c = new ContractChain();
      prepareServiceConsumerContract(c);
      approveServiceConsumerContract(c, ID);
      c.noop(
        ALICE, "service_contract_set_fees", { service_contract_id: ID, base_fee: BASE_FEE, variable_fee: VARIABLE_FEE },
        "ServiceContractModificationNotAllowed",
      );
    });
  });

  describe("approval and rejection", () => {
    it("records each approval and starts billing when both approved (test_service_contract_approve_works)", () => {
      const c = new ContractChain();
      c.runToBlock(1);
      prepareServiceConsumerContract(c);
      const ready: ServiceContract = {
        ...freshServiceContract(), base_fee: BASE_FEE, variable_fee: VARIABLE_FEE, metadata: METADATA, state: "AgreementReady",
      };
      assert.deepEqual(stored(c), ready);

      c.ok(ALICE, "service_contract_approve", { service_contract_id: ID });
      const byService = { ...ready, accepted_by_service: true };
      assert.deepEqual(stored(c), byService);
      assert.deepEqual(lastEvent(c), { pallet: "SmartContractModule", name: "ServiceContractApproved", value: [byService] });

      c.ok(BOB, "service_contract_approve", { service_contract_id: ID });
      const byBoth: ServiceContract = { ...byService, accepted_by_consumer: true, last_bill: secondsOfBlock(1), state: "ApprovedByBoth" };
      assert.deepEqual(stored(c), byBoth);
      assert.deepEqual(lastEvent(c), { pallet: "SmartContractModule", name: "ServiceContractApproved", value: [byBoth] });
    });

    it("refuses approval before metadata and fees are set (test_service_contract_approve_agreement_not_ready_fails)", () => {
      const c = new ContractChain();
      createServiceConsumerContract(c);
      c.noop(ALICE, "service_contract_approve", { service_contract_id: ID }, "ServiceContractApprovalNotAllowed");
    });

    it("refuses a second approval once both approved (test_service_contract_approve_already_approved_fails)", () => {
      const c = new ContractChain();
      prepareServiceConsumerContract(c);
      approveServiceConsumerContract(c, ID);
      c.noop(ALICE, "service_contract_approve", { service_contract_id: ID }, "ServiceContractApprovalNotAllowed");
    });

    it("refuses approval from a third twin (test_service_contract_approve_by_unauthorized_fails)", () => {
      const c = new ContractChain();
      prepareServiceConsumerContract(c);
      c.createTwin(CHARLIE);
      c.noop(CHARLIE, "service_contract_approve", { service_contract_id: ID }, "TwinNotAuthorized");
    });

    it("removes a rejected contract (test_service_contract_reject_works)", () => {
      const c = new ContractChain();
      c.runToBlock(1);
      prepareServiceConsumerContract(c);
      c.ok(ALICE, "service_contract_reject", { service_contract_id: ID });
      assert.equal(stored(c), undefined);
      assert.deepEqual(lastEvent(c), {
        pallet: "SmartContractModule", name: "ServiceContractCanceled", value: { service_contract_id: ID, cause: "CanceledByUser" },
      });
    });

    it("refuses rejection before the agreement is ready (test_service_contract_reject_agreement_not_ready_fails)", () => {
      const c = new ContractChain();
      createServiceConsumerContract(c);
      c.noop(ALICE, "service_contract_reject", { service_contract_id: ID }, "ServiceContractRejectionNotAllowed");
    });

    it("refuses rejection once both approved (test_service_contract_reject_already_approved_fails)", () => {
      const c = new ContractChain();
      prepareServiceConsumerContract(c);
      approveServiceConsumerContract(c, ID);
      c.noop(ALICE, "service_contract_reject", { service_contract_id: ID }, "ServiceContractRejectionNotAllowed");
    });

    it("refuses rejection from a third twin (test_service_contract_reject_by_unauthorized_fails)", () => {
      const c = new ContractChain();
      prepareServiceConsumerContract(c);
      c.createTwin(CHARLIE);
      c.noop(CHARLIE, "service_contract_reject", { service_contract_id: ID }, "TwinNotAuthorized");
    });
  });

  describe("cancellation", () => {
    it("removes a canceled contract (test_service_contract_cancel_works)", () => {
      const c = new ContractChain();
      c.runToBlock(1);
      createServiceConsumerContract(c);
      c.ok(ALICE, "service_contract_cancel", { service_contract_id: ID });
      assert.equal(stored(c), undefined);
      assert.deepEqual(lastEvent(c), {
        pallet: "SmartContractModule", name: "ServiceContractCanceled", value: { service_contract_id: ID, cause: "CanceledByUser" },
      });
    });

    it("refuses cancellation by a third twin (test_service_contract_cancel_by_unauthorized_fails)", () => {
      const c = new ContractChain();
      createServiceConsumerContract(c);
      c.createTwin(CHARLIE);
      c.noop(CHARLIE, "service_contract_cancel", { service_contract_id: ID }, "TwinNotAuthorized");
    });
  });

  describe("billing", () => {
    it("charges the consumer for the window since the last bill, capped at an hour (test_service_contract_bill_works)", () => {
      const c = new ContractChain();
      c.runToBlock(1);
      prepareServiceConsumerContract(c);
      assert.equal(stored(c)!.last_bill, 0n);
      approveServiceConsumerContract(c, ID);
      assert.equal(stored(c)!.last_bill, secondsOfBlock(1));
      assert.equal(c.free(BOB), 2_500_000_000n);

      // 200 blocks (20 minutes) after approval.
      c.runToBlock(201);
      assert.equal(bill(c, VARIABLE_AMOUNT, utf8("bill_metadata_1")).ok, true);
      const afterFirst = stored(c)!;
      assert.equal(afterFirst.last_bill, secondsOfBlock(201));
      const bill1 = { variable_amount: VARIABLE_AMOUNT, window: secondsOfBlock(201) - secondsOfBlock(1), metadata: utf8("bill_metadata_1") };
      const amount1 = billCostTft(c, afterFirst, bill1);
      assert.equal(2_500_000_000n - c.free(BOB), amount1);
      assert.deepEqual(lastEvent(c), {
        pallet: "SmartContractModule", name: "ServiceContractBilled", value: { service_contract: afterFirst, bill: bill1, amount: amount1 },
      });

      // 700 blocks (70 minutes) later: billed as one hour, the excess is lost to the service.
      c.runToBlock(901);
      assert.equal(bill(c, VARIABLE_AMOUNT, utf8("bill_metadata_2")).ok, true);
      const afterSecond = stored(c)!;
      assert.equal(afterSecond.last_bill, secondsOfBlock(901));
      const bill2 = { variable_amount: VARIABLE_AMOUNT, window: HOUR, metadata: utf8("bill_metadata_2") };
      const amount2 = billCostTft(c, afterSecond, bill2);
      assert.equal(2_500_000_000n - c.free(BOB) - amount1, amount2);
      assert.deepEqual(lastEvent(c), {
        pallet: "SmartContractModule", name: "ServiceContractBilled", value: { service_contract: afterSecond, bill: bill2, amount: amount2 },
      });
    });

    it("bills the base fee's share of the window plus the variable amount, at the TFT price, consumer to service", () => {
      const c = new ContractChain();
      c.runToBlock(1);
      prepareServiceConsumerContract(c);
      approveServiceConsumerContract(c, ID);
      c.runToBlock(201);
      const [bob, alice] = [c.free(BOB), c.free(ALICE)];
      assert.equal(bill(c, VARIABLE_AMOUNT, utf8("bill_metadata_1")).ok, true);
      // No price was ever reported: the average (0) is clamped to MinTftPrice, 10 mUSD = 100_000 units USD.
      // 1200 s of 1000 mUSD/h is 3_333_333.3 units USD, plus 100 mUSD = 1_000_000: 4_333_333 after rounding,
      // which is 43.33333 TFT = 433_333_300 units.
      const amount = 433_333_300n;
      assert.equal(lastEvent(c).value.amount, amount);
      assert.equal(bob - c.free(BOB), amount);
      assert.equal(c.free(ALICE) - alice, amount);

      // At 50 mUSD (500_000 units USD), a full hour (11_000_000 units USD) is 22 TFT.
      c.ok(ALICE, "TFTPriceModule.set_prices", { price: 50, block_number: 201 });
      assert.equal(tftPriceStorage.AverageTftPrice.get(c.io), 50);
      c.runToBlock(801);
      const [bob2, alice2] = [c.free(BOB), c.free(ALICE)];
      assert.equal(bill(c, VARIABLE_AMOUNT, utf8("bill_metadata_2")).ok, true);
      assert.equal(lastEvent(c).value.bill.window, HOUR);
      assert.equal(lastEvent(c).value.amount, 220_000_000n);
      assert.equal(bob2 - c.free(BOB), 220_000_000n);
      assert.equal(c.free(ALICE) - alice2, 220_000_000n);
    });

    it("refuses a bill from the consumer (test_service_contract_bill_by_unauthorized_fails)", () => {
      const c = new ContractChain();
      prepareServiceConsumerContract(c);
      approveServiceConsumerContract(c, ID);
      c.noop(
        BOB, "service_contract_bill", { service_contract_id: ID, variable_amount: VARIABLE_AMOUNT, metadata: utf8("bill_metadata") },
        "TwinNotAuthorized",
      );
    });

    it("refuses a bill before both approved (test_service_contract_bill_not_approved_fails)", () => {
      const c = new ContractChain();
      prepareServiceConsumerContract(c);
      c.noop(
        ALICE, "service_contract_bill", { service_contract_id: ID, variable_amount: VARIABLE_AMOUNT, metadata: utf8("bill_metadata") },
        "ServiceContractBillingNotApprovedByBoth",
      );
    });

    it("refuses a variable amount above the variable fee's share of the window (test_service_contract_bill_variable_amount_too_high_fails)", () => {
      const c = new ContractChain();
      c.runToBlock(1);
      prepareServiceConsumerContract(c);
      approveServiceConsumerContract(c, ID);
      // A full hour later: the variable fee itself is the ceiling.
      c.runToBlock(601);
      c.noop(
        ALICE, "service_contract_bill", { service_contract_id: ID, variable_amount: VARIABLE_FEE + 1n, metadata: utf8("bill_metadata") },
        "ServiceContractBillingVariableAmountTooHigh",
      );
    });

    it("refuses bill metadata past 50 bytes (test_service_contract_bill_metadata_too_long_fails)", () => {
      const c = new ContractChain();
      c.runToBlock(1);
      prepareServiceConsumerContract(c);
      approveServiceConsumerContract(c, ID);
      c.runToBlock(601);
      c.noop(
        ALICE, "service_contract_bill", { service_contract_id: ID, variable_amount: VARIABLE_AMOUNT, metadata: LONG_METADATA },
        "ServiceContractBillMetadataTooLong",
      );
    });

    it("refuses a bill the consumer cannot pay (test_service_contract_bill_out_of_funds_fails)", () => {
      const c = new ContractChain();
      c.runToBlock(1);
      prepareServiceConsumerContract(c);
      approveServiceConsumerContract(c, ID);
      c.ok(BOB, "Balances.transfer_allow_death", { dest: { tag: "Id", value: ALICE }, value: c.free(BOB) });
      assert.equal(c.free(BOB), 0n);
      c.runToBlock(601);
      c.noop(
        ALICE, "service_contract_bill", { service_contract_id: ID, variable_amount: VARIABLE_AMOUNT, metadata: utf8("bill_metadata") },
        "ServiceContractNotEnoughFundsToPayBill",
      );
    });

    it("keeps the contract after an unpaid bill: TFChain's out-of-funds cancellation is rolled back with the error", () => {
      const c = new ContractChain();
      c.runToBlock(1);
      prepareServiceConsumerContract(c);
      approveServiceConsumerContract(c, ID);
      c.ok(BOB, "Balances.transfer_allow_death", { dest: { tag: "Id", value: ALICE }, value: c.free(BOB) });
      c.runToBlock(601);
      const before = stored(c);
      assert.equal(bill(c, VARIABLE_AMOUNT, utf8("bill_metadata")).ok, false);
      assert.deepEqual(stored(c), before);
      assert.equal(stored(c)!.state, "ApprovedByBoth");
      assert.ok(!c.contractEvents().some((e) => e.name === "ServiceContractCanceled"), "no cancellation announced");

      // Funded again, the consumer pays the same hour.
      c.ok(ALICE, "Balances.transfer_allow_death", { dest: { tag: "Id", value: BOB }, value: 2_000_000_000n });
      assert.equal(bill(c, VARIABLE_AMOUNT, utf8("bill_metadata")).ok, true);
      assert.equal(lastEvent(c).name, "ServiceContractBilled");
      assert.equal(stored(c)!.last_bill, secondsOfBlock(601));
    });
  });
});
