/**
 * A signature worker thread: verifies packed batches from the pool (`signature-batch.ts`) with the same
 * verifiers the runtime uses (schnorrkel on WebAssembly for sr25519) and answers one byte per signature.
 */
import { parentPort } from "node:worker_threads";
import { initCrypto } from "../primitives/crypto/wasm.js";
import { verifyBatch } from "./signature-batch.js";

export interface BatchRequest {
  id: number;
  batch: ArrayBuffer;
}

export interface BatchResponse {
  id: number;
  results: Uint8Array;
}

if (!parentPort) throw new Error("txpool/signature-worker.ts runs only as a worker thread");
const port = parentPort;
await initCrypto();
port.on("message", ({ id, batch }: BatchRequest) => {
  const results = verifyBatch(batch);
  port.postMessage({ id, results } satisfies BatchResponse, [results.buffer as ArrayBuffer]);
});
port.postMessage({ ready: true });
