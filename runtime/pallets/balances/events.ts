import { AccountId32 } from "../../../primitives/account.js";
import { enumeration, u128, type FieldSpec } from "../../../primitives/schema.js";
import { BalanceStatus } from "./types.js";

const who: FieldSpec = [AccountId32, "T::AccountId"];
const amount: FieldSpec = [u128, "T::Balance"];

export const events = enumeration(
  { path: "pallet_balances::pallet::Event", params: [{ name: "T" }, { name: "I" }], docs: ["The `Event` enum of this pallet"] },
  {
    Endowed: { fields: { account: who, free_balance: amount }, docs: ["An account was created with some free balance."] },
    DustLost: {
      fields: { account: who, amount },
      docs: ["An account was removed whose balance was non-zero but below ExistentialDeposit,", "resulting in an outright loss."],
    },
    Transfer: { fields: { from: who, to: who, amount }, docs: ["Transfer succeeded."] },
    BalanceSet: { fields: { who, free: amount }, docs: ["A balance was set by root."] },
    Reserved: { fields: { who, amount }, docs: ["Some balance was reserved (moved from free to reserved)."] },
    Unreserved: { fields: { who, amount }, docs: ["Some balance was unreserved (moved from reserved to free)."] },
    ReserveRepatriated: {
      fields: { from: who, to: who, amount, destination_status: [BalanceStatus, "Status"] },
      docs: ["Some balance was moved from the reserve of the first account to the second account.", "Final argument indicates the destination balance type."],
    },
    Deposit: { fields: { who, amount }, docs: ["Some amount was deposited (e.g. for transaction fees)."] },
    Withdraw: { fields: { who, amount }, docs: ["Some amount was withdrawn from the account (e.g. for transaction fees)."] },
    Slashed: { fields: { who, amount }, docs: ["Some amount was removed from the account (e.g. for misbehavior)."] },
    Minted: { fields: { who, amount }, docs: ["Some amount was minted into an account."] },
    Burned: { fields: { who, amount }, docs: ["Some amount was burned from an account."] },
    Suspended: { fields: { who, amount }, docs: ["Some amount was suspended from an account (it can be restored later)."] },
    Restored: { fields: { who, amount }, docs: ["Some amount was restored into an account."] },
    Upgraded: { fields: { who }, docs: ["An account was upgraded."] },
    Issued: { fields: { amount }, docs: ["Total issuance was increased by `amount`, creating a credit to be balanced."] },
    Rescinded: { fields: { amount }, docs: ["Total issuance was decreased by `amount`, creating a debt to be balanced."] },
    Locked: { fields: { who, amount }, docs: ["Some balance was locked."] },
    Unlocked: { fields: { who, amount }, docs: ["Some balance was unlocked."] },
    Frozen: { fields: { who, amount }, docs: ["Some balance was frozen."] },
    Thawed: { fields: { who, amount }, docs: ["Some balance was thawed."] },
  },
);
