/**
 * The header digest: a list of items the runtime and the consensus engines leave in each block.
 *
 * Aura puts a `PreRuntime` item (engine `aura`, the slot) before execution and a `Seal` item (the author's
 * signature) after it; GRANDPA signals authority-set changes with `Consensus` items; the runtime writes
 * `RuntimeEnvironmentUpdated` when `:code` or the heap pages change.
 */
import { bytes, enumeration, fixedBytes, struct, vec, type ValueOf } from "./schema.js";

/** `ConsensusEngineId` (`[u8; 4]`), e.g. `aura`, `FRNK` for GRANDPA. */
export const ConsensusEngineId = fixedBytes(4);

/** `sp_runtime::generic::digest::DigestItem`; variant indices are fixed by the Rust type, not by order. */
export const DigestItem = enumeration(
  { path: "sp_runtime::generic::digest::DigestItem" },
  {
    PreRuntime: { index: 6, tuple: [[ConsensusEngineId, "ConsensusEngineId"], [bytes, "Vec<u8>"]] },
    Consensus: { index: 4, tuple: [[ConsensusEngineId, "ConsensusEngineId"], [bytes, "Vec<u8>"]] },
    Seal: { index: 5, tuple: [[ConsensusEngineId, "ConsensusEngineId"], [bytes, "Vec<u8>"]] },
    Other: { index: 0, value: [bytes, "Vec<u8>"] },
    RuntimeEnvironmentUpdated: { index: 8 },
  },
);
export type DigestItem = ValueOf<typeof DigestItem>;

/** `sp_runtime::generic::digest::Digest`. */
export const Digest = struct({ path: "sp_runtime::generic::digest::Digest" }, { logs: [vec(DigestItem), "Vec<DigestItem>"] });
export type Digest = ValueOf<typeof Digest>;

/** The engine id as bytes, from its 4-character name (`engineId("aura")`). */
export function engineId(name: string): Uint8Array {
  const id = new TextEncoder().encode(name);
  if (id.length !== 4) throw new RangeError(`A consensus engine id is 4 bytes, got "${name}"`);
  return id;
}
