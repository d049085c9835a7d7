/**
 * frame_system types: account info, phases, event records, limits and the runtime version.
 */
import { AccountData, DEFAULT_ACCOUNT_DATA } from "../balances/types.js";
import {
  compact, enumeration, fixedBytes, newtype, option, withCodec, str, struct, tuple, u32, u64, u8, vec, type AnySchema, type Schema, type ValueOf,
} from "../../../primitives/schema.js";
import { H256 } from "../../../primitives/header.js";
import { Weight } from "../../dispatch-types.js";
import { accountInfoCodec } from "./account-info-codec.js";

export const AccountInfoGeneric = struct(
  { path: "frame_system::AccountInfo", params: [{ name: "Nonce", type: u32 }, { name: "AccountData", type: AccountData }] },
  {
    nonce: [u32, "Nonce"],
    consumers: [u32, "RefCount"],
    providers: [u32, "RefCount"],
    sufficients: [u32, "RefCount"],
    data: [AccountData, "AccountData"],
  },
);
export const AccountInfo = withCodec(AccountInfoGeneric, accountInfoCodec as any as typeof AccountInfoGeneric.codec);
export type AccountInfo = ValueOf<typeof AccountInfo>;

export const DEFAULT_ACCOUNT_INFO: AccountInfo = Object.freeze({
  nonce: 0, consumers: 0, providers: 0, sufficients: 0,
  data: DEFAULT_ACCOUNT_DATA,
});

export const Phase = enumeration({ path: "frame_system::Phase" }, {
  ApplyExtrinsic: { value: [u32, "u32"] },
  Finalization: null,
  Initialization: null,
});
export type Phase = ValueOf<typeof Phase>;

/** `EventRecord<RuntimeEvent, H256>`, given the runtime's event enum. */
export function eventRecord(event: AnySchema): Schema<{ phase: Phase; event: any; topics: Uint8Array[] }> {
  return struct(
    { path: "frame_system::EventRecord", params: [{ name: "E", type: event }, { name: "T", type: H256 }] },
    { phase: [Phase, "Phase"], event: [event, "E"], topics: [vec(H256), "Vec<T>"] },
  );
}

export const LastRuntimeUpgradeInfo = struct({ path: "frame_system::LastRuntimeUpgradeInfo" }, {
  spec_version: [compact(u32), "codec::Compact<u32>"],
  spec_name: [str, "sp_runtime::RuntimeString"],
});

function perDispatchClass<T>(inner: Schema<T>) {
  return struct(
    { path: "frame_support::dispatch::PerDispatchClass", params: [{ name: "T", type: inner }] },
    { normal: [inner, "T"], operational: [inner, "T"], mandatory: [inner, "T"] },
  );
}

export const PerDispatchClassWeight = perDispatchClass(Weight);
export type PerDispatchClassWeight = ValueOf<typeof PerDispatchClassWeight>;

export const WeightsPerClass = struct({ path: "frame_system::limits::WeightsPerClass" }, {
  base_extrinsic: [Weight, "Weight"],
  max_extrinsic: [option(Weight), "Option<Weight>"],
  max_total: [option(Weight), "Option<Weight>"],
  reserved: [option(Weight), "Option<Weight>"],
});

export const BlockWeights = struct({ path: "frame_system::limits::BlockWeights" }, {
  base_block: [Weight, "Weight"],
  max_block: [Weight, "Weight"],
  per_class: [perDispatchClass(WeightsPerClass), "PerDispatchClass<WeightsPerClass>"],
});
export type BlockWeights = ValueOf<typeof BlockWeights>;

export const BlockLength = struct({ path: "frame_system::limits::BlockLength" }, {
  max: [perDispatchClass(u32), "PerDispatchClass<u32>"],
});

export const RuntimeDbWeight = struct({ path: "sp_weights::RuntimeDbWeight" }, { read: [u64, "u64"], write: [u64, "u64"] });

// `ApisVec` is a `Cow<'static, [([u8; 8], u32)]>`: a path-only wrapper that encodes as its content.
const apiList = vec(tuple(fixedBytes(8), u32));
const ApisVec = newtype({ path: "Cow", params: [{ name: "T", type: apiList }] }, apiList);

export const RuntimeVersionSchema = struct({ path: "sp_version::RuntimeVersion" }, {
  spec_name: [str, "RuntimeString"],
  impl_name: [str, "RuntimeString"],
  authoring_version: [u32, "u32"],
  spec_version: [u32, "u32"],
  impl_version: [u32, "u32"],
  apis: [ApisVec, "ApisVec"],
  transaction_version: [u32, "u32"],
  state_version: [u8, "u8"],
});
