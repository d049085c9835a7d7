/**
 * RPC server throughput and latency, loopback only, about 30 s.
 *
 * - `state_getStorage` (Alice's `System.Account`) from 100 WebSocket clients in a closed loop, against a bare
 *   `ws` echo server answering the same frames in the same run (goal ≥ 0.5). Our server writes its answers
 *   once per event-loop turn (`rpc/ws-connection.ts`), which a bare echo does not; a second echo that batches
 *   its writes the same way gives the cost of the JSON-RPC layer alone.
 * - p50/p99 latency of `state_getStorage` at 5,000 requests/s offered by the 100 clients (goal p99 ≤ 15 ms).
 * - `state_getMetadata` p50/p99, one client, sequential (goal p99 < 5 ms; the answer is cached).
 *
 * The server runs on the main thread over a real ChainDb with the dev genesis; the clients run in a worker
 * thread (`rpc-load.ts`), so each side has a core of this 2-core machine.
 * Standalone: `node --import tsx bench/rpc.ts`.
 */
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { WebSocketServer } from "ws";
import { keyFromUri } from "../primitives/crypto/keyring.js";
import { initCrypto } from "../primitives/crypto/wasm.js";
import { storage as systemStorage } from "../runtime/pallets/system/storage.js";
import { RpcServer } from "../rpc/server.js";
import { DevChain } from "../test/helpers/dev-services.js";
import type { LoadResult, LoadTask } from "./rpc-load.js";

const CLIENTS = 100;
const RATE = 5000;
const WARMUP_MS = 500;
const DURATION_MS = 2500;
/** Closed-loop rounds, echo and RPC alternating; the best round of each counts (the VM is shared and noisy). */
const ROUNDS = 2;
const METADATA_CALLS = 300;

export async function benchRpc(): Promise<Record<string, number>> {
  await initCrypto();
  const dev = await DevChain.create();
  const server = new RpcServer({ port: 0, methods: "safe", maxConnections: CLIENTS + 10 }, { services: dev.services });
  const { port } = await server.start();
  const echo = await echoServer(false);
  const batchedEcho = await echoServer(true);
  const worker = new Worker(new URL("./rpc-load-entry.js", import.meta.url));
  const run = <R extends LoadResult>(task: LoadTask) =>
    new Promise<R>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.postMessage(task);
    });
  try {
    const rpcUrl = `ws://127.0.0.1:${port}`;
    const key = `0x${Buffer.from(systemStorage.Account.key(keyFromUri("//Alice").accountId)).toString("hex")}`;
    const message = `{"jsonrpc":"2.0","id":1,"method":"state_getStorage","params":["${key}"]}`;
    const closed = { kind: "closed", clients: CLIENTS, warmupMs: WARMUP_MS, durationMs: DURATION_MS, message } as const;
    const closedLoop = async (url: string) => (await run<Extract<LoadResult, { kind: "closed" }>>({ ...closed, url })).perSecond;
    let echoBest = 0;
    let batchedBest = 0;
    let rpcBest = 0;
    for (let i = 0; i < ROUNDS; i++) {
      echoBest = Math.max(echoBest, await closedLoop(`ws://127.0.0.1:${echo.port}`));
      batchedBest = Math.max(batchedBest, await closedLoop(`ws://127.0.0.1:${batchedEcho.port}`));
      rpcBest = Math.max(rpcBest, await closedLoop(rpcUrl));
    }
    const open = await run<Extract<LoadResult, { kind: "open" }>>({
      kind: "open", url: rpcUrl, clients: CLIENTS, rate: RATE, warmupMs: WARMUP_MS, durationMs: DURATION_MS,
      method: "state_getStorage", params: [key],
    });
    const md = await run<Extract<LoadResult, { kind: "sequential" }>>({ kind: "sequential", url: rpcUrl, count: METADATA_CALLS, method: "state_getMetadata", params: [] });
    return {
      "ws echo, 100 clients closed loop (msg/s)": Math.round(echoBest),
      "ws echo writing once per loop turn (msg/s)": Math.round(batchedBest),
      "state_getStorage, 100 clients closed loop (req/s)": Math.round(rpcBest),
      "ratio state_getStorage / echo (goal ≥ 0.5)": round(rpcBest / echoBest, 2),
      "ratio state_getStorage / echo writing once per turn": round(rpcBest / batchedBest, 2),
      [`state_getStorage at ${RATE}/s offered: achieved (req/s)`]: Math.round(open.achievedPerSecond),
      [`state_getStorage at ${RATE}/s: p50 (ms)`]: round(percentile(open.latenciesMs, 0.5), 2),
      [`state_getStorage at ${RATE}/s: p99 (ms, goal ≤ 15)`]: round(percentile(open.latenciesMs, 0.99), 2),
      [`state_getStorage at ${RATE}/s: errors`]: open.errors,
      "state_getMetadata p50 (ms)": round(percentile(md.latenciesMs.slice(20), 0.5), 2),
      "state_getMetadata p99 (ms, goal < 5)": round(percentile(md.latenciesMs.slice(20), 0.99), 2),
      "state_getMetadata answer (bytes)": md.bytes,
    };
  } finally {
    await worker.terminate();
    await echo.close();
    await batchedEcho.close();
    await server.stop();
    await dev.close();
  }
}

/**
 * A bare `ws` server that sends every frame back: the transport's own ceiling. `batched`: it writes in the
 * loop's check phase, as our server does, rather than from the message handler.
 */
async function echoServer(batched: boolean): Promise<{ port: number; close(): Promise<void> }> {
  const wss = new WebSocketServer({ host: "127.0.0.1", port: 0, perMessageDeflate: false });
  await new Promise<void>((r) => wss.once("listening", () => r()));
  let pending: (() => void)[] = [];
  const later = (send: () => void) => {
    if (pending.push(send) > 1) return;
    setImmediate(() => {
      const sends = pending;
      pending = [];
      for (const f of sends) f();
    });
  };
  wss.on("connection", (ws) => ws.on("message", (data, isBinary) => {
    const send = () => ws.send(data, { binary: isBinary });
    if (batched) later(send);
    else send();
  }));
  const addr = wss.address();
  return {
    port: typeof addr === "object" && addr !== null ? addr.port : 0,
    close: () => new Promise<void>((r) => {
      for (const c of wss.clients) c.terminate();
      wss.close(() => r());
    }),
  };
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.table(await benchRpc());
}
