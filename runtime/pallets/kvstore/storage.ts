/**
 * TFKVStore storage: one double map, account → key → value.
 */
import { AccountId32 } from "../../../primitives/account.js";
import { bytes } from "../../../primitives/schema.js";
import { doubleMap, palletStorage } from "../../storage-item.js";

export const storage = palletStorage("TFKVStore", {
  // ValueQuery: an absent key reads as the empty value, so clients see `0x` rather than `None`.
  TFKVStore: doubleMap("Blake2_128Concat", AccountId32, "Blake2_128Concat", bytes, bytes, { default: new Uint8Array() }),
});
