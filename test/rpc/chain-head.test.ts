// The new JSON-RPC spec's chainHead_v1, chainSpec_v1, transactionWatch_v1 and transaction_v1 families.
import { strict as assert } from "node:assert";
import { Keyring } from "@polkadot/keyring";
import { decodeHeader } from "../../primitives/header.js";
import { RpcServer } from "../../rpc/server.js";
import { TestChain } from "../helpers/chain.js";
import { DevChain } from "../helpers/dev-services.js";
import { WsClient } from "./client.js";

const hex = (b: Uint8Array) => "0x" + Buffer.from(b).toString("hex");
const keyring = new Keyring({ type: "sr25519", ss58Format: 42 });
const alice = keyring.addFromUri("//Alice");
const bob = keyring.addFromUri("//Bob");
const ACCOUNT_PREFIX = "0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9";

describe("rpc/chain-head (new JSON-RPC spec)", function () {
  let dev: DevChain;
  let server: RpcServer;
  let url: string;
  let c: WsClient;
  let signer: TestChain;

  before(async () => {
    dev = await DevChain.create();
    server = new RpcServer({ port: 0, methods: "unsafe" }, { services: dev.services });
    url = `ws://127.0.0.1:${(await server.start()).port}`;
    c = await WsClient.connect(url);
    signer = new TestChain();
  });
  after(async () => {
    await c?.close();
    await server?.stop();
    await dev?.close();
  });

  const events = (sub: string) => c.notifications(sub).map((n) => n.params.result);
  const waitEvent = (sub: string, pred: (e: any) => boolean) =>
    c.waitFor((m) => m.params?.subscription === sub && pred(m.params.result)).then((m) => m.params.result);
  const nonce = () => c.result("system_accountNextIndex", [alice.address]);
  const transfer = (n: number, amount = 1_000n) => hex(signer.sign(alice, "Balances", "transfer_keep_alive", [bob.address, amount], { nonce: n }));

  it("follows: initialized with the finalized block and its runtime, then new, best and finalized blocks", async () => {
    const sub = await c.result("chainHead_v1_follow", [true]);
    const init = await waitEvent(sub, (e) => e.event === "initialized");
    assert.deepEqual(init.finalizedBlockHashes, [hex(dev.chain.finalized().hash)]);
    assert.equal(init.finalizedBlockRuntime.type, "valid");
    assert.equal(init.finalizedBlockRuntime.spec.specVersion, 152);
    assert.equal(init.finalizedBlockRuntime.spec.apis["0xd2bc9897eed08f15"], 3, "apis as an object");
    const { hash, header } = await dev.produceBlock();
    const block = await waitEvent(sub, (e) => e.event === "newBlock" && e.blockHash === hex(hash));
    assert.equal(block.parentBlockHash, hex(header.parentHash));
    assert.equal(block.newRuntime, null, "the runtime did not change");
    await waitEvent(sub, (e) => e.event === "bestBlockChanged" && e.bestBlockHash === hex(hash));
    await dev.finalize(hash);
    const fin = await waitEvent(sub, (e) => e.event === "finalized");
    assert.deepEqual(fin, { event: "finalized", finalizedBlockHashes: [hex(hash)], prunedBlockHashes: [] });
    assert.equal(await c.result("chainHead_v1_unfollow", [sub]), null);
  });

  it("reports the unfinalized blocks at once, each after its parent", async () => {
    const a = await dev.produceBlock();
    const b = await dev.produceBlock();
    const sub = await c.result("chainHead_v1_follow", [false]);
    await waitEvent(sub, (e) => e.event === "bestBlockChanged");
    const kinds = events(sub).map((e) => e.event);
    assert.deepEqual(kinds, ["initialized", "newBlock", "newBlock", "bestBlockChanged"]);
    const [, first, second, best] = events(sub);
    assert.deepEqual([first.blockHash, second.blockHash, best.bestBlockHash], [hex(a.hash), hex(b.hash), hex(b.hash)]);
    assert.equal(second.parentBlockHash, first.blockHash);
    assert.equal("newRuntime" in first, false, "no runtime fields without withRuntime");
    await dev.finalize(b.hash);
    const fin = await waitEvent(sub, (e) => e.event === "finalized" && e.finalizedBlockHashes.includes(hex(b.hash)));
    assert.ok(fin.finalizedBlockHashes.length >= 1);
    await c.result("chainHead_v1_unfollow", [sub]);
  });

  it("serves header, body, call and storage of pinned blocks", async () => {
    const sub = await c.result("chainHead_v1_follow", [true]);
    const init = await waitEvent(sub, (e) => e.event === "initialized");
    const fin: string = init.finalizedBlockHashes[0];
    const header = decodeHeader(Buffer.from((await c.result("chainHead_v1_header", [sub, fin])).slice(2), "hex"));
    assert.equal(header.number, dev.chain.finalized().number);

    const body = await c.result("chainHead_v1_body", [sub, fin]);
    assert.equal(body.result, "started");
    const done = await waitEvent(sub, (e) => e.operationId === body.operationId);
    assert.equal(done.event, "operationBodyDone");
    assert.deepEqual(done.value, ((await dev.chain.body(dev.chain.finalized().hash)) ?? []).map(hex));

    const call = await c.result("chainHead_v1_call", [sub, fin, "Metadata_metadata_versions", "0x"]);
    assert.deepEqual(await waitEvent(sub, (e) => e.operationId === call.operationId),
      { event: "operationCallDone", output: "0x080e000000ffffffff", operationId: call.operationId });
    const bad = await c.result("chainHead_v1_call", [sub, fin, "Nope_nope", "0x"]);
    const err = await waitEvent(sub, (e) => e.operationId === bad.operationId);
    assert.equal(err.event, "operationError");
    assert.match(err.error, /Exported method Nope_nope is not found/);

    const storage = await c.result("chainHead_v1_storage", [sub, fin, [
      { key: ACCOUNT_PREFIX, type: "descendantsHashes" },
      { key: "0x26aa394eea5630e07c48ae0c9558cef702a5c1b19ab7a04f536c519aca4983ac", type: "value" },
      { key: "0xdead", type: "value" },
    ], null]);
    assert.equal(storage.result, "started");
    assert.equal(storage.discardedItems, 0);
    await waitEvent(sub, (e) => e.operationId === storage.operationId && e.event === "operationStorageDone");
    const items = events(sub).filter((e) => e.operationId === storage.operationId && e.event === "operationStorageItems").flatMap((e) => e.items);
    const accounts = items.filter((i: any) => i.key.startsWith(ACCOUNT_PREFIX));
    assert.ok(accounts.length >= 7 && accounts.every((i: any) => /^0x[0-9a-f]{64}$/.test(i.hash)));
    assert.equal(items.filter((i: any) => i.value !== undefined).length, 1, "System.Number's value; the absent key gives no item");

    const merkle = await c.result("chainHead_v1_storage", [sub, fin, [{ key: "0x26", type: "closestDescendantMerkleValue" }], null]);
    assert.equal((await waitEvent(sub, (e) => e.operationId === merkle.operationId)).event, "operationError");
    await c.result("chainHead_v1_unfollow", [sub]);
  });

  it("answers Substrate's errors: unpinned hash, duplicates, runtime calls without runtime, stale follows", async () => {
    const plain = await c.result("chainHead_v1_follow", [false]);
    const init = await waitEvent(plain, (e) => e.event === "initialized");
    const fin = init.finalizedBlockHashes[0];
    assert.equal((await c.call("chainHead_v1_call", [plain, fin, "Core_version", "0x"])).error?.code, -32802);
    assert.equal((await c.call("chainHead_v1_header", [plain, "0x" + "11".repeat(32)])).error?.code, -32801);
    assert.equal((await c.call("chainHead_v1_unpin", [plain, [fin, fin]])).error?.code, -32804);
    assert.equal(await c.result("chainHead_v1_unpin", [plain, fin]), null);
    assert.equal((await c.call("chainHead_v1_header", [plain, fin])).error?.code, -32801, "unpinned");
    assert.equal(await c.result("chainHead_v1_unfollow", [plain]), null);
    assert.equal(await c.result("chainHead_v1_header", [plain, fin]), null, "a stale follow gives null");
    assert.deepEqual(await c.result("chainHead_v1_body", [plain, fin]), { result: "limitReached" });
  });

  it("allows 4 follows per connection", async () => {
    const other = await WsClient.connect(url);
    for (let i = 0; i < 4; i++) await other.result("chainHead_v1_follow", [false]);
    assert.equal((await other.call("chainHead_v1_follow", [false])).error?.code, -32800);
    await other.close();
  });

  it("watches a transaction to bestChainBlockIncluded with its index, then finalized", async () => {
    const sub = await c.result("transactionWatch_v1_submitAndWatch", [transfer(await nonce())]);
    assert.deepEqual(await waitEvent(sub, () => true), { event: "validated" });
    const { hash } = await dev.produceBlock();
    assert.deepEqual(await waitEvent(sub, (e) => e.event === "bestChainBlockIncluded"), { event: "bestChainBlockIncluded", block: { hash: hex(hash), index: 1 } });
    await dev.finalize(hash);
    assert.deepEqual(await waitEvent(sub, (e) => e.event === "finalized"), { event: "finalized", block: { hash: hex(hash), index: 1 } });
    assert.equal(await c.result("transactionWatch_v1_unwatch", [sub]), null);
  });

  it("reports a refused transaction as an invalid event, not an error", async () => {
    const sub = await c.result("transactionWatch_v1_submitAndWatch", [transfer(0)]);
    const e = await waitEvent(sub, () => true);
    assert.equal(e.event, "invalid");
    assert.match(e.error, /outdated/);
  });

  it("broadcasts and stops", async () => {
    const id = await c.result("transaction_v1_broadcast", [transfer(await nonce(), 77n)]);
    assert.equal(typeof id, "string");
    for (let i = 0; (await c.result("author_pendingExtrinsics")).length === 0; i++) {
      assert.ok(i < 200, "the broadcast transaction enters the pool");
      await new Promise((r) => setTimeout(r, 10));
    }
    assert.equal(await c.result("transaction_v1_stop", [id]), null);
    assert.equal((await c.call("transaction_v1_stop", [id])).error?.code, -32602);
    await dev.produceBlock();
  });
});
