/**
 * The load generator of `bench/rpc.ts`, run in a worker thread so that the server under test keeps the main
 * thread to itself: WebSocket clients in a closed loop (throughput) or at a fixed offered rate (latency).
 *
 * Open-loop latency runs from each request's send to its answer. The sender never waits for answers (it keeps
 * to the offered rate whatever the server does), so a stalled server cannot hold requests back unmeasured.
 */
import { parentPort } from "node:worker_threads";
import WebSocket from "ws";

export type LoadTask =
  | { kind: "closed"; url: string; clients: number; warmupMs: number; durationMs: number; message: string }
  | { kind: "open"; url: string; clients: number; rate: number; warmupMs: number; durationMs: number; method: string; params: unknown[] }
  | { kind: "sequential"; url: string; count: number; method: string; params: unknown[] };

export type LoadResult =
  | { kind: "closed"; perSecond: number }
  | { kind: "open"; latenciesMs: number[]; achievedPerSecond: number; errors: number }
  | { kind: "sequential"; latenciesMs: number[]; bytes: number };

function connect(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.once("open", () => resolve(ws));
    ws.once("error", reject);
  });
}

async function closedLoop(t: Extract<LoadTask, { kind: "closed" }>): Promise<LoadResult> {
  const sockets = await Promise.all(Array.from({ length: t.clients }, () => connect(t.url)));
  let counting = false;
  let count = 0;
  let running = true;
  for (const ws of sockets) {
    ws.on("message", () => {
      if (counting) count++;
      if (running) ws.send(t.message);
    });
    ws.send(t.message);
  }
  await sleep(t.warmupMs);
  counting = true;
  const start = performance.now();
  await sleep(t.durationMs);
  counting = false;
  const elapsed = performance.now() - start;
  running = false;
  await Promise.all(sockets.map(close));
  return { kind: "closed", perSecond: (count * 1000) / elapsed };
}

async function openLoop(t: Extract<LoadTask, { kind: "open" }>): Promise<LoadResult> {
  const sockets = await Promise.all(Array.from({ length: t.clients }, () => connect(t.url)));
  const scheduled = new Map<number, number>();
  const latencies: number[] = [];
  let errors = 0;
  let measuringFrom = Infinity;
  for (const ws of sockets) {
    ws.on("message", (data) => {
      const msg = JSON.parse(data.toString()) as { id: number; error?: unknown };
      const at = scheduled.get(msg.id);
      if (at === undefined) return;
      scheduled.delete(msg.id);
      if (msg.error) errors++;
      if (at >= measuringFrom) latencies.push(performance.now() - at);
    });
  }
  const params = JSON.stringify(t.params);
  const start = performance.now();
  const end = start + t.warmupMs + t.durationMs;
  measuringFrom = start + t.warmupMs;
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      const due = Math.min(Math.floor(((Math.min(now, end) - start) * t.rate) / 1000), Math.floor(((end - start) * t.rate) / 1000));
      while (sent < due) {
        const id = sent + 1;
        scheduled.set(id, performance.now());
        sockets[sent % sockets.length]!.send(`{"jsonrpc":"2.0","id":${id},"method":"${t.method}","params":${params}}`);
        sent++;
      }
      if (now >= end) resolve();
      // A 1 ms timer rather than a spin: the load generator must not take the CPU the server needs.
      else setTimeout(tick, 1);
    };
    tick();
  });
  const drainUntil = performance.now() + 2000;
  while (scheduled.size > 0 && performance.now() < drainUntil) await sleep(10);
  const measured = latencies.length;
  await Promise.all(sockets.map(close));
  return { kind: "open", latenciesMs: latencies, achievedPerSecond: (measured * 1000) / t.durationMs, errors: errors + scheduled.size };
}

async function sequential(t: Extract<LoadTask, { kind: "sequential" }>): Promise<LoadResult> {
  const ws = await connect(t.url);
  const latencies: number[] = [];
  let bytes = 0;
  const params = JSON.stringify(t.params);
  for (let i = 1; i <= t.count; i++) {
    const start = performance.now();
    const answer = await new Promise<Buffer>((resolve) => {
      ws.once("message", (data) => resolve(data as Buffer));
      ws.send(`{"jsonrpc":"2.0","id":${i},"method":"${t.method}","params":${params}}`);
    });
    JSON.parse(answer.toString());
    latencies.push(performance.now() - start);
    bytes = answer.length;
  }
  await close(ws);
  return { kind: "sequential", latenciesMs: latencies, bytes };
}

function close(ws: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    if (ws.readyState === WebSocket.CLOSED) return resolve();
    ws.once("close", () => resolve());
    ws.close();
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

parentPort?.on("message", async (task: LoadTask) => {
  const run = task.kind === "closed" ? closedLoop : task.kind === "open" ? openLoop : sequential;
  parentPort!.postMessage(await run(task as never));
});
