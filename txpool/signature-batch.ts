/**
 * The wire format between the pool and its signature workers: a batch of (scheme, signer, signature,
 * payload) packed into one transferable buffer, so that a message costs one copy-free transfer instead of a
 * structured clone per signature.
 *
 * Item layout: `u8 scheme (MultiSignature index) ‖ u8 signature length ‖ u16le payload length ‖ signer[32] ‖
 * signature ‖ payload`. Payloads are at most 256 bytes (longer ones are signed as their blake2_256).
 */
import type { MultiSignature } from "../primitives/crypto/multi-signature.js";
import { verifyMultiSignature } from "../primitives/crypto/multi-signature.js";

export interface SignatureJob {
  signature: MultiSignature;
  /** The signed bytes, already hashed when longer than 256 bytes. */
  payload: Uint8Array;
  signer: Uint8Array;
}

const SCHEMES = ["Ed25519", "Sr25519", "Ecdsa"] as const;
const HEADER = 4 + 32;

export function encodeBatch(jobs: readonly SignatureJob[]): ArrayBuffer {
  let size = 0;
  for (const j of jobs) size += HEADER + j.signature.value.length + j.payload.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const j of jobs) {
    if (j.payload.length > 0xffff || j.signature.value.length > 0xff || j.signer.length !== 32) {
      throw new RangeError("signature job out of bounds: the pool hashes payloads over 256 bytes");
    }
    out[at] = SCHEMES.indexOf(j.signature.tag);
    out[at + 1] = j.signature.value.length;
    out[at + 2] = j.payload.length & 0xff;
    out[at + 3] = j.payload.length >> 8;
    out.set(j.signer, at + 4);
    at += HEADER;
    out.set(j.signature.value, at);
    at += j.signature.value.length;
    out.set(j.payload, at);
    at += j.payload.length;
  }
  return out.buffer;
}

/** Verifies every item of a packed batch; one result byte (1 valid, 0 not) per item. */
export function verifyBatch(buffer: ArrayBuffer): Uint8Array {
  const bytes = new Uint8Array(buffer);
  const results: number[] = [];
  let at = 0;
  while (at < bytes.length) {
    const tag = SCHEMES[bytes[at]!];
    const sigLen = bytes[at + 1]!;
    const payloadLen = bytes[at + 2]! | (bytes[at + 3]! << 8);
    const signer = bytes.subarray(at + 4, at + HEADER);
    at += HEADER;
    const value = bytes.subarray(at, at + sigLen);
    at += sigLen;
    const payload = bytes.subarray(at, at + payloadLen);
    at += payloadLen;
    results.push(tag !== undefined && verifyMultiSignature({ tag, value }, payload, signer) ? 1 : 0);
  }
  return Uint8Array.from(results);
}

/** One job, checked where the caller runs. */
export function verifyJob(job: SignatureJob): boolean {
  return verifyMultiSignature(job.signature, job.payload, job.signer);
}
