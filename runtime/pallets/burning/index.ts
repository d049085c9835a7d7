/**
 * pallet-burning as `BurningModule` (index 29): anyone burns TFT from their free balance, with a message
 * (used by the bridge to leave the chain), and the chain keeps the record.
 */
import { AccountId32 } from "../../../primitives/account.js";
import { bytes, enumeration, struct, u128, u32, vec, type FieldSpec } from "../../../primitives/schema.js";
import { palletErrors } from "../../dispatch-error.js";
import type { Weight } from "../../dispatch-types.js";
import { ensureSigned } from "../../origin.js";
import { call, definePallet, type BlockContext } from "../../pallet.js";
import { palletStorage, value } from "../../storage-item.js";
import { freeBalance, slash } from "../balances/currency.js";
import { dbReads, dbWrites } from "../system/constants.js";
import { parts } from "../system/weights.js";

export const Burn = struct(
  {
    path: "pallet_burning::types::Burn",
    params: [{ name: "AccountId", type: AccountId32 }, { name: "BalanceOf", type: u128 }, { name: "BlockNumber", type: u32 }],
  },
  { target: [AccountId32, "AccountId"], amount: [u128, "BalanceOf"], block: [u32, "BlockNumber"], message: [bytes, "Vec<u8>"] },
);

export const storage = palletStorage("BurningModule", { Burns: value(vec(Burn)) });

const events = enumeration(
  { path: "pallet_burning::pallet::Event", params: [{ name: "T" }], docs: ["The `Event` enum of this pallet"] },
  {
    BurnTransactionCreated: {
      tuple: [[AccountId32, "T::AccountId"], [u128, "BalanceOf<T>"], [u32, "BlockNumberFor<T>"], [bytes, "Vec<u8>"]] as FieldSpec[],
    },
  },
);

export const errors = palletErrors("BurningModule", { NotEnoughBalanceToBurn: [] });

/** TFChain's `burn_tft` weight (`pallet-burning/src/weights.rs`, 2.9's regeneration of 2024-08-27). */
const BURN_WEIGHT: Weight = parts(27_291_000n + dbReads(1) + dbWrites(1), 1594n);

/**
 * Burns `amount` of the caller's free balance (slashed, the issuance falls) and records it. The whole free
 * balance may go: the account can be reaped, as TFChain's `Currency::slash` allows.
 */
function burnTft(ctx: BlockContext, target: Uint8Array, amount: bigint, message: Uint8Array): void {
  errors.ensure(freeBalance(ctx.io, target) >= amount, "NotEnoughBalanceToBurn");
  slash(ctx, target, amount);
  // The history only grows: appended without reading it back.
  storage.Burns.append(ctx.io, Burn.enc({ target, amount, block: ctx.blockNumber, message }));
  ctx.deposit("BurningModule", { tag: "BurnTransactionCreated", value: [target, amount, ctx.blockNumber, message] });
}

export const burning = definePallet({
  name: "BurningModule",
  index: 29,
  storage,
  calls: {
    type: { path: "pallet_burning::pallet::Call", params: [{ name: "T" }], docs: ["Contains a variant per dispatchable extrinsic that this pallet has."] },
    list: {
      burn_tft: call(0, { amount: [u128, "BalanceOf<T>"], message: [bytes, "Vec<u8>"] }, { weight: BURN_WEIGHT, docs: ["See [`Pallet::burn_tft`]."] }, (ctx, origin, a) => {
        burnTft(ctx, ensureSigned(origin), a.amount, a.message);
      }),
    },
  },
  events,
  errors: { type: { path: "pallet_burning::pallet::Error", params: [{ name: "T" }], docs: ["The `Error` enum of this pallet."] }, list: errors },
});
