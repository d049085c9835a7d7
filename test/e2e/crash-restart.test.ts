// kill -9 while blocks are being produced, restart on the same base path: a consistent chain.
import { strict as assert } from "node:assert";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ApiPromise, Keyring, WsProvider } from "@polkadot/api";
import { startNode } from "./node-process.js";

describe("e2e: crash and restart", function () {
  this.timeout(180_000);

  it("restarts after SIGKILL during block production with best block, nonces and issuance consistent", async () => {
    const basePath = fs.mkdtempSync(path.join(os.tmpdir(), "tfchain-crash-"));
    const alice = new Keyring({ type: "sr25519" }).addFromUri("//Alice");
    for (let round = 0; round < 2; round++) {
      const node = await startNode(["--dev", "--sealing", "instant"], { basePath });
      const api: any = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
      const start = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
      for (let i = 0; i < 15; i++) {
        api.tx.balances.transferKeepAlive("5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty", 1_000_000n).signAndSend(alice, { nonce: start + i }).catch(() => {});
      }
      await new Promise((r) => setTimeout(r, 300 + round * 400));
      await api.disconnect().catch(() => {});
      await node.kill();
    }

    const node = await startNode(["--dev", "--sealing", "manual"], { basePath });
    const api: any = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
    try {
      const best = (await api.rpc.chain.getHeader()).number.toNumber();
      let signed = 0;
      for (let n = 1; n <= best; n++) {
        const block = await api.rpc.chain.getBlock(await api.rpc.chain.getBlockHash(n));
        signed += block.block.extrinsics.filter((x: any) => x.isSigned).length;
      }
      const acc = await api.query.system.account(alice.address);
      assert.equal(acc.nonce.toNumber(), signed, "Alice's nonce counts her extrinsics in the stored chain");
      let sum = 0n;
      for (const [, info] of await api.query.system.account.entries()) sum += info.data.free.toBigInt() + info.data.reserved.toBigInt();
      assert.equal((await api.query.balances.totalIssuance()).toBigInt(), sum, "issuance equals the sum of balances");
      // The restarted node still authors on top of what survived.
      const created = await fetch(node.httpUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "engine_createBlock", params: [true, true] }) }).then((r) => r.json());
      assert.ok(created.result, JSON.stringify(created.error));
      assert.equal((await api.rpc.chain.getHeader()).number.toNumber(), best + 1);
    } finally {
      await api.disconnect();
      await node.stop();
    }
  });
});
