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
import { addressId } from "../primitives/account.js";
import { utf8 } from "../primitives/bytes.js";
import { initCrypto } from "../primitives/crypto/wasm.js";
import { storage as timestampStorage } from "../runtime/pallets/timestamp/storage.js";
import { tfgridStorage } from "../runtime/pallets/tfgrid/index.js";
import { startNode } from "../test/e2e/node-process.js";
import { devSigner, openSocket, readStorage, sender, submitAndWait } from "./submission.js";

const NODES = Number(process.env.BENCH_REGISTRY_NODES ?? 1_000);
const GB = 1024n ** 3n;

export async function benchRegistry(): Promise<Record<string, number>> {
  await initCrypto();
  const sign = devSigner();

  const alice = sender("//Alice");
  const zos = Array.from({ length: NODES }, (_, i) => sender(`//Alice//zos//${i}`));
  const node = await startNode(["--dev", "--sealing", "instant", "--pool-limit", String(4 * NODES + 100)]);
  const figures: Record<string, number> = {};
  try {
    const ws = await openSocket(node);

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

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await benchRegistry());
}
