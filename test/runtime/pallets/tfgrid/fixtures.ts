// The world of TFChain's pallet-tfgrid tests (`mock.rs` and the helpers at the end of `tests.rs`), for the
// ported scenarios: accounts, a block running TfgridModule with a settable clock, and the common setup
// steps (terms and conditions, twins, farms, farming policies, nodes).
import { strict as assert } from "node:assert";
import { utf8 } from "../../../../primitives/bytes.js";
import { keyFromUri } from "../../../../primitives/crypto/keyring.js";
import { ROOT, signed, type Origin } from "../../../../runtime/origin.js";
import type { DispatchOutcome } from "../../../../runtime/pallet.js";
import { defineTfgrid, type TfgridHooks } from "../../../../runtime/pallets/tfgrid/index.js";
import { storage as timestampStorage } from "../../../../runtime/pallets/timestamp/storage.js";
import { callOf, PalletBlock } from "../../../helpers/pallet-block.js";
import { stateRoot } from "../../../helpers/state-root.js";

export const GIGABYTE = 1024n ** 3n;

/** `alice()`, `bob()`: the sr25519 dev accounts. */
export const ALICE = keyFromUri("//Alice").publicKey;
export const BOB = keyFromUri("//Bob").publicKey;
export const CHARLIE = keyFromUri("//Charlie").publicKey;

// `test_ed25519()` and `test_sr25519()`: the entity keys of the tests, both from one phrase (whose mini secret
// is the seed `sign_create_entity*` sign with).
const ENTITY_PHRASE = "industry dismiss casual gym gap music pave gasp sick owner dumb cost";
const ENTITY_KEYS = { ed25519: keyFromUri(ENTITY_PHRASE, "ed25519"), sr25519: keyFromUri(ENTITY_PHRASE, "sr25519") };
export const ENTITY_ED25519 = ENTITY_KEYS.ed25519.publicKey;
export const ENTITY_SR25519 = ENTITY_KEYS.sr25519.publicKey;

/** An entity signature as the tests make it: hex text of the entity key's signature of `message`. */
export function entitySignature(message: Uint8Array, scheme: "ed25519" | "sr25519" = "ed25519"): Uint8Array {
  return utf8(Buffer.from(ENTITY_KEYS[scheme].sign(message)).toString("hex"));
}

/** The message `add_twin_entity` checks: entity id ‖ twin id, big-endian. */
export function twinEntityMessage(entityId: number, twinId: number): Uint8Array {
  const message = new Uint8Array(8);
  new DataView(message.buffer).setUint32(0, entityId);
  new DataView(message.buffer).setUint32(4, twinId);
  return message;
}

export interface TfgridEvent {
  name: string;
  value: any;
}

/** A block of a runtime with System and TfgridModule (hooks as given), its clock settable. */
export class TfgridBlock {
  readonly b: PalletBlock;

  constructor(opts: { hooks?: TfgridHooks; number?: number } = {}) {
    this.b = new PalletBlock([defineTfgrid(opts.hooks)], { number: opts.number });
  }

  /** Most scenarios' start: Alice's twin, `test_farm` with the four farming policies, and her node 1. */
  static withNode(opts: { hooks?: TfgridHooks; number?: number } = {}): TfgridBlock {
    const t = new TfgridBlock(opts);
    t.createTwin();
    t.createFarm();
    t.createNode();
    return t;
  }

  get io() {
    return this.b.io;
  }

  /** `Timestamp::set_timestamp(ms)`. */
  setTimestamp(ms: bigint | number): void {
    timestampStorage.Now.set(this.b.io, BigInt(ms));
  }

  /** Dispatches `TfgridModule.<name>(args)` as `origin` (an account is a signed origin). */
  call(origin: Uint8Array | Origin, name: string, args: Record<string, unknown> = {}): DispatchOutcome {
    const o = origin instanceof Uint8Array ? signed(origin) : origin;
    return this.b.dispatch(callOf("TfgridModule", name, args), o);
  }

  /** `assert_ok!`. */
  ok(origin: Uint8Array | Origin, name: string, args: Record<string, unknown> = {}): DispatchOutcome {
    const out = this.call(origin, name, args);
    assert.equal(out.ok, true, `${name} failed: ${JSON.stringify(out.error)}`);
    return out;
  }

  /** `assert_noop!`: fails with the TfgridModule error, state and events untouched. */
  noop(origin: Uint8Array | Origin, name: string, args: Record<string, unknown>, error: string): void {
    const before = this.stateRoot();
    const events = this.b.events().length;
    const out = this.call(origin, name, args);
    assert.equal(out.ok, false, `${name} should fail with ${error}`);
    assert.deepEqual(out.error, { tag: "NamedModule", pallet: "TfgridModule", error });
    assert.deepEqual(this.stateRoot(), before, "state root unchanged");
    assert.equal(this.b.events().length, events, "no event deposited");
  }

  /** TfgridModule's events so far, as `{name, value}`. */
  events(): TfgridEvent[] {
    return this.b.events().filter((e) => e.pallet === "TfgridModule").map(({ name, value }) => ({ name, value }));
  }

  lastEvent(): TfgridEvent | undefined {
    return this.events().at(-1);
  }

  stateRoot(): Uint8Array {
    return stateRoot(this.b.io);
  }

  // The setup steps of TFChain's tests.

  acceptTc(account: Uint8Array): void {
    this.ok(account, "user_accept_tc", { document_link: utf8("some_link"), document_hash: utf8("some_hash") });
  }

  /** `create_twin()` / `create_twin_bob()`: T&C, then a twin with relay `somerelay.io` and a public key. */
  createTwin(account: Uint8Array = ALICE): void {
    this.acceptTc(account);
    this.ok(account, "create_twin", {
      relay: utf8("somerelay.io"),
      pk: utf8("0x6c8fd181adc178cea218e168e8549f0b0ff30627c879db9eac4318927e87c901"),
    });
  }

  /** `create_farm()`: `test_farm` with 185.206.122.33/24 via .1, then the four farming policies. */
  createFarm(account: Uint8Array = ALICE, name = "test_farm", withPolicies = true): void {
    this.ok(account, "create_farm", {
      name: utf8(name),
      public_ips: [{ ip: utf8("185.206.122.33/24"), gw: utf8("185.206.122.1") }],
    });
    if (withPolicies) this.createFarmingPolicies();
  }

  /** `create_farming_policies()`: f1 (DIY, Gold farm), f2 (DIY), f3 (certified, Gold), f4 (certified), all default. */
  createFarmingPolicies(): void {
    const policies: [string, string, string][] = [
      ["f1", "Diy", "Gold"], ["f2", "Diy", "NotCertified"], ["f3", "Certified", "Gold"], ["f4", "Certified", "NotCertified"],
    ];
    for (const [name, node, farm] of policies) this.createFarmingPolicy(name, true, node, farm);
  }

  /** `create_custom_farming_policies()`: f5 (DIY) and f6 (certified, Gold), not default. */
  createCustomFarmingPolicies(): void {
    this.createFarmingPolicy("f5", false, "Diy", "NotCertified");
    this.createFarmingPolicy("f6", false, "Certified", "Gold");
  }

  createFarmingPolicy(name: string, isDefault: boolean, node: string, farm: string): void {
    this.ok(ROOT, "create_farming_policy", {
      name: utf8(name), su: 12, cu: 15, nu: 10, ipv4: 8, minimal_uptime: 9999, policy_end: this.b.block.blockNumber + 100,
      immutable: true, default: isDefault, node_certification: node, farm_certification: farm,
    });
  }

  /** `create_node()`: Alice's node on farm 1 (1 TB HDD, 512 GB SSD, 8 cores, 16 GB), Ghent. */
  createNode(account: Uint8Array = ALICE, farmId = 1): void {
    this.ok(account, "create_node", nodeArgs(farmId));
  }
}

/** The arguments of `create_node()` in TFChain's tests. */
export function nodeArgs(farmId = 1, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    farm_id: farmId,
    resources: { hru: 1024n * GIGABYTE, sru: 512n * GIGABYTE, cru: 8n, mru: 16n * GIGABYTE },
    location: { city: utf8("Ghent"), country: utf8("Belgium"), latitude: utf8("12.233213231"), longitude: utf8("32.323112123") },
    interfaces: [],
    secure_boot: true,
    virtualized: true,
    serial_number: utf8("Default String"),
    ...overrides,
  };
}
