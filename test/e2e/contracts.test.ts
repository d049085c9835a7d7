// IT smart contracts through @threefold/tfchain_client 2.9.2, unchanged, against a spawned dev node with instant
// sealing (billing every 10 blocks; empty blocks come from engine_createBlock): Alice farms and runs node 1,
// Bob deploys on it, a fresh account goes into grace and back, Alice sells Bob a service.
import { strict as assert } from "node:assert";
import { createRequire } from "node:module";
import { mnemonicGenerate } from "@polkadot/util-crypto";
import { U64F64 } from "../../primitives/fixed-point.js";
import { costInTft, nameCostUnitsUsd } from "../../runtime/pallets/smart-contract/cost.js";
import { startNode, rpc, type NodeProcess } from "./node-process.js";

const { Client } = createRequire(import.meta.url)("@threefold/tfchain_client");

const ALICE_SEED = "0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a";
const BOB_SEED = "0x398f0c28f98885e046333d4a41c19cee4c37368a9832c6502f6cfd182e2aef89";
const GB = 1024 ** 3;
const TFT = 10_000_000n;
const MULTIPLIER = { None: U64F64.int(1), Default: U64F64.float(0.8), Bronze: U64F64.float(0.7), Silver: U64F64.float(0.6), Gold: U64F64.float(0.4) };

describe("e2e: SmartContractModule with @threefold/tfchain_client", function () {
  this.timeout(240_000);
  let node: NodeProcess;
  let alice: any;
  let bob: any;
  let carol: any;
  const log = console.log;
  const hash = (n: number) => `0x${n.toString(16).padStart(64, "0")}`;

  before(async () => {
    console.log = () => {};
    node = await startNode(["--dev", "--sealing", "instant"]);
    alice = new Client({ url: node.wsUrl, mnemonicOrSecret: ALICE_SEED });
    bob = new Client({ url: node.wsUrl, mnemonicOrSecret: BOB_SEED });
    carol = new Client({ url: node.wsUrl, mnemonicOrSecret: mnemonicGenerate() });
    for (const c of [alice, bob, carol]) await c.connect();
  });
  after(async () => {
    console.log = log;
    for (const c of [alice, bob, carol]) await c?.disconnect();
    await node?.stop();
  });

  const api = () => alice.api;
  const sc = () => api().query.smartContractModule;
  const apply = async (client: any, extrinsic: any) => client.patchExtrinsic(extrinsic).apply();
  const createBlocks = async (n: number) => {
    for (let i = 0; i < n; i++) assert.ok((await rpc(node, "engine_createBlock", [true, false])).result, "block created");
  };
  const bestNumber = async () => (await api().rpc.chain.getHeader()).number.toNumber();
  /** Events of SmartContractModule in blocks after `from`, as `{method, data}`. */
  async function contractEventsSince(from: number): Promise<{ block: number; method: string; data: any }[]> {
    const out = [];
    for (let n = from + 1; n <= (await bestNumber()); n++) {
      const at = await api().at(await api().rpc.chain.getBlockHash(n));
      for (const { event } of await at.query.system.events()) {
        if (event.section !== "smartContractModule") continue;
        // Named fields (struct-like variants) by name, unnamed ones as a list.
        const names: string[] | undefined = event.data.names ?? undefined;
        const data = names ? Object.fromEntries(names.map((k, i) => [k, event.data[i].toJSON()])) : event.data.toJSON();
        out.push({ block: n, method: event.method, data });
      }
    }
    return out;
  }
  const everyBillOf = (events: { method: string; data: any }[], id: number) =>
    events.filter((e) => e.method === "ContractBilled" && e.data[0].contractId === id).map((e) => e.data[0]);
  async function rejectsWith(make: () => Promise<any>, keyError: string): Promise<void> {
    await assert.rejects(make(), (e: any) => {
      assert.equal(e.keyError, keyError, e.message);
      return true;
    });
  }

  it("sets up a farm with two IPs and node 1 (Alice), and a twin for Bob", async () => {
    for (const c of [alice, bob]) await (await c.termsAndConditions.accept({ documentLink: "https://threefold.io/tc", documentHash: "h" })).apply();
    for (const c of [alice, bob]) await (await c.twins.create({ relay: "relay.dev.grid.tf", pk: null })).apply();
    await (await alice.farms.create({
      name: "alice_farm",
      publicIps: [{ ip: "185.206.122.33/24", gw: "185.206.122.1" }, { ip: "185.206.122.34/24", gw: "185.206.122.1" }],
    })).apply();
    const resources = { hru: 1024 * GB, sru: 512 * GB, cru: 8, mru: 16 * GB };
    const location = { city: "Ghent", country: "Belgium", latitude: "51.05", longitude: "3.71" };
    await apply(alice, api().tx.tfgridModule.createNode(1, resources, location, [], false, false, null));
    assert.equal(Number(await alice.tftPrice.get()), 50, "the dev chain starts at 50 mUSD");
  });

  it("creates a node contract with a public IP, updates it, and reserves the farm's first IP", async () => {
    const contract = await (await bob.contracts.createNode({ nodeId: 1, hash: hash(1), data: "deployment", numberOfPublicIps: 1 })).apply();
    assert.equal(contract.contractId, 1);
    const ip = (await alice.farms.get({ id: 1 })).publicIps[0];
    assert.equal(ip.contractId, 1);
    await (await bob.contracts.updateNode({ id: 1, hash: hash(2), data: "deployment-v2" })).apply();
    assert.equal((await bob.contracts.getContractIdByNodeIdAndHash({ nodeId: 1, hash: hash(2) })), 1);
    const name = await (await bob.contracts.createName({ name: "bobsgateway" })).apply();
    assert.equal(name.contractId, 2);
    assert.equal(await bob.contracts.getContractIdByName({ name: "bobsgateway" }), 2);
  });

  it("bills the node contract from the node's resource and NRU reports, at each cycle, with no extrinsic", async () => {
    const used = { hru: 0, sru: 60 * GB, cru: 2, mru: 4 * GB };
    await apply(alice, api().tx.smartContractModule.reportContractResources([{ contractId: 1, used }]));
    const now = Math.floor((await api().query.timestamp.now()).toNumber() / 1000);
    await apply(alice, api().tx.smartContractModule.addNruReports([{ contractId: 1, timestamp: now, window: 60, nru: 2_000_000_000 }]));
    const from = await bestNumber();
    await createBlocks(20);
    const billed = (await contractEventsSince(from)).filter((e) => e.method === "ContractBilled").map((e) => e.data[0]);
    const forNode = billed.filter((b: any) => b.contractId === 1);
    const forName = billed.filter((b: any) => b.contractId === 2);
    assert.ok(forNode.length >= 2 && forName.length >= 2, `each contract billed every cycle (${forNode.length}, ${forName.length})`);
    const state = await bob.contracts.getContractPaymentState(1);
    const reserved = everyBillOf(await contractEventsSince(0), 1).reduce((sum: bigint, b: any) => sum + BigInt(b.amountBilled), 0n);
    assert.equal(BigInt(state.standardReserve), reserved, "what was billed is reserved on Bob's account");
    assert.equal(Number((await bob.contracts.getContractBillingInformationByID(1)).amountUnbilled), 0, "NRU billed");
    // The name contract's bills, recomputed from TFChain's formulas: Δt between bills, pricing policy 1, 50 mUSD.
    const policy = (await api().query.tfgridModule.pricingPolicies(1)).toJSON();
    const nameBills = everyBillOf(await contractEventsSince(0), 2);
    for (let i = 1; i < nameBills.length; i++) {
      const seconds = BigInt(nameBills[i].timestamp - nameBills[i - 1].timestamp);
      const usd = nameCostUnitsUsd(seconds, { ...policy, unique_name: { value: policy.uniqueName.value, unit: "Gigabytes" } });
      const tft = costInTft(usd, { average: 50, min: 10, max: 1000 });
      const expected = U64F64.toInt(U64F64.round(U64F64.mul(U64F64.int(tft), MULTIPLIER[nameBills[i].discountLevel as keyof typeof MULTIPLIER])));
      assert.equal(BigInt(nameBills[i].amountBilled), expected, `bill ${i} of the name contract`);
    }
    const lock = await bob.contracts.contractLock({ id: 1 });
    assert.equal(Number(lock.amountLocked), 0, "2.9 reserves; the spec-149 lock record stays empty");
  });

  it("bills a contract on request (unlock = bill_contract_for_block), a no-op right after its cycle", async () => {
    const from = await bestNumber();
    await bob.contracts.unlock(2);
    const billed = (await contractEventsSince(from)).filter((e) => e.method === "ContractBilled");
    assert.deepEqual(billed, [], "nothing new to bill within the cycle's block");
  });

  it("cancels the node contract (its IP freed) and the name contract (its name freed)", async () => {
    await (await bob.contracts.cancel({ id: 1 })).apply();
    assert.equal((await alice.farms.get({ id: 1 })).publicIps[0].contractId, 0);
    assert.equal(await bob.contracts.get({ id: 1 }), null);
    await (await bob.contracts.cancel({ id: 2 })).apply();
    assert.equal(await bob.contracts.getContractIdByName({ name: "bobsgateway" }), 0);
  });

  it("rents the node, refuses a second rent, and cancels the rent", async () => {
    const rent = await (await bob.contracts.createRent({ nodeId: 1 })).apply();
    assert.equal(await bob.contracts.getContractIdByActiveRentForNode({ nodeId: 1 }), rent.contractId);
    await rejectsWith(async () => (await alice.contracts.createRent({ nodeId: 1 })).apply(), "NodeHasRentContract");
    await (await bob.contracts.cancel({ id: rent.contractId })).apply();
    assert.equal(await bob.contracts.getContractIdByActiveRentForNode({ nodeId: 1 }), null);
  });

  it("puts a contract of a drained twin into grace and takes it out after a top-up", async () => {
    await (await alice.balances.transfer({ address: carol.address, amount: Number(10n * TFT) })).apply();
    await (await carol.termsAndConditions.accept({ documentLink: "https://threefold.io/tc", documentHash: "h" })).apply();
    await (await carol.twins.create({ relay: "relay.dev.grid.tf", pk: null })).apply();
    const name = await (await carol.contracts.createName({ name: "carolsgateway" })).apply();
    // Keep little more than the existential deposit and a fee: the next bill cannot be reserved.
    const free = BigInt((await api().query.system.account(carol.address)).data.free.toString());
    const transfer = api().tx.balances.transferKeepAlive(alice.address, 0);
    const fee = BigInt((await transfer.paymentInfo(carol.address)).partialFee.toString());
    await apply(carol, api().tx.balances.transferKeepAlive(alice.address, free - fee - 600n));
    let from = await bestNumber();
    await createBlocks(10);
    let events = await contractEventsSince(from);
    assert.ok(events.some((e) => e.method === "ContractGracePeriodStarted" && e.data.contractId === name.contractId), "grace started");
    assert.ok(events.some((e) => e.method === "ContractPaymentOverdrawn" && e.data.contractId === name.contractId), "overdrawn");
    assert.ok("gracePeriod" in (await carol.contracts.get({ id: name.contractId })).state);
    await (await alice.balances.transfer({ address: carol.address, amount: Number(10n * TFT) })).apply();
    from = await bestNumber();
    await createBlocks(10);
    events = await contractEventsSince(from);
    assert.ok(events.some((e) => e.method === "ContractGracePeriodEnded" && e.data.contractId === name.contractId), "grace ended");
    assert.ok("created" in (await carol.contracts.get({ id: name.contractId })).state);
  });

  it("runs a service contract: fees, metadata, approvals, a bill paid by the consumer, cancel", async () => {
    const service = await (await alice.contracts.createService({ serviceAccount: alice.address, consumerAccount: bob.address })).apply();
    const serviceId = service.serviceContractId;
    await (await alice.contracts.setServiceFees({ serviceId, baseFee: 1000, variableFee: 500 })).apply();
    await (await bob.contracts.setServiceMetadata({ serviceId, metadata: "vpn for bob" })).apply();
    await (await alice.contracts.approveService({ serviceId, approve: true })).apply();
    await (await bob.contracts.approveService({ serviceId, approve: true })).apply();
    assert.equal((await alice.contracts.getService({ serviceId })).state, "ApprovedByBoth");
    await createBlocks(3);
    const before = BigInt((await api().query.system.account(bob.address)).data.free.toString());
    const from = await bestNumber();
    await (await alice.contracts.billService({ serviceId, variableAmount: 1, metadata: "usage" })).apply();
    const billed = (await contractEventsSince(from)).find((e) => e.method === "ServiceContractBilled");
    assert.ok(billed && BigInt(billed.data.amount) > 0n, "billed");
    const after = BigInt((await api().query.system.account(bob.address)).data.free.toString());
    assert.ok(before - after >= BigInt(billed.data.amount), "the consumer paid");
    await rejectsWith(async () => (await alice.contracts.billService({ serviceId, variableAmount: 10_000, metadata: "" })).apply(), "ServiceContractBillingVariableAmountTooHigh");
    assert.equal(await (await bob.contracts.cancelService({ serviceId })).apply(), serviceId);
  });

  it("sets a dedicated node's extra fee (the farmer), and burns TFT", async () => {
    await (await alice.contracts.setDedicatedNodeExtraFee({ nodeId: 1, extraFee: 10_000 })).apply();
    assert.equal(Number(await alice.contracts.getDedicatedNodeExtraFee({ nodeId: 1 })), 10_000);
    await rejectsWith(async () => (await bob.contracts.createNode({ nodeId: 1, hash: hash(3), data: "x", numberOfPublicIps: 0 })).apply(), "NodeNotAvailableToDeploy");
    const issuance = BigInt((await api().query.balances.totalIssuance()).toString());
    await apply(alice, api().tx.burningModule.burnTft(TFT, "bye"));
    assert.equal(BigInt((await api().query.balances.totalIssuance()).toString()), issuance - TFT);
  });
});
