// Shared by the primitives tests: the TFChain 2.9 reference metadata loaded into @polkadot/types (the oracle),
// and a structural comparison of our schemas' type info with the reference's type entries.
import fs from "node:fs";
import path from "node:path";
import { Metadata, TypeRegistry } from "@polkadot/types";
import type { AnySchema } from "../../primitives/schema.js";

const METADATA_PATH = path.resolve(process.cwd(), "../shared/reference/tfchain-2.9-metadata.json");

let cached: { registry: TypeRegistry; metadata: Metadata } | undefined;

/** A TypeRegistry that knows TFChain 2.9's types, calls and nine signed extensions. */
export function referenceRegistry(): { registry: TypeRegistry; metadata: Metadata } {
  if (cached) return cached;
  const hex = JSON.parse(fs.readFileSync(METADATA_PATH, "utf8")).result as `0x${string}`;
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, hex);
  registry.setMetadata(metadata, undefined, { ContractIdProvides: { extrinsic: {}, payload: {} } });
  return (cached = { registry, metadata });
}

interface RefType {
  path: string[];
  params: { name: string; type: number | null }[];
  def: any;
  docs: string[];
}

let types: RefType[] | undefined;
function refTypes(): RefType[] {
  return (types ??= (referenceRegistry().metadata.toJSON() as any).metadata.v14.lookup.types.map((t: any) => t.type));
}

/** The id of the reference type with this Rust path (first match). */
export function refTypeId(rustPath: string): number {
  const id = refTypes().findIndex((t) => t.path.join("::") === rustPath);
  if (id < 0) throw new Error(`No type ${rustPath} in the reference metadata`);
  return id;
}

/** The reference metadata's `extrinsic` section as JSON. */
export function refExtrinsic(): { type: number; version: number; signedExtensions: { identifier: string; type: number; additionalSigned: number }[] } {
  return (referenceRegistry().metadata.toJSON() as any).metadata.v14.extrinsic;
}

const field = (f: { name?: string | null; typeName?: string | null; docs?: string[] }, type: unknown) => ({
  name: f.name ?? null,
  type,
  typeName: f.typeName ?? null,
  docs: f.docs ?? [],
});

/** A normalized tree of a reference type, children expanded (cycles cut by path). */
export function describeRef(id: number, stack: number[] = []): unknown {
  const t = refTypes()[id]!;
  if (stack.includes(id)) return { cycle: t.path.join("::") };
  const s = [...stack, id];
  const d = (x: number | null) => (x === null ? null : describeRef(x, s));
  const def = t.def;
  let out: unknown;
  if (def.composite) out = { composite: def.composite.fields.map((f: any) => field(f, d(f.type))) };
  else if (def.variant) out = { variant: def.variant.variants.map((v: any) => ({ name: v.name, index: v.index, docs: v.docs, fields: v.fields.map((f: any) => field(f, d(f.type))) })) };
  else if (def.sequence) out = { sequence: d(def.sequence.type) };
  else if (def.array) out = { array: [def.array.len, d(def.array.type)] };
  else if (def.tuple) out = { tuple: def.tuple.map(d) };
  else if (def.primitive) out = { primitive: String(def.primitive).toLowerCase() };
  else if (def.compact) out = { compact: d(def.compact.type) };
  else throw new Error(`Unhandled def ${JSON.stringify(def)}`);
  return { path: t.path.join("::"), params: t.params.map((p) => ({ name: p.name, type: d(p.type) })), def: out, docs: t.docs };
}

/** The same normalized tree for one of our schemas. */
export function describeSchema(schema: AnySchema, stack: AnySchema[] = []): unknown {
  const info = schema.info;
  const pathStr = info.path.join("::");
  if (stack.some((x) => x.info === info)) return { cycle: pathStr };
  const s = [...stack, schema];
  const d = (x: AnySchema | undefined) => (x === undefined ? null : describeSchema(x, s));
  const def = info.def;
  let out: unknown;
  switch (def.tag) {
    case "composite": out = { composite: def.fields.map((f) => field(f, d(f.type))) }; break;
    case "variant": out = { variant: def.variants.map((v) => ({ name: v.name, index: v.index, docs: v.docs ?? [], fields: v.fields.map((f) => field(f, d(f.type))) })) }; break;
    case "sequence": out = { sequence: d(def.type) }; break;
    case "array": out = { array: [def.len, d(def.type)] }; break;
    case "tuple": out = { tuple: def.types.map(d) }; break;
    case "primitive": out = { primitive: def.name }; break;
    case "compact": out = { compact: d(def.type) }; break;
    default: throw new Error(`Unhandled def ${def.tag}`);
  }
  return { path: pathStr, params: info.params.map((p) => ({ name: p.name, type: d(p.type) })), def: out, docs: info.docs };
}
