import { strict as assert } from "node:assert";
import { u8aToHex } from "@polkadot/util";
import { keyFromUri } from "../../../../primitives/crypto/keyring.js";
import { CodecError } from "../../../../primitives/codec-error.js";
import type { AnySchema } from "../../../../primitives/schema.js";
import { buildMetadata, encodeMetadata } from "../../../../runtime/metadata.js";
import { FRAME_STORAGE_VERSION_KEY, buildTfgridGenesis, testnetTfgridGenesis } from "../../../../runtime/pallets/tfgrid/genesis.js";
import { tfgrid } from "../../../../runtime/pallets/tfgrid/index.js";
import { storage } from "../../../../runtime/pallets/tfgrid/storage.js";
import { events } from "../../../../runtime/pallets/tfgrid/events.js";
import {
  CityName, CountryName, Farm, FarmName, InterfaceIp, InterfaceMac, InterfaceName, IP4, IP6, Location, Node, PublicIP,
  SerialNumber, TermsAndConditions, Twin, type Node as NodeValue,
} from "../../../../runtime/pallets/tfgrid/types.js";
import { Runtime } from "../../../../runtime/runtime.js";
import { MemoryStorage } from "../../../../state/memory-storage.js";
import { palletDifferences, referenceMetadata, renderMetadata } from "../../../helpers/reference-metadata.js";
import { referenceRegistry, refTypeId } from "../../../primitives/reference.js";
import { extrinsicOf, FIXTURE_VERSION } from "../../metadata-fixture.js";

const utf8 = (s: string) => new TextEncoder().encode(s);
const EVE = keyFromUri("//Eve", "sr25519").accountId;
const FERDIE = keyFromUri("//Ferdie", "sr25519").accountId;
const ALICE = keyFromUri("//Alice", "sr25519").accountId;

describe("runtime/pallets/tfgrid declaration", () => {
  // A runtime holding only TfgridModule.
  const rt = new Runtime([tfgrid], FIXTURE_VERSION);
  const ours = renderMetadata(encodeMetadata(buildMetadata(rt, extrinsicOf(rt)))).pallets.get("TfgridModule")!;
  const diff = palletDifferences(ours, referenceMetadata().pallets.get("TfgridModule")!);

  for (const category of ["pallet", "calls", "storage", "events", "errors", "constants"] as const) {
    it(`has the reference's ${category === "pallet" ? "index" : category}, item by item (structure, paths, typeNames, docs)`, () => {
      assert.deepEqual(diff[category], [], diff[category].join("\n"));
    });
  }

  it("declares all 37 calls, 27 storage items, 31 events, 116 errors and 5 constants", () => {
    assert.equal(ours.calls!.variants.size, 37);
    assert.equal(ours.storage.size, 27);
    assert.equal(ours.events!.variants.size, 31);
    assert.equal(ours.errors!.variants.size, 116);
    assert.equal(ours.constants.size, 5);
  });

});

describe("runtime/pallets/tfgrid types against @polkadot/types", () => {
  const { registry } = referenceRegistry();
  const roundTrip = (schema: { enc(v: any): Uint8Array; dec(b: Uint8Array): any }, path: string, ours: unknown, theirs: unknown) => {
    const want = registry.createType(registry.createLookupType(refTypeId(path)), theirs).toU8a();
    assert.equal(u8aToHex(schema.enc(ours)), u8aToHex(want), path);
    assert.equal(u8aToHex(schema.enc(schema.dec(want))), u8aToHex(want), `${path} re-encoded`);
  };

  it("encodes a Farm with public IPs and a farming policy limit as the reference", () => {
    const ip = { ip: utf8("185.206.122.33/24"), gateway: utf8("185.206.122.1"), contract_id: 7n };
    const limit = { farming_policy_id: 2, cu: 10n, su: undefined, end: 1000n, node_count: 5, node_certification: true };
    roundTrip(Farm, "tfchain_support::types::Farm", {
      version: 4, id: 1, name: utf8("my_farm"), twin_id: 3, pricing_policy_id: 1, certification: "Gold",
      public_ips: [ip], dedicated_farm: false, farming_policy_limits: limit,
    }, {
      version: 4, id: 1, name: u8aToHex(utf8("my_farm")), twin_id: 3, pricing_policy_id: 1, certification: "Gold",
      public_ips: [{ ip: u8aToHex(ip.ip), gateway: u8aToHex(ip.gateway), contract_id: 7 }], dedicated_farm: false,
      farming_policy_limits: { farming_policy_id: 2, cu: 10, su: null, end: 1000, node_count: 5, node_certification: true },
    });
  });

  it("encodes a Node with location, public config, interfaces and serial number as the reference", () => {
    const h = (s: string) => u8aToHex(utf8(s));
    const node: NodeValue = {
      version: 5, id: 9, farm_id: 1, twin_id: 4,
      resources: { hru: 1n << 40n, sru: 1n << 39n, cru: 8n, mru: 1n << 34n },
      location: { city: utf8("Ghent"), country: utf8("Belgium"), latitude: utf8("51.05"), longitude: utf8("3.71") },
      public_config: {
        ip4: { ip: utf8("185.206.122.33/24"), gw: utf8("185.206.122.1") },
        ip6: { ip: utf8("2a10:b600:1::0cc4:7a30:65b5/64"), gw: utf8("2a10:b600:1::1") },
        domain: utf8("node9.grid.tf"),
      },
      created: 1_700_000_000n, farming_policy_id: 1,
      interfaces: [{ name: utf8("zos"), mac: utf8("00:25:90:aa:bb:cc"), ips: [utf8("10.2.0.3"), utf8("2a10:b600:1::3")] }],
      certification: "Certified", secure_boot: true, virtualized: false, serial_number: utf8("S123"), connection_price: 80,
    };
    roundTrip(Node, "tfchain_support::types::Node", node, {
      version: 5, id: 9, farm_id: 1, twin_id: 4,
      resources: { hru: (1n << 40n).toString(), sru: (1n << 39n).toString(), cru: 8, mru: (1n << 34n).toString() },
      location: { city: h("Ghent"), country: h("Belgium"), latitude: h("51.05"), longitude: h("3.71") },
      public_config: {
        ip4: { ip: h("185.206.122.33/24"), gw: h("185.206.122.1") },
        ip6: { ip: h("2a10:b600:1::0cc4:7a30:65b5/64"), gw: h("2a10:b600:1::1") },
        domain: h("node9.grid.tf"),
      },
      created: 1_700_000_000, farming_policy_id: 1,
      interfaces: [{ name: h("zos"), mac: h("00:25:90:aa:bb:cc"), ips: [h("10.2.0.3"), h("2a10:b600:1::3")] }],
      certification: "Certified", secure_boot: true, virtualized: false, serial_number: h("S123"), connection_price: 80,
    });
  });

  it("encodes a Twin with relay, entities and public key as the reference", () => {
    const twin = {
      id: 3, account_id: ALICE, relay: utf8("relay.grid.tf"),
      entities: [{ entity_id: 1, signature: utf8("abcdef") }], pk: new Uint8Array(32).fill(7),
    };
    roundTrip(Twin, "pallet_tfgrid::types::Twin", twin, {
      id: 3, account_id: u8aToHex(ALICE), relay: u8aToHex(twin.relay),
      entities: [{ entity_id: 1, signature: u8aToHex(twin.entities[0]!.signature) }], pk: u8aToHex(twin.pk),
    });
    roundTrip(Twin, "pallet_tfgrid::types::Twin", { ...twin, relay: undefined, entities: [], pk: undefined }, {
      id: 3, account_id: u8aToHex(ALICE), relay: null, entities: [], pk: null,
    });
  });

  it("encodes PowerStateChanged and FarmingPolicySet events as the reference", () => {
    const type = registry.createLookupType(refTypeId("pallet_tfgrid::pallet::Event"));
    const cases: [unknown, unknown][] = [
      [{ tag: "PowerStateChanged", value: { farm_id: 1, node_id: 2, power_state: { tag: "Down", value: 77 } } },
        { PowerStateChanged: { farm_id: 1, node_id: 2, power_state: { Down: 77 } } }],
      [{ tag: "PowerTargetChanged", value: { farm_id: 1, node_id: 2, power_target: "Down" } },
        { PowerTargetChanged: { farm_id: 1, node_id: 2, power_target: "Down" } }],
      [{ tag: "FarmingPolicySet", value: [3, undefined] }, { FarmingPolicySet: [3, null] }],
      [{ tag: "NodeUptimeReported", value: [5, 1_700_000_000n, 3600n] }, { NodeUptimeReported: [5, 1_700_000_000, 3600] }],
    ];
    for (const [ours, theirs] of cases) {
      const want = registry.createType(type, theirs).toU8a();
      assert.equal(u8aToHex(events.enc(ours as any)), u8aToHex(want), JSON.stringify(theirs));
      assert.equal(u8aToHex(events.enc(events.dec(want))), u8aToHex(want));
    }
  });

  // Bounded text decodes up to its bound and fails one byte past it, as `BoundedVec`'s Decode does.
  const bytesOf = (n: number) => new Uint8Array([...compactLen(n), ...new Uint8Array(n).fill(0x61)]);
  const compactLen = (n: number) => (n < 64 ? [n << 2] : [((n << 2) | 1) & 0xff, (n << 2) >> 8]);
  const bounds: [string, AnySchema, number][] = [
    ["FarmName", FarmName, 40], ["CityName", CityName, 58], ["CountryName", CountryName, 56],
    ["InterfaceName", InterfaceName, 20], ["InterfaceMac", InterfaceMac, 17], ["InterfaceIp", InterfaceIp, 42],
    ["SerialNumber", SerialNumber, 128],
  ];
  for (const [name, schema, max] of bounds) {
    it(`decodes ${name} up to ${max} bytes and refuses ${max + 1}`, () => {
      assert.equal(schema.dec(bytesOf(max)).length, max);
      assert.throws(() => schema.dec(bytesOf(max + 1)), CodecError);
    });
  }

  it("bounds the text fields of PublicIP, IP4, IP6, Location and TermsAndConditions", () => {
    const cat = (...parts: Uint8Array[]) => new Uint8Array(parts.flatMap((p) => [...p]));
    const u64 = new Uint8Array(8);
    assert.throws(() => PublicIP.dec(cat(bytesOf(19), bytesOf(1), u64)), CodecError);
    assert.throws(() => PublicIP.dec(cat(bytesOf(18), bytesOf(16), u64)), CodecError);
    assert.throws(() => IP4.dec(cat(bytesOf(1), bytesOf(16))), CodecError);
    assert.throws(() => IP6.dec(cat(bytesOf(44), bytesOf(1))), CodecError);
    assert.throws(() => IP6.dec(cat(bytesOf(43), bytesOf(40))), CodecError);
    assert.throws(() => Location.dec(cat(bytesOf(1), bytesOf(2), bytesOf(51), bytesOf(1))), CodecError);
    assert.throws(() => TermsAndConditions.dec(cat(new Uint8Array(32), u64, bytesOf(1), bytesOf(51))), CodecError);
    assert.equal(TermsAndConditions.dec(cat(new Uint8Array(32), u64, bytesOf(2048), bytesOf(50))).document_link.length, 2048);
  });
});

describe("runtime/pallets/tfgrid genesis", () => {
  const { registry } = referenceRegistry();
  // @polkadot/types renders field names in camelCase.
  const decode = (path: string, bytes: Uint8Array | undefined) => {
    assert.ok(bytes, `${path} written`);
    return registry.createType(registry.createLookupType(refTypeId(path)), bytes).toJSON();
  };
  const io = new MemoryStorage();
  buildTfgridGenesis(io, testnetTfgridGenesis(EVE, FERDIE));

  it("stores pricing policy 1 with testnet_genesis' prices, Gigabytes units and Eve/Ferdie, and PricingPolicyID = 1", () => {
    const gb = (value: number) => ({ value, unit: "Gigabytes" });
    assert.deepEqual(decode("pallet_tfgrid::types::PricingPolicy", io.get(storage.PricingPolicies.key(1))), {
      version: 1, id: 1, name: u8aToHex(utf8("threefold_default_pricing_policy")),
      su: gb(50000), cu: gb(100000), nu: gb(15000), ipu: gb(40000), uniqueName: gb(2500), domainName: gb(5000),
      foundationAccount: registry.createType("AccountId32", EVE).toJSON(),
      certifiedSalesAccount: registry.createType("AccountId32", FERDIE).toJSON(),
      discountForDedicationNodes: 50,
    });
    assert.equal(storage.PricingPolicyID.get(io), 1);
    assert.equal(storage.PricingPolicyIdByName.contains(io, utf8("threefold_default_pricing_policy")), false);
  });

  it("stores farming policies 1 (DIY) and 2 (certified), FarmingPolicyID = 2 and ConnectionPrice = 80", () => {
    const base = { version: 1, policyCreated: 0, policyEnd: 0, immutable: false, default: true, farmCertification: "NotCertified" };
    assert.deepEqual(decode("pallet_tfgrid::types::FarmingPolicy", io.get(storage.FarmingPoliciesMap.key(1))), {
      ...base, id: 1, name: u8aToHex(utf8("threefold_default_diy_farming_policy")),
      cu: 2400, su: 1000, nu: 30, ipv4: 5, minimalUptime: 95, nodeCertification: "Diy",
    });
    assert.deepEqual(decode("pallet_tfgrid::types::FarmingPolicy", io.get(storage.FarmingPoliciesMap.key(2))), {
      ...base, id: 2, name: u8aToHex(utf8("threefold_default_certified_farming_policy")),
      cu: 3000, su: 1250, nu: 38, ipv4: 6, minimalUptime: 95, nodeCertification: "Certified",
    });
    assert.equal(storage.FarmingPolicyID.get(io), 2);
    assert.deepEqual(io.get(storage.ConnectionPrice.key()), new Uint8Array([80, 0, 0, 0]));
  });

  it("writes FRAME storage version 0 and leaves PalletVersion to its default, V17Struct", () => {
    assert.deepEqual(io.get(FRAME_STORAGE_VERSION_KEY), new Uint8Array([0, 0]));
    assert.equal(io.get(storage.PalletVersion.key()), undefined);
    assert.equal(storage.PalletVersion.get(io), "V17Struct");
  });

  it("stores no pricing policy without both accounts, and maps genesis unit codes 1-based", () => {
    const bare = new MemoryStorage();
    buildTfgridGenesis(bare, { ...testnetTfgridGenesis(EVE, FERDIE), sales_account: undefined });
    assert.equal(storage.PricingPolicies.get(bare, 1), undefined);
    assert.equal(storage.PricingPolicyID.get(bare), 0);
    const units = new MemoryStorage();
    buildTfgridGenesis(units, { ...testnetTfgridGenesis(EVE, FERDIE), su_price_unit: 1, cu_price_unit: 5, nu_price_unit: 0, ipu_price_unit: 9 });
    const p = storage.PricingPolicies.get(units, 1)!;
    assert.deepEqual([p.su.unit, p.cu.unit, p.nu.unit, p.ipu.unit], ["Bytes", "Terrabytes", "Gigabytes", "Gigabytes"]);
  });
});
