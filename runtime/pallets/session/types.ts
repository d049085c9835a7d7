/**
 * Session's types: TFChain's `opaque::SessionKeys` (an Aura sr25519 key and a GRANDPA ed25519 key) and the
 * `KeyTypeId` each key is filed under.
 */
import { fixedBytes, newtype, struct, type ValueOf } from "../../../primitives/schema.js";
import { AuthorityId as AuraId } from "../aura/types.js";
import { GrandpaAuthorityId } from "../grandpa/types.js";

/** `sp_core::crypto::KeyTypeId`: four ASCII bytes (`aura`, `gran`). */
export const KeyTypeId = newtype({ path: "sp_core::crypto::KeyTypeId" }, [fixedBytes(4), "[u8; 4]"]);

/** `tfchain_runtime::opaque::SessionKeys`, as `impl_opaque_keys!` declares it: `{ aura, grandpa }`. */
export const SessionKeys = struct(
  { path: "tfchain_runtime::opaque::SessionKeys" },
  {
    aura: [AuraId, "<Aura as $crate::BoundToRuntimeAppPublic>::Public"],
    grandpa: [GrandpaAuthorityId, "<Grandpa as $crate::BoundToRuntimeAppPublic>::Public"],
  },
);
export type SessionKeys = ValueOf<typeof SessionKeys>;

const ascii = (s: string) => new TextEncoder().encode(s);

/** `OpaqueKeys::key_ids()` in declaration order, with how to read each raw key. */
export const SESSION_KEY_IDS: readonly { id: Uint8Array; name: "aura" | "grandpa"; get(k: SessionKeys): Uint8Array }[] = [
  { id: ascii("aura"), name: "aura", get: (k) => k.aura },
  { id: ascii("gran"), name: "grandpa", get: (k) => k.grandpa },
];

/** A validator and its session keys (an entry of `QueuedKeys`). */
export type ValidatorKeys = [Uint8Array, SessionKeys];
