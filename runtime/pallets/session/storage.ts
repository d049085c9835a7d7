/**
 * pallet_session storage: the current validators and session index, the keys queued for the next session,
 * each validator's next keys and the reverse index from a key to its owner.
 */
import { AccountId32 } from "../../../primitives/account.js";
import { bool, bytes, tuple, u32, vec } from "../../../primitives/schema.js";
import type { StorageReader } from "../../../state/storage.js";
import { map, palletStorage, value } from "../../storage-item.js";
import { KeyTypeId, SessionKeys, type ValidatorKeys } from "./types.js";

export const storage = palletStorage("Session", {
  Validators: value(vec(AccountId32), { default: [], docs: [" The current set of validators."] }),
  CurrentIndex: value(u32, { default: 0, docs: [" Current index of the session."] }),
  QueuedChanged: value(bool, {
    default: false,
    docs: [
      " True if the underlying economic identities or weighting behind the validators",
      " has changed in the queued validator set.",
    ],
  }),
  QueuedKeys: value(vec(tuple(AccountId32, SessionKeys)), {
    default: [] as ValidatorKeys[],
    docs: [
      " The queued keys for the next session. When the next session begins, these keys",
      " will be used to determine the validator's session keys.",
    ],
  }),
  DisabledValidators: value(vec(u32), {
    default: [],
    docs: [
      " Indices of disabled validators.",
      "",
      " The vec is always kept sorted so that we can find whether a given validator is",
      " disabled using binary search. It gets cleared when `on_session_ending` returns",
      " a new set of identities.",
    ],
  }),
  NextKeys: map("Twox64Concat", AccountId32, SessionKeys, { docs: [" The next session keys for a validator."] }),
  KeyOwner: map("Twox64Concat", tuple(KeyTypeId, bytes), AccountId32, {
    docs: [" The owner of a key. The key is the `KeyTypeId` + the encoded key."],
  }),
});

/** `Session::validators()`: the accounts validating in the current session. */
export function sessionValidators(io: StorageReader): Uint8Array[] {
  return storage.Validators.get(io);
}

/** `Session::current_index()`. */
export function currentIndex(io: StorageReader): number {
  return storage.CurrentIndex.get(io);
}
