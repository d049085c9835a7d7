// TFKVStore through @threefold/tfchain_client 2.9.2, unchanged, as a dashboard uses it: set, get, list,
// delete, deleteAll (a utility.batch_all of deletes), and the module errors TFChain returns for bad input.
import { strict as assert } from "node:assert";
import { createRequire } from "node:module";
import { startNode, type NodeProcess } from "./node-process.js";

const { Client } = createRequire(import.meta.url)("@threefold/tfchain_client");

// The client refuses `//Alice`; this is the seed the dev phrase derives for it (Substrate's well-known value).
const ALICE_SEED = "0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a";

describe("e2e: TFKVStore with @threefold/tfchain_client", function () {
  this.timeout(120_000);
  let node: NodeProcess;
  let client: any;

  before(async () => {
    node = await startNode(["--dev", "--sealing", "instant"]);
    client = new Client({ url: node.wsUrl, mnemonicOrSecret: ALICE_SEED });
    await client.connect();
  });
  after(async () => {
    await client?.disconnect();
    await node?.stop();
  });

  const sorted = (xs: string[]) => [...xs].sort();

  it("sets entries, reads them back with get and lists their keys", async () => {
    const who = await (await client.kvStore.set({ key: "name", value: "nametest" })).apply();
    assert.equal(who, client.address, "set resolves with the account of the EntrySet event");
    await (await client.kvStore.set({ key: "Address", value: "Cairo" })).apply();
    assert.equal(await client.kvStore.get({ key: "name" }), "nametest");
    assert.equal(await client.kvStore.get({ key: "Address" }), "Cairo");
    assert.deepEqual(sorted(await client.kvStore.list()), ["Address", "name"]);
  });

  it("overwrites an entry with set", async () => {
    await (await client.kvStore.set({ key: "name", value: "renamed" })).apply();
    assert.equal(await client.kvStore.get({ key: "name" }), "renamed");
  });

  it("deletes one entry, which then reads as empty", async () => {
    await (await client.kvStore.delete({ key: "Address" })).apply();
    assert.deepEqual(await client.kvStore.list(), ["name"]);
    assert.equal(await client.kvStore.get({ key: "Address" }), "", "ValueQuery: an absent key reads as the empty value");
  });

  it("refuses too long a key or value and a missing key with TFChain's errors, storage unchanged", async () => {
    const cases: [string, () => Promise<any>, string][] = [
      ["key of 513 bytes", () => client.kvStore.set({ key: "k".repeat(513), value: "v" }), "KeyIsTooLarge"],
      ["value of 2049 bytes", () => client.kvStore.set({ key: "big", value: "v".repeat(2049) }), "ValueIsTooLarge"],
      ["delete of a missing key", () => client.kvStore.delete({ key: "missing" }), "NoValueStored"],
    ];
    for (const [what, make, keyError] of cases) {
      await assert.rejects((await make()).apply(), (e: any) => {
        assert.equal(e.keyError, keyError, what);
        assert.equal(e.section, "tfkvStore", what);
        return true;
      }, what);
      assert.deepEqual(await client.kvStore.list(), ["name"], `${what}: storage unchanged`);
      assert.equal(await client.kvStore.get({ key: "name" }), "renamed", `${what}: storage unchanged`);
    }
  });

  it("accepts a key of exactly 512 bytes and a value of exactly 2048", async () => {
    const key = "k".repeat(512);
    await (await client.kvStore.set({ key, value: "v".repeat(2048) })).apply();
    assert.equal(await client.kvStore.get({ key }), "v".repeat(2048));
    await (await client.kvStore.delete({ key })).apply();
  });

  it("deletes every entry with deleteAll in one batch_all", async () => {
    await (await client.kvStore.set({ key: "a", value: "1" })).apply();
    await (await client.kvStore.set({ key: "b", value: "2" })).apply();
    const deleted = await client.kvStore.deleteAll();
    assert.deepEqual(sorted(deleted), ["a", "b", "name"]);
    assert.deepEqual(await client.kvStore.list(), []);
  });
});
