// Metadata rendered structurally for comparison: each pallet item as type shapes instead of type ids, read
// through @polkadot/types (the clients' decoder), the way ../shared/tools/metadata-diff.mjs renders them.
// `shape` is metadata-diff's rendering (field names and structure); `named` adds type paths and field
// typeNames, which clients also see (polkadot.js names types after their paths and shows typeNames).
import fs from "node:fs";
import path from "node:path";
import { Metadata, TypeRegistry } from "@polkadot/types";
import type { MetadataV14, MetadataV15, PalletMetadataV14, SiLookupTypeId } from "@polkadot/types/interfaces";

export const REFERENCE_METADATA_PATH = path.resolve(process.cwd(), "../shared/reference/tfchain-2.9-metadata.json");

export interface RenderedType {
  shape: string;
  named: string;
}
export interface RenderedField extends RenderedType {
  name: string | null;
  typeName: string | null;
}
export interface RenderedVariant {
  index: number;
  fields: RenderedField[];
  docs: string[];
}
export interface RenderedEnum {
  /** Docs of the enum type itself (`The \`Event\` enum of this pallet`…). */
  docs: string[];
  path: string;
  variants: Map<string, RenderedVariant>;
}
export interface RenderedStorage {
  modifier: string;
  hashers: string[];
  key: RenderedType | null;
  value: RenderedType;
  fallback: string;
  docs: string[];
}
export interface RenderedConstant {
  type: RenderedType;
  value: string;
  docs: string[];
}
export interface RenderedPallet {
  name: string;
  index: number;
  storagePrefix: string | null;
  storage: Map<string, RenderedStorage>;
  calls: RenderedEnum | null;
  events: RenderedEnum | null;
  errors: RenderedEnum | null;
  constants: Map<string, RenderedConstant>;
}
export interface RenderedMetadata {
  version: number;
  pallets: Map<string, RenderedPallet>;
  extrinsic: { version: number; type: RenderedType; signedExtensions: { identifier: string; type: RenderedType; additionalSigned: RenderedType }[] };
  /** `metadata.ty`. */
  runtimeType: RenderedType;
  /** The variants of `tfchain_runtime::RuntimeCall` and `RuntimeEvent`: pallet name → index and typeName. */
  outerEnums: Record<"RuntimeCall" | "RuntimeEvent", Map<string, { index: number; typeName: string | null }>>;
}

/** Decodes metadata bytes (`0x6d657461…`) as a client does: @polkadot/types `Metadata` and `setMetadata`. */
export function loadMetadata(bytes: Uint8Array | `0x${string}`): { registry: TypeRegistry; metadata: Metadata } {
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, bytes);
  // ContractIdProvides is TFChain's own extension; @polkadot/types must be told it adds nothing.
  registry.setMetadata(metadata, undefined, { ContractIdProvides: { extrinsic: {}, payload: {} } });
  return { registry, metadata };
}

/** The reference metadata bytes as hex: `state_getMetadata`'s result, which is the metadata itself. */
export function referenceMetadataHex(): `0x${string}` {
  return JSON.parse(fs.readFileSync(REFERENCE_METADATA_PATH, "utf8")).result;
}

let reference: RenderedMetadata | undefined;

/** TFChain 2.9's metadata, rendered (cached). */
export function referenceMetadata(): RenderedMetadata {
  return (reference ??= renderMetadata(referenceMetadataHex()));
}

/** Renders V14 or V15 metadata bytes pallet by pallet. */
export function renderMetadata(bytes: Uint8Array | `0x${string}`): RenderedMetadata {
  const { registry, metadata } = loadMetadata(bytes);
  const version = metadata.version;
  if (version !== 14 && version !== 15) throw new Error(`metadata V${version}: only V14 and V15 are rendered`);
  const md: MetadataV14 | MetadataV15 = version === 14 ? metadata.asV14 : metadata.asV15;
  const type = (id: SiLookupTypeId): RenderedType => ({ shape: shape(registry, id, false), named: shape(registry, id, true) });
  const pallets = new Map(md.pallets.map((p) => [p.name.toString(), renderPallet(registry, p, type)]));
  const ext = md.extrinsic;
  return {
    version,
    pallets,
    extrinsic: {
      version: ext.version.toNumber(),
      // V15 has no extrinsic type; its parts are rendered through the signed extensions and outer enums.
      type: "type" in ext ? type((ext as MetadataV14["extrinsic"]).type) : { shape: "", named: "" },
      signedExtensions: ext.signedExtensions.map((e) => ({
        identifier: e.identifier.toString(),
        type: type(e.type),
        additionalSigned: type(e.additionalSigned),
      })),
    },
    runtimeType: type(md.type),
    outerEnums: { RuntimeCall: outerEnum(md, "RuntimeCall"), RuntimeEvent: outerEnum(md, "RuntimeEvent") },
  };
}

function outerEnum(md: MetadataV14 | MetadataV15, name: string): Map<string, { index: number; typeName: string | null }> {
  const t = md.lookup.types.find((x) => x.type.path.map(String).join("::") === `tfchain_runtime::${name}`);
  const out = new Map<string, { index: number; typeName: string | null }>();
  for (const v of t?.type.def.asVariant.variants ?? []) {
    const f = v.fields[0];
    out.set(v.name.toString(), { index: v.index.toNumber(), typeName: f?.typeName.isSome ? f.typeName.unwrap().toString() : null });
  }
  return out;
}

function renderPallet(registry: TypeRegistry, p: PalletMetadataV14, type: (id: SiLookupTypeId) => RenderedType): RenderedPallet {
  const storage = new Map<string, RenderedStorage>();
  const st = p.storage.unwrapOr(null);
  for (const item of st?.items ?? []) {
    const t = item.type;
    const map = t.isMap ? t.asMap : null;
    storage.set(item.name.toString(), {
      modifier: item.modifier.toString(),
      hashers: map ? map.hashers.map(String) : [],
      key: map ? type(map.key) : null,
      value: type(map ? map.value : t.asPlain),
      fallback: item.fallback.toHex(),
      docs: item.docs.map(String),
    });
  }
  const constants = new Map<string, RenderedConstant>();
  for (const c of p.constants) constants.set(c.name.toString(), { type: type(c.type), value: c.value.toHex(), docs: c.docs.map(String) });
  const enumOf = (opt: PalletMetadataV14["calls"]): RenderedEnum | null => {
    if (opt.isNone) return null;
    const t = registry.lookup.getSiType(opt.unwrap().type);
    const variants = new Map<string, RenderedVariant>();
    for (const v of t.def.asVariant.variants) {
      variants.set(v.name.toString(), {
        index: v.index.toNumber(),
        docs: v.docs.map(String),
        fields: v.fields.map((f) => ({
          name: f.name.isSome ? f.name.unwrap().toString() : null,
          typeName: f.typeName.isSome ? f.typeName.unwrap().toString() : null,
          ...type(f.type),
        })),
      });
    }
    return { docs: t.docs.map(String), path: t.path.map(String).join("::"), variants };
  };
  return {
    name: p.name.toString(),
    index: p.index.toNumber(),
    storagePrefix: st ? st.prefix.toString() : null,
    storage,
    calls: enumOf(p.calls),
    events: enumOf(p.events as PalletMetadataV14["calls"]),
    errors: enumOf(p.errors as PalletMetadataV14["calls"]),
    constants,
  };
}

// Runtime-wide enums stop the recursion, as in metadata-diff: they are compared where they are declared.
const STOP = new Set(["RuntimeCall", "RuntimeEvent", "OriginCaller", "RuntimeOrigin", "Call", "Event"]);

/**
 * A type as a string. Unnamed: metadata-diff's rendering (BoundedVec shown as its inner Vec, Option as
 * `Option<T>`). Named: every composite and variant prefixed by its path and each field by its typeName.
 */
export function shape(registry: TypeRegistry, id: SiLookupTypeId | number, named: boolean, depth = 0, seen: ReadonlySet<string> = new Set()): string {
  const t = registry.lookup.getSiType(id);
  const p = t.path.map(String);
  const last = p[p.length - 1];
  const full = p.join("::");
  if (p.length && STOP.has(last!) && depth > 0) return named ? full : last!;
  if (seen.has(String(id)) || depth > 12) return full || `#${id}`;
  const inner = new Set(seen).add(String(id));
  const rec = (x: SiLookupTypeId) => shape(registry, x, named, depth + 1, inner);
  const field = (f: (typeof t.def.asComposite.fields)[number]) =>
    (f.name.isSome ? `${f.name.unwrap().toString()}:` : "") +
    (named && f.typeName.isSome ? `<${f.typeName.unwrap().toString()}>` : "") +
    rec(f.type);
  const d = t.def;
  if (d.isPrimitive) return d.asPrimitive.toString().toLowerCase();
  if (d.isCompact) return `Compact<${rec(d.asCompact.type)}>`;
  if (d.isSequence) return `Vec<${rec(d.asSequence.type)}>`;
  if (d.isArray) return `[${rec(d.asArray.type)};${d.asArray.len.toNumber()}]`;
  if (d.isTuple) return `(${d.asTuple.map(rec).join(",")})`;
  if (d.isBitSequence) return "BitVec";
  const prefix = named ? full : "";
  if (d.isComposite) {
    const f = d.asComposite.fields;
    if (f.length === 1 && f[0]!.name.isNone && (last === "BoundedVec" || last === "WeakBoundedVec")) {
      return named ? `${full}{${field(f[0]!)}}` : rec(f[0]!.type);
    }
    return `${prefix}{${f.map(field).join(",")}}`;
  }
  if (d.isVariant) {
    const vs = d.asVariant.variants;
    if (last === "Option" && !named) return `Option<${rec(vs[1]!.fields[0]!.type)}>`;
    return `${prefix}enum{${vs.map((v) => `${v.index.toNumber()}:${v.name.toString()}(${v.fields.map(field).join(",")})`).join("|")}}`;
  }
  return d.type;
}

/** Where two renderings first differ, with some context, for assertion messages. */
export function firstDifference(want: string, got: string): string {
  let i = 0;
  while (i < want.length && i < got.length && want[i] === got[i]) i++;
  const from = Math.max(0, i - 40);
  return `at ${i}: want …${want.slice(from, i + 60)}… got …${got.slice(from, i + 60)}…`;
}

export type Category = "pallet" | "calls" | "storage" | "events" | "errors" | "constants";

/**
 * Every difference between one of our pallets and the reference's, by category, each naming its item.
 * `partial`: items missing from ours are not differences (a test fixture declaring a few items).
 */
export function palletDifferences(ours: RenderedPallet, ref: RenderedPallet, opts: { partial?: boolean } = {}): Record<Category, string[]> {
  const out: Record<Category, string[]> = { pallet: [], calls: [], storage: [], events: [], errors: [], constants: [] };
  const at = `${ref.name}`;
  if (ours.index !== ref.index) out.pallet.push(`${at}: index ${ours.index}, want ${ref.index}`);
  compareEnum(at, "calls", ours.calls, ref.calls, out.calls, opts);
  compareEnum(at, "events", ours.events, ref.events, out.events, opts);
  compareEnum(at, "errors", ours.errors, ref.errors, out.errors, opts);
  if (ours.storagePrefix !== ref.storagePrefix) out.storage.push(`${at}: storage prefix ${ours.storagePrefix}, want ${ref.storagePrefix}`);
  compareItems(at, ours.storage, ref.storage, out.storage, opts, (name, o, r, push) => {
    if (o.modifier !== r.modifier) push(`${name}: modifier ${o.modifier}, want ${r.modifier}`);
    if (o.hashers.join() !== r.hashers.join()) push(`${name}: hashers [${o.hashers}], want [${r.hashers}]`);
    if ((o.key === null) !== (r.key === null)) push(`${name}: ${o.key ? "map" : "plain"}, want ${r.key ? "map" : "plain"}`);
    else if (o.key && r.key) compareType(`${name} key`, o.key, r.key, push);
    compareType(`${name} value`, o.value, r.value, push);
    if (o.fallback !== r.fallback) push(`${name}: fallback ${o.fallback}, want ${r.fallback}`);
    compareDocs(name, o.docs, r.docs, push);
  });
  compareItems(at, ours.constants, ref.constants, out.constants, opts, (name, o, r, push) => {
    compareType(`${name} type`, o.type, r.type, push);
    if (o.value !== r.value) push(`${name}: value ${o.value}, want ${r.value}`);
    compareDocs(name, o.docs, r.docs, push);
  });
  return out;
}

function compareEnum(
  at: string, what: string, o: RenderedEnum | null, r: RenderedEnum | null, out: string[], opts: { partial?: boolean },
): void {
  if (!o || !r) {
    if (o || r) out.push(`${at}: ${what} ${o ? "present" : "absent"}, want ${r ? "present" : "absent"}`);
    return;
  }
  if (o.path !== r.path) out.push(`${at} ${what} enum: path ${o.path}, want ${r.path}`);
  compareDocs(`${at} ${what} enum`, o.docs, r.docs, (m) => out.push(m));
  compareItems(at, o.variants, r.variants, out, opts, (name, ov, rv, push) => {
    if (ov.index !== rv.index) push(`${name}: index ${ov.index}, want ${rv.index}`);
    const names = (v: RenderedVariant) => v.fields.map((f) => f.name ?? "_").join(",");
    if (names(ov) !== names(rv)) push(`${name}: fields (${names(ov)}), want (${names(rv)})`);
    else {
      rv.fields.forEach((rf, i) => {
        const of = ov.fields[i]!;
        const label = `${name}.${rf.name ?? i}`;
        if (of.typeName !== rf.typeName) push(`${label}: typeName ${of.typeName}, want ${rf.typeName}`);
        compareType(label, of, rf, push);
      });
    }
    compareDocs(name, ov.docs, rv.docs, push);
  });
}

function compareItems<T>(
  at: string, ours: Map<string, T>, ref: Map<string, T>, out: string[], opts: { partial?: boolean },
  same: (name: string, o: T, r: T, push: (m: string) => void) => void,
): void {
  for (const [name, r] of ref) {
    const o = ours.get(name);
    if (o === undefined) {
      if (!opts.partial) out.push(`${at}.${name}: missing`);
      continue;
    }
    same(`${at}.${name}`, o, r, (m) => out.push(m));
  }
  for (const name of ours.keys()) if (!ref.has(name)) out.push(`${at}.${name}: not in the reference`);
  const common = (m: Map<string, T>, other: Map<string, T>) => [...m.keys()].filter((k) => other.has(k)).join(",");
  if (common(ours, ref) !== common(ref, ours)) out.push(`${at}: order (${common(ours, ref)}), want (${common(ref, ours)})`);
}

function compareType(label: string, o: RenderedType, r: RenderedType, push: (m: string) => void): void {
  if (o.shape !== r.shape) push(`${label}: structure ${firstDifference(r.shape, o.shape)}`);
  else if (o.named !== r.named) push(`${label}: type paths/typeNames ${firstDifference(r.named, o.named)}`);
}

function compareDocs(label: string, o: string[], r: string[], push: (m: string) => void): void {
  if (JSON.stringify(o) !== JSON.stringify(r)) push(`${label}: docs ${JSON.stringify(o)}, want ${JSON.stringify(r)}`);
}
