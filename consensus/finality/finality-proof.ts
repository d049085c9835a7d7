/**
 * `grandpa_proveFinality`: a proof that block n is final, as `sc-consensus-grandpa`'s `prove_finality`.
 *
 * The proof is the justification that closes n's authority set (stored at the set's last block), or for the
 * current set the latest justification the voter produced, with the headers from n + 1 up to the justified
 * block so that the verifier can link n to it.
 */
import type { Header } from "../../primitives/header.js";
import type { AuthoritySet } from "./authorities.js";
import type { GrandpaChain } from "./environment.js";
import { grandpaJustificationOf } from "./justification.js";
import { FinalityProof, GrandpaJustification } from "./messages.js";

/** The most headers a proof carries (`MAX_UNKNOWN_HEADERS`). */
export const MAX_UNKNOWN_HEADERS = 100_000;

export type FinalityProofErrorCode = "BLOCK_NOT_YET_FINALIZED" | "BLOCK_NOT_IN_AUTHORITY_SET_CHANGES";

export class FinalityProofError extends Error {
  constructor(readonly code: FinalityProofErrorCode, readonly block: number) {
    super(code === "BLOCK_NOT_YET_FINALIZED" ? `Block #${block} is not yet finalized` : `Block #${block} is not covered by authority set changes`);
    this.name = "FinalityProofError";
  }
}

/** The SCALE `FinalityProof` of block `number`; `undefined` when no justification covers it. */
export async function proveFinality(
  chain: GrandpaChain,
  set: AuthoritySet,
  latestJustification: Uint8Array | undefined,
  number: number,
): Promise<Uint8Array | undefined> {
  if (chain.finalized().number < number) throw new FinalityProofError("BLOCK_NOT_YET_FINALIZED", number);
  const found = set.setOfBlock(number);
  let justification: Uint8Array;
  let justified: number;
  if (found.kind === "unknown") throw new FinalityProofError("BLOCK_NOT_IN_AUTHORITY_SET_CHANGES", number);
  if (found.kind === "latest") {
    if (!latestJustification) return undefined;
    justification = latestJustification;
    justified = GrandpaJustification.dec(latestJustification).commit.target_number;
  } else {
    const hash = await chain.hashAt(found.lastBlock);
    const stored = hash && (await chain.justifications(hash));
    const grandpa = stored ? grandpaJustificationOf(stored) : undefined;
    if (!grandpa) return undefined;
    justification = grandpa;
    justified = found.lastBlock;
  }
  const unknown: Header[] = [];
  for (let n = number + 1; n <= justified && unknown.length < MAX_UNKNOWN_HEADERS; n++) {
    const hash = await chain.hashAt(n);
    const header = hash && (await chain.header(hash));
    if (!header) throw new Error(`finalized block #${n} is not stored`);
    unknown.push(header);
  }
  const block = await chain.hashAt(justified);
  if (!block) throw new Error(`finalized block #${justified} is not stored`);
  return FinalityProof.enc({ block, justification, unknown_headers: unknown });
}
