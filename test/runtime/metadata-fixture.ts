// A fixture runtime for the metadata tests, declared from the reference's own definitions: Authorship and
// TFKVStore complete, Utility and Balances in part. It exercises every item kind, a double map, an Optional
// item and the recursion RuntimeCall ∋ Utility.batch(Vec<RuntimeCall>), whatever pallets the real runtime has.
import { AccountId32, MultiAddress } from "../../primitives/account.js";
import { uncheckedExtrinsicSchema } from "../../primitives/extrinsic.js";
import { bytes, compact, enumeration, lazy, newtype, struct, u128, u32, u8, vec, type AnySchema } from "../../primitives/schema.js";
import { SIGNED_EXTENSIONS } from "../../primitives/signed-extensions.js";
import { palletErrors } from "../../runtime/dispatch-error.js";
import { ZERO_WEIGHT } from "../../runtime/dispatch-types.js";
import type { ExtrinsicMetadata } from "../../runtime/metadata.js";
import { call, constant, definePallet } from "../../runtime/pallet.js";
import { Runtime, type RuntimeVersion } from "../../runtime/runtime.js";
import { doubleMap, map, palletStorage, value } from "../../runtime/storage-item.js";

const noop = () => {};
const opts = (docs: string[]) => ({ weight: ZERO_WEIGHT, docs });
const CALL_DOCS = ["Contains a variant per dispatchable extrinsic that this pallet has."];
const EVENT_DOCS = ["The `Event` enum of this pallet"];
const ERROR_DOCS = ["The `Error` enum of this pallet."];
const T = [{ name: "T" }];

const FixtureCall: AnySchema = lazy(() => fixtureRuntime.callSchema);

const utility = definePallet({
  name: "Utility",
  index: 3,
  calls: {
    type: { path: "pallet_utility::pallet::Call", params: T, docs: CALL_DOCS },
    list: { batch: call(0, { calls: [vec(FixtureCall), "Vec<<T as Config>::RuntimeCall>"] }, opts(["See [`Pallet::batch`]."]), noop) },
  },
  events: enumeration(
    { path: "pallet_utility::pallet::Event", docs: EVENT_DOCS },
    { BatchCompleted: { index: 1, docs: ["Batch of dispatches completed fully with no error."] } },
  ),
  errors: {
    type: { path: "pallet_utility::pallet::Error", params: T, docs: ERROR_DOCS },
    list: palletErrors("Utility", { TooManyCalls: "Too many calls batched." }),
  },
  constants: { batched_calls_limit: constant(u32, 10922, [" The limit on the number of batched calls."]) },
});

const authorship = definePallet({
  name: "Authorship",
  index: 15,
  storage: palletStorage("Authorship", { Author: value(AccountId32, { docs: [" Author of current block."] }) }),
});

const ExtraFlags = newtype({ path: "pallet_balances::types::ExtraFlags" }, [u128, "u128"]);
export const AccountData = struct(
  { path: "pallet_balances::types::AccountData", params: [{ name: "Balance", type: u128 }] },
  { free: [u128, "Balance"], reserved: [u128, "Balance"], frozen: [u128, "Balance"], flags: [ExtraFlags, "ExtraFlags"] },
);
const BI = [{ name: "T" }, { name: "I" }];

const balances = definePallet({
  name: "Balances",
  index: 20,
  storage: palletStorage("Balances", {
    TotalIssuance: value(u128, { default: 0n, docs: [" The total units issued in the system."] }),
    InactiveIssuance: value(u128, { default: 0n, docs: [" The total units of outstanding deactivated balance in the system."] }),
    Account: map("Blake2_128Concat", AccountId32, AccountData, {
      default: { free: 0n, reserved: 0n, frozen: 0n, flags: 1n << 127n },
      docs: [
        " The Balances pallet example of storing the balance of an account.", "", " # Example", "", " ```nocompile",
        "  impl pallet_balances::Config for Runtime {",
        "    type AccountStore = StorageMapShim<Self::Account<Runtime>, frame_system::Provider<Runtime>, AccountId, Self::AccountData<Balance>>",
        "  }", " ```", "", " You can also store the balance of an account in the `System` pallet.", "", " # Example", "",
        " ```nocompile", "  impl pallet_balances::Config for Runtime {", "   type AccountStore = System", "  }", " ```", "",
        " But this comes with tradeoffs, storing account balances in the system pallet stores",
        " `frame_system` data alongside the account data contrary to storing account balances in the",
        " `Balances` pallet, which uses a `StorageMap` to store balances data only.",
        " NOTE: This is only used in the case that this pallet is used to store balances.",
      ],
    }),
  }),
  calls: {
    type: { path: "pallet_balances::pallet::Call", params: BI, docs: CALL_DOCS },
    list: {
      transfer_allow_death: call(0, { dest: [MultiAddress, "AccountIdLookupOf<T>"], value: [compact(u128), "T::Balance"] }, opts(["See [`Pallet::transfer_allow_death`]."]), noop),
      transfer_keep_alive: call(3, { dest: [MultiAddress, "AccountIdLookupOf<T>"], value: [compact(u128), "T::Balance"] }, opts(["See [`Pallet::transfer_keep_alive`]."]), noop),
    },
  },
  events: enumeration({ path: "pallet_balances::pallet::Event", params: BI, docs: EVENT_DOCS }, {
    Endowed: { fields: { account: [AccountId32, "T::AccountId"], free_balance: [u128, "T::Balance"] }, docs: ["An account was created with some free balance."] },
    DustLost: {
      fields: { account: [AccountId32, "T::AccountId"], amount: [u128, "T::Balance"] },
      docs: ["An account was removed whose balance was non-zero but below ExistentialDeposit,", "resulting in an outright loss."],
    },
    Transfer: { fields: { from: [AccountId32, "T::AccountId"], to: [AccountId32, "T::AccountId"], amount: [u128, "T::Balance"] }, docs: ["Transfer succeeded."] },
  }),
  errors: {
    type: { path: "pallet_balances::pallet::Error", params: BI, docs: ERROR_DOCS },
    list: palletErrors("Balances", {
      VestingBalance: "Vesting balance too high to send value.",
      LiquidityRestrictions: "Account liquidity restrictions prevent withdrawal.",
    }),
  },
  constants: {
    ExistentialDeposit: constant(u128, 500n, [
      " The minimum amount required to keep an account open. MUST BE GREATER THAN ZERO!", "",
      " If you *really* need it to be zero, you can enable the feature `insecure_zero_ed` for",
      " this pallet. However, you do so at your own risk: this will open up a major DoS vector.",
      " In case you have multiple sources of provider references, you may also get unexpected",
      " behaviour if you set this to zero.", "", " Bottom line: Do yourself a favour and make it at least one!",
    ]),
    MaxLocks: constant(u32, 50, [" The maximum number of locks that should exist on an account.", " Not strictly enforced, but used for weight estimation."]),
  },
});

// `vec(u8)` here and `bytes` elsewhere are separate schemas for the same Rust type: one id in the registry.
const KvBytes: [AnySchema, string] = [vec(u8), "Vec<u8>"];
const kvEvent = (docs: string) => ({ tuple: [[AccountId32, "T::AccountId"], KvBytes, [bytes, "Vec<u8>"]] as [AnySchema, string][], docs: [docs] });
const kvstore = definePallet({
  name: "TFKVStore",
  index: 30,
  storage: palletStorage("TFKVStore", {
    TFKVStore: doubleMap("Blake2_128Concat", AccountId32, "Blake2_128Concat", bytes, bytes, { default: new Uint8Array() }),
  }),
  calls: {
    type: { path: "pallet_kvstore::pallet::Call", params: T, docs: CALL_DOCS },
    list: {
      set: call(0, { key: KvBytes, value: [bytes, "Vec<u8>"] }, opts(["See [`Pallet::set`]."]), noop),
      delete: call(1, { key: [bytes, "Vec<u8>"] }, opts(["See [`Pallet::delete`]."]), noop),
    },
  },
  events: enumeration({ path: "pallet_kvstore::pallet::Event", params: T, docs: EVENT_DOCS }, {
    EntrySet: kvEvent("A user has set their entry"),
    EntryGot: kvEvent("A user has read their entry, leaving it in storage"),
    EntryTaken: kvEvent("A user has read their entry, removing it from storage"),
  }),
  errors: {
    type: { path: "pallet_kvstore::pallet::Error", params: T, docs: ERROR_DOCS },
    list: palletErrors("TFKVStore", { NoValueStored: "The requested user has not stored a value yet", KeyIsTooLarge: [], ValueIsTooLarge: [] }),
  },
});

export const FIXTURE_VERSION: RuntimeVersion = {
  spec_name: "substrate-threefold", impl_name: "substrate-threefold", authoring_version: 1, spec_version: 152,
  impl_version: 1, apis: [], transaction_version: 2, state_version: 0,
};
export const fixtureRuntime: Runtime = new Runtime([utility, authorship, balances, kvstore], FIXTURE_VERSION);
/** Fixture pallets that declare only some of the reference's items. */
export const FIXTURE_PARTIAL = new Set(["Utility", "Balances"]);

/** The extrinsic metadata of a runtime: the primitives' UncheckedExtrinsic and signed extensions. */
export function extrinsicOf(runtime: Runtime): ExtrinsicMetadata {
  return { schema: uncheckedExtrinsicSchema(runtime.callSchema), version: 4, signedExtensions: SIGNED_EXTENSIONS };
}

/** TFKVStore declared wrongly in one item of each kind, to check that comparisons name what differs. */
export const misdeclaredKvstore = definePallet({
  name: "TFKVStore",
  index: 31,
  storage: palletStorage("TFKVStore", {
    TFKVStore: doubleMap("Twox64Concat", AccountId32, "Blake2_128Concat", bytes, bytes, { default: new Uint8Array() }),
  }),
  calls: {
    type: { path: "pallet_kvstore::pallet::Call", params: T, docs: CALL_DOCS },
    list: { delete: call(1, { key: [bytes, "Vec<T>"] }, opts(["See [`Pallet::delete`]."]), noop) },
  },
  events: enumeration({ path: "pallet_kvstore::Event", params: T, docs: EVENT_DOCS }, {
    EntrySet: kvEvent("A user has set their entry"),
    EntryGot: kvEvent("A user has read their entry, leaving it in storage"),
  }),
  errors: {
    type: { path: "pallet_kvstore::pallet::Error", params: T, docs: ERROR_DOCS },
    list: palletErrors("TFKVStore", { NoValueStored: "The requested user has not stored a value yet", KeyIsTooLarge: "x", ValueIsTooLarge: [] }),
  },
  constants: { MaxKeyLength: constant(u32, 512) },
});
