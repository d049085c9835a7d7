/**
 * Account identifiers and the `MultiAddress` a signed extrinsic names its sender with.
 *
 * TFChain's `AccountId` is `AccountId32` (the sr25519/ed25519 public key, or blake2_256 of an ecdsa key) and its
 * lookup source is `MultiAddress<AccountId32, ()>`: the runtime has no indices pallet, so `Index` carries no number.
 */
import * as scale from "scale-ts";
import { CodecError } from "./codec-error.js";
import { bytes, enumeration, fixedBytes, newtype, schema, unit, type Schema, type ValueOf } from "./schema.js";

/** `sp_core::crypto::AccountId32`: 32 raw bytes. */
export const AccountId32 = newtype({ path: "sp_core::crypto::AccountId32" }, [fixedBytes(32), "[u8; 32]"]);

// `Compact<()>` encodes as nothing at all (parity-scale-codec's `CompactRef<()>`), so `MultiAddress::Index` is
// the single byte 0x01. schema.ts' `compact` would write a zero byte for it.
const compactUnit: Schema<undefined> = schema(
  scale.createCodec(
    (v: undefined) => {
      if (v !== undefined) throw new CodecError({ code: "OUT_OF_RANGE", what: "Compact<()>", detail: "must be undefined" });
      return new Uint8Array(0);
    },
    scale.createDecoder(() => undefined),
  ),
  () => ({ path: [], params: [], def: { tag: "compact", type: unit }, docs: [] }),
);

/** `sp_runtime::multiaddress::MultiAddress<AccountId32, ()>`, as TFChain's `Address`. */
export const MultiAddress = enumeration(
  { path: "sp_runtime::multiaddress::MultiAddress", params: [{ name: "AccountId", type: AccountId32 }, { name: "AccountIndex", type: unit }] },
  {
    Id: { value: [AccountId32, "AccountId"] },
    Index: { value: [compactUnit, "AccountIndex"] },
    Raw: { value: [bytes, "Vec<u8>"] },
    Address32: { value: [fixedBytes(32), "[u8; 32]"] },
    Address20: { value: [fixedBytes(20), "[u8; 20]"] },
  },
);
export type MultiAddress = ValueOf<typeof MultiAddress>;

/** A `MultiAddress::Id` for a 32-byte account. */
export function addressId(account: Uint8Array): MultiAddress {
  return { tag: "Id", value: account };
}

/**
 * The 32-byte account a `MultiAddress` names without a lookup (`Id`, `Address32`), else `undefined`.
 *
 * TFChain resolves addresses with `AccountIdLookup`: `Id` is the account itself, `Address32`/`Address20`/`Raw`/`Index`
 * do not resolve, so a signed extrinsic using them fails with `InvalidTransaction::BadSigner`-like lookup errors.
 */
export function addressAccount(address: MultiAddress): Uint8Array | undefined {
  return address.tag === "Id" ? address.value : undefined;
}
