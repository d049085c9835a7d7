/**
 * Twin and entity types of `pallet_tfgrid::types`, and the terms and conditions a user accepts before a twin.
 */
import { AccountId32 } from "../../../primitives/account.js";
import { boundedBytes, bytes, option, struct, u32, u64, vec, type ValueOf } from "../../../primitives/schema.js";
import { MAX_DOCUMENT_LINK_LENGTH, MAX_RELAY_LENGTH } from "./constants.js";
import { Bytes128, Bytes50, CityName, CountryName } from "./types-node.js";

export const Entity = struct(
  {
    path: "pallet_tfgrid::types::Entity",
    params: [{ name: "AccountId", type: AccountId32 }, { name: "City", type: CityName }, { name: "Country", type: CountryName }],
  },
  {
    version: [u32, "u32"],
    id: [u32, "u32"],
    name: [bytes, "Vec<u8>"],
    account_id: [AccountId32, "AccountId"],
    country: [CountryName, "Country"],
    city: [CityName, "City"],
  },
);
export type Entity = ValueOf<typeof Entity>;

/** A twin's claim on an entity: the signature is kept as the hex text the user submitted. */
export const EntityProof = struct(
  { path: "pallet_tfgrid::types::EntityProof" },
  { entity_id: [u32, "u32"], signature: [bytes, "Vec<u8>"] },
);
export type EntityProof = ValueOf<typeof EntityProof>;

export const Twin = struct(
  { path: "pallet_tfgrid::types::Twin", params: [{ name: "AccountId", type: AccountId32 }] },
  {
    id: [u32, "u32"],
    account_id: [AccountId32, "AccountId"],
    relay: [option(boundedBytes(MAX_RELAY_LENGTH)), "Option<BoundedVec<u8, ConstU32<MAX_RELAY_LENGTH>>>"],
    entities: [vec(EntityProof), "Vec<EntityProof>"],
    pk: [option(Bytes128), "Option<BoundedVec<u8, ConstU32<MAX_PK_LENGTH>>>"],
  },
);
export type Twin = ValueOf<typeof Twin>;

export const TermsAndConditions = struct(
  { path: "pallet_tfgrid::terms_cond::TermsAndConditions", params: [{ name: "T" }] },
  {
    account_id: [AccountId32, "T::AccountId"],
    timestamp: [u64, "u64"],
    document_link: [boundedBytes(MAX_DOCUMENT_LINK_LENGTH), "BoundedVec<u8, ConstU32<MAX_DOCUMENT_LINK_LENGTH>>"],
    document_hash: [Bytes50, "BoundedVec<u8, ConstU32<MAX_DOCUMENT_HASH_LENGTH>>"],
  },
);
export type TermsAndConditions = ValueOf<typeof TermsAndConditions>;
