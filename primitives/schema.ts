/**
 * Schemas: one declaration yields a SCALE codec and the type's metadata V14 registry entry.
 *
 * A schema is a value holding a `scale-ts` codec and a lazily built `TypeInfo` (path, generic params, def,
 * docs) whose children are other schemas. The metadata builder walks these to number types; nothing here
 * knows about type ids. Factories for generic types are memoised per argument so that `option(u32)` used
 * in two pallets is one schema, and so one registry entry.
 */
import * as scale from "scale-ts";
import { concatList } from "./bytes.js";
import type { Codec, Decoder } from "scale-ts";
import { CodecError } from "./codec-error.js";
import { compactU128Strict, compactU32Strict, compactU64Strict } from "./compact.js";

export type Primitive =
  | "bool" | "char" | "str" | "u8" | "u16" | "u32" | "u64" | "u128" | "u256"
  | "i8" | "i16" | "i32" | "i64" | "i128" | "i256";

export interface FieldInfo {
  name?: string;
  type: AnySchema;
  typeName?: string;
  docs?: string[];
}
export interface VariantInfo {
  name: string;
  index: number;
  fields: FieldInfo[];
  docs?: string[];
}
export type TypeDef =
  | { tag: "composite"; fields: FieldInfo[] }
  | { tag: "variant"; variants: VariantInfo[] }
  | { tag: "sequence"; type: AnySchema }
  | { tag: "array"; len: number; type: AnySchema }
  | { tag: "tuple"; types: AnySchema[] }
  | { tag: "primitive"; name: Primitive }
  | { tag: "compact"; type: AnySchema }
  | { tag: "bitSequence"; store: AnySchema; order: AnySchema };

export interface TypeInfo {
  path: string[];
  params: { name: string; type?: AnySchema }[];
  def: TypeDef;
  docs: string[];
}

/** A SCALE codec together with the metadata type it is declared as. */
export class Schema<T> {
  private cachedInfo?: TypeInfo;
  constructor(
    readonly codec: Codec<T>,
    private readonly infoThunk: () => TypeInfo,
  ) {}

  get info(): TypeInfo {
    return (this.cachedInfo ??= this.infoThunk());
  }

  enc(value: T): Uint8Array {
    return this.codec.enc(value);
  }

  /** Decodes the whole input; trailing bytes or a short input are a `CodecError`. */
  dec(bytes: Uint8Array): T {
    return decodeExact(this.codec, bytes, this.name);
  }

  get name(): string {
    const info = this.info;
    return info.path.length > 0 ? info.path[info.path.length - 1]! : info.def.tag;
  }
}

export type AnySchema = Schema<any>;
export type ValueOf<S> = S extends Schema<infer T> ? T : never;

/** Decodes `bytes` completely with `codec`, turning every failure into a `CodecError`. */
export function decodeExact<T>(codec: Codec<T>, bytes: Uint8Array, what = "value"): T {
  // scale-ts reads from offset 0 of the underlying buffer, so a view into a larger buffer is copied first.
  const input = bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length ? bytes : new Uint8Array(bytes);
  const outer = tracked;
  tracked = { codec, end: -1 };
  let value: T;
  let end: number;
  try {
    value = trackingDecoder(input);
    end = tracked.end;
  } catch (e) {
    if (e instanceof CodecError) throw e;
    throw new CodecError({ code: "MALFORMED", what, detail: (e as Error).message });
  } finally {
    tracked = outer;
  }
  // A length prefix past the end makes scale-ts' Bytes return a short slice and move past the end.
  if (end > input.length) throw new CodecError({ code: "MALFORMED", what, detail: "input too short" });
  if (end !== input.length) throw new CodecError({ code: "TRAILING_BYTES", what, detail: `${input.length - end} bytes left` });
  return value;
}

/** Decodes one value at the start of `bytes`, for concatenated encodings; returns it and the bytes it used. */
export function decodePrefix<T>(codec: Codec<T>, bytes: Uint8Array, what = "value"): { value: T; length: number } {
  const input = bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length ? bytes : new Uint8Array(bytes);
  const outer = tracked;
  tracked = { codec, end: -1 };
  try {
    const value = trackingDecoder(input);
    if (tracked.end > input.length) throw new CodecError({ code: "MALFORMED", what, detail: "input too short" });
    return { value, length: tracked.end };
  } catch (e) {
    if (e instanceof CodecError) throw e;
    throw new CodecError({ code: "MALFORMED", what, detail: (e as Error).message });
  } finally {
    tracked = outer;
  }
}

// PERF: one decoder for every `decodeExact`, told which codec to run, rather than a closure per call; it
// records where decoding stopped. Saved and restored around each call, so nested decodes are safe.
let tracked: { codec: Codec<any>; end: number } = { codec: scale._void, end: -1 };
const trackingDecoder = scale.createDecoder((view: any) => {
  const t = tracked;
  const v = t.codec.dec(view);
  t.end = view.i;
  return v;
});

/** Declares a schema from a codec and its type info (thunk, so recursive types can refer to themselves). */
export function schema<T>(codec: Codec<T>, info: TypeInfo | (() => TypeInfo)): Schema<T> {
  return new Schema(codec, typeof info === "function" ? info : () => info);
}

function primitive<T>(codec: Codec<T>, name: Primitive): Schema<T> {
  return schema(codec, { path: [], params: [], def: { tag: "primitive", name }, docs: [] });
}

export const bool = primitive(scale.bool, "bool");
export const str = primitive(scale.str, "str");
// PERF: scale-ts makes a DataView per encoded integer, the bulk of encoding a record; these write the bytes.
const fastUint = (nBytes: 1 | 2 | 4): ((v: number) => Uint8Array) => (v) => {
  const out = new Uint8Array(nBytes);
  for (let i = 0; i < nBytes; i++) out[i] = (v >>> (8 * i)) & 0xff;
  return out;
};
const encodeU64 = (v: bigint): Uint8Array => {
  const out = new Uint8Array(8);
  const lo = Number(BigInt.asUintN(32, v));
  const hi = Number(BigInt.asUintN(32, v >> 32n));
  for (let i = 0; i < 4; i++) {
    out[i] = (lo >>> (8 * i)) & 0xff;
    out[4 + i] = (hi >>> (8 * i)) & 0xff;
  }
  return out;
};

export const u8 = primitive(scale.createCodec(fastUint(1), scale.u8.dec), "u8");
export const u16 = primitive(scale.createCodec(fastUint(2), scale.u16.dec), "u16");
export const u32 = primitive(scale.createCodec(fastUint(4), scale.u32.dec), "u32");
export const u64 = primitive(scale.createCodec(encodeU64, scale.u64.dec), "u64");
export const u128 = primitive(scale.u128, "u128");
export const u256 = primitive(scale.u256, "u256");
export const i8 = primitive(scale.i8, "i8");
export const i16 = primitive(scale.i16, "i16");
export const i32 = primitive(scale.i32, "i32");
export const i64 = primitive(scale.i64, "i64");
export const i128 = primitive(scale.i128, "i128");

/** The unit type `()`: an empty tuple. */
export const unit: Schema<undefined> = schema(scale._void, { path: [], params: [], def: { tag: "tuple", types: [] }, docs: [] });

function memo1<A extends object, R>(f: (a: A) => R): (a: A) => R {
  const cache = new WeakMap<A, R>();
  return (a) => {
    let r = cache.get(a);
    if (r === undefined) cache.set(a, (r = f(a)));
    return r;
  };
}

/** `Compact<u8|u16|u32>` as a number; `Compact<u64|u128>` as a bigint. */
export function compact(inner: Schema<number>): Schema<number>;
export function compact(inner: Schema<bigint>): Schema<bigint>;
export function compact(inner: AnySchema): AnySchema {
  return compactMemo(inner);
}
const compactMemo = memo1((inner: AnySchema): AnySchema => {
  const big = inner === u64 || inner === u128 || inner === u256;
  return schema<any>(inner === u128 || inner === u256 ? compactU128Strict : big ? compactU64Strict : compactU32Strict, () => ({ path: [], params: [], def: { tag: "compact", type: inner }, docs: [] }));
});

/** `Vec<T>`. */
export const vec: <T>(inner: Schema<T>) => Schema<T[]> = memo1((inner: AnySchema) => {
  return schema(vecCodec(inner.codec), () => ({ path: [], params: [], def: { tag: "sequence", type: inner }, docs: [] }));
}) as any;

/**
 * `Vec<T>` decoding that trusts no length prefix: scale-ts allocates an array of the claimed length up front,
 * so a few bytes claiming 30 million items cost 240 MB. Items are pushed as decoded, and a claim longer than
 * the input left is refused as soon as one item shows it takes any bytes.
 */
function vecDecoder<T>(inner: Codec<T>): Decoder<T[]> {
  const item = inner.dec;
  return scale.createDecoder((view: any): T[] => {
    const n = scale.compact.dec(view);
    if (typeof n !== "number") throw new CodecError({ code: "MALFORMED", what: "Vec", detail: "length over 2^32" });
    const out: T[] = [];
    const left = view.length - view.i;
    for (let i = 0; i < n; i++) {
      const at = view.i;
      out.push(item(view));
      if (i === 0 && n > left && view.i > at) throw new CodecError({ code: "MALFORMED", what: "Vec", detail: `${n} items in ${left} bytes` });
    }
    return out;
  });
}

/** A bare `Vec<T>` codec (no type info) with the same guarded decoding, for wire messages outside the runtime. */
export function vecCodec<T>(inner: Codec<T>): Codec<T[]> {
  // PERF: one copy of the items behind the length (scale-ts merges the items, then merges again).
  return scale.createCodec((items: T[]) => concatList([compactLength(items.length), ...items.map((x) => inner.enc(x))]), vecDecoder(inner));
}

// scale-ts' Bytes neither bounds-checks its reads nor rejects a fixed array of the wrong length. PERF: both
// directions copy once into one allocation (records such as a farm's IP list hold hundreds of byte fields).
function checkedBytes(len?: number): Codec<Uint8Array> {
  return scale.createCodec(
    (v: Uint8Array) => {
      if (len !== undefined && v.length !== len) throw new CodecError({ code: "OUT_OF_RANGE", what: `[u8; ${len}]`, detail: `got ${v.length} bytes` });
      const prefix = len === undefined ? compactLength(v.length) : EMPTY;
      const out = new Uint8Array(prefix.length + v.length);
      out.set(prefix);
      out.set(v, prefix.length);
      return out;
    },
    scale.createDecoder((view: any) => {
      const size = len ?? (scale.compact.dec(view) as number);
      if (typeof size !== "number" || view.i + size > view.length) throw new CodecError({ code: "MALFORMED", what: "bytes", detail: "length past the end" });
      const out: Uint8Array = new Uint8Array(size);
      out.set(new Uint8Array(view.buffer, view.i, size));
      view.i += size;
      return out;
    }),
  );
}
const EMPTY = new Uint8Array(0);

/** A length prefix (`Compact<u32>`), written without scale-ts' DataView for the usual small lengths. */
function compactLength(n: number): Uint8Array {
  if (n < 1 << 6) return Uint8Array.of(n << 2);
  if (n < 1 << 14) return Uint8Array.of(((n << 2) | 1) & 0xff, n >>> 6);
  if (n < 1 << 30) {
    const v = (n << 2) | 2;
    return Uint8Array.of(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  }
  return scale.compact.enc(n);
}

/** `Vec<u8>` as a Uint8Array. */
export const bytes: Schema<Uint8Array> = schema(checkedBytes(), { path: [], params: [], def: { tag: "sequence", type: u8 }, docs: [] });

const fixedBytesCache = new Map<number, Schema<Uint8Array>>();
/** `[u8; N]` as a Uint8Array. */
export function fixedBytes(len: number): Schema<Uint8Array> {
  let s = fixedBytesCache.get(len);
  if (!s) {
    s = schema(checkedBytes(len), { path: [], params: [], def: { tag: "array", len, type: u8 }, docs: [] });
    fixedBytesCache.set(len, s);
  }
  return s;
}

/** `[T; N]`. */
export function array<T>(inner: Schema<T>, len: number): Schema<T[]> {
  return schema(scale.Vector(inner.codec, len), () => ({ path: [], params: [], def: { tag: "array", len, type: inner }, docs: [] }));
}

const tupleCache = new Map<string, AnySchema>();
const schemaIds = new WeakMap<AnySchema, number>();
let nextSchemaId = 0;
function schemaId(s: AnySchema): number {
  let id = schemaIds.get(s);
  if (id === undefined) schemaIds.set(s, (id = nextSchemaId++));
  return id;
}

/** `(A, B, …)`. */
export function tuple<A extends AnySchema[]>(...items: A): Schema<{ [K in keyof A]: ValueOf<A[K]> }> {
  const key = items.map(schemaId).join(",");
  let s = tupleCache.get(key);
  if (!s) {
    s = schema((scale.Tuple as any)(...items.map((i) => i.codec)), () => ({ path: [], params: [], def: { tag: "tuple", types: items }, docs: [] }));
    tupleCache.set(key, s);
  }
  return s as any;
}

/** `Option<T>` (`core::option::Option`), decoded as `T | undefined`. */
export const option: <T>(inner: Schema<T>) => Schema<T | undefined> = memo1((inner: AnySchema) =>
  schema(scale.Option(inner.codec), () => ({
    path: ["Option"],
    params: [{ name: "T", type: inner }],
    def: {
      tag: "variant",
      variants: [
        { name: "None", index: 0, fields: [] },
        { name: "Some", index: 1, fields: [{ type: inner }] },
      ],
    },
    docs: [],
  })),
) as any;

/** `Result<T, E>` (`core::result::Result`). */
export function result<T, E>(ok: Schema<T>, err: Schema<E>): Schema<scale.ResultPayload<T, E>> {
  return schema(scale.Result(ok.codec, err.codec), () => ({
    path: ["Result"],
    params: [{ name: "T", type: ok }, { name: "E", type: err }],
    def: {
      tag: "variant",
      variants: [
        { name: "Ok", index: 0, fields: [{ type: ok }] },
        { name: "Err", index: 1, fields: [{ type: err }] },
      ],
    },
    docs: [],
  }));
}

/** A schema whose codec is resolved on first use, for recursive types such as `RuntimeCall`. */
export function lazy<T>(get: () => Schema<T>): Schema<T> {
  let resolved: Schema<T> | undefined;
  const target = () => (resolved ??= get());
  const codec = scale.createCodec(
    (v: T) => target().codec.enc(v),
    scale.createDecoder((view: any) => target().codec.dec(view)),
  );
  return new LazySchema(codec, target);
}

class LazySchema<T> extends Schema<T> {
  constructor(codec: Codec<T>, readonly target: () => Schema<T>) {
    super(codec, () => target().info);
  }
}

/** Follows `lazy` indirections, so registries key types by the schema that declares them. */
export function resolveSchema(s: AnySchema): AnySchema {
  while (s instanceof LazySchema) s = s.target();
  return s;
}

/** A schema with the same wire format and type info but a different in-memory value. */
export function mapped<T, U>(base: Schema<T>, to: (t: T) => U, from: (u: U) => T): Schema<U> {
  const codec = scale.enhanceCodec(base.codec, from, to);
  return new MappedSchema(codec, base);
}

class MappedSchema<T> extends Schema<T> {
  constructor(codec: Codec<T>, readonly base: AnySchema) {
    super(codec, () => base.info);
  }
}

/**
 * The same type with a faster codec for the same bytes (a hot, fixed-layout type such as `AccountInfo`).
 * Round-trip tests against the generic codec keep the two equal.
 */
export function withCodec<T>(base: Schema<T>, codec: Codec<T>): Schema<T> {
  return new MappedSchema(codec, base);
}

/** The schema that owns a type's registry entry (through `lazy` and `mapped` wrappers). */
export function canonicalSchema(s: AnySchema): AnySchema {
  for (;;) {
    if (s instanceof LazySchema) s = s.target();
    else if (s instanceof MappedSchema) s = s.base;
    else return s;
  }
}

/** A Rust-like name for a type, used to fill `typeName`s the compiler would print. */
export function rustName(s: AnySchema): string {
  const info = s.info;
  if (info.path.length) return info.path[info.path.length - 1]!;
  const d = info.def;
  switch (d.tag) {
    case "primitive":
      return d.name;
    case "sequence":
      return `Vec<${rustName(d.type)}>`;
    case "array":
      return `[${rustName(d.type)}; ${d.len}]`;
    case "tuple":
      return `(${d.types.map(rustName).join(", ")})`;
    case "compact":
      return `Compact<${rustName(d.type)}>`;
    default:
      return "?";
  }
}

export * from "./schema-named.js";
