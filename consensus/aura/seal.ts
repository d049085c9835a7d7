/**
 * Sealing: the author signs the hash of the header it built (the "pre-seal" header, which already carries
 * the slot) with its sr25519 Aura key, and appends the signature as the last digest item, `Seal(aura, sig)`.
 * The block hash is the hash of the sealed header; verifiers pop the seal to get back the signed hash.
 */
import { headerHash, type Header } from "../../primitives/header.js";
import { auraSeal, sealSignature } from "../../runtime/pallets/aura/index.js";

/** What sealing needs of a key: an sr25519 public key and a signer over raw bytes (a keyring `KeyPair`). */
export interface AuraSigner {
  readonly publicKey: Uint8Array;
  sign(message: Uint8Array): Uint8Array;
}

/** The header with `signer`'s seal over the pre-seal header hash appended. */
export function sealHeader(preHeader: Header, signer: AuraSigner): Header {
  const signature = signer.sign(headerHash(preHeader));
  return { ...preHeader, digest: { logs: [...preHeader.digest.logs, auraSeal(signature)] } };
}

/** Splits a sealed header into the header that was signed and the signature; undefined if unsealed. */
export function splitSeal(header: Header): { preHeader: Header; signature: Uint8Array } | undefined {
  const logs = header.digest.logs;
  const last = logs[logs.length - 1];
  const signature = last === undefined ? undefined : sealSignature(last);
  if (signature === undefined) return undefined;
  return { preHeader: { ...header, digest: { logs: logs.slice(0, -1) } }, signature };
}
