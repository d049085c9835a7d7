// A dev node with `--tft-price-url` pointing at a local Horizon stand-in (manual sealing): after block 10 Alice
// reports the served price, the next block stores it; a garbage answer costs a log line and nothing else.
// Read back through @polkadot/api, which knows TFTPriceModule only from the node's metadata.
import { strict as assert } from "node:assert";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApiPromise, WsProvider } from "@polkadot/api";
import { HORIZON_PRICE_PATH } from "../../runtime/pallets/tft-price/stellar-price.js";
import { rpc, startNode, waitFor, type NodeProcess } from "./node-process.js";

/** 3.3 USDC for 100 TFT: 33 mUSD per TFT. */
const HORIZON_ANSWER = JSON.stringify({ _embedded: { records: [{ source_amount: "3.3000000" }, { source_amount: "3.5000000" }] } });

describe("e2e: TFT price feed from a Horizon stand-in", function () {
  this.timeout(180_000);
  let node: NodeProcess;
  let api: ApiPromise;
  let server: http.Server;
  let mode: "garbage" | "price" = "garbage";
  const requests: string[] = [];

  before(async () => {
    server = http.createServer((req, res) => {
      requests.push(req.url ?? "");
      if (mode === "price") res.writeHead(200, { "content-type": "application/json" }).end(HORIZON_ANSWER);
      else res.writeHead(200).end("{ not json");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    node = await startNode(["--dev", "--sealing", "manual", "--tft-price-url", url]);
    api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true, throwOnConnect: true });
  });
  after(async () => {
    await api?.disconnect();
    await node?.stop();
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
  });

  const createBlock = async (empty = true) => {
    const created = await rpc(node, "engine_createBlock", [empty, false]);
    assert.ok(created.result, `block created: ${JSON.stringify(created.error)}`);
    return created.result.hash as string;
  };
  const pending = async () => (await rpc(node, "author_pendingExtrinsics", [])).result as string[];

  it("announces the feed at start", () => {
    assert.match(node.output(), /Reporting the TFT price/);
  });

  it("submits nothing for a garbage answer and keeps running", async () => {
    for (let i = 0; i < 10; i++) await createBlock();
    await waitFor("the request at block 10", () => requests.length >= 1 || undefined);
    await waitFor("the error log line", () => /TFT price not reported.*code=NO_PRICE/.test(node.output()) || undefined);
    assert.equal(requests[0], HORIZON_PRICE_PATH);
    assert.deepEqual(await pending(), []);
    assert.ok((await rpc(node, "system_health", [])).result, "the node still answers");
    assert.equal(node.proc.exitCode, null);
  });

  it("reports the served price, and the next block stores it with a PriceStored event", async () => {
    mode = "price";
    await createBlock();
    await waitFor("the report in the pool", async () => ((await pending()).length === 1 ? true : undefined));
    const hash = await createBlock(false);
    // The decorated queries exist only at run time, from the node's metadata.
    const at: any = await api.at(hash);
    assert.equal((await at.query.tftPriceModule.tftPrice()).toString(), "33");
    assert.equal((await at.query.tftPriceModule.lastBlockSet()).toString(), "11", "block_number of the report: block 11");
    const events = (await at.query.system.events()) as { event: { section: string; method: string; data: { toString(): string }[] } }[];
    const stored = events.find((r) => r.event.section === "tftPriceModule" && r.event.method === "PriceStored");
    assert.ok(stored, events.map((r) => `${r.event.section}.${r.event.method}`).join());
    assert.equal(stored.event.data[0]!.toString(), "33");
    assert.ok(!events.some((r) => r.event.method === "ExtrinsicFailed"));
    assert.deepEqual(await pending(), []);
  });
});
