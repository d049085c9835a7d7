/**
 * pallet_kvstore as `TFKVStore` (index 30): a per-account key-value store for grid clients.
 *
 * Each account owns its entries; `set` overwrites, `delete` removes and reports the old value in
 * `EntryTaken`. Keys are at most 512 bytes and values at most 2048 (the bounds TFChain's `_set` checks).
 */
import { bytes } from "../../../primitives/schema.js";
import { ensureSigned } from "../../origin.js";
import { call, definePallet } from "../../pallet.js";
import { errors } from "./errors.js";
import { events } from "./events.js";
import { storage } from "./storage.js";
import { kvstoreWeights as W } from "./weights.js";

/** Longest key `set` accepts, in bytes. */
export const MAX_KEY_LENGTH = 512;
/** Longest value `set` accepts, in bytes. */
export const MAX_VALUE_LENGTH = 2048;

export const kvstore = definePallet({
  name: "TFKVStore",
  index: 30,
  storage,
  calls: {
    type: { path: "pallet_kvstore::pallet::Call", params: [{ name: "T" }], docs: ["Contains a variant per dispatchable extrinsic that this pallet has."] },
    list: {
      set: call(0, { key: [bytes, "Vec<u8>"], value: [bytes, "Vec<u8>"] }, { weight: W.set, docs: ["See [`Pallet::set`]."] }, (ctx, origin, a) => {
        const user = ensureSigned(origin);
        errors.ensure(a.key.length <= MAX_KEY_LENGTH, "KeyIsTooLarge");
        errors.ensure(a.value.length <= MAX_VALUE_LENGTH, "ValueIsTooLarge");
        storage.TFKVStore.set(ctx.io, user, a.key, a.value);
        ctx.deposit("TFKVStore", { tag: "EntrySet", value: [user, a.key, a.value] });
      }),
      delete: call(1, { key: [bytes, "Vec<u8>"] }, { weight: W.delete, docs: ["See [`Pallet::delete`]."] }, (ctx, origin, a) => {
        const user = ensureSigned(origin);
        errors.ensure(storage.TFKVStore.contains(ctx.io, user, a.key), "NoValueStored");
        const value = storage.TFKVStore.get(ctx.io, user, a.key);
        storage.TFKVStore.remove(ctx.io, user, a.key);
        ctx.deposit("TFKVStore", { tag: "EntryTaken", value: [user, a.key, value] });
      }),
    },
  },
  events,
  errors: { type: { path: "pallet_kvstore::pallet::Error", params: [{ name: "T" }], docs: ["The `Error` enum of this pallet."] }, list: errors },
});

export { storage as kvstoreStorage } from "./storage.js";
