// The world of TFChain's pallet-smart-contract tests (`mock.rs`, `test_utils.rs` and the helpers at the end of
// `tests.rs`) for the ported scenarios: accounts and balances, a chain of blocks running System, Balances,
// TfgridModule (wired to SmartContractModule's hooks), SmartContractModule and TFTPriceModule, and the setup
// steps (twins, farm with two IPs and pricing policy, node, contracts, reports).
//
// Billing: TFChain's tests run the offchain worker and execute its `bill_contract_for_block` calls inside
// `run_to_block`, in the block they were submitted for. Here each block's finalization bills its due
// contracts itself, in that same block, with the same timestamp: the facts of the tests carry over.
import { strict as assert } from "node:assert";
import { utf8 } from "../../../../primitives/bytes.js";
import { keyFromUri } from "../../../../primitives/crypto/keyring.js";
import { ROOT, signed, type Origin } from "../../../../runtime/origin.js";
import type { DispatchOutcome } from "../../../../runtime/pallet.js";
import { accountData } from "../../../../runtime/pallets/balances/account.js";
import { buildBalancesGenesis } from "../../../../runtime/pallets/balances/genesis.js";
import { balances } from "../../../../runtime/pallets/balances/index.js";
import { contractCostTft } from "../../../../runtime/pallets/smart-contract/billing.js";
import {
  defineSmartContract, smartContractGridHooks, smartContractStorage, STAKING_POOL_ACCOUNT,
} from "../../../../runtime/pallets/smart-contract/index.js";
import { defineTfgrid, tfgridStorage } from "../../../../runtime/pallets/tfgrid/index.js";
import { buildTftPriceGenesis, defineTftPrice } from "../../../../runtime/pallets/tft-price/index.js";
import { storage as timestampStorage } from "../../../../runtime/pallets/timestamp/storage.js";
import { MemoryStorage } from "../../../../state/memory-storage.js";
import { callOf, PalletBlock } from "../../../helpers/pallet-block.js";
import { stateRoot } from "../../../helpers/state-root.js";

export const GIGABYTE = 1024n ** 3n;
const account = (uri: string) => keyFromUri(uri).publicKey;
export const ALICE = account("//Alice");
export const BOB = account("//Bob");
export const CHARLIE = account("//Charlie");
export const DAVE = account("//Dave");
export const EVE = account("//Eve");
export const FERDIE = account("//Ferdie");
export { STAKING_POOL_ACCOUNT };

/** The mock's configuration: bill every 10 blocks, grace of 100 blocks, rewards every 24 cycles. */
export const BILLING_FREQUENCY = 10n;
export const GRACE_PERIOD = 100n;
export const DISTRIBUTION_FREQUENCY = 24;
const BILLING = { gracePeriod: GRACE_PERIOD, distributionFrequency: DISTRIBUTION_FREQUENCY, stakingPoolAccount: STAKING_POOL_ACCOUNT };

/** `run_to_block`'s clock: 1628082000 s plus 6 s per block of the target. */
export const timestampOf = (block: number) => 1_628_082_000_000n + 6000n * BigInt(block);

export interface PalletEvent {
  pallet: string;
  name: string;
  value: any;
}

/**
 * A chain of blocks over one in-memory state. `block` is the open block; `runToBlock(n)` finalizes blocks up to
 * `n` (billing each) and opens `n + 1`, with the timestamp of `n` as TFChain's `run_to_block` sets it.
 */
export class ContractChain {
  private readonly base: MemoryStorage;
  private readonly pallets;
  block: PalletBlock;
  /** Events of every block so far, oldest first (`System::events()` keeps only the open block's). */
  readonly history: PalletEvent[] = [];

  constructor(opts: { balances?: [Uint8Array, bigint][]; billsPerBlock?: number } = {}) {
    this.base = new MemoryStorage();
    buildBalancesGenesis(this.base, {
      balances: opts.balances ?? [[ALICE, 1_000_000_000_000n], [BOB, 2_500_000_000n], [CHARLIE, 150_000n], [DAVE, 1_000_000_000_000n]],
    });
    buildTftPriceGenesis(this.base, { tftPrice: { min: 10, max: 1000, price: 0 } });
    // The mock's session has Alice as its only validator.
    const validators = () => [ALICE];
    const billing = { ...BILLING, billsPerBlock: opts.billsPerBlock };
    const smartContract = defineSmartContract({ ...billing, validators });
    smartContractStorage.BillingFrequency.set(this.base, BILLING_FREQUENCY);
    this.pallets = [balances, defineTfgrid(smartContractGridHooks(billing)), smartContract, defineTftPrice({ validators })];
    this.block = new PalletBlock(this.pallets, { base: this.base, number: 1 });
    this.setTimestamp(timestampOf(1));
  }

  get io() {
    return this.block.io;
  }

  get number(): number {
    return this.block.block.blockNumber;
  }

  setTimestamp(ms: bigint): void {
    timestampStorage.Now.set(this.block.io, ms);
  }

  /** Finalizes the open block (its bills run here) and opens the next one, keeping the timestamp. */
  nextBlock(): void {
    this.block.finalize();
    this.history.push(...this.block.events());
    const now = timestampStorage.Now.get(this.block.io);
    this.base.apply(this.block.io.changes());
    this.block = new PalletBlock(this.pallets, { base: this.base, number: this.number + 1 });
    this.setTimestamp(now);
  }

  /** `run_to_block(n)`: the clock jumps to `n`'s time, blocks up to `n` are finalized, `n + 1` is open. */
  runToBlock(n: number): void {
    this.setTimestamp(timestampOf(n));
    while (this.number <= n) this.nextBlock();
  }

  call(origin: Uint8Array | Origin, pallet: string, name: string, args: Record<string, unknown> = {}): DispatchOutcome {
    const o = origin instanceof Uint8Array ? signed(origin) : origin;
    return this.block.dispatch(callOf(pallet, name, args), o);
  }

  /** `assert_ok!` of a SmartContractModule call (`pallet.call` names another pallet's). */
  ok(origin: Uint8Array | Origin, name: string, args: Record<string, unknown> = {}): DispatchOutcome {
    const [pallet, call] = name.includes(".") ? name.split(".") as [string, string] : ["SmartContractModule", name];
    const out = this.call(origin, pallet, call, args);
    assert.equal(out.ok, true, `${name} failed: ${JSON.stringify(out.error)}`);
    return out;
  }

  /** `assert_noop!`: fails with the module error (or `BadOrigin`), state and events untouched. */
  noop(origin: Uint8Array | Origin, name: string, args: Record<string, unknown>, error: string): void {
    const [pallet, call] = name.includes(".") ? name.split(".") as [string, string] : ["SmartContractModule", name];
    const before = stateRoot(this.io);
    const events = this.block.events().length;
    const out = this.call(origin, pallet, call, args);
    assert.equal(out.ok, false, `${name} should fail with ${error}`);
    const expected = error === "BadOrigin" ? { tag: "BadOrigin" } : { tag: "NamedModule", pallet, error };
    assert.deepEqual(out.error, expected);
    assert.deepEqual(stateRoot(this.io), before, "state root unchanged");
    assert.equal(this.block.events().length, events, "no event deposited");
  }

  /** Every event so far, the open block's included. */
  allEvents(): PalletEvent[] {
    return [...this.history, ...this.block.events()];
  }

  /** SmartContractModule events so far (all blocks), as `{name, value}`. */
  contractEvents(): { name: string; value: any }[] {
    return this.allEvents().filter((e) => e.pallet === "SmartContractModule").map(({ name, value }) => ({ name, value }));
  }

  free(who: Uint8Array): bigint {
    return accountData(this.io, who).free;
  }

  reserved(who: Uint8Array): bigint {
    return accountData(this.io, who).reserved;
  }

  total(who: Uint8Array): bigint {
    const a = accountData(this.io, who);
    return a.free + a.reserved;
  }

  // The setup steps of TFChain's tests.

  createTwin(who: Uint8Array): void {
    this.ok(who, "TfgridModule.user_accept_tc", { document_link: utf8("some_link"), document_hash: utf8("some_hash") });
    this.ok(who, "TfgridModule.create_twin", {
      relay: utf8("somerelay.io"), pk: utf8("0x6c8fd181adc178cea218e168e8549f0b0ff30627c879db9eac4318927e87c901"),
    });
  }

  /** `prepare_twins()`: twins 1–4 for Alice, Bob, Charlie, Dave. */
  prepareTwins(): void {
    for (const who of [ALICE, BOB, CHARLIE, DAVE]) this.createTwin(who);
  }

  /** `prepare_farm(source, dedicated)`: pricing policy 1 (Ferdie foundation, Eve sales) and `test_farm` with two IPs. */
  prepareFarm(source: Uint8Array, dedicated: boolean): void {
    const gb = (value: number) => ({ value, unit: "Gigabytes" });
    this.ok(ROOT, "TfgridModule.create_pricing_policy", {
      name: utf8("policy_1"), su: gb(194400), cu: gb(305600), nu: gb(50000), ipu: gb(69400), unique_name: gb(13900),
      domain_name: gb(27800), foundation_account: FERDIE, certified_sales_account: EVE, discount_for_dedication_nodes: 50,
    });
    this.ok(source, "TfgridModule.create_farm", {
      name: utf8("test_farm"),
      public_ips: [
        { ip: utf8("185.206.122.33/24"), gw: utf8("185.206.122.1") },
        { ip: utf8("185.206.122.34/24"), gw: utf8("185.206.122.1") },
      ],
    });
    if (dedicated) this.ok(ROOT, "TfgridModule.set_farm_dedicated", { farm_id: 1, dedicated: true });
  }

  /** `create_farming_policies()` of the smart-contract tests: one DIY default policy. */
  createFarmingPolicies(): void {
    this.ok(ROOT, "TfgridModule.create_farming_policy", {
      name: utf8("f1"), su: 12, cu: 15, nu: 10, ipv4: 8, minimal_uptime: 9999, policy_end: this.number + 100, immutable: true,
      default: true, node_certification: "Diy", farm_certification: "NotCertified",
    });
  }

  /** `prepare_farm_and_node()`: price 50 mUSD, policies, twins, Alice's farm and her node 1. */
  prepareFarmAndNode(): void {
    this.ok(ALICE, "TFTPriceModule.set_prices", { price: 50, block_number: 101 });
    this.createFarmingPolicies();
    this.prepareTwins();
    this.prepareFarm(ALICE, false);
    this.ok(ALICE, "TfgridModule.create_node", {
      farm_id: 1,
      resources: { hru: 1024n * GIGABYTE, sru: 512n * GIGABYTE, cru: 8n, mru: 16n * GIGABYTE },
      location: { city: utf8("Ghent"), country: utf8("Belgium"), latitude: utf8("12.233213231"), longitude: utf8("32.323112123") },
      interfaces: [], secure_boot: false, virtualized: false, serial_number: undefined,
    });
  }

  /** `push_contract_resources_used(id)`: 2 CRU, 2 GiB MRU, 60 GiB SRU, reported by Alice's node. */
  pushContractResourcesUsed(contractId: bigint): void {
    this.ok(ALICE, "report_contract_resources", {
      contract_resources: [{ contract_id: contractId, used: { cru: 2n, hru: 0n, mru: 2n * GIGABYTE, sru: 60n * GIGABYTE } }],
    });
  }

  /** `push_nru_report_for_contract(id, block)`: 3 GB over 6 s × block, stamped with the block's time. */
  pushNruReport(contractId: bigint, block: number): void {
    this.ok(ALICE, "add_nru_reports", {
      reports: [{ contract_id: contractId, nru: 3n * 1_000_000_000n, timestamp: secondsOfBlock(block), window: 6n * BigInt(block) }],
    });
  }

  /** `prepare_solution_provider(origin)`: provider 1 (Dave, take 10), approved. */
  prepareSolutionProvider(origin: Uint8Array): void {
    this.ok(origin, "create_solution_provider", { description: utf8("some_description"), link: utf8("some_link"), providers: [{ who: DAVE, take: 10 }] });
    this.ok(ROOT, "approve_solution_provider", { solution_provider_id: 1n, approve: true });
  }

  /** `calculate_tft_cost(contract, twin, blocks)`: the due for `blocks` × 6 s at the twin's free balance. */
  calculateTftCost(contractId: bigint, twinId: number, blocks: number): { amount: bigint; level: string } {
    const twin = tfgridStorage.Twins.get(this.io, twinId)!;
    const contract = smartContractStorage.Contracts.get(this.io, contractId)!;
    const policy = tfgridStorage.PricingPolicies.get(this.io, 1)!;
    return contractCostTft(this.block.block, contract, policy, BigInt(blocks) * 6n, this.free(twin.account_id), undefined);
  }

  /** `activate_billing_accounts()`: the foundation and staking pool accounts exist (with ED). */
  activateBillingAccounts(): void {
    const foundation = tfgridStorage.PricingPolicies.get(this.io, 1)!.foundation_account;
    for (const who of [foundation, STAKING_POOL_ACCOUNT]) {
      if (accountData(this.io, who).free === 0n) {
        this.ok(ROOT, "Balances.force_set_balance", { who: { tag: "Id", value: who }, new_free: 500n });
      }
    }
  }
}

/** `get_timestamp_in_seconds_for_block(n)`. */
export const secondsOfBlock = (block: number) => timestampOf(block) / 1000n;

/** `generate_deployment_hash()`: 32 bytes. */
export function deploymentHash(seed = 0): Uint8Array {
  const hash = new Uint8Array(32);
  hash.fill(seed);
  return hash;
}

export const deploymentData = (): Uint8Array => utf8("some_data");

/** The node every `prepare_*_and_node()` creates on farm 1: 8 CRU, 16 GiB MRU, 512 GiB SRU, 1 TiB HRU, in Ghent. */
export const TEST_NODE = {
  farm_id: 1,
  resources: { hru: 1024n * GIGABYTE, sru: 512n * GIGABYTE, cru: 8n, mru: 16n * GIGABYTE },
  location: { city: utf8("Ghent"), country: utf8("Belgium"), latitude: utf8("12.233213231"), longitude: utf8("32.323112123") },
  interfaces: [], secure_boot: false, virtualized: false, serial_number: undefined,
};

/** `prepare_dedicated_farm_and_node()`: as `prepareFarmAndNode()`, on a dedicated farm. */
export function prepareDedicatedFarmAndNode(chain: ContractChain): void {
  chain.ok(ALICE, "TFTPriceModule.set_prices", { price: 50, block_number: 101 });
  chain.createFarmingPolicies();
  chain.prepareTwins();
  chain.prepareFarm(ALICE, true);
  chain.ok(ALICE, "TfgridModule.create_node", TEST_NODE);
}
