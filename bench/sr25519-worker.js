// A bare sr25519 verification loop for bench/txpool.ts: the baseline the pool's admission is compared with.
// Receives (signature, message, public key) triples, waits for "go", verifies them all, reports the time taken.
import { parentPort } from "node:worker_threads";
import { sr25519Verify, waitReady } from "@polkadot/wasm-crypto";

await waitReady();
let items = [];
parentPort.on("message", (m) => {
  if (m.items) {
    items = m.items;
    parentPort.postMessage({ loaded: true });
    return;
  }
  const start = performance.now();
  let valid = 0;
  for (const [sig, msg, pub] of items) if (sr25519Verify(sig, msg, pub)) valid++;
  parentPort.postMessage({ ms: performance.now() - start, valid });
});
