/**
 * TFChain 2.9's signed extensions, in the runtime's order, as data.
 *
 * Each extension contributes `extra` bytes to the extrinsic (what the sender chooses: era, nonce, tip) and
 * `additionalSigned` bytes to the signed payload only (what the chain already knows: versions, genesis hash,
 * the era's birth-block hash). For TFChain the extra is `era ‖ Compact<u32> nonce ‖ Compact<u128> tip` and the
 * additional-signed data is `spec_version u32 ‖ transaction_version u32 ‖ genesis hash ‖ birth-block hash`.
 */
import { EraSchema, type Era } from "./era.js";
import { H256 } from "./header.js";
import { compact, mapped, newtype, struct, tuple, u128, u32, unit, type AnySchema, type Schema } from "./schema.js";

const T = [{ name: "T" }];
const ext = (path: string) => struct({ path, params: T }, {});

export const CheckNonZeroSender = ext("frame_system::extensions::check_non_zero_sender::CheckNonZeroSender");
export const CheckSpecVersion = ext("frame_system::extensions::check_spec_version::CheckSpecVersion");
export const CheckTxVersion = ext("frame_system::extensions::check_tx_version::CheckTxVersion");
export const CheckGenesis = ext("frame_system::extensions::check_genesis::CheckGenesis");
export const CheckMortality = newtype({ path: "frame_system::extensions::check_mortality::CheckMortality", params: T }, [EraSchema, "Era"]);
export const CheckNonce = newtype({ path: "frame_system::extensions::check_nonce::CheckNonce", params: T }, [compact(u32), "T::Nonce"]);
export const CheckWeight = ext("frame_system::extensions::check_weight::CheckWeight");
export const ChargeTransactionPayment = newtype({ path: "pallet_transaction_payment::ChargeTransactionPayment", params: T }, [compact(u128), "BalanceOf<T>"]);

/** `tfchain_runtime::Runtime`, the empty struct `construct_runtime!` declares; metadata names it as a type argument. */
export const TfchainRuntime = struct({ path: "tfchain_runtime::Runtime" }, {});

/** `pallet_smart_contract::types::ContractIdProvides<Runtime>`: no payload; in validation it provides a tag per contract. */
export const ContractIdProvides = struct({ path: "pallet_smart_contract::types::ContractIdProvides", params: [{ name: "T", type: TfchainRuntime }] }, {});

export interface SignedExtensionInfo {
  identifier: string;
  /** The extension's own type: its value is the `extra` it puts in the extrinsic. */
  type: AnySchema;
  additionalSigned: AnySchema;
}

/** The metadata's `extrinsic.signedExtensions`, in order. */
export const SIGNED_EXTENSIONS: readonly SignedExtensionInfo[] = [
  { identifier: "CheckNonZeroSender", type: CheckNonZeroSender, additionalSigned: unit },
  { identifier: "CheckSpecVersion", type: CheckSpecVersion, additionalSigned: u32 },
  { identifier: "CheckTxVersion", type: CheckTxVersion, additionalSigned: u32 },
  { identifier: "CheckGenesis", type: CheckGenesis, additionalSigned: H256 },
  { identifier: "CheckMortality", type: CheckMortality, additionalSigned: H256 },
  { identifier: "CheckNonce", type: CheckNonce, additionalSigned: unit },
  { identifier: "CheckWeight", type: CheckWeight, additionalSigned: unit },
  { identifier: "ChargeTransactionPayment", type: ChargeTransactionPayment, additionalSigned: unit },
  { identifier: "ContractIdProvides", type: ContractIdProvides, additionalSigned: unit },
];

/** What the sender puts in a signed extrinsic besides address, signature and call. */
export interface SignedExtra {
  era: Era;
  nonce: number;
  tip: bigint;
}

/** What the signer commits to without sending it. */
export interface AdditionalSigned {
  specVersion: number;
  txVersion: number;
  genesisHash: Uint8Array;
  /** The hash of block `era.birth(current)`: the genesis hash for an immortal era. */
  birthHash: Uint8Array;
}

const extraTuple = tuple(...SIGNED_EXTENSIONS.map((e) => e.type));
const additionalTuple = tuple(...SIGNED_EXTENSIONS.map((e) => e.additionalSigned));

/** The `Extra` type argument of `UncheckedExtrinsic`: the tuple of the nine extensions, valued as `SignedExtra`. */
export const SignedExtraSchema: Schema<SignedExtra> = mapped(
  extraTuple as Schema<any[]>,
  (t) => ({ era: t[4], nonce: t[5], tip: t[7] }),
  (x) => [{}, {}, {}, {}, x.era, x.nonce, {}, x.tip, {}],
);

/** The tuple of the extensions' additional-signed data, valued as `AdditionalSigned`. */
export const AdditionalSignedSchema: Schema<AdditionalSigned> = mapped(
  additionalTuple as Schema<any[]>,
  (t) => ({ specVersion: t[1], txVersion: t[2], genesisHash: t[3], birthHash: t[4] }),
  (x) => [undefined, x.specVersion, x.txVersion, x.genesisHash, x.birthHash, undefined, undefined, undefined, undefined],
);
