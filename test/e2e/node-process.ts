// Real node processes for end-to-end tests: free ports, temporary base paths, killed at the end.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const BIN = path.resolve("bin/tfchain-ts.js");
const running = new Set<NodeProcess>();

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface NodeProcess {
  proc: ChildProcess;
  port: number;
  wsUrl: string;
  httpUrl: string;
  basePath: string;
  output(): string;
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: no clean shutdown. */
  kill(): Promise<void>;
}

/** Starts `tfchain-ts` with `args` (plus --rpc-port, --base-path) and waits until its RPC answers. */
export async function startNode(args: string[], opts: { basePath?: string; timeoutMs?: number } = {}): Promise<NodeProcess> {
  const port = await freePort();
  const basePath = opts.basePath ?? fs.mkdtempSync(path.join(os.tmpdir(), "tfchain-e2e-"));
  const proc = spawn(process.execPath, [BIN, ...args, "--rpc-port", String(port), "--base-path", basePath], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  proc.stdout!.on("data", (d) => (output += d));
  proc.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  const node: NodeProcess = {
    proc,
    port,
    wsUrl: `ws://127.0.0.1:${port}`,
    httpUrl: `http://127.0.0.1:${port}`,
    basePath,
    output: () => output,
    async stop() {
      running.delete(node);
      if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGTERM");
      return exited;
    },
    async kill() {
      running.delete(node);
      if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGKILL");
      await exited;
    },
  };
  running.add(node);
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`node exited with ${proc.exitCode} before its RPC answered:\n${output}`);
    try {
      const res = await rpc(node, "system_health", []);
      if (res.result) return node;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await node.kill();
      throw new Error(`node RPC did not answer within ${opts.timeoutMs ?? 60_000} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** One JSON-RPC call over HTTP POST. */
export async function rpc(node: Pick<NodeProcess, "httpUrl">, method: string, params: unknown[]): Promise<any> {
  const res = await fetch(node.httpUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  return res.json();
}

/** Kills every node a test left running (mocha root hook). */
export async function killAll(): Promise<void> {
  await Promise.all([...running].map((n) => n.kill()));
}

export async function waitFor<T>(what: string, f: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await f();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
