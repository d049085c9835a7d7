// TFChain's pallet-tfgrid tests of 3Nodes (tests.rs: registration, update, deletion by the farmer, interfaces,
// certifiers and certification, public config; node.rs: the latitude/longitude checks), plus bad inputs TFChain
// does not try. The mock's hooks do nothing; where a scenario records them, it passes its own.
import { strict as assert } from "node:assert";
import { concat, utf8 } from "../../../../primitives/bytes.js";
import { ROOT } from "../../../../runtime/origin.js";
import type { TfgridHooks } from "../../../../runtime/pallets/tfgrid/hooks.js";
import { tfgridStorage as storage } from "../../../../runtime/pallets/tfgrid/index.js";
import { validateIp4, validateIp6 } from "../../../../runtime/pallets/tfgrid/net-validation.js";
import type { Node, PublicConfig } from "../../../../runtime/pallets/tfgrid/types.js";
import { isValidLatitude, isValidLongitude, isValidPublicConfig } from "../../../../runtime/pallets/tfgrid/validate.js";
import {
  ALICE, BOB, ENTITY_ED25519, entitySignature, GIGABYTE, nodeArgs, TfgridBlock,
} from "./fixtures.js";

/** `create_entity()`: entity `foobar` in Ghent, Belgium, for the ed25519 entity key. */
function createEntity(t: TfgridBlock): void {
  const [name, country, city] = [utf8("foobar"), utf8("Belgium"), utf8("Ghent")];
  t.ok(ALICE, "create_entity", {
    target: ENTITY_ED25519, name, country, city, signature: entitySignature(concat(name, country, city)),
  });
}

/** Entity, Alice's twin, farm 1 with the default policies, and Alice's node 1: the usual opening. */
function withNode(hooks?: TfgridHooks): TfgridBlock {
  const t = new TfgridBlock({ hooks });
  createEntity(t);
  t.createTwin();
  t.createFarm();
  t.createNode();
  return t;
}

const node = (t: TfgridBlock, id = 1): Node => storage.Nodes.get(t.io, id)!;

/** `update_node` arguments that keep node `id` as it is stored, with `overrides`. */
function sameNode(t: TfgridBlock, id: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const n = node(t, id);
  return {
    node_id: id, farm_id: n.farm_id, resources: n.resources, location: n.location, interfaces: [],
    secure_boot: true, virtualized: true, serial_number: undefined, ...overrides,
  };
}

function certifyAsAlice(t: TfgridBlock): void {
  t.ok(ROOT, "add_node_certifier", { certifier: ALICE });
  t.ok(ALICE, "set_node_certification", { node_id: 1, node_certification: "Certified" });
}

const config = (ip: string, gw: string, ip6?: [string, string], domain?: string): PublicConfig => ({
  ip4: { ip: utf8(ip), gw: utf8(gw) },
  ip6: ip6 && { ip: utf8(ip6[0]), gw: utf8(ip6[1]) },
  domain: domain === undefined ? undefined : utf8(domain),
});
const FULL_CONFIG = config("185.206.122.33/24", "185.206.122.1", ["2a10:b600:1::0cc4:7a30:65b5/64", "2a10:b600:1::1"], "some-domain");

describe("TfgridModule nodes", () => {
  describe("create_node", () => {
    it("stores the node with its twin, the default DIY policy and the block time (create_node_works)", () => {
      const changed: [Node | undefined, Node][] = [];
      const t = new TfgridBlock({ hooks: { nodeChanged: (_, before, after) => changed.push([before, after]) } });
      createEntity(t);
      t.createTwin();
      t.createFarm();
      t.setTimestamp(1628082000000);
      t.createNode();

      const n = node(t);
      assert.deepEqual(
        { id: n.id, farm: n.farm_id, twin: n.twin_id, created: n.created, policy: n.farming_policy_id, cert: n.certification },
        { id: 1, farm: 1, twin: 1, created: 1628082000n, policy: 2, cert: "Diy" },
      );
      assert.deepEqual(n.resources, { hru: 1024n * GIGABYTE, sru: 512n * GIGABYTE, cru: 8n, mru: 16n * GIGABYTE });
      assert.deepEqual(n.serial_number, utf8("Default String"));
      assert.equal(n.public_config, undefined);
      assert.equal(storage.NodeID.get(t.io), 1);
      assert.equal(storage.NodeIdByTwinID.get(t.io, 1), 1);
      assert.deepEqual(t.lastEvent(), { name: "NodeStored", value: [n] });
      assert.equal(changed.length, 1);
      assert.equal(changed[0]![0], undefined);
      assert.equal(changed[0]![1].id, 1);
    });

    it("lists the node under its farm (create_node_added_to_farm_list_works)", () => {
      const t = withNode();
      assert.deepEqual(storage.NodesByFarmID.get(t.io, 1), [1]);
    });

    it("stores the interfaces given (create_node_with_interfaces_works)", () => {
      const t = new TfgridBlock();
      createEntity(t);
      t.createTwin();
      t.createFarm();
      const zos = { name: utf8("zos"), mac: utf8("00:00:5e:00:53:af"), ips: [utf8("10.2.3.3")] };
      t.ok(ALICE, "create_node", nodeArgs(1, { interfaces: [zos], serial_number: undefined }));
      assert.deepEqual(node(t).interfaces, [zos]);
      assert.equal(node(t).serial_number, undefined);
    });

    it("refuses a second node for the same twin, before looking at its resources (create_node_with_same_pubkey_fails)", () => {
      const t = withNode();
      const tiny = { hru: 1n, sru: 1n, cru: 1n, mru: 1n };
      t.noop(ALICE, "create_node", nodeArgs(1, { resources: tiny, serial_number: undefined }), "NodeWithTwinIdExists");
    });

    it("refuses an unknown farm, then a caller without twin", () => {
      const t = new TfgridBlock();
      t.createTwin();
      t.createFarm();
      t.noop(ALICE, "create_node", nodeArgs(2), "FarmNotExists");
      t.noop(BOB, "create_node", nodeArgs(1), "TwinNotExists");
    });

    it("refuses resources under each minimum: 100 GiB of HDD or SSD (2.9), 1 core, 2 GiB memory", () => {
      const t = new TfgridBlock();
      t.createTwin();
      t.createFarm();
      const under = 100n * GIGABYTE - 1n;
      const base = { hru: 0n, sru: 100n * GIGABYTE, cru: 1n, mru: 2n * GIGABYTE };
      const cases: [Record<string, bigint>, string][] = [
        [{ hru: under, sru: under }, "InvalidStorageInput"],
        [{ cru: 0n }, "InvalidCRUInput"],
        [{ mru: 2n * GIGABYTE - 1n }, "InvalidMRUInput"],
        [{ hru: 0n, sru: 0n, cru: 0n, mru: 0n }, "InvalidStorageInput"],
      ];
      for (const [change, error] of cases) t.noop(ALICE, "create_node", nodeArgs(1, { resources: { ...base, ...change } }), error);

      // An HDD-only node registers since 2.9, as an SSD-only one always could.
      t.ok(ALICE, "create_node", nodeArgs(1, { resources: { ...base, hru: 100n * GIGABYTE, sru: 0n } }));
      t.createTwin(BOB);
      t.ok(BOB, "create_node", nodeArgs(1, { resources: base }));
    });

    it("refuses a location with a bad city, country, latitude or longitude, in that order", () => {
      const t = new TfgridBlock();
      t.createTwin();
      t.createFarm();
      const good = { city: "Ghent", country: "Belgium", latitude: "12.233213231", longitude: "32.323112123" };
      const cases: [Partial<typeof good>, string][] = [
        [{ city: "" }, "CityNameTooShort"],
        [{ city: "x".repeat(59) }, "CityNameTooLong"],
        [{ city: "", country: "B" }, "CityNameTooShort"],
        [{ country: "B" }, "CountryNameTooShort"],
        [{ country: "x".repeat(57) }, "CountryNameTooLong"],
        [{ latitude: "" }, "LatitudeInputTooShort"],
        [{ latitude: "1".repeat(51) }, "LatitudeInputTooLong"],
        [{ latitude: "90.1" }, "InvalidLatitudeInput"],
        [{ latitude: "north", longitude: "" }, "InvalidLatitudeInput"],
        [{ longitude: "" }, "LongitudeInputTooShort"],
        [{ longitude: "1".repeat(51) }, "LongitudeInputTooLong"],
        [{ longitude: "-180.5" }, "InvalidLongitudeInput"],
      ];
      for (const [change, error] of cases) {
        const l = { ...good, ...change };
        const location = { city: utf8(l.city), country: utf8(l.country), latitude: utf8(l.latitude), longitude: utf8(l.longitude) };
        t.noop(ALICE, "create_node", nodeArgs(1, { location }), error);
      }
      const unknown = { city: utf8("Y"), country: utf8("BE"), latitude: utf8("Unknown"), longitude: utf8("Unknown") };
      t.ok(ALICE, "create_node", nodeArgs(1, { location: unknown }));
    });

    it("refuses interfaces with a bad name, MAC or IP", () => {
      const t = new TfgridBlock();
      t.createTwin();
      t.createFarm();
      const good = { name: "zos", mac: "00:00:5e:00:53:af", ips: ["10.2.3.3"] };
      const cases: [Partial<typeof good>, string][] = [
        [{ name: "zo" }, "InterfaceNameTooShort"],
        [{ name: "z".repeat(21) }, "InterfaceNameTooLong"],
        [{ name: "Zos" }, "InvalidInterfaceName"],
        [{ name: "zos.1" }, "InvalidInterfaceName"],
        [{ mac: "00:00:5e:00:53:a" }, "InterfaceMacTooShort"],
        [{ mac: "00:00:5e:00:53:af:" }, "InterfaceMacTooLong"],
        [{ mac: "00-00-5e-00-53-af" }, "InvalidMacAddress"],
        [{ mac: "00:00:5e:00:53:ag" }, "InvalidMacAddress"],
        [{ ips: ["10.2.3"] }, "InterfaceIpTooShort"],
        [{ ips: ["1".repeat(43)] }, "InterfaceIpTooLong"],
        [{ ips: ["10.2.3.3/24"] }, "InvalidInterfaceIP"],
        [{ ips: ["10.2.3.3", "fe80::1::2"] }, "InvalidInterfaceIP"],
      ];
      for (const [change, error] of cases) {
        const i = { ...good, ...change };
        const intf = { name: utf8(i.name), mac: utf8(i.mac), ips: i.ips.map(utf8) };
        t.noop(ALICE, "create_node", nodeArgs(1, { interfaces: [intf] }), error);
      }
      const v6 = { name: utf8("eth_0-1"), mac: utf8("AA:BB:CC:DD:EE:FF"), ips: [utf8("2a10:b600:1::1")] };
      t.ok(ALICE, "create_node", nodeArgs(1, { interfaces: [v6] }));
    });
  });

  describe("update_node", () => {
    it("moves the node from its old farm's list to the new one, fee-free (update_node_moved_from_farm_list_works)", () => {
      const changed: [Node | undefined, Node][] = [];
      const t = new TfgridBlock({ hooks: { nodeChanged: (_, before, after) => changed.push([before, after]) } });
      createEntity(t);
      t.createTwin();
      t.createFarm();
      t.createFarm(ALICE, "test_farm2");
      t.createNode();
      assert.deepEqual(storage.NodesByFarmID.get(t.io, 1), [1]);

      const out = t.ok(ALICE, "update_node", { node_id: 1, ...nodeArgs(2, { serial_number: undefined }) });
      assert.equal(out.postInfo.paysFee, "No");
      assert.deepEqual(storage.NodesByFarmID.get(t.io, 1), []);
      assert.deepEqual(storage.NodesByFarmID.get(t.io, 2), [1]);
      assert.equal(node(t).farm_id, 2);
      assert.equal(node(t).serial_number, undefined);
      assert.deepEqual(t.lastEvent(), { name: "NodeUpdated", value: [node(t)] });
      assert.equal(changed.length, 2);
      assert.equal(changed[1]![0]!.farm_id, 1);
      assert.equal(changed[1]![1].farm_id, 2);
    });

    it("drops a certified node to DIY when its resources change (update_certified_node_resources_loses_certification_works)", () => {
      const t = withNode();
      certifyAsAlice(t);
      assert.equal(node(t).certification, "Certified");

      t.ok(ALICE, "update_node", sameNode(t, 1, { resources: { ...node(t).resources, cru: 2n } }));
      assert.ok(t.events().some((e) => e.name === "NodeCertificationSet" && e.value[0] === 1 && e.value[1] === "Diy"));
      assert.equal(node(t).certification, "Diy");
      assert.equal(node(t).resources.cru, 2n);
    });

    it("keeps a certified node certified when its resources stay (update_certified_node_same_resources_keeps_certification_works)", () => {
      const t = withNode();
      certifyAsAlice(t);
      const certSets = t.events().filter((e) => e.name === "NodeCertificationSet").length;

      t.ok(ALICE, "update_node", sameNode(t, 1));
      assert.equal(node(t).certification, "Certified");
      assert.equal(t.events().filter((e) => e.name === "NodeCertificationSet").length, certSets);
    });

    it("refuses an unknown node, another twin's node and an unknown farm", () => {
      const t = withNode();
      t.createTwin(BOB);
      t.noop(ALICE, "update_node", sameNode(t, 1, { node_id: 2 }), "NodeNotExists");
      t.noop(BOB, "update_node", sameNode(t, 1), "NodeUpdateNotAuthorized");
      t.noop(ALICE, "update_node", sameNode(t, 1, { farm_id: 7 }), "FarmNotExists");
      t.noop(ALICE, "update_node", sameNode(t, 1, { resources: { ...node(t).resources, cru: 0n } }), "InvalidCRUInput");
    });
  });

  describe("deletion", () => {
    it("lets the farmer delete the node and unlists it (test_delete_node_works)", () => {
      const deleted: Node[] = [];
      const t = new TfgridBlock({ hooks: { nodeDeleted: (_, n) => deleted.push(n) } });
      t.createTwin();
      t.createFarm();
      t.createNode();
      assert.deepEqual(storage.NodesByFarmID.get(t.io, 1), [1]);
      const before = node(t);

      t.ok(ALICE, "delete_node_farm", { node_id: 1 });
      assert.deepEqual(storage.NodesByFarmID.get(t.io, 1), []);
      assert.equal(storage.Nodes.get(t.io, 1), undefined);
      assert.equal(storage.NodeIdByTwinID.contains(t.io, 1), false);
      assert.deepEqual(t.lastEvent(), { name: "NodeDeleted", value: [1] });
      assert.deepEqual(deleted, [before]);
    });

    it("refuses a twin that does not own the farm (test_delete_node_fails_if_not_authorized)", () => {
      const t = new TfgridBlock();
      t.createTwin();
      t.createTwin(BOB);
      t.createFarm();
      t.createNode();
      t.noop(BOB, "delete_node_farm", { node_id: 1 }, "FarmerNotAuthorized");
    });

    it("lets the node's own twin delete it, keeping its twin index (delete_node)", () => {
      const deleted: Node[] = [];
      const t = withNode({ nodeDeleted: (_, n) => deleted.push(n) });
      t.createTwin(BOB);
      t.noop(BOB, "delete_node", { node_id: 1 }, "NodeUpdateNotAuthorized");
      t.noop(ALICE, "delete_node", { node_id: 2 }, "NodeNotExists");

      t.ok(ALICE, "delete_node", { node_id: 1 });
      assert.equal(storage.Nodes.get(t.io, 1), undefined);
      assert.deepEqual(storage.NodesByFarmID.get(t.io, 1), []);
      assert.equal(storage.NodeIdByTwinID.get(t.io, 1), 1);
      assert.equal(deleted.length, 1);
      assert.deepEqual(t.lastEvent(), { name: "NodeDeleted", value: [1] });
    });
  });

  describe("certifiers and certification", () => {
    it("adds a certifier to the allowed list (add_node_certifier_works)", () => {
      const t = new TfgridBlock();
      t.ok(ROOT, "add_node_certifier", { certifier: ALICE });
      assert.deepEqual(storage.AllowedNodeCertifiers.get(t.io), [ALICE]);
      assert.deepEqual(t.lastEvent(), { name: "NodeCertifierAdded", value: [ALICE] });
    });

    it("refuses the same certifier twice (add_node_certifier_double_fails)", () => {
      const t = new TfgridBlock();
      t.ok(ROOT, "add_node_certifier", { certifier: ALICE });
      assert.deepEqual(storage.AllowedNodeCertifiers.get(t.io), [ALICE]);
      t.noop(ROOT, "add_node_certifier", { certifier: ALICE }, "AlreadyCertifier");
    });

    it("removes a certifier (remove_node_certifier_works)", () => {
      const t = new TfgridBlock();
      t.ok(ROOT, "add_node_certifier", { certifier: ALICE });
      t.ok(ROOT, "remove_node_certifier", { certifier: ALICE });
      assert.deepEqual(storage.AllowedNodeCertifiers.get(t.io), []);
      assert.deepEqual(t.lastEvent(), { name: "NodeCertifierRemoved", value: [ALICE] });
      t.noop(ROOT, "remove_node_certifier", { certifier: BOB }, "NotCertifier");
    });

    it("lets an allowed certifier certify a node and undo it (set_certification_type_node_allowed_certifier_works)", () => {
      const t = withNode();
      certifyAsAlice(t);
      assert.equal(node(t).certification, "Certified");
      assert.equal(node(t).farming_policy_id, 4, "a default policy is chosen anew: f4, certified node on a plain farm");
      assert.deepEqual(t.events().slice(-2), [
        { name: "NodeUpdated", value: [node(t)] },
        { name: "NodeCertificationSet", value: [1, "Certified"] },
      ]);

      t.ok(ALICE, "set_node_certification", { node_id: 1, node_certification: "Diy" });
      assert.equal(node(t).certification, "Diy");
      assert.equal(node(t).farming_policy_id, 2);
    });

    it("refuses a signer who is not a certifier (set_certification_type_node_not_allowed_certifier_fails)", () => {
      const t = withNode();
      t.noop(ALICE, "set_node_certification", { node_id: 1, node_certification: "Certified" }, "NotAllowedToCertifyNode");
    });

    it("lets the council (root) certify without being a certifier (set_certification_type_node_council_works)", () => {
      const t = withNode();
      t.ok(ROOT, "set_node_certification", { node_id: 1, node_certification: "Certified" });
      assert.equal(node(t).certification, "Certified");
      t.ok(ROOT, "set_node_certification", { node_id: 1, node_certification: "Diy" });
      assert.equal(node(t).certification, "Diy");
    });

    it("refuses to certify a node that does not exist (set_certification_type_node_not_exists_fails)", () => {
      const t = new TfgridBlock();
      createEntity(t);
      t.createTwin();
      t.createFarm();
      t.noop(ROOT, "set_node_certification", { node_id: 1, node_certification: "Certified" }, "NodeNotExists");
    });
  });

  describe("public config", () => {
    it("stores IPv4, IPv6 and domain set by the farmer (node_add_public_config_works)", () => {
      const t = withNode();
      t.ok(ALICE, "add_node_public_config", { farm_id: 1, node_id: 1, public_config: FULL_CONFIG });
      assert.deepEqual(node(t).public_config, FULL_CONFIG);
      assert.deepEqual(t.lastEvent(), { name: "NodePublicConfigStored", value: [1, FULL_CONFIG] });
    });

    it("stores a config with IPv4 only (node_add_public_config_without_ipv6_and_domain_works)", () => {
      const t = withNode();
      const ip4Only = config("185.206.122.33/24", "185.206.122.1");
      t.ok(ALICE, "add_node_public_config", { farm_id: 1, node_id: 1, public_config: ip4Only });
      assert.deepEqual(node(t).public_config, ip4Only);
    });

    it("refuses a caller who is not the farm's twin (node_add_public_config_fails_if_signature_incorrect)", () => {
      const t = withNode();
      t.noop(BOB, "add_node_public_config", { farm_id: 1, node_id: 1, public_config: FULL_CONFIG }, "CannotUpdateFarmWrongTwin");
    });

    it("clears the config when given none (test_unsetting_node_public_config_works)", () => {
      const t = withNode();
      t.ok(ALICE, "add_node_public_config", { farm_id: 1, node_id: 1, public_config: FULL_CONFIG });
      assert.deepEqual(node(t).public_config, FULL_CONFIG);
      t.ok(ALICE, "add_node_public_config", { farm_id: 1, node_id: 1, public_config: undefined });
      assert.equal(node(t).public_config, undefined);
      assert.deepEqual(t.lastEvent(), { name: "NodePublicConfigStored", value: [1, undefined] });
    });

    it("refuses an IPv4 without mask (test_node_public_config_falsy_values_fails)", () => {
      const t = withNode();
      const falsy = config("1.1.1.1", "185.206.122.1", ["2a10:b600:1::0cc4:7a30:65b5/64", "2a10:b600:1::1"], "some-domain");
      t.noop(ALICE, "add_node_public_config", { farm_id: 1, node_id: 1, public_config: falsy }, "InvalidPublicConfig");
    });

    it("refuses a bad domain, an unknown farm or node, and a node of another farm", () => {
      const t = withNode();
      const badDomain = config("185.206.122.33/24", "185.206.122.1", undefined, "some_domain");
      t.noop(ALICE, "add_node_public_config", { farm_id: 1, node_id: 1, public_config: badDomain }, "InvalidPublicConfig");
      t.noop(ALICE, "add_node_public_config", { farm_id: 9, node_id: 1, public_config: FULL_CONFIG }, "FarmNotExists");
      t.noop(ALICE, "add_node_public_config", { farm_id: 1, node_id: 9, public_config: FULL_CONFIG }, "NodeNotExists");
      t.createFarm(ALICE, "test_farm2", false);
      t.noop(ALICE, "add_node_public_config", { farm_id: 2, node_id: 1, public_config: FULL_CONFIG }, "NodeUpdateNotAuthorized");
    });

    // `PublicConfig::is_valid` names the failing part; the call maps any failure to InvalidPublicConfig.
    it("finds an IPv4 without mask invalid (test_validate_pub_config_invalid_ip4)", () => {
      const c = config("185.206.122.33", "185.206.122.1", ["2a10:b600:1::0cc4:7a30:65b5/64", "2a10:b600:1::1"], "some-domain");
      assert.equal(validateIp4(c.ip4.ip, c.ip4.gw), "InvalidIp4");
      assert.equal(isValidPublicConfig(c), false);
    });

    it("finds a gateway outside the IPv4 subnet invalid (test_validate_pub_config_invalid_gw4)", () => {
      const c = config("185.206.122.33/24", "185.206.132.1", ["2a10:b600:1::0cc4:7a30:65b5/64", "2a10:b600:1::1"], "some-domain");
      assert.equal(validateIp4(c.ip4.ip, c.ip4.gw), "InvalidPublicIp");
      assert.equal(isValidPublicConfig(c), false);
    });

    it("finds a gateway outside the IPv6 subnet invalid (test_validate_pub_config_invalid_ip6)", () => {
      const c = config("185.206.122.33/24", "185.206.122.1", ["2a10::0cc4:7a30:65b5/32", "2a10:b600:1::1"], "some-domain");
      assert.equal(validateIp4(c.ip4.ip, c.ip4.gw), undefined);
      assert.equal(validateIp6(c.ip6!.ip, c.ip6!.gw), "InvalidPublicIp");
      assert.equal(isValidPublicConfig(c), false);
      assert.equal(isValidPublicConfig(FULL_CONFIG), true);
    });
  });

  describe("coordinates (node.rs)", () => {
    const b = utf8;

    it("accepts latitudes within ±90 only (test_validate_latitude_input_works)", () => {
      for (const ok of ["90.0", "-90.0", "0.0"]) assert.equal(isValidLatitude(b(ok)), true, ok);
      for (const bad of ["90.00001", "-90.00001", "garbage data"]) assert.equal(isValidLatitude(b(bad)), false, bad);
      // TFChain's latitude test checks the comma case with the longitude function; both reject it.
      assert.equal(isValidLongitude(b("30,35465")), false);
      assert.equal(isValidLatitude(b("30,35465")), false);
    });

    it("accepts longitudes within ±180 only (test_validate_longitude_input_works)", () => {
      for (const ok of ["180.0", "-180.0", "0.0"]) assert.equal(isValidLongitude(b(ok)), true, ok);
      for (const bad of ["180.00001", "-180.00001", "30,35465", "garbage data"]) {
        assert.equal(isValidLongitude(b(bad)), false, bad);
      }
    });

    it("reads numbers as Rust's f32 parser does, and takes `Unknown` as is", () => {
      for (const ok of ["Unknown", "+45", "45.", ".5", "1e1", "-9E+1"]) assert.equal(isValidLatitude(b(ok)), true, ok);
      for (const bad of ["unknown", " 45", "45 ", "0x10", "1e", "", "NaN", "inf", "--1"]) {
        assert.equal(isValidLatitude(b(bad)), false, bad);
      }
    });

    it("rounds the decimal to f32 once, as Rust does: just past the halfway point above the limit is out", () => {
      // 90 + 2^-18 and 180 + 2^-17 are halfway to the next f32 and round (to even) down onto the limit.
      assert.equal(isValidLatitude(b("90.000003814697265625")), true);
      assert.equal(isValidLatitude(b("90.0000038146972656250000000001")), false);
      assert.equal(isValidLatitude(b("-90.0000038146972656250000000001")), false);
      assert.equal(isValidLongitude(b("180.00000762939453125")), true);
      assert.equal(isValidLongitude(b("180.0000076293945312500001")), false);
      assert.equal(isValidLatitude(b("0.09e3")), true);
      assert.equal(isValidLatitude(b("1e-99999999999999999999")), true);
      assert.equal(isValidLongitude(b("1e99999999999999999999")), false);
    });
  });
});
