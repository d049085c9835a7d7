/**
 * pallet_authorship (index 15): who authored the current block, for the pallets that pay or credit them.
 *
 * `author()` asks `FindAuthor` once per block and memoizes the answer in `Author`; `on_finalize` removes it,
 * so it never reaches the state of a finished block. TFChain's `FindAuthor` is `AuraAccountAdapter`: the
 * Aura author index of the claimed slot, looked up in Session's validators. Transaction fees go to this
 * account (`DealWithFees`); `EventHandler = ()`.
 */
import { AccountId32 } from "../../../primitives/account.js";
import type { Storage } from "../../../state/storage.js";
import { definePallet } from "../../pallet.js";
import { palletStorage, value } from "../../storage-item.js";
import { findAuthorIndex } from "../aura/index.js";
import { sessionValidators } from "../session/storage.js";
import { storage as systemStorage } from "../system/storage.js";

export const storage = palletStorage("Authorship", {
  Author: value(AccountId32, { docs: [" Author of current block."] }),
});

/** `Authorship::author()`: the current block's author, memoized in `Author`; undefined without an Aura slot. */
export function author(io: Storage): Uint8Array | undefined {
  const known = storage.Author.get(io);
  if (known !== undefined) return known;
  const found = findAuthor(io);
  if (found !== undefined) storage.Author.set(io, found);
  return found;
}

/**
 * `AuraAccountAdapter::find_author`: the Aura author index of the claimed slot, looked up in
 * `Session::validators()` (Aura's authorities are those validators' keys, in the same order).
 */
function findAuthor(io: Storage): Uint8Array | undefined {
  const index = findAuthorIndex(io, systemStorage.Digest.get(io).logs);
  // FRAME indexes the list and would panic past its end; the two lists always have the same length.
  return index === undefined ? undefined : sessionValidators(io)[index];
}

export const authorship = definePallet({
  name: "Authorship",
  index: 15,
  storage,
  hooks: {
    onInitialize(ctx) {
      author(ctx.io);
    },
    onFinalize(ctx) {
      storage.Author.kill(ctx.io);
    },
  },
});
