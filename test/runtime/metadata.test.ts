import { strict as assert } from "node:assert";
import fs from "node:fs";
import path from "node:path";
import { decAnyMetadata, metadata as metadataCodec } from "@polkadot-api/substrate-bindings";
import { AccountId32, MultiAddress } from "../../primitives/account.js";
import { uncheckedExtrinsicSchema } from "../../primitives/extrinsic.js";
import {
  bytes, compact, enumeration, lazy, schema, struct, tuple, u128, u32, u8, vec, newtype, type AnySchema,
} from "../../primitives/schema.js";
import { SIGNED_EXTENSIONS } from "../../primitives/signed-extensions.js";
import { palletErrors } from "../../runtime/dispatch-error.js";
import { ZERO_WEIGHT } from "../../runtime/dispatch-types.js";
import {
  buildMetadata, buildMetadataV15, encodeMetadata, METADATA_VERSIONS, RuntimeMetadata, UNSTABLE_METADATA_VERSION,
  type ExtrinsicMetadata,
} from "../../runtime/metadata.js";
import { TypeRegistryBuilder } from "../../runtime/metadata-registry.js";
import { call, constant, definePallet } from "../../runtime/pallet.js";
import { Runtime, type RuntimeVersion } from "../../runtime/runtime.js";
import { doubleMap, map, palletStorage, value } from "../../runtime/storage-item.js";
import {
  loadMetadata, palletDifferences, referenceMetadata, renderMetadata, type RenderedMetadata,
} from "../helpers/reference-metadata.js";

// A fixture runtime declared from the reference's own definitions: Authorship and TFKVStore complete,
// Utility and Balances in part. It exercises every item kind, a double map, an Optional item and the
// recursion RuntimeCall ∋ Utility.batch(Vec<RuntimeCall>), whatever pallets the real runtime has yet.
const noop = () => {};
const opts = (docs: string[]) => ({ weight: ZERO_WEIGHT, docs });
const CALL_DOCS = ["Contains a variant per dispatchable extrinsic that this pallet has."];
const EVENT_DOCS = ["The `Event` enum of this pallet"];
const ERROR_DOCS = ["The `Error` enum of this pallet."];
const T = [{ name: "T" }];

const FixtureCall: AnySchema = lazy(() => fixtureRuntime.callSchema);

const utility = definePallet({
  name: "Utility",
  index: 3,
  calls: {
    type: { path: "pallet_utility::pallet::Call", params: T, docs: CALL_DOCS },
    list: { batch: call(0, { calls: [vec(FixtureCall), "Vec<<T as Config>::RuntimeCall>"] }, opts(["See [`Pallet::batch`]."]), noop) },
  },
  events: enumeration(
    { path: "pallet_utility::pallet::Event", docs: EVENT_DOCS },
    { BatchCompleted: { index: 1, docs: ["Batch of dispatches completed fully with no error."] } },
  ),
  errors: {
    type: { path: "pallet_utility::pallet::Error", params: T, docs: ERROR_DOCS },
    list: palletErrors("Utility", { TooManyCalls: "Too many calls batched." }),
  },
  constants: { batched_calls_limit: constant(u32, 10922, [" The limit on the number of batched calls."]) },
});

const authorship = definePallet({
  name: "Authorship",
  index: 15,
  storage: palletStorage("Authorship", { Author: value(AccountId32, { docs: [" Author of current block."] }) }),
});

const ExtraFlags = newtype({ path: "pallet_balances::types::ExtraFlags" }, [u128, "u128"]);
const AccountData = struct(
  { path: "pallet_balances::types::AccountData", params: [{ name: "Balance", type: u128 }] },
  { free: [u128, "Balance"], reserved: [u128, "Balance"], frozen: [u128, "Balance"], flags: [ExtraFlags, "ExtraFlags"] },
);
const BI = [{ name: "T" }, { name: "I" }];

const balances = definePallet({
  name: "Balances",
  index: 20,
  storage: palletStorage("Balances", {
    TotalIssuance: value(u128, { default: 0n, docs: [" The total units issued in the system."] }),
    InactiveIssuance: value(u128, { default: 0n, docs: [" The total units of outstanding deactivated balance in the system."] }),
    Account: map("Blake2_128Concat", AccountId32, AccountData, {
      default: { free: 0n, reserved: 0n, frozen: 0n, flags: 1n << 127n },
      docs: [
        " The Balances pallet example of storing the balance of an account.", "", " # Example", "", " ```nocompile",
        "  impl pallet_balances::Config for Runtime {",
        "    type AccountStore = StorageMapShim<Self::Account<Runtime>, frame_system::Provider<Runtime>, AccountId, Self::AccountData<Balance>>",
        "  }", " ```", "", " You can also store the balance of an account in the `System` pallet.", "", " # Example", "",
        " ```nocompile", "  impl pallet_balances::Config for Runtime {", "   type AccountStore = System", "  }", " ```", "",
        " But this comes with tradeoffs, storing account balances in the system pallet stores",
        " `frame_system` data alongside the account data contrary to storing account balances in the",
        " `Balances` pallet, which uses a `StorageMap` to store balances data only.",
        " NOTE: This is only used in the case that this pallet is used to store balances.",
      ],
    }),
  }),
  calls: {
    type: { path: "pallet_balances::pallet::Call", params: BI, docs: CALL_DOCS },
    list: {
      transfer_allow_death: call(0, { dest: [MultiAddress, "AccountIdLookupOf<T>"], value: [compact(u128), "T::Balance"] }, opts(["See [`Pallet::transfer_allow_death`]."]), noop),
      transfer_keep_alive: call(3, { dest: [MultiAddress, "AccountIdLookupOf<T>"], value: [compact(u128), "T::Balance"] }, opts(["See [`Pallet::transfer_keep_alive`]."]), noop),
    },
  },
  events: enumeration({ path: "pallet_balances::pallet::Event", params: BI, docs: EVENT_DOCS }, {
    Endowed: { fields: { account: [AccountId32, "T::AccountId"], free_balance: [u128, "T::Balance"] }, docs: ["An account was created with some free balance."] },
    DustLost: {
      fields: { account: [AccountId32, "T::AccountId"], amount: [u128, "T::Balance"] },
      docs: ["An account was removed whose balance was non-zero but below ExistentialDeposit,", "resulting in an outright loss."],
    },
    Transfer: { fields: { from: [AccountId32, "T::AccountId"], to: [AccountId32, "T::AccountId"], amount: [u128, "T::Balance"] }, docs: ["Transfer succeeded."] },
  }),
  errors: {
    type: { path: "pallet_balances::pallet::Error", params: BI, docs: ERROR_DOCS },
    list: palletErrors("Balances", {
      VestingBalance: "Vesting balance too high to send value.",
      LiquidityRestrictions: "Account liquidity restrictions prevent withdrawal.",
    }),
  },
  constants: {
    ExistentialDeposit: constant(u128, 500n, [
      " The minimum amount required to keep an account open. MUST BE GREATER THAN ZERO!", "",
      " If you *really* need it to be zero, you can enable the feature `insecure_zero_ed` for",
      " this pallet. However, you do so at your own risk: this will open up a major DoS vector.",
      " In case you have multiple sources of provider references, you may also get unexpected",
      " behaviour if you set this to zero.", "", " Bottom line: Do yourself a favour and make it at least one!",
    ]),
    MaxLocks: constant(u32, 50, [" The maximum number of locks that should exist on an account.", " Not strictly enforced, but used for weight estimation."]),
  },
});

// `vec(u8)` here and `bytes` elsewhere are separate schemas for the same Rust type: one id in the registry.
const KvBytes: [AnySchema, string] = [vec(u8), "Vec<u8>"];
const kvEvent = (docs: string) => ({ tuple: [[AccountId32, "T::AccountId"], KvBytes, [bytes, "Vec<u8>"]] as [AnySchema, string][], docs: [docs] });
const kvstore = definePallet({
  name: "TFKVStore",
  index: 30,
  storage: palletStorage("TFKVStore", {
    TFKVStore: doubleMap("Blake2_128Concat", AccountId32, "Blake2_128Concat", bytes, bytes, { default: new Uint8Array() }),
  }),
  calls: {
    type: { path: "pallet_kvstore::pallet::Call", params: T, docs: CALL_DOCS },
    list: {
      set: call(0, { key: KvBytes, value: [bytes, "Vec<u8>"] }, opts(["See [`Pallet::set`]."]), noop),
      delete: call(1, { key: [bytes, "Vec<u8>"] }, opts(["See [`Pallet::delete`]."]), noop),
    },
  },
  events: enumeration({ path: "pallet_kvstore::pallet::Event", params: T, docs: EVENT_DOCS }, {
    EntrySet: kvEvent("A user has set their entry"),
    EntryGot: kvEvent("A user has read their entry, leaving it in storage"),
    EntryTaken: kvEvent("A user has read their entry, removing it from storage"),
  }),
  errors: {
    type: { path: "pallet_kvstore::pallet::Error", params: T, docs: ERROR_DOCS },
    list: palletErrors("TFKVStore", { NoValueStored: "The requested user has not stored a value yet", KeyIsTooLarge: [], ValueIsTooLarge: [] }),
  },
});

const VERSION: RuntimeVersion = {
  spec_name: "substrate-threefold", impl_name: "substrate-threefold", authoring_version: 1, spec_version: 152,
  impl_version: 1, apis: [], transaction_version: 2, state_version: 0,
};
const fixtureRuntime = new Runtime([utility, authorship, balances, kvstore], VERSION);
const PARTIAL = new Set(["Utility", "Balances"]);

function extrinsicOf(runtime: Runtime): ExtrinsicMetadata {
  return { schema: uncheckedExtrinsicSchema(runtime.callSchema), version: 4, signedExtensions: SIGNED_EXTENSIONS };
}

// The assembled runtime, once some module exports one (runtime/index.ts). Loaded in a hook: mocha may
// require() this file, which rules out top-level await.
async function assembledRuntime(): Promise<Runtime | undefined> {
  if (!fs.existsSync(path.resolve(process.cwd(), "runtime/index.ts"))) return undefined;
  const specifier = "../../runtime/index.js";
  const mod: Record<string, unknown> = await import(specifier);
  return Object.values(mod).find((v): v is Runtime => v instanceof Runtime);
}

const CATEGORIES = ["pallet", "calls", "storage", "events", "errors", "constants"] as const;

/** One test per pallet and category; pallets missing from `rendered()` are skipped. */
function comparePallets(names: readonly string[], rendered: () => RenderedMetadata | undefined, partial: (name: string) => boolean): void {
  const ref = referenceMetadata();
  for (const name of names) {
    describe(`pallet ${name}`, () => {
      for (const category of CATEGORIES) {
        it(`has the reference's ${category === "pallet" ? "index" : category}, item by item (with docs)`, function () {
          const ours = rendered()?.pallets.get(name);
          if (!ours) this.skip();
          const found = palletDifferences(ours, ref.pallets.get(name)!, { partial: partial(name) })[category];
          assert.deepEqual(found, [], `${name} ${category}:\n  ${found.join("\n  ")}`);
        });
      }
    });
  }
}

describe("runtime metadata", () => {
  const md = buildMetadata(fixtureRuntime, extrinsicOf(fixtureRuntime));
  const encoded = encodeMetadata(md);

  describe("encoding", () => {
    it("starts with the magic `meta` and version 14", () => {
      assert.deepEqual([...encoded.subarray(0, 5)], [0x6d, 0x65, 0x74, 0x61, 14]);
    });

    it("decodes with substrate-bindings' decAnyMetadata as V14, unchanged", () => {
      const decoded = decAnyMetadata(encoded);
      assert.equal(decoded.metadata.tag, "v14");
      assert.deepEqual(metadataCodec.enc(decoded), encoded);
    });

    it("decodes with @polkadot/types Metadata and builds a registry from it", () => {
      const { metadata } = loadMetadata(encoded);
      assert.equal(metadata.version, 14);
      assert.deepEqual(metadata.asV14.pallets.map((p) => p.name.toString()), ["Utility", "Authorship", "Balances", "TFKVStore"]);
    });

    it("numbers the type registry 0..n-1 in order", () => {
      md.lookup.forEach((t, i) => assert.equal(t.id, i, `lookup entry ${i} has id ${t.id}`));
    });

    it("lists no type twice", () => {
      const seen = new Map<string, number>();
      for (const t of md.lookup) {
        const key = JSON.stringify({ ...t, id: 0 });
        assert.ok(!seen.has(key), `types ${seen.get(key)} and ${t.id} are the same entry: ${key}`);
        seen.set(key, t.id);
      }
    });

    it("points the runtime call recursion back at RuntimeCall", () => {
      const callId = md.lookup.findIndex((t) => t.path.join("::") === "tfchain_runtime::RuntimeCall");
      const utilityCall = md.lookup[md.pallets[0]!.calls!]!;
      assert.equal(utilityCall.def.tag, "variant");
      const vecId = (utilityCall.def.value as { fields: { type: number }[] }[])[0]!.fields[0]!.type;
      assert.deepEqual(md.lookup[vecId]!.def, { tag: "sequence", value: callId });
    });

    it("keys a double map by the tuple (K1, K2)", () => {
      const item = md.pallets[3]!.storage!.items[0]!;
      assert.equal(item.type.tag, "map");
      const key = md.lookup[(item.type.value as { key: number }).key]!;
      assert.equal(key.def.tag, "tuple");
    });
  });

  describe("against TFChain 2.9 (fixture pallets)", () => {
    const rendered = renderMetadata(encoded);
    comparePallets(fixtureRuntime.pallets.map((p) => p.name), () => rendered, (name) => PARTIAL.has(name));

    it("has the reference's extrinsic version, type and signed extensions", () => {
      const ref = referenceMetadata().extrinsic;
      const ours = renderMetadata(encoded).extrinsic;
      assert.equal(ours.version, ref.version);
      assert.deepEqual(ours.type, ref.type, "UncheckedExtrinsic");
      assert.deepEqual(ours.signedExtensions.map((e) => e.identifier), ref.signedExtensions.map((e) => e.identifier));
      ref.signedExtensions.forEach((r, i) => assert.deepEqual(ours.signedExtensions[i], r, `signed extension ${r.identifier}`));
    });

    it("names tfchain_runtime::Runtime as metadata.ty", () => {
      assert.deepEqual(renderMetadata(encoded).runtimeType, referenceMetadata().runtimeType);
    });
  });

  describe("V15", () => {
    const v15 = encodeMetadata(buildMetadataV15(fixtureRuntime, extrinsicOf(fixtureRuntime)));

    it("decodes with both decoders as V15", () => {
      assert.deepEqual([...v15.subarray(0, 5)], [0x6d, 0x65, 0x74, 0x61, 15]);
      assert.equal(decAnyMetadata(v15).metadata.tag, "v15");
      assert.equal(loadMetadata(v15).metadata.version, 15);
    });

    it("renders the same pallets as V14", () => {
      assert.deepEqual(renderMetadata(v15).pallets, renderMetadata(encoded).pallets);
    });

    it("points the outer enums and extrinsic parts at RuntimeCall, RuntimeEvent, RuntimeError, MultiAddress", () => {
      const m = decAnyMetadata(v15).metadata.value as ReturnType<typeof buildMetadataV15>;
      const pathOf = (id: number) => m.lookup[id]!.path.join("::");
      assert.equal(pathOf(m.outerEnums.call), "tfchain_runtime::RuntimeCall");
      assert.equal(pathOf(m.outerEnums.event), "tfchain_runtime::RuntimeEvent");
      assert.equal(pathOf(m.outerEnums.error), "tfchain_runtime::RuntimeError");
      assert.equal(pathOf(m.extrinsic.call), "tfchain_runtime::RuntimeCall");
      assert.equal(pathOf(m.extrinsic.address), "sp_runtime::multiaddress::MultiAddress");
      const errors = m.lookup[m.outerEnums.error]!.def.value as { name: string; index: number }[];
      assert.deepEqual(errors.map((v) => [v.name, v.index]), [["Utility", 3], ["Balances", 20], ["TFKVStore", 30]]);
    });
  });

  describe("Metadata runtime API", () => {
    const api = new RuntimeMetadata(fixtureRuntime, extrinsicOf(fixtureRuntime));

    it("offers V14 and the unstable V15, as TFChain 2.9 does", () => {
      assert.deepEqual(api.versions(), [14, 0xffffffff]);
      assert.deepEqual(METADATA_VERSIONS, [14, UNSTABLE_METADATA_VERSION]);
      assert.deepEqual(api.atVersion(14), api.metadata());
      assert.equal(api.atVersion(15), undefined);
      assert.equal(decAnyMetadata(api.atVersion(UNSTABLE_METADATA_VERSION)!).metadata.tag, "v15");
    });

    it("answers the same bytes each time", () => {
      assert.equal(api.metadata(), api.metadata());
    });
  });
});

describe("metadata type registry", () => {
  const info = (def: any, p: string[] = []) => () => ({ path: p, params: [], def, docs: [] });

  it("gives separately declared Vec<u8>s and (u32, u32)s one id each", () => {
    const b = new TypeRegistryBuilder();
    const v1 = schema(bytes.codec, info({ tag: "sequence", type: u8 }));
    const v2 = schema(bytes.codec, info({ tag: "sequence", type: u8 }));
    const t1 = schema(u32.codec, info({ tag: "tuple", types: [u32, u32] }));
    const t2 = schema(u32.codec, info({ tag: "tuple", types: [u32, u32] }));
    for (const s of [v1, t1, v2, t2, tuple(u32, u32), bytes]) b.register(s);
    const r = b.finish();
    assert.equal(r.id(v1), r.id(v2));
    assert.equal(r.id(v1), r.id(bytes));
    assert.equal(r.id(t1), r.id(t2));
    assert.equal(r.lookup.length, 4, "u8, Vec<u8>, u32, (u32, u32)");
  });

  it("keeps types apart that differ only in a field's typeName", () => {
    const a = struct({ path: "x::S" }, { f: [u32, "u32"] });
    const c = struct({ path: "x::S" }, { f: [u32, "T::Id"] });
    const b = new TypeRegistryBuilder();
    b.register(a);
    b.register(c);
    const r = b.finish();
    assert.notEqual(r.id(a), r.id(c));
  });

  it("terminates on recursive types and merges equal recursive ones", () => {
    const make = (): AnySchema => {
      const self: AnySchema = enumeration({ path: "x::Tree" }, { Leaf: null, Node: { value: [vec(lazy(() => self)), "Vec<Tree>"] } });
      return self;
    };
    const a = make();
    const c = make();
    const b = new TypeRegistryBuilder();
    b.register(a);
    b.register(c);
    const r = b.finish();
    assert.equal(r.id(a), r.id(c));
    const tree = r.lookup[r.id(a)]!;
    const vecId = (tree.def.value as { fields: { type: number }[] }[])[1]!.fields[0]!.type;
    assert.deepEqual(r.lookup[vecId]!.def, { tag: "sequence", value: r.id(a) });
    assert.equal(r.lookup.length, 2);
  });

  it("numbers a type before its params and children, in registration order", () => {
    const b = new TypeRegistryBuilder();
    b.register(AccountData);
    const r = b.finish();
    assert.deepEqual(r.lookup.map((t) => t.path.join("::") || t.def.tag), [
      "pallet_balances::types::AccountData", "primitive", "pallet_balances::types::ExtraFlags",
    ]);
  });
});

describe("assembled runtime metadata against TFChain 2.9", () => {
  let runtime: Runtime | undefined;
  let rendered: RenderedMetadata | undefined;
  before(async () => {
    runtime = await assembledRuntime();
    if (runtime) rendered = renderMetadata(encodeMetadata(buildMetadata(runtime, extrinsicOf(runtime))));
  });

  it("has only pallets of the reference, in the reference's order", function () {
    if (!runtime) this.skip(); // until runtime/index.ts exports the assembled Runtime
    const ref = [...referenceMetadata().pallets.keys()];
    const ours = runtime.pallets.map((p) => p.name);
    assert.deepEqual(ours.filter((n) => !ref.includes(n)), [], "pallets TFChain 2.9 does not have");
    assert.deepEqual(ours, ref.filter((n) => ours.includes(n)));
  });

  comparePallets([...referenceMetadata().pallets.keys()], () => rendered, () => false);
});
