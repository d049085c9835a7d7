/**
 * 3Nodes registering capacity: how many `create_node` and `report_uptime_v2` extrinsics per second a dev
 * node with instant sealing accepts and includes, from submission over one WebSocket to inclusion.
 *
 * Setup (untimed): 1,000 funded accounts, each with accepted terms and a twin, and Alice's farm. Then 1,000
 * node registrations (one per twin), then 2,000 uptime reports (two per node). Every timed extrinsic must
 * succeed: the bench reads each new block's events and counts failures. The funding transfers, timed the same
 * way, give a baseline from the same node.
 *
 * Standalone: `node --import tsx bench/registry.ts`.
 */
import WebSocket from "ws";
import { addressId } from "../primitives/account.js";
import { utf8 } from "../primitives/bytes.js";
import { keyFromUri, type KeyPair } from "../primitives/crypto/keyring.js";
import { initCrypto } from "../primitives/crypto/wasm.js";
import { Era } from "../primitives/era.js";
import { signExtrinsic } from "../primitives/extrinsic.js";
import { devSpec } from "../genesis/chain-spec.js";
import { genesisBlock } from "../genesis/genesis-state.js";
import { runtime } from "../runtime/index.js";
import { storage as systemStorage } from "../runtime/pallets/system/storage.js";
import { storage as timestampStorage } from "../runtime/pallets/timestamp/storage.js";
import { tfgridStorage } from "../runtime/pallets/tfgrid/index.js";
import { rpc, startNode, type NodeProcess } from "../test/e2e/node-process.js";

const NODES = Number(process.env.BENCH_REGISTRY_NODES ?? 1_000);
const GB = 1024n ** 3n;
const hex = (b: Uint8Array) => `0x${Buffer.from(b).toString("hex")}`;

interface Sender {
  key: KeyPair;
  nonce: number;
}

export async function benchRegistry(): Promise<Record<string, number>> {
  await initCrypto();
  const genesis = genesisBlock(runtime, devSpec()).hash;
  const additional = { specVersion: 152, txVersion: 2, genesisHash: genesis, birthHash: genesis };
  const sign = (from: Sender, pallet: string, name: string, args: Record<string, unknown>) => {
    const call = runtime.callSchema.enc({ tag: pallet, value: { tag: name, value: args } });
    return hex(signExtrinsic(call, from.key, { era: Era.immortal, nonce: from.nonce++, tip: 0n }, additional).encoded);
  };

  const alice: Sender = { key: keyFromUri("//Alice"), nonce: 0 };
  const zos: Sender[] = Array.from({ length: NODES }, (_, i) => ({ key: keyFromUri(`//Alice//zos//${i}`), nonce: 0 }));
  const node = await startNode(["--dev", "--sealing", "instant", "--pool-limit", String(4 * NODES + 100)]);
  const figures: Record<string, number> = {};
  try {
    const ws = new WebSocket(node.wsUrl);
    await new Promise((r) => ws.once("open", r));

    // Setup: fund every 3Node account, register Alice's farm, then each 3Node's terms and twin. The funding
    // transfers double as the baseline: the same path for Balances' simplest call.
    const funding = await submitAndWait(ws, node, [
      ...zos.map((z) => sign(alice, "Balances", "transfer_keep_alive", { dest: addressId(z.key.accountId), value: 10n ** 12n })),
      sign(alice, "TfgridModule", "user_accept_tc", { document_link: utf8("https://threefold.io/tc"), document_hash: utf8("h") }),
      sign(alice, "TfgridModule", "create_twin", { relay: utf8("relay.grid.tf"), pk: undefined }),
      sign(alice, "TfgridModule", "create_farm", { name: utf8("bench_farm"), public_ips: [] }),
    ]);
    await submitAndWait(ws, node, zos.flatMap((z) => [
      sign(z, "TfgridModule", "user_accept_tc", { document_link: utf8("https://threefold.io/tc"), document_hash: utf8("h") }),
      sign(z, "TfgridModule", "create_twin", { relay: utf8("relay.grid.tf"), pk: undefined }),
    ]));

    const resources = { hru: 4096n * GB, sru: 1024n * GB, cru: 32n, mru: 128n * GB };
    const location = { city: utf8("Ghent"), country: utf8("Belgium"), latitude: utf8("51.05"), longitude: utf8("3.71") };
    const interfaces = [{ name: utf8("zos"), mac: utf8("00:0a:95:9d:68:16"), ips: [utf8("185.206.122.40")] }];
    const registrations = zos.map((z, i) => sign(z, "TfgridModule", "create_node", {
      farm_id: 1, resources, location, interfaces, secure_boot: true, virtualized: false, serial_number: utf8(`SN-${i}`),
    }));
    const nodes = await submitAndWait(ws, node, registrations);
    const registered = await readStorage(node, tfgridStorage.NodeID.key(), (raw) => tfgridStorage.NodeID.value.dec(raw));
    if (registered !== NODES) throw new Error(`bench: ${registered} nodes registered, want ${NODES}`);
    figures["baseline: transfers submitted→included (/s)"] = funding.perSecond;
    figures["create_node submitted→included (/s)"] = nodes.perSecond;
    figures["create_node blocks"] = nodes.blocks;

    // Hints follow the chain's clock (instant sealing moves it a slot per block): now + 30 s stays within the
    // ±60 s window for the next 15 blocks.
    const chainNow = await readStorage(node, timestampStorage.Now.key(), (raw) => timestampStorage.Now.value.dec(raw));
    const hint = chainNow / 1000n + 30n;
    const reports = zos.flatMap((z) => [1n, 2n].map((k) => sign(z, "TfgridModule", "report_uptime_v2", { uptime: 3600n * k, timestamp_hint: hint })));
    const uptime = await submitAndWait(ws, node, reports);
    figures["report_uptime_v2 submitted→included (/s)"] = uptime.perSecond;
    figures["report_uptime_v2 blocks"] = uptime.blocks;
    figures["failed extrinsics (must be 0)"] = nodes.failed + uptime.failed;
    ws.close();
  } finally {
    await node.stop();
  }
  return figures;
}

/**
 * Submits every extrinsic at once, waits for all answers and for the pool to drain into blocks; counts
 * failed extrinsics in the new blocks' events.
 */
async function submitAndWait(ws: WebSocket, node: NodeProcess, xts: string[]): Promise<{ perSecond: number; blocks: number; failed: number }> {
  const startBlock = (await rpc(node, "chain_getHeader", [])).result.number;
  const t = performance.now();
  let answered = 0;
  const refusals: string[] = [];
  const done = new Promise<void>((resolve) => {
    const onMessage = (m: WebSocket.RawData) => {
      const reply = JSON.parse(String(m));
      if (reply.error) refusals.push(reply.error.message);
      if (++answered === xts.length) {
        ws.off("message", onMessage);
        resolve();
      }
    };
    ws.on("message", onMessage);
  });
  xts.forEach((x, id) => ws.send(JSON.stringify({ jsonrpc: "2.0", id, method: "author_submitExtrinsic", params: [x] })));
  await done;
  if (refusals.length) throw new Error(`bench: ${refusals.length} submissions refused, e.g. ${refusals[0]}`);
  for (;;) {
    const pending = await rpc(node, "author_pendingExtrinsics", []);
    if (pending.result.length === 0) break;
    if (performance.now() - t > 300_000) throw new Error("bench: extrinsics not included within 300 s");
    await new Promise((r) => setTimeout(r, 10));
  }
  const ms = performance.now() - t;
  const endBlock = Number((await rpc(node, "chain_getHeader", [])).result.number);
  let failed = 0;
  for (let n = Number(startBlock) + 1; n <= endBlock; n++) failed += await failuresIn(node, n);
  return { perSecond: (xts.length / ms) * 1000, blocks: endBlock - Number(startBlock), failed };
}

async function failuresIn(node: NodeProcess, number: number): Promise<number> {
  const hash = (await rpc(node, "chain_getBlockHash", [number])).result;
  const raw = (await rpc(node, "state_getStorage", [hex(systemStorage.Events.key()), hash])).result;
  const events = systemStorage.Events.value.dec(Buffer.from(raw.slice(2), "hex")) as { event: { value: { tag: string } } }[];
  return events.filter((e) => e.event.value.tag === "ExtrinsicFailed").length;
}

async function readStorage<T>(node: NodeProcess, key: Uint8Array, decode: (raw: Uint8Array) => T): Promise<T> {
  const raw = (await rpc(node, "state_getStorage", [hex(key)])).result;
  return decode(Buffer.from(raw.slice(2), "hex"));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await benchRegistry());
}
