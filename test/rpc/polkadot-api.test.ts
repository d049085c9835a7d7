// @polkadot/api 16 against our server, in-process: the client's own call sequences must work unchanged.
import { strict as assert } from "node:assert";
import { ApiPromise, HttpProvider, Keyring, WsProvider } from "@polkadot/api";
import { RpcServer } from "../../rpc/server.js";
import { DevChain } from "../helpers/dev-services.js";

const keyring = new Keyring({ type: "sr25519", ss58Format: 42 });
const alice = keyring.addFromUri("//Alice");
const bob = keyring.addFromUri("//Bob");
const charlie = keyring.addFromUri("//Charlie");

describe("rpc with @polkadot/api", function () {
  this.timeout(60_000);
  let dev: DevChain;
  let server: RpcServer;
  let api: ApiPromise;
  let url: string;

  before(async () => {
    dev = await DevChain.create({ autoSeal: true, finalityLagMs: 300 });
    server = new RpcServer({ port: 0, methods: "unsafe" }, { services: dev.services });
    const { port } = await server.start();
    url = `ws://127.0.0.1:${port}`;
    api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true, throwOnConnect: true });
  });
  after(async () => {
    await api?.disconnect();
    await server?.stop();
    await dev?.close();
  });

  it("connects: genesis, runtime version, chain, properties and metadata from our answers", async () => {
    assert.equal(api.genesisHash.toHex(), "0x" + Buffer.from(dev.chain.genesisHash).toString("hex"));
    assert.equal(api.runtimeVersion.specName.toString(), "substrate-threefold");
    assert.equal(api.runtimeVersion.specVersion.toNumber(), 152);
    assert.equal(api.runtimeChain.toString(), "Development");
    assert.equal(api.registry.chainDecimals[0], 7);
    assert.equal(api.registry.chainTokens[0], "TFT");
    assert.ok((api.rpc as any).system.accountNextIndex, "rpc_methods kept system_accountNextIndex");
  });

  it("reads constants", async () => {
    const consts = api.consts as any;
    assert.equal(consts.balances.existentialDeposit.toBigInt(), 500n);
    assert.equal(consts.system.ss58Prefix.toNumber(), 42);
  });

  it("queries an account and the entries of System.Account", async () => {
    const query = api.query as any;
    const acc = await query.system.account(bob.address);
    assert.equal(acc.data.free.toBigInt(), 1n << 60n);
    const entries = await query.system.account.entries();
    assert.ok(entries.length >= 7, `dev genesis endows 7 accounts, got ${entries.length}`);
    const genesis = await api.rpc.chain.getBlockHash(0);
    const atGenesis = await ((await api.at(genesis)).query as any).system.account(alice.address);
    assert.equal(atGenesis.nonce.toNumber(), 0);
  });

  it("gets blocks, headers and the metadata through api.rpc", async () => {
    await dev.produceBlock();
    const signed = await api.rpc.chain.getBlock();
    assert.equal(signed.block.header.number.toNumber(), dev.chain.best().number);
    assert.ok(signed.block.extrinsics.length >= 1, "the timestamp inherent");
    assert.equal(signed.block.extrinsics[0]!.method.section, "timestamp");
    const md = await api.rpc.state.getMetadata();
    assert.equal(md.version, 14);
    const header = await api.rpc.chain.getHeader();
    assert.equal(header.hash.toHex(), "0x" + Buffer.from(dev.chain.best().hash).toString("hex"));
  });

  it("follows system.events through a storage subscription", async () => {
    const seen: number[] = [];
    const unsub = await (api.query as any).system.events((events: any[]) => seen.push(events.length));
    await waitUntil(() => seen.length >= 1);
    // A block whose events differ from the current ones (@polkadot/api drops repeated values itself).
    await (api.tx as any).balances.transferKeepAlive(charlie.address, 1_234n).signAndSend(alice);
    await waitUntil(() => seen.length >= 2);
    assert.ok(seen[seen.length - 1]! >= 3, `the transfer's events arrive, got ${seen}`);
    unsub();
  });

  it("signs and sends a transfer, sees it inBlock and finalized, and pays what paymentInfo estimated", async () => {
    const tx = (api.tx as any).balances.transferKeepAlive(charlie.address, 1_000_000_000n);
    const info = await tx.paymentInfo(bob);
    const before = await (api.query as any).system.account(bob.address);
    const { inBlock, finalized, events } = await new Promise<{ inBlock: string; finalized: Promise<string>; events: any[] }>((resolve, reject) => {
      let resolveFinal!: (h: string) => void;
      const finalizedP = new Promise<string>((r) => (resolveFinal = r));
      let got = false;
      tx.signAndSend(bob, (r: any) => {
        if (r.status.isInBlock && !got) {
          got = true;
          resolve({ inBlock: r.status.asInBlock.toHex(), finalized: finalizedP, events: r.events });
        }
        if (r.status.isFinalized) resolveFinal(r.status.asFinalized.toHex());
        if (r.isError) reject(new Error(`failed: ${r.status.type}`));
      }).catch(reject);
    });
    const names = events.map((e: any) => `${e.event.section}.${e.event.method}`);
    assert.ok(names.includes("balances.Transfer"), names.join(","));
    assert.equal(await finalized, inBlock);
    const after = await ((await api.at(inBlock)).query as any).system.account(bob.address);
    assert.equal(before.data.free.toBigInt() - after.data.free.toBigInt(), 1_000_000_000n + info.partialFee.toBigInt());
    // @polkadot/api 16 types payment_queryInfo as the V1 weight, which Substrate 1.0 no longer answers: the
    // deprecated RPC serves other tools; the api itself uses TransactionPaymentApi through state_call.
    const details = await (api.rpc as any).payment.queryFeeDetails(tx.toHex());
    assert.ok(details.inclusionFee.isSome);
  });

  it("works over HTTP too", async () => {
    const provider = new HttpProvider(url.replace("ws://", "http://"));
    const health: any = await provider.send("system_health", []);
    assert.equal(health.peers, 0);
    const hash: string = await provider.send("chain_getBlockHash", [0]);
    assert.equal(hash, api.genesisHash.toHex());
    await provider.disconnect();
  });
});

async function waitUntil(cond: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}
