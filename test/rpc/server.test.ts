// The server as clients meet it on real sockets: JSON-RPC framing, batches, errors, limits, safety, CORS, stop.
import { strict as assert } from "node:assert";
import net from "node:net";
import { RpcServer, type RpcServerOptions } from "../../rpc/server.js";
import { DevChain } from "../helpers/dev-services.js";
import { call, post, WsClient } from "./client.js";

describe("rpc/server", function () {
  let dev: DevChain;
  let server: RpcServer;
  let http: string;
  let ws: string;

  async function startServer(opts: Partial<RpcServerOptions> = {}): Promise<{ server: RpcServer; http: string; ws: string }> {
    const s = new RpcServer({ port: 0, methods: "unsafe", ...opts }, { services: dev.services });
    const { port } = await s.start();
    return { server: s, http: `http://127.0.0.1:${port}`, ws: `ws://127.0.0.1:${port}` };
  }

  before(async () => {
    dev = await DevChain.create();
    ({ server, http, ws } = await startServer({ maxRequestBytes: 4096, maxSubscriptionsPerConnection: 3, maxBatchLength: 5 }));
  });
  after(async () => {
    await server?.stop();
    await dev?.close();
  });

  describe("framing", () => {
    it("serves HTTP POST and WebSocket on one port", async () => {
      const viaHttp = await post(http, call("system_chain"));
      assert.equal(viaHttp.status, 200);
      assert.match(viaHttp.headers.get("content-type")!, /application\/json/);
      assert.deepEqual(viaHttp.body, { jsonrpc: "2.0", result: "Development", id: 1 });
      const c = await WsClient.connect(ws);
      assert.equal(await c.result("system_chain"), "Development");
      await c.close();
    });

    it("answers a batch with an array of answers, leaving notifications out", async () => {
      const res = await post(http, [call("system_name", [], 1), { jsonrpc: "2.0", method: "system_chain" }, call("nope_nope", [], "x")]);
      assert.deepEqual(res.body, [
        { jsonrpc: "2.0", result: "tfchain-ts-test", id: 1 },
        { jsonrpc: "2.0", error: { code: -32601, message: "Method not found" }, id: "x" },
      ]);
      const c = await WsClient.connect(ws);
      c.sendRaw(JSON.stringify([call("system_name", [], 7), call("system_chainType", [], 8)]));
      const batch = await c.waitFor(Array.isArray);
      assert.deepEqual(batch.map((a: any) => a.id), [7, 8]);
      assert.equal(batch[1].result, "Development");
      await c.close();
    });

    it("sends nothing for a notification-only batch", async () => {
      const res = await post(http, [{ jsonrpc: "2.0", method: "system_chain" }]);
      assert.equal(res.status, 200);
      assert.equal(res.body, "");
    });

    it("answers malformed input with Substrate's codes and keeps the connection", async () => {
      const c = await WsClient.connect(ws);
      c.sendRaw("{not json");
      assert.deepEqual(await c.waitFor((m) => m.error?.code === -32700), { jsonrpc: "2.0", error: { code: -32700, message: "Parse error" }, id: null });
      c.sendRaw(JSON.stringify({ jsonrpc: "1.0", id: 5, method: "system_chain" }));
      assert.deepEqual(await c.waitFor((m) => m.id === 5), { jsonrpc: "2.0", error: { code: -32600, message: "Invalid request" }, id: 5 });
      c.sendRaw("[]");
      assert.equal((await c.waitFor((m) => m.error?.code === -32600 && m.id === null)).error.message, "Invalid request");
      c.sendRaw(JSON.stringify({ jsonrpc: "2.0", id: { x: 1 }, method: "system_chain" }));
      c.sendRaw(Buffer.from([0xff, 0xfe, 0x00, 0x80]));
      c.sendRaw("42");
      const params = await c.call("chain_getBlockHash", ["zz"]);
      assert.equal(params.error?.code, -32602);
      assert.equal(params.error?.message, "Invalid params");
      assert.equal(await c.result("system_chain"), "Development", "still served after garbage");
      await c.close();
    });

    it("answers an unknown method with -32601 Method not found", async () => {
      const res = await post(http, call("state_doesNotExist"));
      assert.deepEqual(res.body.error, { code: -32601, message: "Method not found" });
    });

    it("refuses subscriptions over HTTP", async () => {
      const res = await post(http, call("chain_subscribeNewHeads"));
      assert.equal(res.body.error.code, -32603);
    });

    it("serves GET /health and refuses other verbs", async () => {
      const health = await fetch(`${http}/health`);
      assert.deepEqual(await health.json(), { peers: 0, isSyncing: false, shouldHavePeers: false });
      assert.equal((await fetch(http, { method: "PUT" })).status, 405);
      assert.equal((await post(http, "x", { "content-type": "text/plain" })).status, 415);
    });
  });

  describe("limits", () => {
    it("refuses an oversized HTTP body with 413 and -32007", async () => {
      const res = await post(http, call("author_submitExtrinsic", ["0x" + "00".repeat(4096)]));
      assert.equal(res.status, 413);
      assert.deepEqual(res.body, { jsonrpc: "2.0", error: { code: -32007, message: "Request is too big", data: "Exceeded max limit of 4096" }, id: null });
    });

    it("refuses an oversized WebSocket message with -32007 and keeps the connection", async () => {
      const c = await WsClient.connect(ws);
      c.sendRaw(JSON.stringify(call("author_submitExtrinsic", ["0x" + "00".repeat(2100)])));
      assert.equal((await c.waitFor((m) => m.error)).error.code, -32007);
      assert.equal(await c.result("system_chain"), "Development");
      await c.close();
    });

    it("closes a WebSocket whose message is far above the limit", async () => {
      const c = await WsClient.connect(ws);
      const closed = new Promise<number>((r) => c.ws.once("close", (code) => r(code)));
      c.sendRaw("x".repeat(3 * 4096));
      assert.equal(await closed, 1009);
    });

    it("refuses a batch above the batch limit with -32010", async () => {
      const res = await post(http, Array.from({ length: 6 }, (_, i) => call("system_name", [], i)));
      assert.deepEqual(res.body, { jsonrpc: "2.0", error: { code: -32010, message: "The batch request was too large", data: "Exceeded max limit of 5" }, id: null });
    });

    it("refuses a subscription past the per-connection limit with -32006", async () => {
      const c = await WsClient.connect(ws);
      for (let i = 0; i < 3; i++) assert.equal(typeof (await c.result("chain_subscribeNewHeads")), "string");
      const over = await c.call("chain_subscribeNewHeads");
      assert.deepEqual(over.error, { code: -32006, message: "Too many subscriptions on the connection", data: "Exceeded max limit of 3" });
      const first = c.received.find((m) => typeof m.result === "string").result;
      assert.equal(await c.result("chain_unsubscribeNewHeads", [first]), true);
      assert.equal(typeof (await c.result("chain_subscribeNewHeads")), "string", "a slot is free again");
      await c.close();
    });

    it("refuses connections past the connection limit with 429", async () => {
      const small = await startServer({ maxConnections: 2 });
      try {
        const a = await WsClient.connect(small.ws);
        const b = await WsClient.connect(small.ws);
        await assert.rejects(WsClient.connect(small.ws), (e: any) => e.statusCode === 429);
        await a.close();
        await new Promise((r) => setTimeout(r, 50));
        const c = await WsClient.connect(small.ws);
        assert.equal(await c.result("system_chain"), "Development");
        await Promise.all([b.close(), c.close()]);
      } finally {
        await small.server.stop();
      }
    });
  });

  describe("subscriptions", () => {
    it("gives 16-character ids, answers the id before the first notification, and unsubscribes once", async () => {
      const c = await WsClient.connect(ws);
      const id = await c.result("chain_subscribeNewHeads");
      assert.match(id, /^[A-Za-z0-9]{16}$/);
      const first = await c.nthNotification(id, 0);
      assert.equal(first.method, "chain_newHead");
      const idIndex = c.received.findIndex((m) => m.result === id);
      const noteIndex = c.received.findIndex((m) => m.params?.subscription === id);
      assert.ok(idIndex < noteIndex, "the id arrives first");
      assert.equal(await c.result("chain_unsubscribeNewHeads", [id]), true);
      assert.equal(await c.result("chain_unsubscribeNewHeads", [id]), false);
      assert.equal(await c.result("state_unsubscribeStorage", ["nope"]), false);
      await c.close();
    });
  });

  describe("safety", () => {
    it("refuses unsafe methods in safe mode with Substrate's error, and serves them in unsafe mode", async () => {
      const safe = await startServer({ methods: "safe" });
      try {
        for (const method of ["author_rotateKeys", "author_insertKey", "state_getPairs", "system_peers", "state_queryStorage"]) {
          const res = await post(safe.http, call(method, []));
          assert.deepEqual(res.body.error, { code: -32601, message: "RPC call is unsafe to be called externally" }, method);
        }
        const c = await WsClient.connect(safe.ws);
        const all = await c.call("state_subscribeStorage", []);
        assert.equal(all.error?.message, "RPC call is unsafe to be called externally");
        await c.close();
        const safeList = (await post(safe.http, call("rpc_methods"))).body.result.methods;
        assert.ok(safeList.includes("author_rotateKeys"), "unsafe methods are listed, as Substrate lists them");
      } finally {
        await safe.server.stop();
      }
      const rotated = await post(http, call("author_rotateKeys"));
      assert.match(rotated.body.result, /^0x[0-9a-f]{128}$/);
    });

    it("listens on 127.0.0.1 unless external", async () => {
      assert.equal(server.address?.host, "127.0.0.1");
    });

    it("applies --rpc-cors to browser origins over HTTP and WebSocket", async () => {
      const s = await startServer({ cors: ["http://localhost:*", "https://polkadot.js.org"] });
      try {
        const ok = await post(s.http, call("system_chain"), { origin: "http://localhost:3000" });
        assert.equal(ok.status, 200);
        assert.equal(ok.headers.get("access-control-allow-origin"), "http://localhost:3000");
        assert.equal((await post(s.http, call("system_chain"), { origin: "https://evil.example" })).status, 403);
        const preflight = await fetch(s.http, { method: "OPTIONS", headers: { origin: "https://polkadot.js.org" } });
        assert.equal(preflight.status, 200);
        assert.equal(preflight.headers.get("access-control-allow-methods"), "POST");
        await assert.rejects(WsClient.connect(s.ws, { origin: "https://evil.example" }), (e: any) => e.statusCode === 403);
        const c = await WsClient.connect(s.ws, { origin: "https://polkadot.js.org" });
        await c.close();
      } finally {
        await s.server.stop();
      }
    });
  });

  describe("stop", () => {
    it("closes every socket and subscription, and frees the port", async () => {
      const s = await startServer();
      const c = await WsClient.connect(s.ws);
      await c.result("chain_subscribeNewHeads");
      await c.result("state_subscribeStorage", [["0x26aa394eea5630e07c48ae0c9558cef780d41e5e16056765bc8461851072c9d7"]]);
      const closed = new Promise<void>((r) => c.ws.once("close", () => r()));
      const port = s.server.address!.port;
      await s.server.stop();
      await closed;
      await dev.produceBlock();
      assert.ok(c.received.every((m) => m.params === undefined || m.params.result.number !== "0x" + dev.chain.best().number.toString(16)),
        "no notification after stop");
      await assert.rejects(new Promise((resolve, reject) => {
        const sock = net.connect(port, "127.0.0.1", () => resolve(sock));
        sock.once("error", reject);
      }));
      await s.server.stop();
    });

    it("reports a port in use with the flag that fixes it", async () => {
      const other = new RpcServer({ port: server.address!.port, methods: "safe" }, { services: dev.services });
      await assert.rejects(other.start(), /already in use: choose another one with --rpc-port/);
    });
  });
});
