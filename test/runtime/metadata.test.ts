import { strict as assert } from "node:assert";
import fs from "node:fs";
import path from "node:path";
import { decAnyMetadata, metadata as metadataCodec } from "@polkadot-api/substrate-bindings";
import { bytes, enumeration, lazy, schema, struct, tuple, u32, u8, vec, type AnySchema } from "../../primitives/schema.js";
import {
  buildMetadata, buildMetadataV15, encodeMetadata, METADATA_VERSIONS, RuntimeMetadata, UNSTABLE_METADATA_VERSION,
} from "../../runtime/metadata.js";
import { TypeRegistryBuilder } from "../../runtime/metadata-registry.js";
import { runtime as assembled } from "../../runtime/index.js";
import { Runtime } from "../../runtime/runtime.js";
import {
  loadMetadata, palletDifferences, referenceMetadata, referenceMetadataHex, renderMetadata, type RenderedMetadata,
} from "../helpers/reference-metadata.js";
import { referenceDefinitions } from "../helpers/reference-definitions.js";
import {
  AccountData, extrinsicOf, FIXTURE_PARTIAL, FIXTURE_VERSION, fixtureRuntime, misdeclaredKvstore,
} from "./metadata-fixture.js";

// Each pallet's variant in RuntimeCall and RuntimeEvent: index and the typeName construct_runtime! gives it.
function assertOuterEnums(rendered: RenderedMetadata, extra: readonly string[] = []): void {
  const ref = referenceMetadata().outerEnums;
  for (const e of ["RuntimeCall", "RuntimeEvent"] as const) {
    for (const [name, v] of rendered.outerEnums[e]) if (!extra.includes(name)) assert.deepEqual(v, ref[e].get(name), `${e}::${name}`);
  }
}

const CATEGORIES = ["pallet", "calls", "storage", "events", "errors", "constants"] as const;

/** One test per pallet and category; pallets missing from `rendered()` are skipped. */
function comparePallets(
  names: readonly string[],
  rendered: () => RenderedMetadata | undefined,
  partial: (name: string) => boolean,
  ignore: (difference: string) => boolean = () => false,
): void {
  const ref = referenceMetadata();
  for (const name of names) {
    describe(`pallet ${name}`, () => {
      for (const category of CATEGORIES) {
        it(`has the reference's ${category === "pallet" ? "index" : category}, item by item (with docs)`, function () {
          const ours = rendered()?.pallets.get(name);
          if (!ours) this.skip();
          const found = palletDifferences(ours, ref.pallets.get(name)!, { partial: partial(name) })[category].filter((d) => !ignore(d));
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
    comparePallets(fixtureRuntime.pallets.map((p) => p.name), () => rendered, (name) => FIXTURE_PARTIAL.has(name));

    it("has the reference's extrinsic version, type and signed extensions", () => {
      const ref = referenceMetadata().extrinsic;
      const ours = renderMetadata(encoded).extrinsic;
      assert.equal(ours.version, ref.version);
      assert.deepEqual(ours.type, ref.type, "UncheckedExtrinsic");
      assert.deepEqual(ours.signedExtensions.map((e) => e.identifier), ref.signedExtensions.map((e) => e.identifier));
      ref.signedExtensions.forEach((r, i) => assert.deepEqual(ours.signedExtensions[i], r, `signed extension ${r.identifier}`));
    });

    it("has the reference's RuntimeCall and RuntimeEvent variants for its pallets", () => {
      assertOuterEnums(rendered);
    });

    it("names each item that differs from the reference", () => {
      const rt = new Runtime([misdeclaredKvstore], FIXTURE_VERSION);
      const ours = renderMetadata(encodeMetadata(buildMetadata(rt, extrinsicOf(rt)))).pallets.get("TFKVStore")!;
      const found = palletDifferences(ours, referenceMetadata().pallets.get("TFKVStore")!);
      assert.deepEqual(found.pallet, ["TFKVStore: index 31, want 30"]);
      assert.deepEqual(found.storage, ["TFKVStore.TFKVStore: hashers [Twox64Concat,Blake2_128Concat], want [Blake2_128Concat,Blake2_128Concat]"]);
      assert.deepEqual(found.calls, ["TFKVStore.set: missing", "TFKVStore.delete.key: typeName Vec<T>, want Vec<u8>"]);
      assert.deepEqual(found.events, ["TFKVStore events enum: path pallet_kvstore::Event, want pallet_kvstore::pallet::Event", "TFKVStore.EntryTaken: missing"]);
      assert.deepEqual(found.errors, ['TFKVStore.KeyIsTooLarge: docs ["x"], want []']);
      assert.deepEqual(found.constants, ["TFKVStore.MaxKeyLength: not in the reference"]);
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

type Lookup = ReturnType<typeof buildMetadata>["lookup"];
type Md = ReturnType<typeof buildMetadata>;

// Pairs reference type ids with ours, starting from the items both metadata name and following children
// position by position; a reference id paired with two of ours is reported.
function pairTypes(ref: Md, ours: Md): { pairs: Map<number, number>; conflicts: string[] } {
  const pairs = new Map<number, number>();
  const conflicts: string[] = [];
  const visit = (r: number, o: number, where: string): void => {
    const known = pairs.get(r);
    if (known !== undefined) {
      if (known !== o) conflicts.push(`${where}: reference type ${r} is our ${known} and ${o}`);
      return;
    }
    pairs.set(r, o);
    const rc = childIds(ref.lookup[r]!);
    const oc = childIds(ours.lookup[o]!);
    if (rc.length !== oc.length) return conflicts.push(`${where}: type ${r} has ${rc.length} children, ours ${oc.length}`) as unknown as void;
    rc.forEach((c, i) => visit(c, oc[i]!, `${where} > ${ref.lookup[r]!.path.join("::") || ref.lookup[r]!.def.tag}`));
  };
  ref.pallets.forEach((rp, i) => {
    const op = ours.pallets[i]!;
    const opt = (a: number | undefined, b: number | undefined, w: string) => a !== undefined && b !== undefined && visit(a, b, w);
    rp.storage?.items.forEach((it, j) => {
      const ot = op.storage!.items[j]!.type;
      if (it.type.tag === "plain") opt(it.type.value, ot.value as number, `${rp.name}.${it.name}`);
      else {
        const ov = ot.value as { key: number; value: number };
        visit(it.type.value.key, ov.key, `${rp.name}.${it.name} key`);
        visit(it.type.value.value, ov.value, `${rp.name}.${it.name} value`);
      }
    });
    opt(rp.calls, op.calls, `${rp.name} calls`);
    opt(rp.events, op.events, `${rp.name} events`);
    rp.constants.forEach((c, j) => visit(c.type, op.constants[j]!.type, `${rp.name}.${c.name}`));
    opt(rp.errors, op.errors, `${rp.name} errors`);
  });
  visit(ref.extrinsic.type, ours.extrinsic.type, "extrinsic");
  ref.extrinsic.signedExtensions.forEach((e, i) => {
    visit(e.type, ours.extrinsic.signedExtensions[i]!.type, e.identifier);
    visit(e.additionalSigned, ours.extrinsic.signedExtensions[i]!.additionalSigned, `${e.identifier} additionalSigned`);
  });
  visit(ref.type, ours.type, "runtime type");
  return { pairs, conflicts };
}

function childIds(t: Lookup[number]): number[] {
  const params = t.params.flatMap((p) => (p.type === undefined ? [] : [p.type]));
  const d = t.def;
  switch (d.tag) {
    case "composite":
      return [...params, ...d.value.map((f) => f.type)];
    case "variant":
      return [...params, ...d.value.flatMap((v) => v.fields.map((f) => f.type))];
    case "sequence":
    case "compact":
      return [...params, d.value];
    case "array":
      return [...params, d.value.type];
    case "tuple":
      return [...params, ...d.value];
    case "bitSequence":
      return [...params, d.value.bitStoreType, d.value.bitOrderType];
    default:
      return params;
  }
}

// Replaces every type reference in an entry through `map`, for comparing entries across registries.
function remapEntry(t: Lookup[number], map: (id: number) => number | undefined): unknown {
  const ids = childIds(t).map(map);
  let i = 0;
  return JSON.parse(JSON.stringify({ ...t, id: 0 }, function (this: unknown, k, v) {
    const isRef = (k === "type" && typeof v === "number") || ((k === "bitStoreType" || k === "bitOrderType") && typeof v === "number");
    if (isRef) return ids[i++];
    if (k === "value" && typeof v === "number") return ids[i++];
    if (k === "value" && Array.isArray(v) && v.every((x) => typeof x === "number")) return v.map(() => ids[i++]);
    return v;
  }));
}

describe("rebuilding TFChain 2.9's metadata from the reference's own definitions", () => {
  const defs = referenceDefinitions();
  const runtime = new Runtime(defs.pallets, FIXTURE_VERSION);
  const md = buildMetadata(runtime, { schema: defs.extrinsic.schema, version: 4, signedExtensions: defs.extrinsic.signedExtensions });
  const rendered = renderMetadata(encodeMetadata(md));
  const ref = decAnyMetadata(referenceMetadataHex()).metadata.value as Md;

  it("gives every pallet item the reference's structure, names and docs", () => {
    const found = [...referenceMetadata().pallets.values()].flatMap((r) => {
      const ours = rendered.pallets.get(r.name);
      return ours ? Object.values(palletDifferences(ours, r)).flat() : [`${r.name}: missing`];
    });
    assert.deepEqual(found, [], found.join("\n"));
    assert.deepEqual(rendered.extrinsic, referenceMetadata().extrinsic);
    assert.deepEqual(rendered.runtimeType, referenceMetadata().runtimeType);
  });

  it("has the reference's type entries, duplicates merged, in the order scale-info registered them", () => {
    const { pairs, conflicts } = pairTypes(ref, md);
    assert.deepEqual(conflicts, []);
    assert.equal(pairs.size, ref.lookup.length, "every reference type is reached");
    for (const [r, o] of pairs) {
      assert.deepEqual(remapEntry(md.lookup[o]!, (x) => x), remapEntry(ref.lookup[r]!, (x) => pairs.get(x)), `reference type ${r} vs our ${o}`);
    }
    // Our ids are the reference's with merged duplicates left out: first occurrences count up from 0.
    let next = 0;
    for (let r = 0; r < ref.lookup.length; r++) {
      const o = pairs.get(r)!;
      if (o === next) next++;
      else assert.ok(o < next, `reference type ${r} became our ${o}, expected ${next} or an earlier duplicate`);
    }
    assert.equal(next, md.lookup.length);
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

/** Pallets tfchain-ts adds to TFChain 2.9: the reputation registry (issue 9), after all of TFChain's. */
const OUR_PALLETS = ["Reputation"];

describe("assembled runtime metadata against TFChain 2.9", () => {
  const rendered = renderMetadata(encodeMetadata(buildMetadata(assembled, extrinsicOf(assembled))));

  it("has only pallets of the reference (and ours, last), in the reference's order", () => {
    const ref = [...referenceMetadata().pallets.keys()];
    const ours = assembled.pallets.map((p) => p.name);
    assert.deepEqual(ours.filter((n) => !ref.includes(n)), OUR_PALLETS, "pallets TFChain 2.9 does not have");
    const theirs = ours.filter((n) => !OUR_PALLETS.includes(n));
    assert.deepEqual(theirs, ref.filter((n) => theirs.includes(n)));
    assert.deepEqual(ours.slice(theirs.length), OUR_PALLETS);
  });

  it("has the chain-core pallets System, Timestamp, Utility, Balances and TransactionPayment", () => {
    for (const name of ["System", "Timestamp", "Utility", "Balances", "TransactionPayment"]) assert.ok(rendered.pallets.has(name), name);
  });

  it("has the reference's RuntimeCall and RuntimeEvent variants for its pallets", () => {
    assertOuterEnums(rendered, OUR_PALLETS);
  });

  // Pallets of later issues join this comparison as the runtime gains them. Until all have, a call argument
  // of type RuntimeCall (Utility's) lists fewer variants; the variants we have are checked just above.
  const runtimeCallVariants = (d: string) => /\(Call\)\|\d+:\w+\(Call\)/.test(d);
  comparePallets(assembled.pallets.map((p) => p.name).filter((n) => !OUR_PALLETS.includes(n)), () => rendered, () => false, runtimeCallVariants);
});
