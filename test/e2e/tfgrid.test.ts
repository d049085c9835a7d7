// The grid registry through @threefold/tfchain_client 2.9.2, unchanged, against a spawned dev node: a farmer
// (Alice) with a dashboard, a 3Node (Bob) registering itself, and Alice's stash bonding to a twin.
// Calls the client has no helper for go through its own `api.tx` and `patchExtrinsic`, as its users do.
import { strict as assert } from "node:assert";
import { createRequire } from "node:module";
import { Keyring } from "@polkadot/keyring";
import { u8aToHex, stringToU8a } from "@polkadot/util";
import { startNode, type NodeProcess } from "./node-process.js";

const { Client } = createRequire(import.meta.url)("@threefold/tfchain_client");

// The client refuses `//Alice`-style URIs; these are the seeds the dev phrase derives (Substrate's well-known values).
const ALICE_SEED = "0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a";
const BOB_SEED = "0x398f0c28f98885e046333d4a41c19cee4c37368a9832c6502f6cfd182e2aef89";
// `//Alice//stash`, endowed on the dev chain.
const STASH_SEED = "0x3c881bc4d45926680c64a7f9315eeda3dd287f8d598f3653d7c107799c5422b3";
const GB = 1024 ** 3;

describe("e2e: TfgridModule with @threefold/tfchain_client", function () {
  this.timeout(180_000);
  let node: NodeProcess;
  let farmer: any;
  let zos: any;
  let stash: any;
  const log = console.log;

  before(async () => {
    // The client logs every event of every extrinsic; keep the test output readable.
    console.log = () => {};
    node = await startNode(["--dev", "--sealing", "instant"]);
    [farmer, zos, stash] = [ALICE_SEED, BOB_SEED, STASH_SEED].map((s) => new Client({ url: node.wsUrl, mnemonicOrSecret: s }));
    for (const c of [farmer, zos, stash]) await c.connect();
  });
  after(async () => {
    console.log = log;
    for (const c of [farmer, zos, stash]) await c?.disconnect();
    await node?.stop();
  });

  const tx = (client: any) => client.api.tx.tfgridModule;
  const apply = async (client: any, extrinsic: any) => client.patchExtrinsic(extrinsic).apply();
  const query = () => farmer.api.query.tfgridModule;

  /** The client rejects with TFChain's module error: section `tfgridModule`, the error's name. */
  async function rejectsWith(make: () => Promise<any>, keyError: string): Promise<void> {
    await assert.rejects(make(), (e: any) => {
      assert.equal(e.section, "tfgridModule", `${keyError}: ${e.message}`);
      assert.equal(e.keyError, keyError);
      return true;
    });
  }

  it("accepts terms and conditions, then creates and updates a twin", async () => {
    for (const c of [farmer, zos]) {
      await (await c.termsAndConditions.accept({ documentLink: "https://library.threefold.me/info/legal/#/", documentHash: "abc123" })).apply();
    }
    const twin = await (await farmer.twins.create({ relay: "relay.dev.grid.tf", pk: "0x1234" })).apply();
    assert.equal(twin.id, 1);
    assert.equal(twin.accountId, farmer.address);
    await (await zos.twins.create({ relay: "relay.dev.grid.tf", pk: null })).apply();
    await (await farmer.twins.update({ relay: "relay.grid.tf", pk: "0xabcd" })).apply();
    const stored = await farmer.twins.get({ id: 1 });
    assert.equal(stored.relay, "relay.grid.tf");
    assert.equal(stored.pk, "0xabcd");
    assert.equal(await zos.twins.getMyTwinId(), 2);
  });

  it("refuses a second twin for the same account (TwinWithPubkeyExists), storage unchanged", async () => {
    await rejectsWith(async () => (await farmer.twins.create({ relay: "relay.dev.grid.tf", pk: null })).apply(), "TwinWithPubkeyExists");
    assert.equal((await query().twinID()).toNumber(), 2);
  });

  it("creates an entity signed by its key and attaches it to the farmer's twin", async () => {
    const entityKey = new Keyring({ type: "ed25519" }).addFromUri("//TheFarmCompany");
    const [name, country, city] = ["the_farm_company", "Belgium", "Ghent"];
    const signature = u8aToHex(entityKey.sign(stringToU8a(name + country + city)), -1, false);
    await apply(farmer, tx(farmer).createEntity(entityKey.address, name, country, city, signature));
    const entity = (await query().entities(1)).toPrimitive();
    assert.equal(entity.accountId, entityKey.address);
    const proof = new Uint8Array(8);
    new DataView(proof.buffer).setUint32(0, 1);
    new DataView(proof.buffer).setUint32(4, 1);
    await apply(farmer, tx(farmer).addTwinEntity(1, 1, u8aToHex(entityKey.sign(proof), -1, false)));
    const twin = await farmer.twins.get({ id: 1 });
    assert.equal(twin.entities.length, 1);
    assert.equal(twin.entities[0].entityId, 1);
  });

  it("creates a farm with a public IP, adds and removes another, and sets a stellar payout address", async () => {
    const farm = await (await farmer.farms.create({ name: "alice_farm", publicIps: [{ ip: "185.206.122.33/24", gw: "185.206.122.1" }] })).apply();
    assert.equal(farm.id, 1);
    assert.equal(farm.twinId, 1);
    await (await farmer.farms.addFarmIp({ farmId: 1, ip: "185.206.122.34/24", gw: "185.206.122.1" })).apply();
    assert.equal((await farmer.farms.get({ id: 1 })).publicIps.length, 2);
    await (await farmer.farms.removeFarmIp({ farmId: 1, ip: "185.206.122.34/24" })).apply();
    const ips = (await farmer.farms.get({ id: 1 })).publicIps.map((p: any) => p.ip);
    assert.deepEqual(ips, ["185.206.122.33/24"]);
    const stellar = "GDHJP6TF3UXYXTNEZ2P36J5FH7W4BJJQ4AYYAXC66I2Q2AH5B6O6BCFG";
    assert.equal(await (await farmer.farms.addStellarAddress({ farmId: 1, stellarAddress: stellar })).apply(), 1);
    assert.equal((await query().farmPayoutV2AddressByFarmID(1)).toUtf8(), stellar);
  });

  it("refuses bad farm input with TFChain's errors, storage unchanged", async () => {
    await rejectsWith(async () => (await farmer.farms.create({ name: "bad farm!", publicIps: [] })).apply(), "InvalidFarmName");
    await rejectsWith(
      async () => (await farmer.farms.create({ name: "private_farm", publicIps: [{ ip: "10.0.0.2/24", gw: "10.0.0.1" }] })).apply(),
      "InvalidPublicIP",
    );
    await rejectsWith(async () => (await farmer.farms.addFarmIp({ farmId: 1, ip: "185.206.122.35/24", gw: "10.0.0.1" })).apply(), "InvalidPublicIP");
    await rejectsWith(async () => (await zos.farms.addFarmIp({ farmId: 1, ip: "185.206.122.36/24", gw: "185.206.122.1" })).apply(), "CannotUpdateFarmWrongTwin");
    assert.equal((await query().farmID()).toNumber(), 1);
    assert.equal((await farmer.farms.get({ id: 1 })).publicIps.length, 1);
  });

  const resources = { hru: 1024 * GB, sru: 512 * GB, cru: 8, mru: 16 * GB };
  const location = { city: "Ghent", country: "Belgium", latitude: "51.05", longitude: "3.71" };
  const interfaces = [{ name: "zos", mac: "00:0a:95:9d:68:16", ips: ["185.206.122.40", "2a10:b600:1::1"] }];

  it("registers a 3Node with capacity, location and interfaces, then updates it", async () => {
    await apply(zos, tx(zos).createNode(1, resources, location, interfaces, true, false, "SN-0001"));
    const created = await zos.nodes.get({ id: 1 });
    assert.equal(created.farmId, 1);
    assert.equal(created.twinId, 2);
    assert.equal(created.resources.cru, 8);
    assert.equal(created.farmingPolicyId, 1, "genesis policy 1 (DIY) for a DIY node on a not certified farm");
    assert.equal(created.connectionPrice, 80);
    await apply(zos, tx(zos).updateNode(1, 1, { ...resources, cru: 16 }, location, interfaces, true, false, "SN-0001"));
    assert.equal((await zos.nodes.get({ id: 1 })).resources.cru, 16);
    assert.deepEqual((await query().nodesByFarmID(1)).toPrimitive(), [1]);
  });

  it("sets the node's public config with a domain (the farmer)", async () => {
    const publicConfig = { ip4: { ip: "185.206.122.50/24", gw: "185.206.122.1" }, ip6: { ip: "2a10:b600:1::50/64", gw: "2a10:b600:1::1" }, domain: "gw1.alice.grid.tf" };
    await (await farmer.nodes.addNodePublicConfig({ farmId: 1, nodeId: 1, publicConfig })).apply();
    const stored = (await zos.nodes.get({ id: 1 })).publicConfig;
    assert.equal(stored.domain, "gw1.alice.grid.tf");
    await rejectsWith(
      async () => (await farmer.nodes.addNodePublicConfig({ farmId: 1, nodeId: 1, publicConfig: { ...publicConfig, domain: "bad domain" } })).apply(),
      "InvalidPublicConfig",
    );
  });

  it("takes uptime reports v2 within the timestamp hint window and refuses an expired hint", async () => {
    // Instant sealing moves the chain's clock at least a slot (6 s) per block, ahead of the wall clock: a
    // node's hint must follow the chain's time.
    const now = Math.floor((await zos.api.query.timestamp.now()).toNumber() / 1000);
    await apply(zos, tx(zos).reportUptimeV2(3600, now));
    await rejectsWith(async () => apply(zos, tx(zos).reportUptimeV2(3600, now - 3600)), "InvalidTimestampHint");
  });

  it("changes the power state (the node) and power target (the farmer)", async () => {
    await apply(zos, tx(zos).changePowerState("Down"));
    let power = (await query().nodePower(1)).toPrimitive();
    assert.ok(power.state.down > 0, "down since a block");
    await (await farmer.nodes.setPower({ nodeId: 1, power: false })).apply();
    power = (await query().nodePower(1)).toPrimitive();
    assert.equal(power.target, "Down");
    await rejectsWith(async () => (await zos.nodes.setPower({ nodeId: 1, power: true })).apply(), "UnauthorizedToChangePowerTarget");
  });

  it("bonds another account to a twin", async () => {
    await apply(stash, tx(stash).bondTwinAccount(1));
    assert.equal((await query().twinBoundedAccountID(1)).toString(), stash.address);
    await rejectsWith(async () => apply(farmer, tx(farmer).bondTwinAccount(1)), "TwinCannotBoundToItself");
  });

  it("lists farms, nodes and twins as a dashboard does", async () => {
    const ids = async (entries: Promise<any[]>) => (await entries).map(([k]) => k.args[0].toNumber()).sort();
    assert.deepEqual(await ids(query().farms.entries()), [1]);
    assert.deepEqual(await ids(query().nodes.entries()), [1]);
    assert.deepEqual(await ids(query().twins.entries()), [1, 2]);
    const policies = (await query().farmingPoliciesMap.entries()).map(([, v]: any) => v.toPrimitive().name);
    assert.equal(policies.length, 2, "the two genesis farming policies");
    const pricing = (await query().pricingPolicies(1)).toPrimitive();
    assert.equal(pricing.name, "threefold_default_pricing_policy");
  });
});
