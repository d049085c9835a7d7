// export-blocks then import-blocks into a fresh base path reproduces the chain, block for block (contract
// billing in finalization included).
import { strict as assert } from "node:assert";
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Keyring } from "@polkadot/keyring";
import { ApiPromise, WsProvider } from "@polkadot/api";
import { rpc, startNode, waitFor } from "./node-process.js";

const run = promisify(execFile);
const cli = (...args: string[]) => run(process.execPath, [path.resolve("bin/tfchain-ts.js"), ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

describe("e2e: export-blocks and import-blocks", function () {
  this.timeout(180_000);

  for (const binary of [false, true]) {
    it(`re-imports an exported chain (${binary ? "binary" : "JSON"}) to the same best block and state root`, async () => {
      const source = fs.mkdtempSync(path.join(os.tmpdir(), "tfchain-export-"));
      const node = await startNode(["--dev", "--sealing", "instant"], { basePath: source });
      const api: any = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
      const alice = new Keyring({ type: "sr25519" }).addFromUri("//Alice");
      for (let i = 0; i < 3; i++) {
        await api.tx.balances.transferKeepAlive("5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty", 1_000_000n).signAndSend(alice, { nonce: i });
      }
      await waitFor("three blocks", async () => ((await rpc(node, "chain_getHeader", [])).result.number >= "0x3" ? true : undefined));
      const best = (await rpc(node, "chain_getHeader", [])).result;
      await api.disconnect();
      assert.equal(await node.stop(), 0);

      const file = path.join(source, binary ? "blocks.bin" : "blocks.json");
      await cli("export-blocks", "--dev", "--base-path", source, ...(binary ? ["--binary"] : []), file);
      const target = fs.mkdtempSync(path.join(os.tmpdir(), "tfchain-import-"));
      const { stdout } = await cli("import-blocks", "--dev", "--base-path", target, ...(binary ? ["--binary"] : []), file);
      assert.match(stdout, new RegExp(`Best: #${Number(best.number)}`));

      const copy = await startNode(["--dev", "--sealing", "manual"], { basePath: target });
      const header = (await rpc(copy, "chain_getHeader", [])).result;
      assert.equal(header.stateRoot, best.stateRoot);
      assert.equal(header.number, best.number);
      await copy.stop();
    });
  }

  it("re-imports blocks whose finalization billed contracts, to the same state root", async () => {
    const source = fs.mkdtempSync(path.join(os.tmpdir(), "tfchain-export-"));
    const node = await startNode(["--dev", "--sealing", "instant"], { basePath: source });
    const api: any = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
    const alice = new Keyring({ type: "sr25519" }).addFromUri("//Alice");
    const calls = [
      api.tx.tfgridModule.userAcceptTc("https://threefold.io/tc", "h"),
      api.tx.tfgridModule.createTwin("relay.grid.tf", null),
      api.tx.smartContractModule.createNameContract("billed-name"),
    ];
    for (const [i, call] of calls.entries()) await call.signAndSend(alice, { nonce: i });
    await waitFor("the contract", async () => ((await api.query.smartContractModule.contractID()).toNumber() === 1 ? true : undefined));
    // Two billing cycles (BillingFrequency 10 on dev) of empty blocks: the bills happen in finalization only.
    for (let i = 0; i < 20; i++) await rpc(node, "engine_createBlock", [true, false]);
    const billedAt = [];
    for (let n = 1; n <= (await api.rpc.chain.getHeader()).number.toNumber(); n++) {
      const events = await (await api.at(await api.rpc.chain.getBlockHash(n))).query.system.events();
      if (events.some(({ event }: any) => event.method === "ContractBilled")) billedAt.push(n);
    }
    assert.ok(billedAt.length >= 2, `billed in blocks ${billedAt}`);
    const best = (await rpc(node, "chain_getHeader", [])).result;
    await api.disconnect();
    assert.equal(await node.stop(), 0);

    const file = path.join(source, "blocks.bin");
    await cli("export-blocks", "--dev", "--base-path", source, "--binary", file);
    const target = fs.mkdtempSync(path.join(os.tmpdir(), "tfchain-import-"));
    await cli("import-blocks", "--dev", "--base-path", target, "--binary", file);
    const copy = await startNode(["--dev", "--sealing", "manual"], { basePath: target });
    const header = (await rpc(copy, "chain_getHeader", [])).result;
    assert.equal(header.number, best.number);
    assert.equal(header.stateRoot, best.stateRoot, "every re-executed finalization billed the same");
    await copy.stop();
  });

  it("refuses a corrupted file with a clear error and imports nothing", async () => {
    const target = fs.mkdtempSync(path.join(os.tmpdir(), "tfchain-import-"));
    const file = path.join(target, "bad.bin");
    fs.writeFileSync(file, Uint8Array.from([1, 0, 0, 0, 0, 0, 0, 0, 9, 9, 9]));
    await assert.rejects(cli("import-blocks", "--dev", "--base-path", target, "--binary", file), (e: any) => e.code === 2 && /does not decode/.test(e.stderr));
  });
});
