// The method groups over a real ChainDb and the real runtime, as raw JSON-RPC: shapes, aliases and errors.
import { strict as assert } from "node:assert";
import { Keyring } from "@polkadot/keyring";
import { blake2_256 } from "../../primitives/hashing.js";
import { decodeHeader } from "../../primitives/header.js";
import { storage as systemStorage } from "../../runtime/pallets/system/storage.js";
import { RpcServer } from "../../rpc/server.js";
import { verifyProof } from "../../state/trie/verify-proof.js";
import { TestChain } from "../helpers/chain.js";
import { DevChain } from "../helpers/dev-services.js";
import { WsClient } from "./client.js";

const hex = (b: Uint8Array) => "0x" + Buffer.from(b).toString("hex");
const unhex = (s: string) => Uint8Array.from(Buffer.from(s.slice(2), "hex"));
const keyring = new Keyring({ type: "sr25519", ss58Format: 42 });
const alice = keyring.addFromUri("//Alice");
const bob = keyring.addFromUri("//Bob");
const ACCOUNT_PREFIX = "0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9";
const NUMBER = "0x26aa394eea5630e07c48ae0c9558cef702a5c1b19ab7a04f536c519aca4983ac";

describe("rpc/methods", function () {
  let dev: DevChain;
  let server: RpcServer;
  let c: WsClient;
  let signer: TestChain;
  let genesis: string;

  before(async () => {
    dev = await DevChain.create({ pruning: 4 });
    server = new RpcServer({ port: 0, methods: "unsafe" }, { services: dev.services });
    const { port } = await server.start();
    c = await WsClient.connect(`ws://127.0.0.1:${port}`);
    signer = new TestChain();
    genesis = hex(dev.chain.genesisHash);
  });
  after(async () => {
    await c?.close();
    await server?.stop();
    await dev?.close();
  });

  const transfer = (nonce: number, amount = 1_000_000n) => hex(signer.sign(alice, "Balances", "transfer_keep_alive", [bob.address, amount], { nonce }));

  describe("chain", () => {
    it("answers chain_getBlockHash with nothing, a number, a hex quantity or a list", async () => {
      await dev.produceBlock();
      const best = hex(dev.chain.best().hash);
      assert.equal(await c.result("chain_getBlockHash"), best);
      assert.equal(await c.result("chain_getBlockHash", [0]), genesis);
      assert.equal(await c.result("chain_getBlockHash", ["0x0"]), genesis);
      assert.equal(await c.result("chain_getHead", []), best, "alias");
      assert.deepEqual(await c.result("chain_getBlockHash", [[0, "0x1", 999]]), [genesis, hex((await dev.chain.hashAt(1))!), null]);
      const over = await c.call("chain_getBlockHash", [2 ** 32]);
      assert.deepEqual(over.error, { code: 3001, message: "`Number(4294967296)` > u32::MAX, the max block number is u32." });
    });

    it("serves headers and blocks in Substrate's JSON, null for an unknown hash", async () => {
      const { hash, header } = await dev.produceBlock();
      const h = await c.result("chain_getHeader", [hex(hash)]);
      assert.equal(h.number, "0x" + header.number.toString(16));
      assert.equal(h.parentHash, hex(header.parentHash));
      assert.equal(h.digest.logs.length, header.digest.logs.length);
      assert.match(h.digest.logs[0], /^0x06617572612[0-9a-f]+$/, "PreRuntime aura item as SCALE hex");
      const b = await c.result("chain_getBlock", [hex(hash)]);
      assert.deepEqual(Object.keys(b), ["block", "justifications"]);
      assert.equal(b.justifications, null);
      assert.deepEqual(b.block.header, h);
      assert.ok(b.block.extrinsics.every((x: string) => /^0x[0-9a-f]+$/.test(x)));
      const body = (await dev.chain.body(hash))!;
      assert.deepEqual(b.block.extrinsics, body.map(hex), "full encodings, length prefix included");
      assert.equal(await c.result("chain_getHeader", ["0x" + "ab".repeat(32)]), null);
      assert.equal(await c.result("chain_getBlock", ["0x" + "ab".repeat(32)]), null);
      assert.equal((await c.result("chain_getHeader")).number, "0x" + dev.chain.best().number.toString(16));
    });

    it("follows the finalized head (with its British alias)", async () => {
      const { hash } = await dev.produceBlock();
      const sub = await c.result("chain_subscribeFinalisedHeads");
      const first = await c.nthNotification(sub, 0);
      assert.equal(first.method, "chain_finalizedHead");
      assert.equal(first.params.result.number, "0x" + dev.chain.finalized().number.toString(16));
      await dev.finalize(hash);
      // Each newly finalized block is announced, in order, up to the new head.
      const head = "0x" + dev.chain.finalized().number.toString(16);
      await c.waitFor((m) => m.params?.subscription === sub && m.params.result.number === head);
      assert.equal(await c.result("chain_getFinalisedHead"), hex(hash));
      assert.equal(await c.result("chain_unsubscribeFinalizedHeads", [sub]), true);
    });

    it("sends new and all heads, the current one first", async () => {
      const news = await c.result("chain_subscribeNewHead");
      const all = await c.result("chain_subscribeAllHeads");
      const current = await c.nthNotification(news, 0);
      assert.equal(current.params.result.number, "0x" + dev.chain.best().number.toString(16));
      const { header } = await dev.produceBlock();
      assert.equal((await c.nthNotification(news, 1)).params.result.number, "0x" + header.number.toString(16));
      assert.equal((await c.nthNotification(all, 1)).method, "chain_allHead");
      assert.equal(await c.result("chain_unsubscribeNewHead", [news]), true);
      assert.equal(await c.result("chain_unsubscribeAllHeads", [all]), true);
    });
  });

  describe("state", () => {
    it("reads storage, its hash and size, at the best block or a given one", async () => {
      const key = hex(systemStorage.Account.key(alice.publicKey));
      const value = await c.result("state_getStorage", [key]);
      assert.match(value, /^0x[0-9a-f]+$/);
      assert.equal(await c.result("state_getStorageAt", [key, genesis]), value, "alias, at genesis");
      assert.equal(await c.result("state_getStorageHash", [key]), hex(blake2_256(unhex(value))));
      assert.equal(await c.result("state_getStorageSize", [key]), (value.length - 2) / 2);
      assert.equal(await c.result("state_getStorage", ["0x1234"]), null);
      assert.equal(await c.result("state_getStorageSize", ["0x1234"]), null);
      const unknown = await c.call("state_getStorage", [key, "0x" + "11".repeat(32)]);
      assert.equal(unknown.error?.code, -32000);
      assert.match(unknown.error!.message, /^Client error: UnknownBlock: Header was not found in the database: 0x1{64}$/);
    });

    it("pages keys after startKey, and refuses a count above 1000 with 4002", async () => {
      const all: string[] = await c.result("state_getKeys", [ACCOUNT_PREFIX]);
      assert.ok(all.length >= 7);
      assert.deepEqual(await c.result("state_getKeysPaged", [ACCOUNT_PREFIX, 1000, ACCOUNT_PREFIX]), all, "startKey = prefix: page 1");
      const page1 = await c.result("state_getKeysPaged", [ACCOUNT_PREFIX, 3]);
      const page2 = await c.result("state_getKeysPaged", [ACCOUNT_PREFIX, 3, page1[2]]);
      assert.deepEqual([...page1, ...page2], all.slice(0, 6));
      assert.deepEqual(await c.result("state_getKeysPagedAt", [ACCOUNT_PREFIX, 3, null, genesis]), page1);
      const tooMany = await c.call("state_getKeysPaged", [ACCOUNT_PREFIX, 1001]);
      assert.deepEqual(tooMany.error, { code: 4002, message: "count exceeds maximum value. value: 1001, max: 1000" });
      const pairs = await c.result("state_getPairs", [ACCOUNT_PREFIX]);
      assert.deepEqual(pairs.map((p: string[]) => p[0]), all);
    });

    it("answers state_queryStorageAt with every key, absent ones as null", async () => {
      const key = hex(systemStorage.Account.key(alice.publicKey));
      const [set] = await c.result("state_queryStorageAt", [[key, "0xdead"]]);
      assert.equal(set.block, hex(dev.chain.best().hash));
      assert.deepEqual(set.changes.map((ch: unknown[]) => ch[0]), [key, "0xdead"]);
      assert.equal(set.changes[1][1], null);
    });

    it("answers state_queryStorage over a range with the changes per block", async () => {
      const from = await dev.produceBlock();
      const mid = await dev.produceBlock();
      const to = await dev.produceBlock();
      const sets = await c.result("state_queryStorage", [[NUMBER, "0xdead"], hex(from.hash), hex(to.hash)]);
      assert.deepEqual(sets.map((s: any) => s.block), [from.hash, mid.hash, to.hash].map(hex));
      assert.equal(sets[0].changes.length, 2, "the first block carries every key");
      assert.deepEqual(sets[1].changes.map((ch: unknown[]) => ch[0]), [NUMBER], "then only what changed");
      const backwards = await c.call("state_queryStorage", [[NUMBER], hex(to.hash), hex(from.hash)]);
      assert.equal(backwards.error?.code, 4001);
      assert.match(backwards.error!.message, /^Cannot resolve a block range \['"\d+ \(0x[0-9a-f]{64}\)"' \.\.\. '"\d+ \(0x[0-9a-f]{64}\)"\]\. from number > to number$/);
    });

    it("gives a read proof that verifies against the state root", async () => {
      const key = systemStorage.Account.key(alice.publicKey);
      const best = dev.chain.best();
      const { at, proof } = await c.result("state_getReadProof", [[hex(key), "0xdead"]]);
      assert.equal(at, hex(best.hash));
      const header = (await dev.chain.header(best.hash))!;
      const [value, absent] = verifyProof(header.stateRoot, proof.map(unhex), [key, unhex("0xdead")]);
      assert.equal(hex(value!), await c.result("state_getStorage", [hex(key)]));
      assert.equal(absent, undefined);
    });

    it("calls runtime APIs and words an unknown one as Substrate's executor", async () => {
      assert.equal(await c.result("state_call", ["Metadata_metadata_versions", "0x"]), "0x080e000000ffffffff");
      const unknown = await c.call("state_call", ["Foo_bar", "0x"]);
      assert.deepEqual(unknown.error, { code: -32000, message: "Client error: Execution failed: Other: Exported method Foo_bar is not found" });
      const nonce = await c.result("state_call", ["AccountNonceApi_account_nonce", hex(alice.publicKey)]);
      assert.match(nonce, /^0x[0-9a-f]{8}$/);
    });

    it("serves the metadata and the runtime version", async () => {
      const md = await c.result("state_getMetadata");
      assert.equal(md, hex(dev.chain.runtimeApi.metadata.metadata()));
      assert.equal(await c.result("state_getMetadata", [genesis]), md);
      const v = await c.result("state_getRuntimeVersion");
      assert.equal(v.specName, "substrate-threefold");
      assert.equal(v.specVersion, 152);
      assert.deepEqual(await c.result("chain_getRuntimeVersion", [genesis]), v);
      assert.ok(v.apis.some(([id, n]: [string, number]) => id === "0x37c8bb1350a9a2a8" && n === 4));
    });

    it("says a pruned state is discarded", async () => {
      const old = hex(dev.chain.best().hash);
      for (let i = 0; i < 8; i++) await dev.produceBlock({ finalize: true });
      const res = await c.call("state_getStorage", [NUMBER, old]);
      assert.deepEqual(res.error, { code: -32000, message: `Client error: UnknownBlock: State already discarded for ${old}` });
    });

    it("sends every subscribed key at once, then only changed keys", async () => {
      const key = hex(systemStorage.Account.key(bob.publicKey));
      const sub = await c.result("state_subscribeStorage", [[NUMBER, key, "0xdead"]]);
      const first = await c.nthNotification(sub, 0);
      assert.equal(first.method, "state_storage");
      assert.deepEqual(first.params.result.changes.map((ch: unknown[]) => ch[0]), [NUMBER, key, "0xdead"]);
      assert.equal(first.params.result.changes[2][1], null);
      const { hash } = await dev.produceBlock();
      const second = await c.nthNotification(sub, 1);
      assert.equal(second.params.result.block, hex(hash));
      assert.deepEqual(second.params.result.changes.map((ch: unknown[]) => ch[0]), [NUMBER]);
      assert.equal(await c.result("state_unsubscribeStorage", [sub]), true);
    });

    it("sends the runtime version at once on subscription", async () => {
      const sub = await c.result("state_subscribeRuntimeVersion");
      const n = await c.nthNotification(sub, 0);
      assert.equal(n.method, "state_runtimeVersion");
      assert.equal(n.params.result.specVersion, 152);
      assert.equal(await c.result("chain_unsubscribeRuntimeVersion", [sub]), true);
    });
  });

  describe("system", () => {
    it("answers the node and chain identity calls", async () => {
      assert.equal(await c.result("system_name"), "tfchain-ts-test");
      assert.equal(await c.result("system_version"), "0.1.0-test");
      assert.equal(await c.result("system_chainType"), "Development");
      assert.deepEqual(await c.result("system_properties"), { ss58Format: 42, tokenDecimals: 7, tokenSymbol: "TFT" });
      assert.deepEqual(await c.result("system_nodeRoles"), ["Authority"]);
      assert.deepEqual(await c.result("system_peers"), []);
      assert.equal(typeof (await c.result("system_localPeerId")), "string");
      assert.ok(Array.isArray(await c.result("system_localListenAddresses")));
      const sync = await c.result("system_syncState");
      assert.deepEqual(sync, { startingBlock: 0, currentBlock: dev.chain.best().number, highestBlock: dev.chain.best().number });
    });

    it("answers chainSpec_v1_* as the legacy calls", async () => {
      assert.equal(await c.result("chainSpec_v1_chainName"), await c.result("system_chain"));
      assert.equal(await c.result("chainSpec_v1_genesisHash"), genesis);
      assert.deepEqual(await c.result("chainSpec_v1_properties"), await c.result("system_properties"));
    });

    it("counts pool transactions in system_accountNextIndex, for SS58 or hex", async () => {
      const before = await c.result("system_accountNextIndex", [alice.address]);
      assert.equal(typeof before, "number");
      await c.result("author_submitExtrinsic", [transfer(before)]);
      assert.equal(await c.result("system_accountNextIndex", [alice.address]), before + 1);
      assert.equal(await c.result("account_nextIndex", [hex(alice.publicKey)]), before + 1);
      const bad = await c.call("system_accountNextIndex", ["5Nope"]);
      assert.equal(bad.error?.code, -32602);
      await dev.produceBlock();
    });
  });

  describe("author", () => {
    it("submits, lists and removes extrinsics", async () => {
      const nonce = await c.result("system_accountNextIndex", [alice.address]);
      const xt = transfer(nonce, 5n);
      const hash = await c.result("author_submitExtrinsic", [xt]);
      assert.equal(hash, hex(blake2_256(unhex(xt))));
      assert.deepEqual(await c.result("author_pendingExtrinsics"), [xt]);
      const dup = await c.call("author_submitExtrinsic", [xt]);
      assert.deepEqual(dup.error, { code: 1013, message: "Transaction Already Imported", data: hash });
      assert.deepEqual(await c.result("author_removeExtrinsic", [[{ hash }]]), [hash]);
      assert.deepEqual(await c.result("author_pendingExtrinsics"), []);
      const bad = await c.call("author_submitExtrinsic", ["0x0c0102"]);
      assert.deepEqual(bad.error, { code: 1001, message: "Extrinsic has invalid format: Not enough data to fill buffer" });
    });

    it("passes the pool's refusals through with their codes", async () => {
      const stale = await c.call("author_submitExtrinsic", [transfer(0)]);
      assert.deepEqual(stale.error, { code: 1010, message: "Invalid Transaction", data: "Transaction is outdated" });
    });

    it("watches an extrinsic: ready, inBlock, finalized, then the subscription ends", async () => {
      const nonce = await c.result("system_accountNextIndex", [alice.address]);
      const sub = await c.result("author_submitAndWatchExtrinsic", [transfer(nonce, 7n)]);
      assert.equal((await c.nthNotification(sub, 0)).params.result, "ready", "unit statuses are strings");
      const { hash } = await dev.produceBlock();
      const inBlock = await c.nthNotification(sub, 1);
      assert.equal(inBlock.method, "author_extrinsicUpdate");
      assert.deepEqual(inBlock.params.result, { inBlock: hex(hash) });
      await dev.finalize(hash);
      assert.deepEqual((await c.nthNotification(sub, 2)).params.result, { finalized: hex(hash) });
      assert.equal(await c.result("author_unwatchExtrinsic", [sub]), false, "the server ended the watch itself");
    });

    it("refuses a watched extrinsic the pool rejects, with no subscription", async () => {
      const res = await c.call("author_submitAndWatchExtrinsic", [transfer(0)]);
      assert.equal(res.error?.code, 1010);
    });

    it("manages keys", async () => {
      const keys = await c.result("author_rotateKeys");
      assert.equal(await c.result("author_hasSessionKeys", [keys]), true);
      assert.equal(await c.result("author_hasKey", ["0x" + keys.slice(2, 66), "aura"]), true);
      assert.equal(await c.result("author_hasKey", [hex(bob.publicKey), "aura"]), false);
      assert.equal(await c.result("author_insertKey", ["aura", "//Bob", hex(bob.publicKey)]), null);
      assert.equal(await c.result("author_hasKey", [hex(bob.publicKey), "aura"]), true);
      const badType = await c.call("author_insertKey", ["aurax", "//Bob", hex(bob.publicKey)]);
      assert.equal(badType.error?.code, -32602);
      const badKeys = await c.call("author_hasSessionKeys", ["0x1234"]);
      assert.equal(badKeys.error?.message, "Client error: Session keys are not encoded correctly");
    });
  });

  describe("payment", () => {
    it("answers payment_queryInfo as Substrate's serde does, equal to the runtime API", async () => {
      const xt = transfer(0);
      const info = await c.result("payment_queryInfo", [xt]);
      assert.deepEqual(Object.keys(info), ["weight", "class", "partialFee"]);
      assert.deepEqual(Object.keys(info.weight), ["ref_time", "proof_size"]);
      assert.equal(info.class, "normal");
      assert.match(info.partialFee, /^[1-9][0-9]*$/);
      const len = (xt.length - 2) / 2;
      const lenLe = Buffer.alloc(4);
      lenLe.writeUInt32LE(len);
      const raw = await c.result("state_call", ["TransactionPaymentApi_query_info", xt + lenLe.toString("hex")]);
      const fee = Buffer.from(raw.slice(2), "hex").subarray(-16 - 1 + 1);
      assert.equal(BigInt("0x" + Buffer.from(fee).reverse().toString("hex")), BigInt(info.partialFee));
    });

    it("answers payment_queryFeeDetails with hex balances", async () => {
      const details = await c.result("payment_queryFeeDetails", [transfer(0)]);
      assert.deepEqual(Object.keys(details), ["inclusionFee", "tip"]);
      assert.deepEqual(Object.keys(details.inclusionFee), ["baseFee", "lenFee", "adjustedWeightFee"]);
      assert.match(details.inclusionFee.baseFee, /^0x[0-9a-f]+$/);
      const bad = await c.call("payment_queryInfo", ["0x0c01"]);
      assert.equal(bad.error?.code, 2);
      assert.equal(bad.error?.message, "Unable to query dispatch info.");
    });
  });

  describe("engine", () => {
    it("creates and finalizes blocks as manual seal answers", async () => {
      const created = await c.result("engine_createBlock", [true, false, null]);
      assert.deepEqual(Object.keys(created), ["hash", "aux"]);
      assert.deepEqual(created.aux, {
        header_only: false, clear_justification_requests: false, needs_justification: false, bad_justification: false, is_new_best: true,
      });
      assert.equal(created.hash, hex(dev.chain.best().hash));
      assert.equal(await c.result("engine_finalizeBlock", [created.hash]), true);
      assert.equal(hex(dev.chain.finalized().hash), created.hash);
      const empty = await c.call("engine_createBlock", [false, false]);
      assert.equal(empty.error?.code, 12000);
      const orphan = await c.call("engine_createBlock", [true, false, "0x" + "22".repeat(32)]);
      assert.equal(orphan.error?.code, 13000);
    });
  });

  describe("rpc_methods", () => {
    it("lists exactly the served methods, sorted, and every method the clients need", async () => {
      const { version, methods } = await c.result("rpc_methods");
      assert.equal(version, 1);
      assert.deepEqual(methods, [...methods].sort());
      const needed = [
        "rpc_methods", "chain_getBlockHash", "state_getRuntimeVersion", "system_chain", "system_properties", "state_getMetadata",
        "state_call", "state_subscribeRuntimeVersion", "state_unsubscribeRuntimeVersion", "system_health", "state_getStorage",
        "state_queryStorageAt", "state_getKeysPaged", "state_subscribeStorage", "state_unsubscribeStorage", "chain_getHeader",
        "chain_getBlock", "chain_getFinalizedHead", "chain_subscribeNewHead", "chain_subscribeNewHeads", "chain_unsubscribeNewHead",
        "chain_unsubscribeNewHeads", "chain_subscribeFinalizedHeads", "chain_unsubscribeFinalizedHeads", "author_submitExtrinsic",
        "author_submitAndWatchExtrinsic", "author_unwatchExtrinsic", "author_pendingExtrinsics", "system_accountNextIndex",
        "chain_getHead", "state_getStorageAt", "chain_getFinalisedHead", "chain_subscribeFinalisedHeads", "chain_unsubscribeFinalisedHeads",
        "chain_subscribeAllHeads", "chain_unsubscribeAllHeads", "chain_getRuntimeVersion", "chain_subscribeRuntimeVersion",
        "state_getStorageHash", "state_getStorageSize", "state_getKeys", "state_getPairs", "state_queryStorage", "state_getReadProof",
        "system_name", "system_version", "system_chainType", "system_peers", "system_localPeerId", "system_localListenAddresses",
        "system_nodeRoles", "system_syncState", "payment_queryInfo", "payment_queryFeeDetails", "author_rotateKeys", "author_hasKey",
        "author_hasSessionKeys", "author_insertKey", "author_removeExtrinsic", "engine_createBlock", "engine_finalizeBlock",
      ];
      for (const m of needed) assert.ok(methods.includes(m), `rpc_methods lists ${m}`);
      for (const m of methods) {
        const res = await c.call(m, []);
        assert.notEqual(res.error?.code === -32601 && res.error.message === "Method not found", true, `${m} is served`);
      }
    });
  });

  it("decodes the headers it serves back to the stored ones", async () => {
    const h = await c.result("chain_getHeader");
    const stored = (await dev.chain.header(dev.chain.best().hash))!;
    assert.equal(h.stateRoot, hex(stored.stateRoot));
    assert.deepEqual(decodeHeader((await dev.chain.db.header(dev.chain.best().hash))!).number, stored.number);
  });
});
