// The reputation registry against a spawned dev node with manual sealing (chain time steps 6 s a block): a 3Node
// reports uptime through @threefold/tfchain_client's API, a twin runs out of funds; the views are read back over
// `reputation_*` and `api.query.reputation`.
import { strict as assert } from "node:assert";
import { createRequire } from "node:module";
import { ApiPromise, WsProvider } from "@polkadot/api";
import { mnemonicGenerate } from "@polkadot/util-crypto";
import { rpc, startNode, type NodeProcess } from "./node-process.js";

const { Client } = createRequire(import.meta.url)("@threefold/tfchain_client");

const ALICE_SEED = "0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a";
const GB = 1024 ** 3;
const TFT = 10_000_000;

describe("e2e: Reputation (index 60) over RPC and storage", function () {
  this.timeout(180_000);
  let node: NodeProcess;
  let alice: any;
  let dana: any;
  const log = console.log;

  before(async () => {
    console.log = () => {};
    node = await startNode(["--dev", "--sealing", "instant"]);
    alice = new Client({ url: node.wsUrl, mnemonicOrSecret: ALICE_SEED });
    dana = new Client({ url: node.wsUrl, mnemonicOrSecret: mnemonicGenerate() });
    for (const c of [alice, dana]) await c.connect();
  });
  after(async () => {
    console.log = log;
    for (const c of [alice, dana]) await c?.disconnect();
    await node?.stop();
  });

  const api = () => alice.api;
  const apply = async (client: any, extrinsic: any) => client.patchExtrinsic(extrinsic).apply();
  const chainSeconds = async () => Math.floor((await api().query.timestamp.now()).toNumber() / 1000);
  const createBlocks = async (n: number) => {
    for (let i = 0; i < n; i++) await rpc(node, "engine_createBlock", [true, false]);
  };
  const reputation = async (kind: string, id: unknown) => rpc(node, `reputation_${kind}`, [id]);

  it("credits a node's uptime reports in its open period", async () => {
    await (await alice.termsAndConditions.accept({ documentLink: "https://threefold.io/tc", documentHash: "h" })).apply();
    await (await alice.twins.create({ relay: "relay.dev.grid.tf", pk: null })).apply();
    await (await alice.farms.create({ name: "alice_farm", publicIps: [] })).apply();
    const resources = { hru: 1024 * GB, sru: 512 * GB, cru: 8, mru: 16 * GB };
    const location = { city: "Ghent", country: "Belgium", latitude: "51.05", longitude: "3.71" };
    await apply(alice, api().tx.tfgridModule.createNode(1, resources, location, [], false, false, null));
    await createBlocks(5);
    let now = await chainSeconds();
    await apply(alice, api().tx.tfgridModule.reportUptimeV2(25, now));
    await createBlocks(5);
    now = await chainSeconds();
    await apply(alice, api().tx.tfgridModule.reportUptimeV2(25 + 36, now));
    const view = (await reputation("node", 1)).result;
    assert.equal(view.nodeId, 1);
    assert.equal(view.farmId, 1);
    assert.ok(view.open.up >= 25, `credited ${view.open.up} s`);
    assert.equal(view.lastReport.uptime, 61);
    assert.equal(view.open.violation, null);
    const state = (await api().query.reputation.nodeState(1)).toJSON();
    assert.ok(state, "the live state is in storage, readable by @polkadot/api");
    assert.ok((await reputation("farm", 1)).result, "the farm has a view");
  });

  it("serves @polkadot/api with the README's rpc definitions", async () => {
    const polkadot = await ApiPromise.create({
      provider: new WsProvider(node.wsUrl),
      noInitWarn: true,
      rpc: {
        reputation: Object.fromEntries(["node", "farm", "twin"].map((kind) => [kind, {
          description: `The reputation of a ${kind}`,
          params: [{ name: "id", type: "u32" }, { name: "at", type: "Hash", isOptional: true }],
          type: "Json",
        }])),
      },
    });
    try {
      const view: any = (await (polkadot.rpc as any).reputation.node(1)).toJSON();
      assert.equal(view.nodeId, 1);
      assert.equal((await (polkadot.rpc as any).reputation.node(999)).isEmpty, true, "null reads as an empty Json");
    } finally {
      await polkadot.disconnect();
    }
  });

  it("answers null for unknown ids and -32602 for malformed ones", async () => {
    assert.equal((await reputation("node", 999)).result, null);
    assert.equal((await reputation("twin", 999)).result, null);
    assert.equal((await reputation("node", "one")).error.code, -32602);
  });

  it("lowers the payment score of a twin whose contract is overdrawn", async () => {
    await (await alice.balances.transfer({ address: dana.address, amount: 10 * TFT })).apply();
    await (await dana.termsAndConditions.accept({ documentLink: "https://threefold.io/tc", documentHash: "h" })).apply();
    await (await dana.twins.create({ relay: "relay.dev.grid.tf", pk: null })).apply();
    await (await dana.contracts.createName({ name: "danasname" })).apply();
    const free = BigInt((await api().query.system.account(dana.address)).data.free.toString());
    const transfer = api().tx.balances.transferKeepAlive(alice.address, 0);
    const fee = BigInt((await transfer.paymentInfo(dana.address)).partialFee.toString());
    await apply(dana, api().tx.balances.transferKeepAlive(alice.address, free - fee - 600n));
    await createBlocks(20);
    const twinId = (await dana.twins.getMyTwinId()) as number;
    const view = (await reputation("twin", twinId)).result;
    assert.ok(view, "the twin has a payment record");
    assert.ok(JSON.stringify(view).includes("overdrawn"), JSON.stringify(view));
    const stored = (await api().query.reputation.twinPayment(twinId)).toJSON();
    assert.ok(stored.overdrawn >= 1, `overdrawn bills counted: ${JSON.stringify(stored)}`);
    assert.ok(stored.beta > 0, "beta grew: the score fell");
  });
});
