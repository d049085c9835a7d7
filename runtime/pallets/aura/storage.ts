/**
 * Aura storage: the authority set and the slot of the current block.
 */
import { boundedVec } from "../../../primitives/schema.js";
import type { StorageReader } from "../../../state/storage.js";
import { palletStorage, value } from "../../storage-item.js";
import { AuthorityId, MAX_AUTHORITIES, Slot } from "./types.js";

export const storage = palletStorage("Aura", {
  Authorities: value(boundedVec(AuthorityId, MAX_AUTHORITIES), { default: [], docs: [" The current authority set."] }),
  CurrentSlot: value(Slot, {
    default: 0n,
    docs: [" The current slot of this block.", "", " This will be set in `on_initialize`."],
  }),
});

/** `Aura::authorities()`: the sr25519 keys that author blocks in turn. */
export function authorities(io: StorageReader): Uint8Array[] {
  return storage.Authorities.get(io);
}

/** `Aura::current_slot()`: the slot of the block being executed, or of the last block between blocks. */
export function currentSlot(io: StorageReader): bigint {
  return storage.CurrentSlot.get(io);
}
