/**
 * Runtime metadata (V14, and V15 as the unstable version), derived from the runtime's pallet definitions.
 *
 * Every schema reachable from the pallets (storage keys and values, calls, events, constants, errors), the
 * extrinsic, its signed extensions and `tfchain_runtime::Runtime` (`metadata.ty`) is numbered into one type
 * registry (`metadata-registry.ts`), and the pallet entries point into it. polkadot-api's codecs encode it.
 * `Metadata_metadata` answers `OpaqueMetadata`, the bytes of `encodeMetadata` wrapped in a `Vec<u8>`;
 * `state_getMetadata` returns them unwrapped.
 *
 * Versions: TFChain 2.9 (polkadot-v1.0.0) answers `Metadata_metadata_versions` with `[14, u32::MAX]`: V15 is
 * still unstable there, offered under `u32::MAX`, and `metadata_at_version(15)` is `None`. polkadot-api and
 * @polkadot/api keep only 14–16 from that list, so both load V14 (through `Metadata_metadata`, resp.
 * `metadata_at_version(14)`), as they do against TFChain. Our V15 is the stable V15 layout (outer enums,
 * custom), the one every current decoder reads.
 */
import { bytesToHex } from "@noble/hashes/utils.js";
import { metadata as metadataCodec, type V14, type V15 } from "@polkadot-api/substrate-bindings";
import type { StorageHasher } from "../primitives/hashing.js";
import { enumeration, tuple, type AnySchema } from "../primitives/schema.js";
import { TfchainRuntime } from "../primitives/signed-extensions.js";
import { TypeRegistryBuilder, type LookupEntry } from "./metadata-registry.js";
import type { Pallet } from "./pallet.js";
import type { Runtime } from "./runtime.js";
import { PALLET, StorageDoubleMap, StorageMap, type AnyStorageItem } from "./storage-item.js";

/** Metadata V14 as polkadot-api's `v14` codec takes it. */
export type MetadataV14 = V14;
/** Metadata V15 as polkadot-api's `v15` codec takes it. */
export type MetadataV15 = V15;

/** One entry of `extrinsic.signedExtensions`. */
export interface SignedExtensionMetadata {
  identifier: string;
  /** The extension's own type (what the extrinsic carries). */
  type: AnySchema;
  /** What it adds to the signed payload. */
  additionalSigned: AnySchema;
}

/** The extrinsic format the runtime accepts. */
export interface ExtrinsicMetadata {
  /** `UncheckedExtrinsic<Address, Call, Signature, Extra>` with those four params. */
  schema: AnySchema;
  version: 4;
  signedExtensions: readonly SignedExtensionMetadata[];
}

/** A runtime API as metadata V15 lists it. */
export interface RuntimeApiMetadata {
  name: string;
  methods: { name: string; inputs: { name: string; type: AnySchema }[]; output: AnySchema; docs?: string[] }[];
  docs?: string[];
}

/** `u32::MAX`: the number under which a runtime offers its unstable metadata version. */
export const UNSTABLE_METADATA_VERSION = 0xffffffff;
/** What TFChain 2.9 answers to `Metadata_metadata_versions`. */
export const METADATA_VERSIONS: readonly number[] = [14, UNSTABLE_METADATA_VERSION];

const MAGIC = 0x6174656d; // "meta", read as a little-endian u32

type Ref = (s: AnySchema) => number;
type PalletV14 = MetadataV14["pallets"][number];
type StorageItemV14 = NonNullable<PalletV14["storage"]>["items"][number];

/** Builds metadata V14 for `runtime`. */
export function buildMetadata(runtime: Runtime, extrinsic: ExtrinsicMetadata): MetadataV14 {
  const build = (ref: Ref): MetadataV14 => ({
    lookup: [],
    pallets: runtime.pallets.map((p) => palletMetadata(p, ref)),
    extrinsic: {
      type: ref(extrinsic.schema),
      version: extrinsic.version,
      signedExtensions: signedExtensions(extrinsic, ref),
    },
    type: ref(TfchainRuntime),
    apis: [],
  });
  return withRegistry(build);
}

/** Builds metadata V15: V14 plus pallet docs, runtime APIs, the outer enums and (empty) custom values. */
export function buildMetadataV15(runtime: Runtime, extrinsic: ExtrinsicMetadata, apis: readonly RuntimeApiMetadata[] = []): MetadataV15 {
  const params = extrinsicParams(extrinsic.schema);
  const errorEnum = runtimeErrorSchema(runtime);
  const build = (ref: Ref): MetadataV15 => ({
    lookup: [],
    pallets: runtime.pallets.map((p) => palletMetadata(p, ref)),
    extrinsic: {
      version: extrinsic.version,
      address: ref(params.Address),
      call: ref(params.Call),
      signature: ref(params.Signature),
      extra: ref(params.Extra),
      signedExtensions: signedExtensions(extrinsic, ref),
    },
    type: ref(TfchainRuntime),
    apis: apis.map((api) => ({
      name: api.name,
      methods: api.methods.map((m) => ({
        name: m.name,
        inputs: m.inputs.map((i) => ({ name: i.name, type: ref(i.type) })),
        output: ref(m.output),
        docs: m.docs ?? [],
      })),
      docs: api.docs ?? [],
    })),
    outerEnums: { call: ref(runtime.callSchema), event: ref(runtime.eventSchema), error: ref(errorEnum) },
    custom: [],
  });
  return withRegistry(build);
}

/** `meta` ++ version ++ body: what `state_getMetadata` returns, and `OpaqueMetadata` wraps. */
export function encodeMetadata(md: MetadataV14 | MetadataV15): Uint8Array {
  const versioned = "outerEnums" in md ? { tag: "v15" as const, value: md } : { tag: "v14" as const, value: md };
  return metadataCodec.enc({ magicNumber: MAGIC, metadata: versioned });
}

/**
 * The `Metadata` runtime API of one runtime: each version is built on first request and kept.
 *
 * `atVersion` answers `metadata_at_version`: V14 for 14, V15 for `u32::MAX`, nothing otherwise.
 */
export class RuntimeMetadata {
  private v14?: Uint8Array;
  private v15?: Uint8Array;

  constructor(
    private readonly runtime: Runtime,
    private readonly extrinsic: ExtrinsicMetadata,
    private readonly apis: readonly RuntimeApiMetadata[] = [],
  ) {}

  /** `Metadata_metadata`, unwrapped. */
  metadata(): Uint8Array {
    return (this.v14 ??= encodeMetadata(buildMetadata(this.runtime, this.extrinsic)));
  }

  /** `Metadata_metadata_versions`. */
  versions(): readonly number[] {
    return METADATA_VERSIONS;
  }

  /** `Metadata_metadata_at_version`, unwrapped: `undefined` is `None`. */
  atVersion(version: number): Uint8Array | undefined {
    if (version === 14) return this.metadata();
    if (version === UNSTABLE_METADATA_VERSION) {
      return (this.v15 ??= encodeMetadata(buildMetadataV15(this.runtime, this.extrinsic, this.apis)));
    }
    return undefined;
  }
}

// Two passes over the same deterministic builder: the first registers every schema in metadata order,
// the second reads the ids the finished registry gave them.
function withRegistry<M extends { lookup: LookupEntry[] }>(build: (ref: Ref) => M): M {
  const builder = new TypeRegistryBuilder();
  build((s) => builder.register(s));
  const registry = builder.finish();
  return { ...build(registry.id), lookup: registry.lookup };
}

// Field order is the order scale-info registers a pallet's types in: storage, calls, event, constants, error.
function palletMetadata(p: Pallet, ref: Ref): PalletV14 {
  return {
    name: p.name,
    storage: storageMetadata(p, ref),
    calls: p.callSchema ? ref(p.callSchema) : undefined,
    events: p.events ? ref(p.events) : undefined,
    constants: Object.entries(p.constants ?? {}).map(([name, c]) => ({
      name,
      type: ref(c.schema),
      value: hex(c.schema.enc(c.value)),
      docs: c.docs,
    })),
    errors: p.errorSchema ? ref(p.errorSchema) : undefined,
    index: p.index,
    docs: p.docs ?? [],
  };
}

const HASHER_TAGS = {
  Blake2_128: "Blake2128",
  Blake2_256: "Blake2256",
  Blake2_128Concat: "Blake2128Concat",
  Twox128: "Twox128",
  Twox256: "Twox256",
  Twox64Concat: "Twox64Concat",
  Identity: "Identity",
} as const satisfies Record<StorageHasher, string>;

function storageMetadata(p: Pallet, ref: Ref): PalletV14["storage"] {
  const items = Object.entries(p.storage ?? {});
  if (items.length === 0) return undefined;
  const prefix = (p.storage as { [PALLET]?: string })[PALLET] ?? p.name;
  return {
    prefix,
    items: items.map(([name, item]) => ({
      name: item.name || name,
      modifier: item.modifier === "Optional" ? 0 : 1,
      type: storageType(item, ref),
      fallback: hex(item.fallback()),
      docs: item.docs,
    })),
  };
}

// A double map's key type is the tuple `(K1, K2)`, as FRAME declares it.
function storageType(item: AnyStorageItem, ref: Ref): StorageItemV14["type"] {
  if (item instanceof StorageMap || item instanceof StorageDoubleMap) {
    const key = item instanceof StorageMap ? item.keySchema : tuple(item.key1Schema, item.key2Schema);
    return {
      tag: "map",
      value: {
        hashers: item.hashers.map((h) => ({ tag: HASHER_TAGS[h], value: undefined })),
        key: ref(key),
        value: ref(item.value),
      },
    };
  }
  return { tag: "plain", value: ref(item.value) };
}

function signedExtensions(extrinsic: ExtrinsicMetadata, ref: Ref) {
  return extrinsic.signedExtensions.map((e) => ({
    identifier: e.identifier,
    type: ref(e.type),
    additionalSigned: ref(e.additionalSigned),
  }));
}

function extrinsicParams(schema: AnySchema): Record<"Address" | "Call" | "Signature" | "Extra", AnySchema> {
  const byName = new Map(schema.info.params.map((p) => [p.name, p.type]));
  const get = (name: string): AnySchema => {
    const t = byName.get(name);
    if (!t) throw new Error(`metadata V15 needs the extrinsic schema's ${name} param; declare it in UncheckedExtrinsic's params`);
    return t;
  };
  return { Address: get("Address"), Call: get("Call"), Signature: get("Signature"), Extra: get("Extra") };
}

const runtimeErrors = new WeakMap<Runtime, AnySchema>();

/** `RuntimeError`: one variant per pallet with errors, at the pallet's index (V15 `outerEnums.error`). */
function runtimeErrorSchema(runtime: Runtime): AnySchema {
  let s = runtimeErrors.get(runtime);
  if (!s) {
    const withErrors = runtime.pallets.filter((p) => p.errorSchema);
    s = enumeration(
      { path: "tfchain_runtime::RuntimeError" },
      Object.fromEntries(withErrors.map((p) => [p.name, { index: p.index, value: [p.errorSchema!, errorTypeName(p)] as [AnySchema, string] }])),
    );
    runtimeErrors.set(runtime, s);
  }
  return s;
}

// construct_runtime names the type `crate::Error<Runtime>`, as it does `crate::Event<Runtime>`.
function errorTypeName(p: Pallet): string {
  return `${p.errorSchema!.info.path[0]}::Error<Runtime>`;
}

function hex(bytes: Uint8Array): `0x${string}` {
  return `0x${bytesToHex(bytes)}`;
}
