/**
 * `npm run devnet -- --validators N`: a local network of N validators (1–6: Alice, Bob, …) as real node
 * processes. It writes a chain spec with those validators, starts each node with its own base path and
 * ports (node 1 is everyone's bootnode), waits until they peer and finalize, and prints each node's name,
 * peer id and RPC URL. Ctrl-C stops every node cleanly; a node that dies stops the devnet and shows the tail
 * of its log.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { generateKeyPairFromSeed } from "@libp2p/crypto/keys";
import { peerIdFromPrivateKey } from "@libp2p/peer-id";
import { DEV_NAMES } from "./cli/authoring.js";
import { CliError, intFlag, parseFlags, stringFlag, type FlagTable } from "./cli/flags.js";

const BIN = path.resolve(import.meta.dirname, "../bin/tfchain-ts.js");

export const DEVNET_FLAGS: FlagTable = {
  validators: { type: "string", value: "<N>", default: "3", help: "Number of validators, 1 to 6 (Alice, Bob, …)" },
  "base-path": { type: "string", value: "<PATH>", help: "Where the nodes keep their data (default: a new temporary directory, removed on exit)" },
  "rpc-port": { type: "string", value: "<PORT>", default: "9944", help: "RPC port of node 1; the others take the next free ones" },
  port: { type: "string", value: "<PORT>", default: "30333", help: "P2P port of node 1; the others take the next free ones" },
  sealing: { type: "string", value: "<aura>", help: "Passed to every node (default aura)" },
  help: { type: "boolean", help: "Print this help" },
};

interface DevnetNode {
  name: string;
  peerId: string;
  rpcPort: number;
  p2pPort: number;
  logPath: string;
  proc: ChildProcess;
  exited: Promise<number | null>;
}

async function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "0.0.0.0", () => server.close(() => resolve(true)));
  });
}

/** `from` if it is free, else the next free port above it. */
async function freePortFrom(from: number, taken: Set<number>): Promise<number> {
  for (let p = from; p < 65535; p++) {
    if (!taken.has(p) && (await isFree(p))) {
      taken.add(p);
      return p;
    }
  }
  throw new Error(`no free port from ${from}`);
}

async function rpc(port: number, method: string, params: unknown[] = []): Promise<any> {
  const res = await fetch(`http://127.0.0.1:${port}`, {
    method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    signal: AbortSignal.timeout(5_000),
  });
  return (await res.json()).result;
}

function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

export async function runDevnet(argv: string[]): Promise<number> {
  const { flags } = parseFlags(argv, [DEVNET_FLAGS]);
  if (flags.help) {
    console.log("Usage: npm run devnet -- [--validators N] [--base-path P] [--rpc-port R] [--port P]");
    return 0;
  }
  const count = intFlag(flags, "validators", 1, DEV_NAMES.length)!;
  const given = stringFlag(flags, "base-path");
  const basePath = given ?? fs.mkdtempSync(path.join(os.tmpdir(), "tfchain-devnet-"));
  fs.mkdirSync(basePath, { recursive: true });
  const names = DEV_NAMES.slice(0, count);

  const specPath = path.join(basePath, "devnet-spec.json");
  const spec = spawnSync(process.execPath, [BIN, "build-spec", "--chain", "local", "--validators", names.join(",")], { encoding: "utf8" });
  if (spec.status !== 0) throw new CliError(`build-spec failed: ${spec.stderr}`);
  fs.writeFileSync(specPath, spec.stdout);

  const taken = new Set<number>();
  const nodes: DevnetNode[] = [];
  let bootnode: string | undefined;
  let stopping = false;
  const stopAll = async () => {
    stopping = true;
    for (const n of nodes) if (n.proc.exitCode === null && n.proc.signalCode === null) n.proc.kill("SIGTERM");
    await Promise.all(nodes.map((n) => n.exited));
    if (!given) fs.rmSync(basePath, { recursive: true, force: true });
  };

  let failed: ((n: DevnetNode, code: number | null) => void) | undefined;
  const died = new Promise<{ node: DevnetNode; code: number | null }>((resolve) => (failed = (node, code) => resolve({ node, code })));

  for (const [i, name] of names.entries()) {
    const seed = crypto.randomBytes(32);
    const peerId = peerIdFromPrivateKey(await generateKeyPairFromSeed("Ed25519", seed)).toString();
    const rpcPort = await freePortFrom(intFlag(flags, "rpc-port", 1, 65535)! + i, taken);
    const p2pPort = await freePortFrom(intFlag(flags, "port", 1, 65535)! + i, taken);
    const logPath = path.join(basePath, `${name}.log`);
    const log = fs.openSync(logPath, "a");
    const args = [
      BIN, "--chain", specPath, "--base-path", path.join(basePath, name), `--${name}`, "--validator",
      "--name", name[0]!.toUpperCase() + name.slice(1), "--node-key", seed.toString("hex"),
      "--port", String(p2pPort), "--rpc-port", String(rpcPort), "--rpc-cors", "all", "--no-mdns",
      ...(bootnode ? ["--bootnodes", bootnode] : []),
      ...(stringFlag(flags, "sealing") ? ["--sealing", stringFlag(flags, "sealing")!] : []),
    ];
    const proc = spawn(process.execPath, args, { stdio: ["ignore", log, log] });
    const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
    const node: DevnetNode = { name, peerId, rpcPort, p2pPort, logPath, proc, exited };
    void exited.then((code) => {
      if (!stopping) failed!(node, code);
    });
    nodes.push(node);
    bootnode ??= `/ip4/127.0.0.1/tcp/${p2pPort}/p2p/${peerId}`;
  }

  const signals = new Promise<string>((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"));
    process.once("SIGTERM", () => resolve("SIGTERM"));
  });
  console.log(`Starting ${count} validator(s) in ${basePath} …`);

  const ready = (async () => {
    for (;;) {
      try {
        const states = await Promise.all(nodes.map(async (n) => ({
          peers: (await rpc(n.rpcPort, "system_health"))?.peers ?? 0,
          finalized: parseInt((await rpc(n.rpcPort, "chain_getHeader", [await rpc(n.rpcPort, "chain_getFinalizedHead")]))?.number ?? "0x0", 16),
        })));
        if (states.every((s) => s.peers >= count - 1 && s.finalized > 0)) return;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  })();

  const first = await Promise.race([ready.then(() => "ready" as const), died, signals]);
  if (first === "ready") {
    console.log(`\nDevnet up: ${count} validator(s) peered and finalizing (spec ${specPath})\n`);
    for (const n of nodes) {
      console.log(`  ${n.name.padEnd(8)} peer ${n.peerId}  rpc ws://127.0.0.1:${n.rpcPort}  p2p ${n.p2pPort}  log ${n.logPath}`);
    }
    console.log("\nCtrl-C stops every node.");
  }
  const end = first === "ready" ? await Promise.race([died, signals]) : first;
  if (typeof end === "string") {
    console.log(`\n${end}: stopping the devnet …`);
    await stopAll();
    console.log("Devnet stopped.");
    return 0;
  }
  console.error(`\nNode ${end.node.name} exited (${end.code}); the tail of its log:\n${tail(end.node.logPath)}\n`);
  await stopAll();
  return 1;
}
