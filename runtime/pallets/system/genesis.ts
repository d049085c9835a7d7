/**
 * frame_system's genesis build: the placeholder parent hash, the runtime version and `:code`.
 */
import { u32 } from "../../../primitives/schema.js";
import type { Storage } from "../../../state/storage.js";
import { encodeCodeMarker } from "../../code-marker.js";
import { VERSION } from "./constants.js";
import { storage, WELL_KNOWN_KEYS } from "./storage.js";

// FRAME stores `hash69()` ([69; 32]) as block 0's hash and parent until block 1 overwrites the former.
const HASH_69 = new Uint8Array(32).fill(69);

export function buildSystemGenesis(io: Storage): void {
  storage.BlockHash.set(io, 0, HASH_69);
  storage.ParentHash.set(io, HASH_69);
  storage.LastRuntimeUpgrade.set(io, { spec_version: VERSION.spec_version, spec_name: VERSION.spec_name });
  storage.UpgradedToU32RefCount.set(io, true);
  storage.UpgradedToTripleRefCount.set(io, true);
  io.set(WELL_KNOWN_KEYS.CODE, encodeCodeMarker(VERSION));
  io.set(WELL_KNOWN_KEYS.EXTRINSIC_INDEX, u32.enc(0));
}
