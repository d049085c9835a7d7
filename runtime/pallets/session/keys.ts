/**
 * Session keys: who holds which key (`NextKeys`, and `KeyOwner` the other way round), as `set_keys` and
 * `purge_keys` change them.
 *
 * A key may belong to one validator only (`DuplicatedKey`). Keys set now serve from the session after the
 * next one: rotation queues the planned validators with the keys they hold at that moment.
 */
import type { Storage, StorageReader } from "../../../state/storage.js";
import { palletErrors } from "../../dispatch-error.js";
import type { BlockContext } from "../../pallet.js";
import { decConsumers, incConsumers, MAX_CONSUMERS } from "../system/account.js";
import { storage as systemStorage } from "../system/storage.js";
import { storage } from "./storage.js";
import { SESSION_KEY_IDS, type SessionKeys } from "./types.js";

export const errors = palletErrors("Session", {
  InvalidProof: "Invalid ownership proof.",
  NoAssociatedValidatorId: "No associated validator ID for account.",
  DuplicatedKey: "Registered duplicate key.",
  NoKeys: "No keys are associated with this account.",
  NoAccount: "Key setting account is not live, so it's impossible to associate keys.",
});

const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** `load_keys`: the keys `who` set for the coming sessions. */
export function loadKeys(io: StorageReader, who: Uint8Array): SessionKeys | undefined {
  return storage.NextKeys.get(io, who);
}

/** `key_owner`: the validator holding `key` of type `id`. */
export function keyOwner(io: StorageReader, id: Uint8Array, key: Uint8Array): Uint8Array | undefined {
  return storage.KeyOwner.get(io, [id, key]);
}

/**
 * `inner_set_keys`: files `keys` under `who` and returns the keys it replaces. A key another validator holds
 * is `DuplicatedKey`; unchanged keys keep their owner entry, replaced ones lose it.
 */
export function innerSetKeys(io: Storage, who: Uint8Array, keys: SessionKeys): SessionKeys | undefined {
  const old = loadKeys(io, who);
  for (const k of SESSION_KEY_IDS) {
    const owner = keyOwner(io, k.id, k.get(keys));
    errors.ensure(owner === undefined || equal(owner, who), "DuplicatedKey");
  }
  for (const k of SESSION_KEY_IDS) {
    const key = k.get(keys);
    if (old) {
      const previous = k.get(old);
      if (equal(key, previous)) continue;
      storage.KeyOwner.remove(io, [k.id, previous]);
    }
    storage.KeyOwner.set(io, [k.id, key], who);
  }
  storage.NextKeys.set(io, who, keys);
  return old;
}

/**
 * `do_set_keys`: the account must be able to take a consumer reference (it exists and holds fewer than
 * `MaxConsumers`); its first keys take one. `ValidatorIdOf` is the identity in TFChain.
 */
export function setKeys(ctx: BlockContext, account: Uint8Array, keys: SessionKeys): void {
  const info = systemStorage.Account.get(ctx.io, account);
  errors.ensure(info.providers > 0 && info.consumers < MAX_CONSUMERS, "NoAccount");
  const old = innerSetKeys(ctx.io, account, keys);
  if (old === undefined) incConsumers(ctx, account);
}

/** `do_purge_keys`: removes the account's keys and their owner entries, and its consumer reference. */
export function purgeKeys(ctx: BlockContext, account: Uint8Array): void {
  const old = loadKeys(ctx.io, account);
  errors.ensure(old !== undefined, "NoKeys");
  storage.NextKeys.remove(ctx.io, account);
  for (const k of SESSION_KEY_IDS) storage.KeyOwner.remove(ctx.io, [k.id, k.get(old!)]);
  decConsumers(ctx, account);
}
