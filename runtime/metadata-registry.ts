/**
 * The metadata type registry: numbers every type reachable from the schemas a runtime declares.
 *
 * Registration walks depth first, a type before its generic parameters and then its children, in the
 * order the caller registers roots: scale-info does the same, so ids come out in nearly the order rustc's
 * metadata gives them. A node is a schema by `canonicalSchema` identity and gets its index before its
 * children are walked, so recursive types (`RuntimeCall` ∋ `Vec<RuntimeCall>`) terminate.
 *
 * `finish` then merges nodes whose entries are equal (path, params, def, docs, and children that are
 * themselves equal) by partition refinement. Two `Vec<u8>`s or `(u32, u32)`s declared separately, or the
 * same named struct declared twice, become one id. Equal entries are indistinguishable to every decoder,
 * so the merge only makes the registry smaller; it never joins types that differ anywhere.
 */
import type { V14Lookup } from "@polkadot-api/substrate-bindings";
import { canonicalSchema, type AnySchema, type FieldInfo, type TypeDef, type TypeInfo } from "../primitives/schema.js";

export type LookupEntry = V14Lookup[number];
type EntryDef = LookupEntry["def"];

interface Node {
  info: TypeInfo;
  /** Everything in the entry except child type references, as a string. */
  label: string;
  /** Node indices of the params' types and then the def's children, in entry order. */
  children: number[];
}

/** A finished registry: its entries and the id of every registered schema. */
export interface TypeRegistry {
  lookup: LookupEntry[];
  /** The type id of a registered schema; throws for one never registered. */
  id(s: AnySchema): number;
}

export class TypeRegistryBuilder {
  private readonly nodes: Node[] = [];
  private readonly nodeOf = new Map<AnySchema, number>();

  /** Registers `s` and everything it refers to; returns its node index (not its final id). */
  register(s: AnySchema): number {
    const c = canonicalSchema(s);
    const known = this.nodeOf.get(c);
    if (known !== undefined) return known;
    const index = this.nodes.length;
    const info = c.info;
    const node: Node = { info, label: labelOf(info), children: [] };
    this.nodes.push(node);
    this.nodeOf.set(c, index);
    for (const p of info.params) if (p.type) node.children.push(this.register(p.type));
    for (const child of defChildren(info.def)) node.children.push(this.register(child));
    return index;
  }

  /** Merges equal entries and numbers the classes in order of first registration. */
  finish(): TypeRegistry {
    const classOf = refine(this.nodes);
    const idOfClass = new Map<number, number>();
    const representatives: Node[] = [];
    this.nodes.forEach((node, i) => {
      if (idOfClass.has(classOf[i]!)) return;
      idOfClass.set(classOf[i]!, representatives.length);
      representatives.push(node);
    });
    const id = (s: AnySchema): number => {
      const node = this.nodeOf.get(canonicalSchema(s));
      if (node === undefined) throw new Error(`type ${s.name} was not registered before the registry was finished`);
      return idOfClass.get(classOf[node]!)!;
    };
    const lookup = representatives.map((node, i) => entryOf(i, node.info, id));
    return { lookup, id };
  }
}

// Moore's partition refinement: start from classes of equal labels and split by the children's classes
// until no class splits. The result is the coarsest partition where merged nodes have equal entries.
function refine(nodes: Node[]): number[] {
  let classOf = intern(nodes.map((n) => n.label));
  let count = new Set(classOf).size;
  for (;;) {
    const next = intern(nodes.map((n, i) => `${classOf[i]}:${n.children.map((c) => classOf[c]).join(",")}`));
    const nextCount = new Set(next).size;
    if (nextCount === count) return next;
    classOf = next;
    count = nextCount;
  }
}

function intern(keys: string[]): number[] {
  const ids = new Map<string, number>();
  return keys.map((k) => {
    let id = ids.get(k);
    if (id === undefined) ids.set(k, (id = ids.size));
    return id;
  });
}

function defChildren(def: TypeDef): AnySchema[] {
  switch (def.tag) {
    case "composite":
      return def.fields.map((f) => f.type);
    case "variant":
      return def.variants.flatMap((v) => v.fields.map((f) => f.type));
    case "sequence":
    case "array":
    case "compact":
      return [def.type];
    case "tuple":
      return def.types;
    case "primitive":
      return [];
    case "bitSequence":
      return [def.store, def.order];
  }
}

function fieldLabel(f: FieldInfo): unknown {
  return [f.name ?? null, f.typeName ?? null, f.docs ?? []];
}

function labelOf(info: TypeInfo): string {
  const d = info.def;
  let def: unknown;
  switch (d.tag) {
    case "composite":
      def = d.fields.map(fieldLabel);
      break;
    case "variant":
      def = d.variants.map((v) => [v.name, v.index, v.docs ?? [], v.fields.map(fieldLabel)]);
      break;
    case "array":
      def = d.len;
      break;
    case "tuple":
      def = d.types.length;
      break;
    case "primitive":
      def = d.name;
      break;
    default:
      def = null;
  }
  return JSON.stringify([info.path, info.params.map((p) => [p.name, p.type !== undefined]), d.tag, def, info.docs]);
}

function entryOf(id: number, info: TypeInfo, ref: (s: AnySchema) => number): LookupEntry {
  return {
    id,
    path: info.path,
    params: info.params.map((p) => ({ name: p.name, type: p.type ? ref(p.type) : undefined })),
    def: entryDef(info.def, ref),
    docs: info.docs,
  };
}

function entryDef(d: TypeDef, ref: (s: AnySchema) => number): EntryDef {
  const fields = (fs: FieldInfo[]) =>
    fs.map((f) => ({ name: f.name, type: ref(f.type), typeName: f.typeName, docs: f.docs ?? [] }));
  switch (d.tag) {
    case "composite":
      return { tag: "composite", value: fields(d.fields) };
    case "variant":
      return {
        tag: "variant",
        value: d.variants.map((v) => ({ name: v.name, fields: fields(v.fields), index: v.index, docs: v.docs ?? [] })),
      };
    case "sequence":
      return { tag: "sequence", value: ref(d.type) };
    case "array":
      return { tag: "array", value: { len: d.len, type: ref(d.type) } };
    case "tuple":
      return { tag: "tuple", value: d.types.map(ref) };
    case "primitive":
      return { tag: "primitive", value: { tag: d.name, value: undefined } };
    case "compact":
      return { tag: "compact", value: ref(d.type) };
    case "bitSequence":
      return { tag: "bitSequence", value: { bitStoreType: ref(d.store), bitOrderType: ref(d.order) } };
  }
}
