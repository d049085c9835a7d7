import { AccountId32 } from "../../../primitives/account.js";
import { H256 } from "../../../primitives/header.js";
import { enumeration } from "../../../primitives/schema.js";
import { DispatchErrorSchema, DispatchInfo } from "../../dispatch-types.js";

export const events = enumeration(
  { path: "frame_system::pallet::Event", params: [{ name: "T" }], docs: ["Event for the System pallet."] },
  {
    ExtrinsicSuccess: { fields: { dispatch_info: [DispatchInfo, "DispatchInfo"] }, docs: ["An extrinsic completed successfully."] },
    ExtrinsicFailed: {
      fields: { dispatch_error: [DispatchErrorSchema, "DispatchError"], dispatch_info: [DispatchInfo, "DispatchInfo"] },
      docs: ["An extrinsic failed."],
    },
    CodeUpdated: { docs: ["`:code` was updated."] },
    NewAccount: { fields: { account: [AccountId32, "T::AccountId"] }, docs: ["A new account was created."] },
    KilledAccount: { fields: { account: [AccountId32, "T::AccountId"] }, docs: ["An account was reaped."] },
    Remarked: { fields: { sender: [AccountId32, "T::AccountId"], hash: [H256, "T::Hash"] }, docs: ["On on-chain remark happened."] },
  },
);
