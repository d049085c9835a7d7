/**
 * Named Rust types as schemas: structs, newtypes, tuple structs, enums and bounded collections, each with
 * its path, generic params, field names and `typeName`s for the metadata.
 */
import * as scale from "scale-ts";
import type { Codec } from "scale-ts";
import { CodecError } from "./codec-error.js";
import { bytes, schema, u8, vec, type AnySchema, type FieldInfo, type Schema, type ValueOf } from "./schema.js";

export interface Named {
  /** Rust path, e.g. `pallet_balances::types::AccountData`. */
  path: string;
  params?: { name: string; type?: AnySchema }[];
  docs?: string[];
}

export type FieldSpec = AnySchema | [AnySchema, string];
type FieldValue<F> = F extends [infer S, string] ? ValueOf<S> : ValueOf<F>;
export type StructValue<F extends Record<string, FieldSpec>> = { [K in keyof F]: FieldValue<F[K]> };

function fieldSchema(f: FieldSpec): AnySchema {
  return Array.isArray(f) ? f[0] : f;
}
function fieldInfo(name: string | undefined, f: FieldSpec): FieldInfo {
  return Array.isArray(f) ? { name, type: f[0], typeName: f[1] } : { name, type: f };
}

/**
 * A named struct. Each field is a schema, or `[schema, typeName]` where the Rust source names the field's
 * type (metadata carries that name, e.g. `T::AccountId`). Field order is declaration order.
 */
export function struct<F extends Record<string, FieldSpec>>(named: Named, fields: F): Schema<StructValue<F>> {
  return schema(structCodec(Object.entries(fields).map(([k, f]) => [k, fieldSchema(f).codec])) as Codec<StructValue<F>>, () => ({
    path: splitPath(named.path),
    params: named.params ?? [],
    def: { tag: "composite", fields: Object.entries(fields).map(([k, f]) => fieldInfo(k, f)) },
    docs: named.docs ?? [],
  }));
}

/**
 * PERF: a struct's codec as plain loops over its fields (scale-ts' Struct maps through tuples and object
 * entries for every value, which dominates decoding records with long lists).
 */
function structCodec(fields: [string, Codec<any>][]): Codec<Record<string, unknown>> {
  const keys = fields.map(([k]) => k);
  const encoders = fields.map(([, c]) => c.enc);
  const decoders = fields.map(([, c]) => c.dec);
  const n = keys.length;
  return scale.createCodec(
    (value: Record<string, unknown>) => {
      const parts = new Array<Uint8Array>(n);
      let size = 0;
      for (let i = 0; i < n; i++) {
        parts[i] = encoders[i]!(value[keys[i]!]);
        size += parts[i]!.length;
      }
      const out = new Uint8Array(size);
      for (let i = 0, at = 0; i < n; i++) {
        out.set(parts[i]!, at);
        at += parts[i]!.length;
      }
      return out;
    },
    scale.createDecoder((view: any) => {
      const value: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) value[keys[i]!] = decoders[i]!(view);
      return value;
    }),
  );
}

/** A tuple struct with one unnamed field, encoded as that field (e.g. `AccountId32([u8; 32])`). */
export function newtype<T>(named: Named, inner: FieldSpec & (Schema<T> | [Schema<T>, string])): Schema<T> {
  return schema(fieldSchema(inner).codec as Codec<T>, () => ({
    path: splitPath(named.path),
    params: named.params ?? [],
    def: { tag: "composite", fields: [fieldInfo(undefined, inner)] },
    docs: named.docs ?? [],
  }));
}

/** A composite with unnamed fields, encoded as a tuple. */
export function tupleStruct<A extends FieldSpec[]>(named: Named, ...fields: A): Schema<{ [K in keyof A]: FieldValue<A[K]> }> {
  return schema((scale.Tuple as any)(...fields.map((f) => fieldSchema(f).codec)), () => ({
    path: splitPath(named.path),
    params: named.params ?? [],
    def: { tag: "composite", fields: fields.map((f) => fieldInfo(undefined, f)) },
    docs: named.docs ?? [],
  }));
}

/** An enum variant: no fields, one unnamed field, or named fields. */
export type VariantSpec =
  | null
  | { index?: number; docs?: string[]; fields?: Record<string, FieldSpec>; value?: FieldSpec; tuple?: FieldSpec[] };

export type EnumValue<V extends Record<string, VariantSpec>> = {
  [K in keyof V]: V[K] extends { fields: infer F extends Record<string, FieldSpec> }
    ? { tag: K; value: StructValue<F> }
    : V[K] extends { value: infer F }
      ? { tag: K; value: FieldValue<F> }
      : V[K] extends { tuple: infer A extends FieldSpec[] }
        ? { tag: K; value: { [I in keyof A]: FieldValue<A[I]> } }
        : { tag: K; value?: undefined };
}[keyof V];

/**
 * A Rust enum, decoded as `{tag, value}`. Indices default to declaration order; a variant may set its own
 * (`index`), as FRAME's `#[codec(index = n)]` and call indices do.
 */
export function enumeration<V extends Record<string, VariantSpec>>(named: Named, variants: V): Schema<EnumValue<V>> {
  const entries = Object.entries(variants);
  let next = 0;
  const indices = entries.map(([, v]) => {
    const i = v?.index ?? next;
    next = i + 1;
    return i;
  });
  const inner = (v: VariantSpec): Codec<any> => {
    if (!v) return scale._void;
    if (v.fields) return (scale.Struct as any)(Object.fromEntries(Object.entries(v.fields).map(([k, f]) => [k, fieldSchema(f).codec])));
    if (v.value) return fieldSchema(v.value).codec;
    if (v.tuple) return (scale.Tuple as any)(...v.tuple.map((f) => fieldSchema(f).codec));
    return scale._void;
  };
  const codec = indexedEnum(Object.fromEntries(entries.map(([k, v]) => [k, inner(v)])), indices, named.path);
  return schema(codec as unknown as Codec<EnumValue<V>>, () => ({
    path: splitPath(named.path),
    params: named.params ?? [],
    def: {
      tag: "variant",
      variants: entries.map(([name, v], i) => ({
        name,
        index: indices[i]!,
        docs: v?.docs ?? [],
        fields: !v
          ? []
          : v.fields
            ? Object.entries(v.fields).map(([k, f]) => fieldInfo(k, f))
            : v.value
              ? [fieldInfo(undefined, v.value)]
              : (v.tuple ?? []).map((f) => fieldInfo(undefined, f)),
      })),
    },
    docs: named.docs ?? [],
  }));
}

// scale-ts' Enum throws a bare Error on an unknown index; we want a typed one naming the enum.
function indexedEnum(inners: Record<string, Codec<any>>, indices: number[], what: string): Codec<{ tag: string; value: any }> {
  const names = Object.keys(inners);
  const byIndex = new Map(indices.map((idx, i) => [idx, names[i]!]));
  const indexOf = new Map(names.map((n, i) => [n, indices[i]!]));
  return scale.createCodec(
    ({ tag, value }) => {
      const idx = indexOf.get(tag);
      if (idx === undefined) throw new CodecError({ code: "UNKNOWN_VARIANT", what, detail: String(tag) });
      const body = inners[tag]!.enc(value);
      const out = new Uint8Array(body.length + 1);
      out[0] = idx;
      out.set(body, 1);
      return out;
    },
    scale.createDecoder((view: any) => {
      const idx = scale.u8.dec(view);
      const tag = byIndex.get(idx);
      if (tag === undefined) throw new CodecError({ code: "UNKNOWN_VARIANT", what, detail: `index ${idx}` });
      return { tag, value: inners[tag]!.dec(view) };
    }),
  );
}

/** A unit-only enum that decodes to its variant name (e.g. `Pays`, `DispatchClass`). */
export function unitEnum<K extends string>(named: Named, names: readonly K[]): Schema<K> {
  const e = enumeration(named, Object.fromEntries(names.map((n) => [n, null])) as Record<K, null>);
  return schema(
    scale.enhanceCodec(e.codec as Codec<any>, (k: K) => ({ tag: k }), (v: any) => v.tag as K),
    () => e.info,
  );
}

/**
 * `BoundedVec<T, S>`: encodes as `Vec<T>`; decoding rejects more than `max` items.
 */
export function boundedVec<T>(inner: Schema<T>, max: number): Schema<T[]> {
  const v = vec(inner);
  return schema(boundedCodec(v.codec, max, (x) => x.length), () => ({
    path: ["bounded_collections", "bounded_vec", "BoundedVec"],
    params: [{ name: "T", type: inner }, { name: "S" }],
    def: { tag: "composite", fields: [{ type: v, typeName: "Vec<T>" }] },
    docs: [],
  }));
}

/** `BoundedVec<u8, S>` as a Uint8Array. */
export function boundedBytes(max: number): Schema<Uint8Array> {
  return schema(boundedCodec(bytes.codec, max, (x) => x.length), () => ({
    path: ["bounded_collections", "bounded_vec", "BoundedVec"],
    params: [{ name: "T", type: u8 }, { name: "S" }],
    def: { tag: "composite", fields: [{ type: bytes, typeName: "Vec<T>" }] },
    docs: [],
  }));
}

function boundedCodec<T>(inner: Codec<T>, max: number, len: (v: T) => number): Codec<T> {
  return scale.createCodec(
    (v: T) => {
      if (len(v) > max) throw new CodecError({ code: "TOO_LONG", what: "BoundedVec", detail: `${len(v)} > ${max}` });
      return inner.enc(v);
    },
    scale.createDecoder((view: any) => {
      const v = inner.dec(view);
      if (len(v) > max) throw new CodecError({ code: "TOO_LONG", what: "BoundedVec", detail: `${len(v)} > ${max}` });
      return v;
    }),
  );
}


function splitPath(path: string): string[] {
  return path === "" ? [] : path.split("::");
}
