/**
 * Deployers creating contracts: how many `create_node_contract` (each with a public IP) and
 * `create_name_contract` extrinsics per second a dev node with instant sealing accepts and includes, as a
 * ratio to balance transfers timed the same way on the same node.
 *
 * Setup (untimed but for the transfers): 1,000 funded deployers with terms and a twin; farmers, each with a
 * farm of public IPs and one node. Then 1,000 node contracts (one IP each, spread over the nodes), then 1,000
 * name contracts. Every timed extrinsic must succeed.
 *
 * Standalone: `node --import tsx bench/contracts.ts`.
 */
import { addressId } from "../primitives/account.js";
import { utf8 } from "../primitives/bytes.js";
import { initCrypto } from "../primitives/crypto/wasm.js";
import { smartContractStorage } from "../runtime/pallets/smart-contract/index.js";
import { startNode } from "../test/e2e/node-process.js";
import { devSigner, openSocket, readStorage, sender, submitAndWait } from "./submission.js";

const DEPLOYERS = 1_000;
const GB = 1024n ** 3n;

/**
 * Reserving an IP rewrites the farm record with its whole IP list, so the rate depends on the farms' size:
 * measured with 16 farms of 64 IPs and with 4 farms of 250 (a farm holds at most 256).
 */
export async function benchContracts(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  for (const [farms, ips] of [[16, 64], [4, 250]] as const) {
    const run = await benchContractsWith(farms, ips);
    for (const [k, v] of Object.entries(run)) figures[`${k}, ${farms} farms × ${ips} IPs`] = v;
  }
  return figures;
}

async function benchContractsWith(FARMS: number, IPS_PER_FARM: number): Promise<Record<string, number>> {
  await initCrypto();
  const sign = devSigner();
  const alice = sender("//Alice");
  const farmers = Array.from({ length: FARMS }, (_, i) => sender(`//Alice//farmer//${i}`));
  const deployers = Array.from({ length: DEPLOYERS }, (_, i) => sender(`//Alice//deployer//${i}`));
  const node = await startNode(["--dev", "--sealing", "instant", "--pool-limit", String(3 * DEPLOYERS + 100)]);
  const figures: Record<string, number> = {};
  if (FARMS * IPS_PER_FARM < DEPLOYERS) throw new Error("bench: fewer farm IPs than node contracts");
  try {
    const ws = await openSocket(node);
    const terms = { document_link: utf8("https://threefold.io/tc"), document_hash: utf8("h") };
    const twin = { relay: utf8("relay.grid.tf"), pk: undefined };

    const transfers = await submitAndWait(ws, node, [...farmers, ...deployers].map((s) =>
      sign(alice, "Balances", "transfer_keep_alive", { dest: addressId(s.key.accountId), value: 10n ** 13n })));
    await submitAndWait(ws, node, [...farmers, ...deployers].flatMap((s) => [
      sign(s, "TfgridModule", "user_accept_tc", terms),
      sign(s, "TfgridModule", "create_twin", twin),
    ]));
    const resources = { hru: 4096n * GB, sru: 1024n * GB, cru: 32n, mru: 128n * GB };
    const location = { city: utf8("Ghent"), country: utf8("Belgium"), latitude: utf8("51.05"), longitude: utf8("3.71") };
    await submitAndWait(ws, node, farmers.flatMap((f, i) => [
      sign(f, "TfgridModule", "create_farm", {
        name: utf8(`bench_farm_${i}`),
        public_ips: Array.from({ length: IPS_PER_FARM }, (_, k) => ({ ip: utf8(`185.${10 + i}.${k >> 8}.${(k & 0xff) + 2}/16`), gw: utf8(`185.${10 + i}.0.1`) })),
      }),
      sign(f, "TfgridModule", "create_node", {
        farm_id: i + 1, resources, location, interfaces: [], secure_boot: false, virtualized: false, serial_number: undefined,
      }),
    ]));

    const nodeContracts = await submitAndWait(ws, node, deployers.map((d, i) => {
      const hash = new Uint8Array(32);
      new DataView(hash.buffer).setUint32(0, i + 1);
      return sign(d, "SmartContractModule", "create_node_contract", {
        node_id: (i % FARMS) + 1, deployment_hash: hash, deployment_data: utf8("bench deployment"), public_ips: 1, solution_provider_id: undefined,
      });
    }));
    const nameContracts = await submitAndWait(ws, node, deployers.map((d, i) =>
      sign(d, "SmartContractModule", "create_name_contract", { name: utf8(`bench-name-${i}`) })));
    const created = await readStorage(node, smartContractStorage.ContractID.key(), (raw) => smartContractStorage.ContractID.value.dec(raw));
    if (created !== BigInt(2 * DEPLOYERS)) throw new Error(`bench: ${created} contracts created, want ${2 * DEPLOYERS}`);

    figures["baseline: transfers submitted→included (/s)"] = transfers.perSecond;
    figures["create_node_contract with an IP (/s)"] = nodeContracts.perSecond;
    figures["create_name_contract (/s)"] = nameContracts.perSecond;
    figures["node contracts / transfers"] = nodeContracts.perSecond / transfers.perSecond;
    figures["name contracts / transfers"] = nameContracts.perSecond / transfers.perSecond;
    figures["failed extrinsics (must be 0)"] = nodeContracts.failed + nameContracts.failed;
    ws.close();
  } finally {
    await node.stop();
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await benchContracts());
}
