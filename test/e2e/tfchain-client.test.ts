// @threefold/tfchain_client 2.9.2, unchanged, against our node: connect, read balances, transfer.
import { strict as assert } from "node:assert";
import { createRequire } from "node:module";
import { generateMnemonic } from "@scure/bip39";
import { wordlist } from "@scure/bip39/wordlists/english.js";
import { startNode, type NodeProcess } from "./node-process.js";

// The client's ES build has extension-less imports that Node cannot load: it is used through require.
const { Client, QueryClient } = createRequire(import.meta.url)("@threefold/tfchain_client");

const ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
const CHARLIE = "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y";
// The client refuses `//Alice`; this is the seed the dev phrase derives for it (Substrate's well-known value).
const ALICE_SEED = "0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a";

describe("e2e: @threefold/tfchain_client", function () {
  this.timeout(120_000);
  let node: NodeProcess;

  before(async () => {
    node = await startNode(["--dev", "--sealing", "instant"]);
  });
  after(async () => {
    await node?.stop();
  });

  it("reads balances with QueryClient", async () => {
    const query = new QueryClient(node.wsUrl);
    await query.connect();
    try {
      const balance = await query.balances.get({ address: ALICE });
      assert.equal(BigInt(balance.free), 1n << 60n);
    } finally {
      await query.disconnect();
    }
  });

  it("transfers with Client: resolves at inBlock with the amount, balances follow", async () => {
    const client = new Client({ url: node.wsUrl, mnemonicOrSecret: ALICE_SEED });
    await client.connect();
    try {
      assert.equal(client.address, ALICE);
      const before = BigInt((await client.balances.get({ address: CHARLIE })).free);
      const amount = await (await client.balances.transfer({ address: CHARLIE, amount: 12_345_678 })).apply();
      assert.equal(amount, 12_345_678);
      const after = BigInt((await client.balances.get({ address: CHARLIE })).free);
      assert.equal(after - before, 12_345_678n);
    } finally {
      await client.disconnect();
    }
  });

  it("rejects a transfer of more than the balance with the dispatch error, and the funds stay", async () => {
    const alice = new Client({ url: node.wsUrl, mnemonicOrSecret: ALICE_SEED });
    const phrase = generateMnemonic(wordlist);
    const poor = new Client({ url: node.wsUrl, mnemonicOrSecret: phrase });
    await alice.connect();
    await poor.connect();
    try {
      await (await alice.balances.transfer({ address: poor.address, amount: 50_000_000 })).apply();
      await assert.rejects((await poor.balances.transfer({ address: CHARLIE, amount: 60_000_000 })).apply(), /FundsUnavailable|Token/);
      const left = BigInt((await poor.balances.get({ address: poor.address })).free);
      assert.ok(left > 49_000_000n && left < 50_000_000n, `only the fee was taken, ${left} left`);
    } finally {
      await alice.disconnect();
      await poor.disconnect();
    }
  });
});
