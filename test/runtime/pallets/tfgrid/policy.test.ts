import { strict as assert } from "node:assert";
import { utf8 } from "../../../../primitives/bytes.js";
import { ROOT } from "../../../../runtime/origin.js";
import { tfgridStorage as S } from "../../../../runtime/pallets/tfgrid/index.js";
import { computeUnits, storageUnits } from "../../../../runtime/pallets/tfgrid/resources.js";
import { storage as systemStorage } from "../../../../runtime/pallets/system/storage.js";
import { ALICE, BOB, nodeArgs, TfgridBlock } from "./fixtures.js";

// Ports of TFChain's pallet-tfgrid tests on pricing and farming policies, farm policy limits, the ZOS version
// and the connection price, plus restricted-origin and bad-input cases TFChain lacks.

const farmOf = (t: TfgridBlock, id: number) => S.Farms.get(t.io, id)!;
const nodeOf = (t: TfgridBlock, id: number) => S.Nodes.get(t.io, id)!;
const farmingPolicy = (t: TfgridBlock, id: number) => S.FarmingPoliciesMap.get(t.io, id);
const policyOfNode = (t: TfgridBlock, nodeId: number) => farmingPolicy(t, nodeOf(t, nodeId).farming_policy_id);

/** The `FarmingPolicyLimit` most tests attach: 20 CU, 2 SU, 10 nodes, ending mid-2022. */
function limitFor(farmingPolicyId: number, overrides: Record<string, unknown> = {}) {
  return {
    farming_policy_id: farmingPolicyId, cu: 20n, su: 2n, end: 1654058949n, node_count: 10, node_certification: false,
    ...overrides,
  };
}

/** `System::set_block_number(n)`: the rest of the scenario runs as block `n`. */
function setBlockNumber(t: TfgridBlock, n: number): void {
  systemStorage.Number.set(t.io, n);
  (t.b.block as { blockNumber: number }).blockNumber = n;
}

/** `create_extra_node()`: Bob's node on farm 1, in Rio, without serial number. */
function createExtraNode(t: TfgridBlock): void {
  const location = {
    city: utf8("Rio de Janeiro"), country: utf8("Brazil"), latitude: utf8("43.1868"), longitude: utf8("22.9694"),
  };
  t.ok(BOB, "create_node", nodeArgs(1, { location, serial_number: undefined }));
}

function certifyNode(t: TfgridBlock, nodeId: number, certification: string): void {
  if (!S.AllowedNodeCertifiers.get(t.io)?.length) t.ok(ROOT, "add_node_certifier", { certifier: ALICE });
  t.ok(ALICE, "set_node_certification", { node_id: nodeId, node_certification: certification });
}

function farmingPolicyArgs(name: string, overrides: Record<string, unknown> = {}) {
  return {
    name: utf8(name), su: 12, cu: 15, nu: 10, ipv4: 8, minimal_uptime: 9999, policy_end: 101, immutable: true,
    default: true, node_certification: "Diy", farm_certification: "Gold", ...overrides,
  };
}

const gb = (value: number) => ({ value, unit: "Gigabytes" });

function pricingPolicyArgs(name: string, overrides: Record<string, unknown> = {}) {
  return {
    name: utf8(name), su: gb(150000), cu: gb(300000), nu: gb(1000), ipu: gb(50000), unique_name: gb(10000),
    domain_name: gb(20000), foundation_account: BOB, certified_sales_account: BOB, discount_for_dedication_nodes: 50,
    ...overrides,
  };
}

/**
 * `test_attach_farming_policy_flow`: attaching `farmingPolicyId` with limits to farm 1 moves its node off the
 * default DIY policy 2, spends the node's CU, SU and one node slot, and emits FarmUpdated, NodeUpdated,
 * FarmingPolicySet last.
 */
function attachFarmingPolicyFlow(farmingPolicyId: number): void {
  const t = TfgridBlock.withNode();
  const policy = farmingPolicy(t, farmingPolicyId);
  const limit = limitFor(policy.id);

  assert.equal(farmOf(t, 1).farming_policy_limits, undefined);
  const before = nodeOf(t, 1);
  assert.equal(before.farming_policy_id, 2);
  assert.equal(before.certification, "Diy");
  assert.ok(computeUnits(before.resources) <= limit.cu, "the node's CU fit the limit");
  assert.ok(storageUnits(before.resources) <= limit.su, "the node's SU fit the limit");

  t.ok(ROOT, "attach_policy_to_farm", { farm_id: 1, limits: limit });

  const farm = farmOf(t, 1);
  assert.deepEqual(farm.farming_policy_limits, { ...limit, cu: 0n, su: 0n, node_count: 9 });
  assert.equal(farm.certification, policy.farm_certification);
  const node = nodeOf(t, 1);
  assert.equal(node.farming_policy_id, policy.id);
  assert.equal(node.certification, policy.node_certification);
  assert.deepEqual(t.events().slice(-3), [
    { name: "FarmUpdated", value: [farm] },
    { name: "NodeUpdated", value: [node] },
    { name: "FarmingPolicySet", value: [1, limit] },
  ]);
}

describe("TfgridModule farming policies", () => {
  it("stores a farming policy with cu and su in struct order (create_farming_policy_works)", () => {
    const t = new TfgridBlock();
    t.ok(ROOT, "create_farming_policy", farmingPolicyArgs("f1"));
    const stored = farmingPolicy(t, 1);
    assert.deepEqual(stored, {
      version: 2, id: 1, name: utf8("f1"), cu: 15, su: 12, nu: 10, ipv4: 8, minimal_uptime: 9999, policy_created: 1,
      policy_end: 101, immutable: true, default: true, node_certification: "Diy", farm_certification: "Gold",
    });
    assert.equal(S.FarmingPolicyID.get(t.io), 1);
    assert.deepEqual(t.lastEvent(), { name: "FarmingPolicyStored", value: [stored] });
  });

  it("updates a farming policy, keeping its creation block and immutability (edit_farming_policy_works)", () => {
    const t = new TfgridBlock();
    t.ok(ROOT, "create_farming_policy", farmingPolicyArgs("f1"));
    const { immutable: _, ...update } = farmingPolicyArgs("f1_updated", { farm_certification: "NotCertified" });
    t.ok(ROOT, "update_farming_policy", { farming_policy_id: 1, ...update });
    const stored = farmingPolicy(t, 1);
    assert.deepEqual(stored.name, utf8("f1_updated"));
    assert.equal(stored.farm_certification, "NotCertified");
    assert.equal(stored.immutable, true);
    assert.equal(stored.policy_created, 1);
    assert.equal(S.FarmingPolicyID.get(t.io), 1);
    assert.deepEqual(t.lastEvent(), { name: "FarmingPolicyUpdated", value: [stored] });
  });

  it("rejects updating a farming policy that does not exist", () => {
    const t = new TfgridBlock();
    const { immutable: _, ...update } = farmingPolicyArgs("f1");
    t.noop(ROOT, "update_farming_policy", { farming_policy_id: 1, ...update }, "FarmingPolicyNotExists");
  });

  it("ranks default policies by farm then node certification, best first (sort_policies)", () => {
    // f1 (DIY, Gold), f2 (DIY), f3 (certified, Gold), f4 (certified): sorted and reversed they read f3, f1,
    // f4, f2, so the best policy a node may have is the first of that order its certifications allow.
    const t = TfgridBlock.withNode();
    assert.equal(nodeOf(t, 1).farming_policy_id, 2);
    certifyNode(t, 1, "Certified");
    assert.equal(nodeOf(t, 1).farming_policy_id, 4);
    t.ok(ROOT, "set_farm_certification", { farm_id: 1, certification: "Gold" });
    certifyNode(t, 1, "Certified");
    assert.equal(nodeOf(t, 1).farming_policy_id, 3);
    certifyNode(t, 1, "Diy");
    assert.equal(nodeOf(t, 1).farming_policy_id, 1);
    // A limit the node does not fit falls back to the first default policy overall: f3.
    t.ok(ROOT, "attach_policy_to_farm", { farm_id: 1, limits: limitFor(2, { cu: 0n }) });
    assert.equal(nodeOf(t, 1).farming_policy_id, 3);
    // Without f3 among the defaults, farm certification outranks node certification: f1 before f4.
    const { immutable: _, ...f3 } = farmingPolicyArgs("f3", { default: false, node_certification: "Certified" });
    t.ok(ROOT, "update_farming_policy", { farming_policy_id: 3, ...f3 });
    t.createTwin(BOB);
    createExtraNode(t);
    assert.equal(nodeOf(t, 2).farming_policy_id, 1);
  });

  it("prefers a default policy over a non-default one that fits better (test_farming_policies_ordering_and_assignment)", () => {
    const t = new TfgridBlock();
    const notCertified = { farm_certification: "NotCertified" };
    t.ok(ROOT, "create_farming_policy", farmingPolicyArgs("default_not_certified", notCertified));
    t.ok(ROOT, "create_farming_policy", farmingPolicyArgs("fp_1", {
      immutable: false, default: false, node_certification: "Certified", farm_certification: "NotCertified",
    }));
    t.ok(ROOT, "create_farming_policy", farmingPolicyArgs("default_certified", { node_certification: "Certified" }));
    t.ok(ROOT, "create_farming_policy", farmingPolicyArgs("fp_2", {
      immutable: false, default: false, farm_certification: "NotCertified",
    }));
    t.createTwin(BOB);
    t.createFarm(BOB, "bob_farm", false);
    createExtraNode(t);
    // Ascending the policies rank 4, 2, 1, 3: the DIY node on a plain farm gets 1, the last default it fits.
    assert.equal(nodeOf(t, 1).farming_policy_id, 1);
    certifyNode(t, 1, "Certified");
    assert.equal(nodeOf(t, 1).farming_policy_id, 1, "policy 2 fits better but is not default");
    t.ok(ROOT, "set_farm_certification", { farm_id: 1, certification: "Gold" });
    certifyNode(t, 1, "Certified");
    assert.equal(nodeOf(t, 1).farming_policy_id, 3);
  });
});

describe("TfgridModule farm policy limits", () => {
  it("gives node 1 default DIY policy 2 (attach_farming_policy_to_farm_works)", () => {
    attachFarmingPolicyFlow(2);
  });

  it("gives node 1 the Gold farm policy 1 (attach_farming_policy_with_gold_farm_certification_works)", () => {
    attachFarmingPolicyFlow(1);
  });

  it("gives node 1 the certified node policy 3 (attach_farming_policy_with_certified_node_certification_works)", () => {
    attachFarmingPolicyFlow(3);
  });

  it("leaves nodes on a custom policy alone when another is attached (attach_another_custom_farming_policy_to_farm_works)", () => {
    const t = TfgridBlock.withNode();
    t.createCustomFarmingPolicies();
    const f5 = farmingPolicy(t, 5);
    const f6 = farmingPolicy(t, 6);

    t.ok(ROOT, "attach_policy_to_farm", { farm_id: 1, limits: limitFor(f5.id) });
    assert.equal(nodeOf(t, 1).farming_policy_id, f5.id);
    assert.equal(nodeOf(t, 1).certification, f5.node_certification);

    // Node 1 is on custom f5 now, so attaching f6 spends nothing on it.
    const limit6 = limitFor(f6.id);
    t.ok(ROOT, "attach_policy_to_farm", { farm_id: 1, limits: limit6 });
    assert.deepEqual(farmOf(t, 1).farming_policy_limits, limit6);
    assert.equal(farmOf(t, 1).certification, f6.farm_certification);
    assert.equal(nodeOf(t, 1).farming_policy_id, f5.id);
    assert.equal(nodeOf(t, 1).certification, f5.node_certification);

    t.createTwin(BOB);
    createExtraNode(t);
    assert.equal(nodeOf(t, 2).farming_policy_id, f6.id);
    assert.equal(nodeOf(t, 2).certification, f6.node_certification);
    assert.deepEqual(farmOf(t, 1).farming_policy_limits, { ...limit6, cu: 0n, su: 0n, node_count: 9 });
  });

  it("stores the limits on the farm (add_farm_limits_works)", () => {
    const t = new TfgridBlock();
    t.createTwin();
    t.createFarm();
    const limit = limitFor(1, { cu: 5n, su: 10n });
    t.ok(ROOT, "attach_policy_to_farm", { farm_id: 1, limits: limit });
    assert.deepEqual(farmOf(t, 1).farming_policy_limits, limit);
  });

  it("refuses a policy past its end block (add_farm_limits_on_expired_policy_fails)", () => {
    const t = new TfgridBlock();
    t.createTwin();
    t.createFarm();
    // Created at block 1 with policy_end 101 (a duration): expired from block 102.
    setBlockNumber(t, 1 + 102);
    const limits = limitFor(1, { cu: 5n, su: 10n });
    t.noop(ROOT, "attach_policy_to_farm", { farm_id: 1, limits }, "FarmingPolicyExpired");
    assert.equal(farmOf(t, 1).farming_policy_limits, undefined);
  });

  it("accepts a policy until the block before created + policy_end", () => {
    const t = new TfgridBlock();
    t.createTwin();
    t.createFarm();
    setBlockNumber(t, 101);
    t.ok(ROOT, "attach_policy_to_farm", { farm_id: 1, limits: limitFor(2) });
    setBlockNumber(t, 102);
    t.noop(ROOT, "attach_policy_to_farm", { farm_id: 1, limits: limitFor(1) }, "FarmingPolicyExpired");
  });

  it("refuses limits for a farm that does not exist (add_farm_limits_to_non_existent_farm_fails)", () => {
    const t = new TfgridBlock();
    t.noop(ROOT, "attach_policy_to_farm", { farm_id: 1, limits: limitFor(1, { cu: 5n, su: 10n }) }, "FarmNotExists");
  });

  it("does nothing when no limits are given", () => {
    const t = new TfgridBlock();
    t.createTwin();
    t.createFarm();
    const root = t.stateRoot();
    const events = t.events().length;
    t.ok(ROOT, "attach_policy_to_farm", { farm_id: 1, limits: undefined });
    assert.deepEqual(t.stateRoot(), root);
    assert.equal(t.events().length, events);
  });

  it("gives a booting node the attached policy and spends the limits (boot_node_when_farming_policy_has_limits_works)", () => {
    const t = new TfgridBlock();
    t.createTwin();
    t.createFarm();
    const limit = limitFor(1, { cu: 21n, su: 10n });
    t.ok(ROOT, "attach_policy_to_farm", { farm_id: 1, limits: limit });
    assert.deepEqual(farmOf(t, 1).farming_policy_limits, limit);
    t.createNode();
    assert.deepEqual(farmOf(t, 1).farming_policy_limits, { ...limit, cu: 1n, su: 8n, node_count: 9 });
    assert.equal(nodeOf(t, 1).farming_policy_id, 1);
  });

  it("gives a booting node a default policy when its CU exceed the limit (boot_node_when_farming_policy_low_cu_limit_should_fall_back_to_a_default_policy_fails)", () => {
    const t = new TfgridBlock();
    t.createTwin();
    t.createFarm();
    const limit = limitFor(1, { cu: 5n, su: 10n });
    t.ok(ROOT, "attach_policy_to_farm", { farm_id: 1, limits: limit });
    assert.deepEqual(farmOf(t, 1).farming_policy_limits, limit);
    t.createNode();
    assert.equal(policyOfNode(t, 1).default, true);
    assert.equal(nodeOf(t, 1).farming_policy_id, 3, "the best default policy");
    assert.deepEqual(farmOf(t, 1).farming_policy_limits, limit, "nothing spent");
  });
});

describe("TfgridModule node certification and farming policy", () => {
  it("moves a certified node to a certified policy (node_switches_farming_policy_when_marked_as_certified_works)", () => {
    const t = TfgridBlock.withNode();
    assert.equal(policyOfNode(t, 1).node_certification, "Diy");
    certifyNode(t, 1, "Certified");
    assert.equal(policyOfNode(t, 1).node_certification, "Certified");
  });

  it("moves the node back to a DIY policy when uncertified (node_switches_farming_policy_when_marked_as_certified_toggle_works)", () => {
    const t = TfgridBlock.withNode();
    assert.equal(policyOfNode(t, 1).node_certification, "Diy");
    certifyNode(t, 1, "Certified");
    assert.equal(policyOfNode(t, 1).node_certification, "Certified");
    certifyNode(t, 1, "Diy");
    assert.equal(policyOfNode(t, 1).node_certification, "Diy");
  });

  it("moves a certified node on a Gold farm to the certified Gold policy (node_switches_farming_policy_when_marked_as_certified_and_gold_farm_works)", () => {
    const t = TfgridBlock.withNode();
    assert.equal(policyOfNode(t, 1).node_certification, "Diy");
    assert.equal(policyOfNode(t, 1).farm_certification, "NotCertified");
    t.ok(ROOT, "set_farm_certification", { farm_id: 1, certification: "Gold" });
    certifyNode(t, 1, "Certified");
    assert.equal(policyOfNode(t, 1).node_certification, "Certified");
    assert.equal(policyOfNode(t, 1).farm_certification, "Gold");
  });
});

describe("TfgridModule pricing policies", () => {
  it("updates a policy's values and name, refusing another policy's name (test_create_and_update_policy)", () => {
    const t = new TfgridBlock();
    t.ok(ROOT, "create_pricing_policy", pricingPolicyArgs("policy_1"));
    const id = S.PricingPolicyIdByName.get(t.io, utf8("policy_1"));
    assert.equal(id, 1);

    t.ok(ROOT, "update_pricing_policy", { pricing_policy_id: id, ...pricingPolicyArgs("policy_1", { nu: gb(900) }) });
    let stored = S.PricingPolicies.get(t.io, id)!;
    assert.deepEqual(stored.name, utf8("policy_1"));
    assert.equal(stored.id, id);
    assert.deepEqual(stored.nu, gb(900));

    const renamed = pricingPolicyArgs("policy_1_updated", { nu: gb(900), su: gb(500) });
    t.ok(ROOT, "update_pricing_policy", { pricing_policy_id: id, ...renamed });
    stored = S.PricingPolicies.get(t.io, id)!;
    assert.deepEqual(stored.name, utf8("policy_1_updated"));
    assert.equal(stored.id, id);
    assert.deepEqual(stored.su, gb(500));
    assert.equal(S.PricingPolicyIdByName.contains(t.io, utf8("policy_1")), false, "the old name is freed");

    t.ok(ROOT, "create_pricing_policy", pricingPolicyArgs("policy_2"));
    const id2 = S.PricingPolicyIdByName.get(t.io, utf8("policy_2"));
    t.noop(ROOT, "update_pricing_policy", { pricing_policy_id: id2, ...renamed }, "PricingPolicyWithDifferentIdExists");
  });

  it("emits PricingPolicyStored with the created and the updated policy", () => {
    const t = new TfgridBlock();
    t.ok(ROOT, "create_pricing_policy", pricingPolicyArgs("policy_1"));
    assert.deepEqual(t.lastEvent(), { name: "PricingPolicyStored", value: [S.PricingPolicies.get(t.io, 1)] });
    const update = pricingPolicyArgs("policy_1", { discount_for_dedication_nodes: 30 });
    t.ok(ROOT, "update_pricing_policy", { pricing_policy_id: 1, ...update });
    const stored = S.PricingPolicies.get(t.io, 1)!;
    assert.equal(stored.discount_for_dedication_nodes, 30);
    assert.deepEqual(t.lastEvent(), { name: "PricingPolicyStored", value: [stored] });
  });

  it("rejects a second policy with a taken name", () => {
    const t = new TfgridBlock();
    t.ok(ROOT, "create_pricing_policy", pricingPolicyArgs("policy_1"));
    t.noop(ROOT, "create_pricing_policy", pricingPolicyArgs("policy_1", { su: gb(1) }), "PricingPolicyExists");
  });

  it("rejects updating a pricing policy that does not exist", () => {
    const t = new TfgridBlock();
    const update = { pricing_policy_id: 1, ...pricingPolicyArgs("policy_1") };
    t.noop(ROOT, "update_pricing_policy", update, "PricingPolicyNotExists");
  });

  it("resets the id counter to the updated policy's id, so the next policy overwrites a later one", () => {
    // TFChain's update_pricing_policy puts the updated id into PricingPolicyID.
    const t = new TfgridBlock();
    t.ok(ROOT, "create_pricing_policy", pricingPolicyArgs("policy_1"));
    t.ok(ROOT, "create_pricing_policy", pricingPolicyArgs("policy_2"));
    t.ok(ROOT, "update_pricing_policy", { pricing_policy_id: 1, ...pricingPolicyArgs("policy_1") });
    assert.equal(S.PricingPolicyID.get(t.io), 1);
    t.ok(ROOT, "create_pricing_policy", pricingPolicyArgs("policy_3"));
    assert.equal(S.PricingPolicyID.get(t.io), 2);
    assert.deepEqual(S.PricingPolicies.get(t.io, 2)!.name, utf8("policy_3"));
    assert.equal(S.PricingPolicyIdByName.get(t.io, utf8("policy_2")), 2, "the stale name still points at id 2");
  });
});

describe("TfgridModule ZOS version and connection price", () => {
  it("stores the ZOS version and emits ZosVersionUpdated (test_set_zos_version)", () => {
    const t = new TfgridBlock();
    t.ok(ROOT, "set_zos_version", { zos_version: utf8("1.0.0") });
    assert.deepEqual(S.ZosVersion.get(t.io), utf8("1.0.0"));
    const updates = t.events().filter((e) => e.name === "ZosVersionUpdated");
    assert.deepEqual(updates, [{ name: "ZosVersionUpdated", value: [utf8("1.0.0")] }]);
  });

  it("refuses setting the ZOS version already set (test_set_invalid_zos_version_fails)", () => {
    const t = new TfgridBlock();
    t.ok(ROOT, "set_zos_version", { zos_version: utf8("1.0.0") });
    t.noop(ROOT, "set_zos_version", { zos_version: S.ZosVersion.get(t.io) }, "InvalidZosVersion");
  });

  it("sets the connection price that new nodes take, leaving existing nodes' price", () => {
    const t = TfgridBlock.withNode();
    t.ok(ROOT, "set_connection_price", { price: 800 });
    assert.equal(S.ConnectionPrice.get(t.io), 800);
    assert.deepEqual(t.lastEvent(), { name: "ConnectionPriceSet", value: [800] });
    t.createTwin(BOB);
    createExtraNode(t);
    assert.equal(nodeOf(t, 1).connection_price, 0);
    assert.equal(nodeOf(t, 2).connection_price, 800);
  });
});

describe("TfgridModule restricted policy calls", () => {
  const { immutable: _, ...farmingUpdate } = farmingPolicyArgs("f1");
  const restricted: [string, Record<string, unknown>][] = [
    ["create_pricing_policy", pricingPolicyArgs("policy_1")],
    ["update_pricing_policy", { pricing_policy_id: 1, ...pricingPolicyArgs("policy_1") }],
    ["create_farming_policy", farmingPolicyArgs("f9")],
    ["update_farming_policy", { farming_policy_id: 1, ...farmingUpdate }],
    ["set_connection_price", { price: 800 }],
    ["set_zos_version", { zos_version: utf8("1.0.0") }],
    ["attach_policy_to_farm", { farm_id: 1, limits: limitFor(1) }],
    ["set_farm_certification", { farm_id: 1, certification: "Gold" }],
  ];

  it("refuse a signed origin with BadOrigin, changing nothing", () => {
    const t = new TfgridBlock();
    t.createTwin();
    t.createFarm();
    t.ok(ROOT, "create_pricing_policy", pricingPolicyArgs("policy_1"));
    for (const [name, args] of restricted) {
      const root = t.stateRoot();
      const events = t.events().length;
      const out = t.call(ALICE, name, args);
      assert.deepEqual(out.error, { tag: "BadOrigin" }, name);
      assert.deepEqual(t.stateRoot(), root, `${name}: state unchanged`);
      assert.equal(t.events().length, events, `${name}: no event`);
    }
  });
});
