/**
 * Signature verification throughput per library, to choose the verifier of each scheme.
 *
 * Each figure is verifications (or ecdsa recoveries) per second of one valid signature over a 100-byte
 * message, measured over a fixed wall-clock window after a warm-up. Standalone: `node --import tsx bench/signatures.ts`.
 */
import { pathToFileURL } from "node:url";
import { ed25519 } from "@noble/curves/ed25519.js";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import * as wasm from "@polkadot/wasm-crypto";
import * as sr25519 from "@scure/sr25519";
import { verifyMultiSignature } from "../primitives/crypto/multi-signature.js";
import { initCrypto } from "../primitives/crypto/sr25519.js";

const WINDOW_MS = 1000;

function perSecond(run: () => unknown): number {
  for (let i = 0; i < 50; i++) run();
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < WINDOW_MS) {
    run();
    count++;
  }
  return Math.round(count / ((performance.now() - start) / 1000));
}

/** Verifications per second of sr25519, ed25519 and ecdsa in the JS and WebAssembly libraries. */
export async function benchSignatures(): Promise<Record<string, number>> {
  await wasm.waitReady();
  await initCrypto();
  const message = new Uint8Array(100).fill(7);
  const srSecret = sr25519.secretFromSeed(new Uint8Array(32).fill(1));
  const srPublic = sr25519.getPublicKey(srSecret);
  const srSig = sr25519.sign(srSecret, message);
  const edSeed = new Uint8Array(32).fill(2);
  const edPublic = ed25519.getPublicKey(edSeed);
  const edSig = ed25519.sign(message, edSeed);
  const hash = new Uint8Array(32).fill(9);
  const ecSig = secp256k1.sign(hash, new Uint8Array(32).fill(3), { prehash: false, format: "recovered" });
  return {
    "sr25519 verify @scure/sr25519": perSecond(() => sr25519.verify(message, srSig, srPublic)),
    "sr25519 verify @polkadot/wasm-crypto": perSecond(() => wasm.sr25519Verify(srSig, message, srPublic)),
    "verifyMultiSignature Sr25519 (primitives)": perSecond(() =>
      verifyMultiSignature({ tag: "Sr25519", value: srSig }, message, srPublic)),
    "ed25519 verify @noble/curves (zip215)": perSecond(() => ed25519.verify(edSig, message, edPublic, { zip215: true })),
    "ed25519 verify @polkadot/wasm-crypto": perSecond(() => wasm.ed25519Verify(edSig, message, edPublic)),
    "ecdsa recover @noble/curves": perSecond(() => secp256k1.recoverPublicKey(ecSig, hash, { prehash: false })),
    "ecdsa recover @polkadot/wasm-crypto": perSecond(() => wasm.secp256k1Recover(hash, ecSig.subarray(1), ecSig[0]!)),
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await benchSignatures();
  console.table(Object.entries(figures).map(([case_, perSec]) => ({ case: case_, "ops/s": perSec })));
}
