// TFChain's pallet-tfgrid farm scenarios (tests.rs: creation, names, public IPs, payout address, certification,
// dedication), the 2.9 variants of a few, then bad inputs TFChain's suite leaves out.
import { strict as assert } from "node:assert";
import { utf8 } from "../../../../primitives/bytes.js";
import { ROOT } from "../../../../runtime/origin.js";
import { tfgridStorage as S } from "../../../../runtime/pallets/tfgrid/index.js";
import { callOf } from "../../../helpers/pallet-block.js";
import { ALICE, BOB, TfgridBlock } from "./fixtures.js";

const ip = (address: string, gateway: string) => ({ ip: utf8(address), gw: utf8(gateway) });
const FARM_IP = ip("185.206.122.33/24", "185.206.122.1");

/** Alice's twin and `test_farm` (farm 1, with the farming policies), as most scenarios start. */
function aliceFarm(): TfgridBlock {
  const t = new TfgridBlock();
  t.createTwin(ALICE);
  t.createFarm(ALICE);
  return t;
}

function createFarmArgs(name: string, publicIps: { ip: Uint8Array; gw: Uint8Array }[] = []) {
  return { name: utf8(name), public_ips: publicIps };
}

describe("TfgridModule farms", () => {
  it("stores the farm with its IPs and indexes its name (test_create_farm_works)", () => {
    const t = new TfgridBlock();
    t.createTwin(ALICE);
    t.ok(ALICE, "create_farm", createFarmArgs("test_farm", [FARM_IP]));
    const farm = {
      version: 4, id: 1, name: utf8("test_farm"), twin_id: 1, pricing_policy_id: 1, certification: "NotCertified",
      public_ips: [{ ip: FARM_IP.ip, gateway: FARM_IP.gw, contract_id: 0n }], dedicated_farm: false,
      farming_policy_limits: undefined,
    };
    assert.deepEqual(S.Farms.get(t.io, 1), farm);
    assert.equal(S.FarmIdByName.get(t.io, utf8("test_farm")), 1);
    assert.equal(S.FarmID.get(t.io), 1);
    assert.deepEqual(t.lastEvent(), { name: "FarmStored", value: [farm] });
  });

  it("rejects names with other characters than [a-zA-Z0-9_-] or under 3 bytes (test_create_farm_invalid_name_fails)", () => {
    const t = new TfgridBlock();
    t.createTwin(ALICE);
    t.noop(ALICE, "create_farm", createFarmArgs("test.farm"), "InvalidFarmName");
    t.noop(ALICE, "create_farm", createFarmArgs("test farm"), "InvalidFarmName");
    t.noop(ALICE, "create_farm", createFarmArgs(""), "FarmNameTooShort");
    t.noop(ALICE, "create_farm", createFarmArgs("12"), "FarmNameTooShort");
  });

  it("renames a farm and moves its name index (test_update_farm_name_works)", () => {
    const t = aliceFarm();
    assert.deepEqual(S.Farms.get(t.io, 1)!.name, utf8("test_farm"));
    assert.equal(S.FarmIdByName.get(t.io, utf8("test_farm")), 1);
    t.ok(ALICE, "update_farm", { farm_id: 1, name: utf8("alice_farm") });
    const farm = S.Farms.get(t.io, 1)!;
    assert.deepEqual(farm.name, utf8("alice_farm"));
    assert.equal(S.FarmIdByName.get(t.io, utf8("test_farm")), 0);
    assert.equal(S.FarmIdByName.get(t.io, utf8("alice_farm")), 1);
    assert.deepEqual(t.lastEvent(), { name: "FarmUpdated", value: [farm] });
  });

  it("renames a second farmer's farm (test_update_farm_name_works, 2.9)", () => {
    const t = aliceFarm();
    t.createTwin(BOB);
    t.ok(BOB, "create_farm", createFarmArgs("bob_farm"));
    t.ok(BOB, "update_farm", { farm_id: 2, name: utf8("bob_updated_farm") });
    assert.deepEqual(S.Farms.get(t.io, 2)!.name, utf8("bob_updated_farm"));
    assert.equal(S.FarmIdByName.get(t.io, utf8("bob_farm")), 0);
    assert.equal(S.FarmIdByName.get(t.io, utf8("bob_updated_farm")), 2);
  });

  it("keeps the farm as is, without event, when renamed to its own name", () => {
    const t = aliceFarm();
    const events = t.events().length;
    const root = t.stateRoot();
    t.ok(ALICE, "update_farm", { farm_id: 1, name: utf8("test_farm") });
    assert.equal(t.events().length, events);
    assert.deepEqual(t.stateRoot(), root);
  });

  it("refuses a rename by another farmer (test_update_farm_name_unauthorized_fails)", () => {
    const t = aliceFarm();
    t.createTwin(BOB);
    t.noop(BOB, "update_farm", { farm_id: 1, name: utf8("bob_farm") }, "CannotUpdateFarmWrongTwin");
  });

  it("refuses a rename to another farm's name (test_update_farm_name_existing_name_fails)", () => {
    const t = aliceFarm();
    t.createTwin(BOB);
    t.ok(BOB, "create_farm", createFarmArgs("bob_farm"));
    t.noop(ALICE, "update_farm", { farm_id: 1, name: utf8("bob_farm") }, "InvalidFarmName");
  });

  it("refuses a rename to another farm's name, the other way round (test_update_farm_existing_name_fails, 2.9)", () => {
    const t = new TfgridBlock();
    t.createTwin(ALICE);
    t.ok(ALICE, "create_farm", createFarmArgs("alice_farm"));
    t.createTwin(BOB);
    t.ok(BOB, "create_farm", createFarmArgs("bob_farm"));
    t.noop(BOB, "update_farm", { farm_id: 2, name: utf8("alice_farm") }, "InvalidFarmName");
  });

  it("rejects the same IP twice in a new farm (test_create_farm_duplicate_ip_fails)", () => {
    const t = new TfgridBlock();
    t.createTwin(ALICE);
    t.noop(ALICE, "create_farm", createFarmArgs("test_farm", [FARM_IP, FARM_IP]), "IpExists");
  });

  it("rejects the same IP twice in a new farm (test_create_farm_with_double_ip_fails, 2.9)", () => {
    const t = new TfgridBlock();
    t.createTwin(ALICE);
    t.noop(ALICE, "create_farm", createFarmArgs("test_farm", [FARM_IP, { ...FARM_IP }]), "IpExists");
  });

  it("rejects a gateway equal to the IP itself (test_create_farm_not_valid_ip_fails)", () => {
    const t = new TfgridBlock();
    t.createTwin(ALICE);
    t.noop(ALICE, "create_farm", createFarmArgs("test_farm", [ip("185.206.122.33/24", "185.206.122.33")]), "InvalidPublicIP");
  });

  it("appends an IP to the farm (test_adding_ip_to_farm_works)", () => {
    const t = aliceFarm();
    t.ok(ALICE, "add_farm_ip", { farm_id: 1, ...ip("185.206.122.125/16", "185.206.122.1") });
    const farm = S.Farms.get(t.io, 1)!;
    assert.deepEqual(farm.public_ips, [
      { ip: FARM_IP.ip, gateway: FARM_IP.gw, contract_id: 0n },
      { ip: utf8("185.206.122.125/16"), gateway: utf8("185.206.122.1"), contract_id: 0n },
    ]);
    assert.deepEqual(t.lastEvent(), { name: "FarmUpdated", value: [farm] });
  });

  it("rejects an IP without prefix length (test_adding_misformatted_ip_to_farm_fails)", () => {
    const t = aliceFarm();
    t.noop(ALICE, "add_farm_ip", { farm_id: 1, ...ip("185.206.122.125", "185.206.122.1") }, "InvalidPublicIP");
  });

  it("rejects an IP the farm already has (test_adding_ip_duplicate_to_farm_fails)", () => {
    const t = aliceFarm();
    const args = { farm_id: 1, ...ip("185.206.122.125/16", "185.206.122.1") };
    t.ok(ALICE, "add_farm_ip", args);
    t.noop(ALICE, "add_farm_ip", args, "IpExists");
  });

  it("marks a farm dedicated (test_set_farm_dedicated)", () => {
    const t = aliceFarm();
    t.ok(ROOT, "set_farm_dedicated", { farm_id: 1, dedicated: true });
    const farm = S.Farms.get(t.io, 1)!;
    assert.equal(farm.dedicated_farm, true);
    assert.deepEqual(t.lastEvent(), { name: "FarmUpdated", value: [farm] });
  });

  it("marks a farm dedicated and back (test_toggle_farm_dedicated)", () => {
    const t = aliceFarm();
    t.ok(ROOT, "set_farm_dedicated", { farm_id: 1, dedicated: true });
    assert.equal(S.Farms.get(t.io, 1)!.dedicated_farm, true);
    t.ok(ROOT, "set_farm_dedicated", { farm_id: 1, dedicated: false });
    assert.equal(S.Farms.get(t.io, 1)!.dedicated_farm, false);
  });

  it("rejects a second farm with a taken name (test_create_farm_with_same_name_fails)", () => {
    const t = aliceFarm();
    t.noop(ALICE, "create_farm", createFarmArgs("test_farm"), "FarmExists");
  });

  it("registers and replaces the farm's stellar payout address (test_farm_add_stellar_payout_address)", () => {
    const t = aliceFarm();
    t.ok(ALICE, "add_stellar_payout_v2address", { farm_id: 1, stellar_address: utf8("some_address") });
    assert.deepEqual(S.FarmPayoutV2AddressByFarmID.get(t.io, 1), utf8("some_address"));
    t.ok(ALICE, "add_stellar_payout_v2address", { farm_id: 1, stellar_address: utf8("some_other_address") });
    assert.deepEqual(S.FarmPayoutV2AddressByFarmID.get(t.io, 1), utf8("some_other_address"));
    assert.deepEqual(t.lastEvent(), { name: "FarmPayoutV2AddressRegistered", value: [1, utf8("some_other_address")] });
  });

  it("sets a farm's certification (test_set_farm_certification_works)", () => {
    const t = aliceFarm();
    t.ok(ROOT, "set_farm_certification", { farm_id: 1, certification: "Gold" });
    assert.equal(S.Farms.get(t.io, 1)!.certification, "Gold");
    assert.deepEqual(t.lastEvent(), { name: "FarmCertificationSet", value: [1, "Gold"] });
  });
});

describe("TfgridModule farms, bad inputs", () => {
  it("accepts a 40-byte name and refuses a 41-byte one", () => {
    const t = new TfgridBlock();
    t.createTwin(ALICE);
    t.ok(ALICE, "create_farm", createFarmArgs("f".repeat(40)));
    // The call's argument is bounded at 40 bytes, so a longer name never decodes; handed over directly, the
    // name rule answers as TFChain's `FarmName::try_from` would.
    const tooLong = callOf("TfgridModule", "create_farm", createFarmArgs("g".repeat(41)));
    assert.throws(() => t.b.runtime.callSchema.enc(tooLong), /TOO_LONG/);
    t.noop(ALICE, "create_farm", createFarmArgs("g".repeat(41)), "FarmNameTooLong");
    t.noop(ALICE, "update_farm", { farm_id: 1, name: utf8("ab") }, "FarmNameTooShort");
    t.noop(ALICE, "update_farm", { farm_id: 1, name: utf8("a/b") }, "InvalidFarmName");
  });

  it("checks the taken name before the IPs", () => {
    const t = aliceFarm();
    t.createTwin(BOB);
    t.noop(BOB, "create_farm", createFarmArgs("test_farm", [ip("10.0.0.2/24", "10.0.0.1")]), "FarmExists");
  });

  it("refuses a farm to an account without a twin", () => {
    const t = new TfgridBlock();
    t.noop(ALICE, "create_farm", createFarmArgs("test_farm"), "TwinNotExists");
  });

  it("rejects private and out-of-subnet IPs", () => {
    const t = aliceFarm();
    t.noop(ALICE, "add_farm_ip", { farm_id: 1, ...ip("10.0.0.2/24", "10.0.0.1") }, "InvalidPublicIP");
    t.noop(ALICE, "add_farm_ip", { farm_id: 1, ...ip("185.206.122.125/24", "185.206.123.1") }, "InvalidPublicIP");
  });

  it("answers FarmNotExists for an unknown farm", () => {
    const t = aliceFarm();
    t.noop(ALICE, "update_farm", { farm_id: 2, name: utf8("other") }, "FarmNotExists");
    t.noop(ALICE, "add_farm_ip", { farm_id: 2, ...ip("185.206.122.125/16", "185.206.122.1") }, "FarmNotExists");
    t.noop(ALICE, "remove_farm_ip", { farm_id: 2, ip: FARM_IP.ip }, "FarmNotExists");
    t.noop(ROOT, "set_farm_dedicated", { farm_id: 2, dedicated: true }, "FarmNotExists");
    t.noop(ROOT, "set_farm_certification", { farm_id: 2, certification: "Gold" }, "FarmNotExists");
    t.noop(ALICE, "add_stellar_payout_v2address", { farm_id: 2, stellar_address: utf8("x") }, "FarmNotExists");
  });

  it("refuses IP changes and payout addresses from another farmer", () => {
    const t = aliceFarm();
    t.createTwin(BOB);
    t.noop(BOB, "add_farm_ip", { farm_id: 1, ...ip("185.206.122.125/16", "185.206.122.1") }, "CannotUpdateFarmWrongTwin");
    t.noop(BOB, "remove_farm_ip", { farm_id: 1, ip: FARM_IP.ip }, "CannotUpdateFarmWrongTwin");
    t.noop(BOB, "add_stellar_payout_v2address", { farm_id: 1, stellar_address: utf8("x") }, "CannotUpdateFarmWrongTwin");
  });

  it("removes a free IP, and answers IpNotExists for an unknown one", () => {
    const t = aliceFarm();
    t.noop(ALICE, "remove_farm_ip", { farm_id: 1, ip: utf8("185.206.122.34/24") }, "IpNotExists");
    t.ok(ALICE, "remove_farm_ip", { farm_id: 1, ip: FARM_IP.ip });
    const farm = S.Farms.get(t.io, 1)!;
    assert.deepEqual(farm.public_ips, []);
    assert.deepEqual(t.lastEvent(), { name: "FarmUpdated", value: [farm] });
    t.noop(ALICE, "remove_farm_ip", { farm_id: 1, ip: FARM_IP.ip }, "IpNotExists");
  });

  it("refuses to remove an IP a contract holds", () => {
    const t = aliceFarm();
    const farm = S.Farms.get(t.io, 1)!;
    S.Farms.set(t.io, 1, { ...farm, public_ips: [{ ...farm.public_ips[0]!, contract_id: 7n }] });
    t.noop(ALICE, "remove_farm_ip", { farm_id: 1, ip: FARM_IP.ip }, "IpNotExists");
  });
});
