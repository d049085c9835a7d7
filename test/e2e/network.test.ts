// Real node processes talking libp2p (TCP, noise, yamux) to each other on loopback: handshake, sync,
// block announcements, transaction gossip, genesis checks, node keys.
import { strict as assert } from "node:assert";
import { ApiPromise, Keyring, WsProvider } from "@polkadot/api";
import { freePort, rpc, startNode, waitFor, type NodeProcess } from "./node-process.js";

const keyring = new Keyring({ type: "sr25519", ss58Format: 42 });
const NODE_KEY_1 = "0000000000000000000000000000000000000000000000000000000000000001";

async function p2pArgs(): Promise<{ port: number; args: string[] }> {
  const port = await freePort();
  return { port, args: ["--port", String(port), "--no-mdns"] };
}

async function result(node: NodeProcess, method: string, params: unknown[] = []): Promise<any> {
  const res = await rpc(node, method, params);
  if (res.error) throw new Error(`${method}: ${JSON.stringify(res.error)}`);
  return res.result;
}

async function hashAt(node: NodeProcess, n: number): Promise<string | null> {
  return result(node, "chain_getBlockHash", [n]);
}

async function bestNumber(node: NodeProcess): Promise<number> {
  return parseInt((await result(node, "chain_getHeader", [])).number, 16);
}

describe("network: two processes over libp2p", function () {
  this.timeout(180_000);
  let author: NodeProcess;
  let follower: NodeProcess;
  let bootnode: string;

  before(async () => {
    const a = await p2pArgs();
    author = await startNode(["--dev", ...a.args, "--node-key", NODE_KEY_1]);
    const peerId = await result(author, "system_localPeerId");
    bootnode = `/ip4/127.0.0.1/tcp/${a.port}/p2p/${peerId}`;
    // Let the author get ahead, so the follower has something to sync.
    await waitFor("three blocks on the author", async () => (await bestNumber(author)) >= 3);
    const f = await p2pArgs();
    follower = await startNode(["--chain", "dev", ...f.args, "--bootnodes", bootnode]);
  });

  after(async () => {
    await follower?.stop();
    await author?.stop();
  });

  it("derives the peer id from --node-key and lists its listen addresses", async () => {
    assert.equal(await result(author, "system_localPeerId"), "12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp");
    const addrs: string[] = await result(author, "system_localListenAddresses");
    assert.ok(addrs.some((a) => a.startsWith("/ip4/127.0.0.1/tcp/") && a.endsWith("/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp")), addrs.join(" "));
  });

  it("peers after the handshake: system_peers and system_health on both sides", async () => {
    const followerId = await result(follower, "system_localPeerId");
    const authorId = await result(author, "system_localPeerId");
    await waitFor("the author lists the follower", async () => (await result(author, "system_peers")).some((p: any) => p.peerId === followerId));
    const peers = await result(follower, "system_peers");
    assert.deepEqual(peers.map((p: any) => p.peerId), [authorId]);
    assert.equal(peers[0].roles, "AUTHORITY");
    assert.equal((await result(follower, "system_health")).peers, 1);
  });

  it("syncs the author's chain and follows it: the same hash at every common height", async () => {
    const target = (await bestNumber(author)) + 1;
    await waitFor("the follower at the author's height", async () => (await bestNumber(follower)) >= target, 60_000);
    const top = Math.min(await bestNumber(follower), await bestNumber(author));
    for (let n = 0; n <= top; n++) assert.equal(await hashAt(follower, n), await hashAt(author, n), `block #${n}`);
    const state = await result(follower, "system_syncState");
    assert.ok(state.highestBlock >= top && state.currentBlock >= top);
  });

  it("a transaction sent to the follower reaches the author's pool and a block", async () => {
    const api: any = await ApiPromise.create({ provider: new WsProvider(follower.wsUrl), noInitWarn: true, throwOnConnect: true });
    try {
      const alice = keyring.addFromUri("//Alice");
      const bob = keyring.addFromUri("//Bob");
      const before = ((await api.query.system.account(bob.address)) as any).data.free.toBigInt();
      const included = await new Promise<string>((resolve, reject) => {
        api.tx.balances.transferKeepAlive(bob.address, 1_234_567n).signAndSend(alice, (r: any) => {
          if (r.status.isInBlock) resolve(r.status.asInBlock.toHex());
          if (r.isError) reject(new Error(r.status.type));
        }).catch(reject);
      });
      // The block is the author's (the follower authors nothing) and both nodes have it.
      const block = await result(author, "chain_getBlock", [included]);
      assert.ok(block.block.extrinsics.length >= 2);
      const after = ((await api.query.system.account(bob.address)) as any).data.free.toBigInt();
      assert.equal(after - before, 1_234_567n);
    } finally {
      await api.disconnect();
    }
  });

  it("manages reserved peers over RPC: add, list, remove; a malformed address is error 2002", async () => {
    const bad = await rpc(follower, "system_addReservedPeer", ["/ip4/127.0.0.1/tcp/1"]);
    assert.equal(bad.error.code, 2002);
    assert.match(bad.error.message, /^Peer argument is malformatted/);
    assert.equal((await rpc(follower, "system_removeReservedPeer", ["not a peer id"])).error.code, 2002);
    const authorId = await result(author, "system_localPeerId");
    assert.equal(await result(follower, "system_addReservedPeer", [bootnode]), null);
    assert.deepEqual(await result(follower, "system_reservedPeers"), [authorId]);
    assert.equal(await result(follower, "system_removeReservedPeer", [authorId]), null);
    assert.deepEqual(await result(follower, "system_reservedPeers"), []);
  });

  it("refuses a peer of another genesis at once", async () => {
    const other = await p2pArgs();
    const stranger = await startNode(["--chain", "local", "--alice", ...other.args, "--bootnodes", bootnode]);
    try {
      const strangerId = await result(stranger, "system_localPeerId");
      await waitFor("the stranger's refusal", () => /Banned peer|status: genesis/.test(stranger.output()) || undefined, 30_000);
      assert.ok(!(await result(author, "system_peers")).some((p: any) => p.peerId === strangerId));
      assert.equal((await result(stranger, "system_health")).peers, 0);
    } finally {
      await stranger.stop();
    }
  });

  it("keeps its generated node key across restarts", async () => {
    const p = await p2pArgs();
    const first = await startNode(["--chain", "dev", ...p.args]);
    const id = await result(first, "system_localPeerId");
    await first.stop();
    const again = await startNode(["--chain", "dev", ...p.args], { basePath: first.basePath });
    try {
      assert.equal(await result(again, "system_localPeerId"), id);
    } finally {
      await again.stop();
    }
  });
});
