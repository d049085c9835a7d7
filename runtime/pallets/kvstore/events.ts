import { AccountId32 } from "../../../primitives/account.js";
import { bytes, enumeration, type FieldSpec } from "../../../primitives/schema.js";

const account: FieldSpec = [AccountId32, "T::AccountId"];
const blob: FieldSpec = [bytes, "Vec<u8>"];

// TFChain declares the fields unnamed: (account, key, value).
export const events = enumeration({ path: "pallet_kvstore::pallet::Event", params: [{ name: "T" }], docs: ["The `Event` enum of this pallet"] }, {
  EntrySet: { tuple: [account, blob, blob], docs: ["A user has set their entry"] },
  EntryGot: { tuple: [account, blob, blob], docs: ["A user has read their entry, leaving it in storage"] },
  EntryTaken: { tuple: [account, blob, blob], docs: ["A user has read their entry, removing it from storage"] },
});
