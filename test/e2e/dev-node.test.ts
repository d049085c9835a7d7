// The dev node as users meet it: a real process, real sockets, @polkadot/api as the client.
import { strict as assert } from "node:assert";
import { ApiPromise, HttpProvider, Keyring, WsProvider } from "@polkadot/api";
import { rpc, startNode, waitFor, type NodeProcess } from "./node-process.js";

const keyring = new Keyring({ type: "sr25519", ss58Format: 42 });
const alice = keyring.addFromUri("//Alice");
const bob = keyring.addFromUri("//Bob");
const charlie = keyring.addFromUri("//Charlie");

async function connect(node: NodeProcess): Promise<ApiPromise> {
  return ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true, throwOnConnect: true });
}

/** Signs and sends; resolves with the block hash and events once in a block, and again when finalized. */
function send(tx: any, signer: any, opts: any = {}): Promise<{ inBlock: string; finalized: Promise<string>; events: any[]; fee?: bigint }> {
  return new Promise((resolve, reject) => {
    let resolveFinal!: (h: string) => void;
    const finalized = new Promise<string>((r) => (resolveFinal = r));
    let inBlock: string | undefined;
    tx.signAndSend(signer, opts, (r: any) => {
      if (r.status.isInBlock && !inBlock) {
        inBlock = r.status.asInBlock.toHex();
        resolve({ inBlock: inBlock!, finalized, events: r.events });
      }
      if (r.status.isFinalized) resolveFinal(r.status.asFinalized.toHex());
      if (r.isError && !inBlock) reject(new Error(`transaction failed: ${r.status.type}`));
    }).catch(reject);
  });
}

describe("e2e: dev node (instant sealing)", function () {
  this.timeout(120_000);
  let node: NodeProcess;
  // The api's augmented types are generic; our chain's shape comes from its metadata at run time.
  let api: any;

  before(async () => {
    node = await startNode(["--dev", "--sealing", "instant"]);
    api = await connect(node);
  });
  after(async () => {
    await api?.disconnect();
    const code = await node?.stop();
    assert.equal(code, 0, "the node shuts down cleanly on SIGTERM");
  });

  it("connects and reads the runtime version, constants and metadata", async () => {
    assert.equal(api.runtimeVersion.specName.toString(), "substrate-threefold");
    assert.equal(api.runtimeVersion.specVersion.toNumber(), 152);
    assert.equal((api.consts.balances.existentialDeposit as any).toBigInt(), 500n);
    assert.ok(api.tx.balances.transferKeepAlive, "calls come from our metadata");
    assert.equal((await api.rpc.system.chain()).toString(), "Development");
  });

  it("queries accounts, map entries and state at an older block", async () => {
    const acc: any = await api.query.system.account(alice.address);
    assert.equal(acc.data.free.toBigInt(), 1n << 60n);
    const entries = await api.query.system.account.entries();
    assert.ok(entries.length >= 7, `dev genesis endows 7 accounts, got ${entries.length}`);
    const genesis = await api.rpc.chain.getBlockHash(0);
    const old: any = await api.query.system.account.at(genesis, alice.address);
    assert.equal(old.nonce.toNumber(), 0);
  });

  it("signs, sends and follows a transfer to inBlock and finalized; the fee equals payment_queryInfo", async () => {
    const tx = api.tx.balances.transferKeepAlive(charlie.address, 1_000_000_000n);
    const info = await tx.paymentInfo(bob);
    // The deprecated RPC quotes the same fee as the runtime API behind paymentInfo.
    const signedForQuote = await api.tx.balances.transferKeepAlive(charlie.address, 1_000_000_000n).signAsync(bob, { nonce: -1 });
    const quote = await rpc(node, "payment_queryInfo", [signedForQuote.toHex()]);
    assert.equal(BigInt(quote.result.partialFee), info.partialFee.toBigInt());
    const before: any = await api.query.system.account(bob.address);
    const r = await send(tx, bob);
    const names = r.events.map((e: any) => `${e.event.section}.${e.event.method}`);
    assert.ok(names.includes("balances.Transfer"), names.join(","));
    assert.ok(names.includes("system.ExtrinsicSuccess"), names.join(","));
    const fin = await r.finalized;
    assert.equal(fin, r.inBlock);
    const after: any = await api.query.system.account.at(r.inBlock, bob.address);
    assert.equal(before.data.free.toBigInt() - after.data.free.toBigInt(), 1_000_000_000n + info.partialFee.toBigInt());
  });

  it("serves HTTP POST and WebSocket on the same port", async () => {
    const res = await rpc(node, "chain_getHeader", []);
    assert.match(res.result.number, /^0x[0-9a-f]+$/);
    const provider = new HttpProvider(node.httpUrl);
    const health: any = await provider.send("system_health", []);
    assert.equal(typeof health.peers, "number");
  });

  it("refuses a bad signature with 1010 and changes nothing", async () => {
    const tx = api.tx.balances.transferKeepAlive(charlie.address, 1n);
    const signed = await tx.signAsync(alice, { nonce: -1 });
    const bytes = signed.toU8a();
    // length prefix (2 bytes here) ‖ 0x84 ‖ MultiAddress::Id (33) ‖ signature type (1) ‖ signature (64)
    bytes[2 + 1 + 33 + 1 + 10]! ^= 1;
    const before: any = await api.query.system.account(alice.address);
    const res = await rpc(node, "author_submitExtrinsic", [`0x${Buffer.from(bytes).toString("hex")}`]);
    assert.equal(res.error?.code, 1010);
    assert.match(res.error.data, /bad signature/);
    const after: any = await api.query.system.account(alice.address);
    assert.equal(after.nonce.toNumber(), before.nonce.toNumber());
  });

  it("refuses a stale nonce with 1010 and keeps a future nonce until the gap is filled", async () => {
    const nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
    if (nonce === 0) await send(api.tx.balances.transferKeepAlive(charlie.address, 1_000n), alice);
    const stale = await api.tx.balances.transferKeepAlive(charlie.address, 1n).signAsync(alice, { nonce: 0 });
    const res = await rpc(node, "author_submitExtrinsic", [stale.toHex()]);
    assert.equal(res.error?.code, 1010);
    assert.match(res.error.data, /outdated/);

    const next = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
    const future = await api.tx.balances.transferKeepAlive(charlie.address, 2n).signAsync(alice, { nonce: next + 1 });
    const fut = await rpc(node, "author_submitExtrinsic", [future.toHex()]);
    assert.ok(fut.result, JSON.stringify(fut.error));
    await new Promise((r) => setTimeout(r, 1000));
    const waiting: any = await api.query.system.account(alice.address);
    assert.equal(waiting.nonce.toNumber(), next, "the future transaction waits while the gap is open");
    await send(api.tx.balances.transferKeepAlive(charlie.address, 3n), alice, { nonce: next });
    await waitFor("the future transaction to be included", async () => {
      const acc: any = await api.query.system.account(alice.address);
      return acc.nonce.toNumber() === next + 2 ? true : undefined;
    });
  });

  it("refuses an oversized request and unsafe methods are served on localhost (auto)", async () => {
    const big = "0x" + "00".repeat(16 * 1024 * 1024);
    let refused: boolean;
    try {
      const res = await fetch(node.httpUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "author_submitExtrinsic", params: [big] }) });
      refused = res.status === 413 || Boolean((await res.json()).error);
    } catch {
      refused = true; // the server may close the connection while the body is still arriving
    }
    assert.ok(refused, "oversized request refused");
    const health = await rpc(node, "system_health", []);
    assert.ok(health.result, "the node still answers");
    const keys = await rpc(node, "author_rotateKeys", []);
    assert.match(keys.result, /^0x[0-9a-f]{128}$/, "unsafe methods are served to localhost under --rpc-methods auto");
  });
});

describe("e2e: safe RPC methods", function () {
  this.timeout(60_000);
  it("refuses author_insertKey with --rpc-methods safe", async () => {
    const node = await startNode(["--dev", "--sealing", "manual", "--rpc-methods", "safe"]);
    try {
      const res = await rpc(node, "author_rotateKeys", []);
      assert.ok(res.error, "refused");
      assert.match(res.error.message, /unsafe/i);
    } finally {
      await node.stop();
    }
  });
});

describe("e2e: transaction replacement (manual sealing)", function () {
  this.timeout(60_000);
  it("refuses a same-nonce replacement without a higher tip with 1014, and takes one with a higher tip", async () => {
    const node = await startNode(["--dev", "--sealing", "manual"]);
    const api: any = await connect(node);
    try {
      const first = await api.tx.balances.transferKeepAlive(charlie.address, 5_000n).signAsync(bob, { nonce: 0 });
      assert.ok((await rpc(node, "author_submitExtrinsic", [first.toHex()])).result);
      const same = await api.tx.balances.transferKeepAlive(charlie.address, 6_000n).signAsync(bob, { nonce: 0 });
      const refused = await rpc(node, "author_submitExtrinsic", [same.toHex()]);
      assert.equal(refused.error?.code, 1014);
      assert.match(refused.error.message, /Priority is too low/);
      const richer = await api.tx.balances.transferKeepAlive(charlie.address, 7_000n).signAsync(bob, { nonce: 0, tip: 1_000_000n });
      assert.ok((await rpc(node, "author_submitExtrinsic", [richer.toHex()])).result, "a higher tip replaces it");
      const pending = (await rpc(node, "author_pendingExtrinsics", [])).result;
      assert.deepEqual(pending, [richer.toHex()]);
      const created = await rpc(node, "engine_createBlock", [false, true]);
      assert.ok(created.result, JSON.stringify(created.error));
      const events: any[] = await api.query.system.events.at(created.result.hash);
      const names = events.map((e) => `${e.event.section}.${e.event.method}`);
      const transfer = events.find((e) => e.event.section === "balances" && e.event.method === "Transfer");
      assert.ok(transfer, names.join(","));
      assert.equal(transfer.event.data[2].toBigInt(), 7_000n, "the replacement was included");
    } finally {
      await api.disconnect();
      await node.stop();
    }
  });
});
