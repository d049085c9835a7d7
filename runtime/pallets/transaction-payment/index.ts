/**
 * pallet_transaction_payment (index 21): fees as TFChain configures them. No calls; the signed
 * extension's logic is in `charge.ts`, the formula in `fee.ts`.
 */
import { u8 } from "../../../primitives/schema.js";
import type { Storage } from "../../../state/storage.js";
import { constant, definePallet } from "../../pallet.js";
import { events } from "./events.js";
import { OPERATIONAL_FEE_MULTIPLIER } from "./fee.js";
import { storage } from "./storage.js";
import { FIXED_U128_ONE } from "./types.js";

export const transactionPayment = definePallet({
  name: "TransactionPayment",
  index: 21,
  storage,
  events,
  constants: {
    OperationalFeeMultiplier: constant(u8, OPERATIONAL_FEE_MULTIPLIER, [
      " A fee mulitplier for `Operational` extrinsics to compute \"virtual tip\" to boost their",
      " `priority`",
      "",
      " This value is multipled by the `final_fee` to obtain a \"virtual tip\" that is later",
      " added to a tip component in regular `priority` calculations.",
      " It means that a `Normal` transaction can front-run a similarly-sized `Operational`",
      " extrinsic (with no tip), by including a tip value greater than the virtual tip.",
      "",
      " ```rust,ignore",
      " // For `Normal`",
      " let priority = priority_calc(tip);",
      "",
      " // For `Operational`",
      " let virtual_tip = (inclusion_fee + tip) * OperationalFeeMultiplier;",
      " let priority = priority_calc(tip + virtual_tip);",
      " ```",
      "",
      " Note that since we use `final_fee` the multiplier applies also to the regular `tip`",
      " sent with the transaction. So, not only does the transaction get a priority bump based",
      " on the `inclusion_fee`, but we also amplify the impact of tips applied to `Operational`",
      " transactions.",
    ]),
  },
  hooks: {
    onFinalize(ctx) {
      // `FeeMultiplierUpdate = ()`: `<() as Convert<_, FixedU128>>::convert` is `FixedU128::default()`, zero.
      // So from block 1's end on, the weight part of every fee is multiplied by 0.
      storage.NextFeeMultiplier.set(ctx.io, 0n);
    },
  },
  genesis(io: Storage) {
    storage.StorageVersion.set(io, "V2");
    storage.NextFeeMultiplier.set(io, FIXED_U128_ONE);
  },
});
