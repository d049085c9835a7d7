/**
 * `tfchain_runtime::OriginCaller`: the origins `construct_runtime!` gathers from TFChain's pallets, which
 * `Utility.dispatch_as` takes as an argument (`T::PalletsOrigin`).
 *
 * Variant indices are the pallets' indices (System 0, Council 40); `Void` is the placeholder variant
 * `construct_runtime!` adds at index 2, an empty enum that no input decodes to.
 */
import { AccountId32 } from "../../../primitives/account.js";
import { enumeration, u32, type AnySchema, type ValueOf } from "../../../primitives/schema.js";
import { signed, type Origin } from "../../origin.js";

/** `frame_support::dispatch::RawOrigin<AccountId32>` (frame_system's `Origin<Runtime>`). */
export const SystemRawOrigin = enumeration(
  { path: "frame_support::dispatch::RawOrigin", params: [{ name: "AccountId", type: AccountId32 }] },
  {
    Root: null,
    Signed: { value: [AccountId32, "AccountId"] },
    None: null,
  },
);
export type SystemRawOrigin = ValueOf<typeof SystemRawOrigin>;

/** `pallet_collective::RawOrigin<AccountId32, Instance1>`: the Council's origins. */
export const CouncilRawOrigin = enumeration(
  { path: "pallet_collective::RawOrigin", params: [{ name: "AccountId", type: AccountId32 }, { name: "I" }] },
  {
    // `Members(ayes, council size)`: a motion passed with this many ayes.
    Members: { tuple: [[u32, "MemberCount"], [u32, "MemberCount"]] },
    Member: { value: [AccountId32, "AccountId"] },
    _Phantom: null,
  },
);
export type CouncilRawOrigin = ValueOf<typeof CouncilRawOrigin>;

/** `sp_core::Void`: uninhabited. */
// An enum with no variants types as `Schema<never>`, which TypeScript will not widen to `AnySchema`.
export const Void = enumeration({ path: "sp_core::Void" }, {}) as unknown as AnySchema;

export const OriginCaller = enumeration({ path: "tfchain_runtime::OriginCaller" }, {
  system: { index: 0, value: [SystemRawOrigin, "frame_system::Origin<Runtime>"] },
  Council: { index: 40, value: [CouncilRawOrigin, "pallet_collective::Origin<Runtime, pallet_collective::Instance1>"] },
  // The typeName is what construct_runtime's macro printed, line break included (wire data).
  Void: { index: 2, value: [Void, "self::sp_api_hidden_includes_construct_runtime::hidden_include::\n__private::Void"] },
});
export type OriginCaller = ValueOf<typeof OriginCaller>;

/** A Council origin as a dispatch origin, until `Origin` has a Council variant of its own. */
export interface CouncilOrigin {
  tag: "Council";
  value: CouncilRawOrigin;
}

/** `RuntimeOrigin::from(OriginCaller)`: a fresh origin (no call filters beyond TFChain's `Everything`). */
export function originOf(caller: OriginCaller): Origin {
  switch (caller.tag) {
    case "system": {
      const raw = caller.value;
      return raw.tag === "Signed" ? signed(raw.value) : { tag: raw.tag };
    }
    case "Council":
      // TODO: runtime/origin.ts has no Council origin yet; ensureRoot/ensureSigned reject this one
      // with BadOrigin, as FRAME's do, until EnsureRootOrCouncilApproval learns to read it.
      return { tag: "Council", value: caller.value } satisfies CouncilOrigin as unknown as Origin;
    default:
      throw new Error(`OriginCaller ${String((caller as { tag: unknown }).tag)} cannot exist`);
  }
}
