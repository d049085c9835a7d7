// TFChain 2.9's pallets, extrinsic and signed extensions declared back as schemas from the reference
// metadata's own entries: an oracle for the metadata builder that needs no pallet code.
import { decAnyMetadata, type V14 } from "@polkadot-api/substrate-bindings";
import * as scale from "scale-ts";
import type { StorageHasher } from "../../primitives/hashing.js";
import { schema, type AnySchema, type FieldInfo, type TypeDef } from "../../primitives/schema.js";
import type { SignedExtensionMetadata } from "../../runtime/metadata.js";
import { constant, type Pallet } from "../../runtime/pallet.js";
import { doubleMap, map, palletStorage, value, type AnyStorageItem } from "../../runtime/storage-item.js";
import { referenceMetadataHex } from "./reference-metadata.js";

// Reference entries carry their values as bytes: a pass-through codec lets them be declared as schemas.
const rawCodec = scale.createCodec(
  (v: Uint8Array) => v,
  scale.createDecoder(() => {
    throw new Error("schemas rebuilt from the reference metadata only encode");
  }),
);

/**
 * TFChain 2.9's pallets, extrinsic and signed extensions declared back as schemas from the reference's own
 * entries, one schema per reference type id: an oracle for the metadata builder that needs no pallet code.
 */
export function referenceDefinitions(): {
  lookup: V14["lookup"];
  pallets: Pallet[];
  extrinsic: { schema: AnySchema; signedExtensions: SignedExtensionMetadata[] };
} {
  const decoded = decAnyMetadata(referenceMetadataHex()).metadata;
  if (decoded.tag !== "v14") throw new Error(`reference metadata is ${decoded.tag}, expected v14`);
  const md = decoded.value;
  const schemas = new Map<number, AnySchema>();
  const of = (id: number): AnySchema => {
    let s = schemas.get(id);
    if (!s) {
      const t = md.lookup[id]!;
      s = schema(rawCodec, () => ({
        path: t.path,
        params: t.params.map((p) => ({ name: p.name, type: p.type === undefined ? undefined : of(p.type) })),
        def: defOf(t.def, of),
        docs: t.docs,
      }));
      schemas.set(id, s);
    }
    return s;
  };
  const pallets = md.pallets.map((p): Pallet => {
    const items = p.storage?.items.map((it) => [it.name, storageItemOf(it, of)] as const) ?? [];
    return {
      name: p.name,
      index: p.index,
      storage: p.storage ? palletStorage(p.storage.prefix, Object.fromEntries(items)) : undefined,
      callSchema: p.calls === undefined ? undefined : of(p.calls),
      events: p.events === undefined ? undefined : of(p.events),
      errorSchema: p.errors === undefined ? undefined : of(p.errors),
      constants: Object.fromEntries(p.constants.map((c) => [c.name, constant(of(c.type), fromHex(c.value), c.docs)])),
    };
  });
  const signedExtensions = md.extrinsic.signedExtensions.map((e) => ({
    identifier: e.identifier,
    type: of(e.type),
    additionalSigned: of(e.additionalSigned),
  }));
  return { lookup: md.lookup, pallets, extrinsic: { schema: of(md.extrinsic.type), signedExtensions } };
}

type StorageEntry = NonNullable<V14["pallets"][number]["storage"]>["items"][number];
const HASHERS: Record<string, StorageHasher> = {
  Blake2128: "Blake2_128", Blake2256: "Blake2_256", Blake2128Concat: "Blake2_128Concat",
  Twox128: "Twox128", Twox256: "Twox256", Twox64Concat: "Twox64Concat", Identity: "Identity",
};

function storageItemOf(it: StorageEntry, of: (id: number) => AnySchema): AnyStorageItem {
  // A Default item's fallback is its default's encoding; with a pass-through codec the default is those bytes.
  const opts = it.modifier === 1 ? { default: fromHex(it.fallback), docs: it.docs } : { docs: it.docs };
  if (it.type.tag === "plain") return value(of(it.type.value), opts);
  const { hashers, key, value: v } = it.type.value;
  const [h1, h2] = hashers.map((h) => HASHERS[h.tag]!);
  if (hashers.length === 1) return map(h1!, of(key), of(v), opts);
  const keys = of(key).info.def;
  if (hashers.length !== 2 || keys.tag !== "tuple") throw new Error(`storage ${it.name}: only maps and double maps are rebuilt`);
  return doubleMap(h1!, keys.types[0]!, h2!, keys.types[1]!, of(v), opts);
}

function defOf(d: V14["lookup"][number]["def"], of: (id: number) => AnySchema): TypeDef {
  const fields = (fs: { name?: string; type: number; typeName?: string; docs: string[] }[]): FieldInfo[] =>
    fs.map((f) => ({ name: f.name, type: of(f.type), typeName: f.typeName, docs: f.docs }));
  switch (d.tag) {
    case "composite":
      return { tag: "composite", fields: fields(d.value) };
    case "variant":
      return { tag: "variant", variants: d.value.map((v) => ({ name: v.name, index: v.index, docs: v.docs, fields: fields(v.fields) })) };
    case "sequence":
      return { tag: "sequence", type: of(d.value) };
    case "array":
      return { tag: "array", len: d.value.len, type: of(d.value.type) };
    case "tuple":
      return { tag: "tuple", types: d.value.map(of) };
    case "primitive":
      return { tag: "primitive", name: d.value.tag };
    case "compact":
      return { tag: "compact", type: of(d.value) };
    case "bitSequence":
      return { tag: "bitSequence", store: of(d.value.bitStoreType), order: of(d.value.bitOrderType) };
  }
}

function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(hex.slice(2), "hex"));
}
