/**
 * pallet-validator storage: requests by requester, and stash → validator bonds (both `Twox64Concat`).
 */
import { AccountId32 } from "../../../primitives/account.js";
import { map, palletStorage } from "../../storage-item.js";
import { Validator } from "./types.js";

export const storage = palletStorage("Validator", {
  Validator: map("Twox64Concat", AccountId32, Validator),
  Bonded: map("Twox64Concat", AccountId32, AccountId32),
});
