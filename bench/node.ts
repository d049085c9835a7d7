/**
 * The node as a process: start to first block, transfers per second from submission to inclusion with
 * instant sealing, and memory after 10,000 blocks. Real processes on loopback, bounded in time.
 *
 * Standalone: `node --import tsx bench/node.ts`.
 */
import fs from "node:fs";
import { addressId } from "../primitives/account.js";
import { keyFromUri } from "../primitives/crypto/keyring.js";
import { initCrypto } from "../primitives/crypto/wasm.js";
import { Era } from "../primitives/era.js";
import { signExtrinsic } from "../primitives/extrinsic.js";
import { devSpec } from "../genesis/chain-spec.js";
import { genesisBlock } from "../genesis/genesis-state.js";
import { runtime } from "../runtime/index.js";
import { rpc, startNode } from "../test/e2e/node-process.js";
import WebSocket from "ws";

const TRANSFERS = 5_000;
const BLOCKS = Number(process.env.BENCH_NODE_BLOCKS ?? 10_000);

export async function benchNode(): Promise<Record<string, number>> {
  await initCrypto();
  const figures: Record<string, number> = {};

  // Start to first block: spawn, wait for RPC, ask for a block.
  const t0 = performance.now();
  const manual = await startNode(["--dev", "--sealing", "manual"]);
  await rpc(manual, "engine_createBlock", [true, true]);
  figures["process start to first block (ms)"] = performance.now() - t0;

  // Memory after many blocks (empty blocks, finalized as they come, default pruning).
  const started = performance.now();
  for (let i = 1; i < BLOCKS; i++) await rpc(manual, "engine_createBlock", [true, true]);
  figures[`${BLOCKS} empty blocks (s)`] = (performance.now() - started) / 1000;
  figures[`RSS after ${BLOCKS} blocks (MiB)`] = rssMiB(manual.proc.pid!);
  await manual.stop();

  // Submission to inclusion with instant sealing: 5,000 signed transfers over one WebSocket.
  const genesis = genesisBlock(runtime, devSpec()).hash;
  const alice = keyFromUri("//Alice");
  const additional = { specVersion: 152, txVersion: 2, genesisHash: genesis, birthHash: genesis };
  const xts = Array.from({ length: TRANSFERS }, (_, i) => {
    const dest = new Uint8Array(32);
    new DataView(dest.buffer).setUint32(0, (i % 1000) + 1);
    const call = runtime.callSchema.enc({ tag: "Balances", value: { tag: "transfer_keep_alive", value: { dest: addressId(dest), value: 1_000_000n } } });
    return `0x${Buffer.from(signExtrinsic(call, alice, { era: Era.immortal, nonce: i, tip: 0n }, additional).encoded).toString("hex")}`;
  });
  const instant = await startNode(["--dev", "--sealing", "instant"]);
  try {
    const ws = new WebSocket(instant.wsUrl);
    await new Promise((r) => ws.once("open", r));
    const t = performance.now();
    let answered = 0;
    let refused = 0;
    const done = new Promise<void>((resolve) =>
      ws.on("message", (m) => {
        if (JSON.parse(String(m)).error) refused++;
        if (++answered === TRANSFERS) resolve();
      }),
    );
    xts.forEach((x, id) => ws.send(JSON.stringify({ jsonrpc: "2.0", id, method: "author_submitExtrinsic", params: [x] })));
    await done;
    for (;;) {
      const next = await rpc(instant, "system_accountNextIndex", ["5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"]);
      const pending = await rpc(instant, "author_pendingExtrinsics", []);
      if (next.result >= TRANSFERS && pending.result.length === 0) break;
      if (performance.now() - t > 120_000) throw new Error("bench: transfers not included within 120 s");
      await new Promise((r) => setTimeout(r, 20));
    }
    const ms = performance.now() - t;
    figures["transfers submitted→included, instant sealing (/s)"] = (TRANSFERS / ms) * 1000;
    figures["refused submissions"] = refused;
    ws.close();
  } finally {
    await instant.stop();
  }
  return figures;
}

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await benchNode());
}
