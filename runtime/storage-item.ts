/**
 * FRAME storage items: values, maps and double maps over raw storage, keyed as Substrate keys them.
 *
 * key = twox128(pallet) ++ twox128(item) ++ hasher₁(enc k₁) ++ hasher₂(enc k₂). An item is declared
 * unbound (no pallet) and bound once by `palletStorage`, which also gives it its name; the metadata
 * builder reads the same objects. `Default` items read as their default when absent (FRAME's
 * `ValueQuery`), `Optional` ones as `undefined` (`OptionQuery`).
 */
import { hashKey, hashedPrefixLength, twox128, type StorageHasher } from "../primitives/hashing.js";
import { concat, utf8 } from "../primitives/bytes.js";
import type { Schema } from "../primitives/schema.js";
import type { OverlayedChanges } from "../state/overlay.js";
import { keyString, keysWithPrefix, type Storage, type StorageReader } from "../state/storage.js";

export type Modifier = "Optional" | "Default";

/** Hashed keys remembered per map; the cache is dropped whole when full. */
export const KEY_CACHE_SIZE = 16_384;

/** Hashed keys (or key parts) by map key, built once by `build` from the encoded key; bounded. */
class KeyCache<K> {
  private readonly byNumber = new Map<number, Uint8Array>();
  private readonly byBytes = new Map<string, Uint8Array>();

  constructor(
    private readonly schema: Schema<K>,
    private readonly build: (encoded: Uint8Array) => Uint8Array,
  ) {}

  get(k: K): Uint8Array {
    // PERF: integer ids (twins, farms, nodes, periods) are looked up as they are, without encoding them.
    if (typeof k === "number") return this.byNumber.get(k) ?? remember(this.byNumber, k, this.build(this.schema.enc(k)));
    const encoded = this.schema.enc(k);
    const id = keyString(encoded);
    return this.byBytes.get(id) ?? remember(this.byBytes, id, this.build(encoded));
  }
}

function remember<I>(cache: Map<I, Uint8Array>, id: I, built: Uint8Array): Uint8Array {
  if (cache.size >= KEY_CACHE_SIZE) cache.clear();
  cache.set(id, built);
  return built;
}

interface ItemOptions<V> {
  docs?: string[];
  /** Present for `ValueQuery` items: the value read when the key is absent. */
  default?: V;
}

abstract class StorageItem<V, Q> {
  name = "";
  private prefixBytes?: Uint8Array;

  constructor(
    readonly value: Schema<V>,
    readonly options: ItemOptions<V>,
  ) {}

  get modifier(): Modifier {
    return "default" in this.options ? "Default" : "Optional";
  }

  get docs(): string[] {
    return this.options.docs ?? [];
  }

  /** The bytes a client sees for an absent key (metadata `fallback`). */
  fallback(): Uint8Array {
    return this.modifier === "Default" ? this.value.enc(this.options.default as V) : new Uint8Array([0]);
  }

  bind(pallet: string, name: string): void {
    this.name = name;
    this.prefixBytes = concat(twox128(utf8(pallet)), twox128(utf8(name)));
  }

  /** `twox128(pallet) ++ twox128(item)`. */
  get prefix(): Uint8Array {
    if (!this.prefixBytes) throw new Error("storage item used before its pallet bound it");
    return this.prefixBytes;
  }

  protected read(io: StorageReader, key: Uint8Array): Q {
    const raw = io.get(key);
    if (raw === undefined) return this.options.default as Q;
    return this.value.dec(raw) as unknown as Q;
  }

  protected write(io: Storage, key: Uint8Array, value: V): void {
    io.set(key, this.value.enc(value));
  }
}

/** `StorageValue<V>`. */
export class StorageValue<V, Q = V> extends StorageItem<V, Q> {
  readonly kind = "plain";

  key(): Uint8Array {
    return this.prefix;
  }
  get(io: StorageReader): Q {
    return this.read(io, this.prefix);
  }
  exists(io: StorageReader): boolean {
    return io.get(this.prefix) !== undefined;
  }
  set(io: Storage, value: V): void {
    this.write(io, this.prefix, value);
  }
  kill(io: Storage): void {
    io.clear(this.prefix);
  }
  take(io: Storage): Q {
    const v = this.get(io);
    this.kill(io);
    return v;
  }
  /** Reads, lets `f` compute the new value, writes it back (`undefined` removes it). */
  mutate(io: Storage, f: (v: Q) => V | undefined): void {
    writeBack(this, io, this.prefix, f(this.get(io)));
  }
  /** `StorageValue::append` for a `Vec` value: one encoded item, the list not decoded. */
  append(io: OverlayedChanges, item: Uint8Array): void {
    io.append(this.prefix, item);
  }
}

/** `StorageMap<K, V>` with one hasher. */
export class StorageMap<K, V, Q = V> extends StorageItem<V, Q> {
  readonly kind = "map";
  // PERF: a block touches the same accounts many times (nonce, fee, transfer, refund); hashing dominates.
  private readonly keys: KeyCache<K>;

  constructor(
    readonly hasher: StorageHasher,
    readonly keySchema: Schema<K>,
    value: Schema<V>,
    options: ItemOptions<V>,
  ) {
    super(value, options);
    this.keys = new KeyCache(keySchema, (encoded) => concat(this.prefix, hashKey(hasher, encoded)));
  }

  get hashers(): StorageHasher[] {
    return [this.hasher];
  }

  key(k: K): Uint8Array {
    return this.keys.get(k);
  }
  get(io: StorageReader, k: K): Q {
    return this.read(io, this.key(k));
  }
  contains(io: StorageReader, k: K): boolean {
    return io.get(this.key(k)) !== undefined;
  }
  set(io: Storage, k: K, value: V): void {
    this.write(io, this.key(k), value);
  }
  remove(io: Storage, k: K): void {
    io.clear(this.key(k));
  }
  take(io: Storage, k: K): Q {
    const v = this.get(io, k);
    this.remove(io, k);
    return v;
  }
  /** Reads, lets `f` compute the new value, writes it back (`undefined` removes the entry). */
  mutate(io: Storage, k: K, f: (v: Q) => V | undefined): void {
    const key = this.key(k);
    writeBack(this, io, key, f(this.read(io, key)));
  }

  /**
   * `StorageMap::append` for a `Vec` value: adds one encoded item without decoding the list (an absent entry
   * becomes a one-item list). The stored bytes equal those of get, push and set.
   */
  append(io: OverlayedChanges, k: K, item: Uint8Array): void {
    io.append(this.key(k), item);
  }

  /** All entries in key order; keys decoded back, which needs a concat hasher. */
  *entries(io: StorageReader): Generator<[K, V]> {
    const skip = this.prefix.length + hashedPrefixLength(this.hasher);
    for (const key of keysWithPrefix(io, this.prefix)) {
      // An overlay may still list a key cleared in this block: it has no value.
      const raw = io.get(key);
      if (raw !== undefined) yield [this.keySchema.dec(key.subarray(skip)), this.value.dec(raw)];
    }
  }

  clear(io: Storage, limit?: number): number {
    return io.clearPrefix(this.prefix, limit);
  }
}

/** `StorageDoubleMap<K1, K2, V>`. */
export class StorageDoubleMap<K1, K2, V, Q = V> extends StorageItem<V, Q> {
  readonly kind = "map";
  // PERF: the reputation hooks and its close sweep reach (node, period) records of the same nodes and the
  // same few periods block after block: both halves are hashed once.
  private readonly prefixes: KeyCache<K1>;
  private readonly keys2: KeyCache<K2>;

  constructor(
    readonly hasher1: StorageHasher,
    readonly key1Schema: Schema<K1>,
    readonly hasher2: StorageHasher,
    readonly key2Schema: Schema<K2>,
    value: Schema<V>,
    options: ItemOptions<V>,
  ) {
    super(value, options);
    this.prefixes = new KeyCache(key1Schema, (encoded) => concat(this.prefix, hashKey(hasher1, encoded)));
    this.keys2 = new KeyCache(key2Schema, (encoded) => hashKey(hasher2, encoded));
  }

  get hashers(): StorageHasher[] {
    return [this.hasher1, this.hasher2];
  }

  prefixFor(k1: K1): Uint8Array {
    return this.prefixes.get(k1);
  }
  key(k1: K1, k2: K2): Uint8Array {
    const prefix = this.prefixes.get(k1);
    const hashed2 = this.keys2.get(k2);
    const key = new Uint8Array(prefix.length + hashed2.length);
    key.set(prefix);
    key.set(hashed2, prefix.length);
    return key;
  }
  get(io: StorageReader, k1: K1, k2: K2): Q {
    return this.read(io, this.key(k1, k2));
  }
  contains(io: StorageReader, k1: K1, k2: K2): boolean {
    return io.get(this.key(k1, k2)) !== undefined;
  }
  set(io: Storage, k1: K1, k2: K2, value: V): void {
    this.write(io, this.key(k1, k2), value);
  }
  remove(io: Storage, k1: K1, k2: K2): void {
    io.clear(this.key(k1, k2));
  }
  mutate(io: Storage, k1: K1, k2: K2, f: (v: Q) => V | undefined): void {
    const key = this.key(k1, k2);
    writeBack(this, io, key, f(this.read(io, key)));
  }
  /** Entries under `k1`, in key order, with `k2` decoded back. */
  *entriesFor(io: StorageReader, k1: K1): Generator<[K2, V]> {
    const p = this.prefixFor(k1);
    const skip = p.length + hashedPrefixLength(this.hasher2);
    for (const key of keysWithPrefix(io, p)) yield [this.key2Schema.dec(key.subarray(skip)), this.value.dec(io.get(key)!)];
  }
  removePrefix(io: Storage, k1: K1, limit?: number): number {
    return io.clearPrefix(this.prefixFor(k1), limit);
  }
}

// As FRAME: a value equal to the default is still written; only `undefined` (None) removes the entry.
function writeBack<V>(item: StorageItem<V, any>, io: Storage, key: Uint8Array, value: V | undefined): void {
  if (value === undefined) io.clear(key);
  else io.set(key, item.value.enc(value));
}

export type AnyStorageItem = StorageValue<any, any> | StorageMap<any, any, any> | StorageDoubleMap<any, any, any, any>;

/** `StorageValue` with `ValueQuery` (a default) or `OptionQuery`. */
export function value<V>(schema: Schema<V>, opts: { default: V; docs?: string[] }): StorageValue<V, V>;
export function value<V>(schema: Schema<V>, opts?: { docs?: string[] }): StorageValue<V, V | undefined>;
export function value<V>(schema: Schema<V>, opts: ItemOptions<V> = {}): StorageValue<V, any> {
  return new StorageValue(schema, opts);
}

export function map<K, V>(hasher: StorageHasher, key: Schema<K>, v: Schema<V>, opts: { default: V; docs?: string[] }): StorageMap<K, V, V>;
export function map<K, V>(hasher: StorageHasher, key: Schema<K>, v: Schema<V>, opts?: { docs?: string[] }): StorageMap<K, V, V | undefined>;
export function map<K, V>(hasher: StorageHasher, key: Schema<K>, v: Schema<V>, opts: ItemOptions<V> = {}): StorageMap<K, V, any> {
  return new StorageMap(hasher, key, v, opts);
}

export function doubleMap<K1, K2, V>(
  h1: StorageHasher, k1: Schema<K1>, h2: StorageHasher, k2: Schema<K2>, v: Schema<V>, opts: { default: V; docs?: string[] },
): StorageDoubleMap<K1, K2, V, V>;
export function doubleMap<K1, K2, V>(
  h1: StorageHasher, k1: Schema<K1>, h2: StorageHasher, k2: Schema<K2>, v: Schema<V>, opts?: { docs?: string[] },
): StorageDoubleMap<K1, K2, V, V | undefined>;
export function doubleMap<K1, K2, V>(
  h1: StorageHasher, k1: Schema<K1>, h2: StorageHasher, k2: Schema<K2>, v: Schema<V>, opts: ItemOptions<V> = {},
): StorageDoubleMap<K1, K2, V, any> {
  return new StorageDoubleMap(h1, k1, h2, k2, v, opts);
}

/** Binds a pallet's storage items to its prefix and names them after their keys (declaration order kept). */
export function palletStorage<S extends Record<string, AnyStorageItem>>(pallet: string, items: S): S & { readonly [PALLET]: string } {
  for (const [name, item] of Object.entries(items)) item.bind(pallet, name);
  return Object.assign(items, { [PALLET]: pallet });
}
export const PALLET: unique symbol = Symbol("pallet");
