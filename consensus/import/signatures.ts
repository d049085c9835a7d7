/**
 * Checking a block's extrinsic signatures off the main thread, while it executes.
 *
 * PERF: sr25519 verification is most of a block's import time (≈ 0.4 ms each on one core). The pipeline
 * hands every signature to a `SignatureVerifier` (worker threads), executes the block meanwhile with
 * the checks skipped, and refuses the block if any signature turns out bad. Without a verifier the
 * executive checks each signature inline.
 */
import { addressAccount } from "../../primitives/account.js";
import { decodeExtrinsic, signingPayload } from "../../primitives/extrinsic.js";
import type { Header } from "../../primitives/header.js";
import type { MultiSignature } from "../../primitives/crypto/multi-signature.js";
import { storage as systemStorage } from "../../runtime/pallets/system/storage.js";
import type { RuntimeVersion } from "../../runtime/runtime.js";
import type { StorageReader } from "../../state/storage.js";
import { isSignedEncoding } from "./execute.js";

/** One signature to check: the shape txpool's worker verifier takes. */
export interface SignatureJob {
  signature: MultiSignature;
  /** The signed bytes (already blake2_256-hashed when the payload is longer than 256 bytes). */
  payload: Uint8Array;
  signer: Uint8Array;
}

/**
 * Verifies signatures, e.g. on worker threads (txpool's `SignatureVerifier` fits as it is). Jobs submitted
 * in one go must start being verified before the submitter returns to the event loop, or nothing overlaps.
 */
export interface SignatureVerifier {
  verify(job: SignatureJob): Promise<boolean>;
}

/**
 * The signature checks of a block's signed extrinsics, with the payload each signer signed. An
 * extrinsic whose check cannot be prepared here (undecodable, unknown address, birth block out of
 * reach) gets no job: the executive checks it inline and refuses it with the precise reason.
 */
export function signatureJobs(
  version: Pick<RuntimeVersion, "spec_version" | "transaction_version">,
  genesisHash: Uint8Array,
  parentState: StorageReader,
  header: Header,
  extrinsics: readonly Uint8Array[],
): { index: number; job: SignatureJob }[] {
  const out: { index: number; job: SignatureJob }[] = [];
  extrinsics.forEach((encoded, index) => {
    if (!isSignedEncoding(encoded)) return;
    let xt;
    try {
      xt = decodeExtrinsic(encoded);
    } catch {
      return;
    }
    const s = xt.signed;
    const signer = s && addressAccount(s.address);
    if (!s || !signer) return;
    const birth = s.era.birth(header.number);
    // `initialize` writes BlockHash[number - 1] = parent hash before any extrinsic runs.
    const birthHash = birth === header.number - 1 ? header.parentHash : systemStorage.BlockHash.contains(parentState, birth) ? systemStorage.BlockHash.get(parentState, birth) : undefined;
    if (!birthHash) return;
    const payload = signingPayload(xt.call, s, {
      specVersion: version.spec_version, txVersion: version.transaction_version, genesisHash, birthHash,
    });
    out.push({ index, job: { signature: s.signature, payload, signer } });
  });
  return out;
}
