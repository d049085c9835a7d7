// A misbehaving peer against a real node process: a libp2p host in this test process passes the status
// handshake, then gossips blocks the node cannot import. Substrate's scores ban it after at most four.
// libp2p is loaded with import(): mocha's require() of this file cannot load its ESM-only dependencies.
import { strict as assert } from "node:assert";
import { encodeHeader, type Header } from "../../primitives/header.js";
import type { NetworkHost } from "../../p2p/host.js";
import { BlockAnnounce, ROLE_FULL, Status, STATUS_VERSION } from "../../p2p/messages.js";
import { protocolsFor } from "../../p2p/protocols.js";
import { freePort, rpc, startNode, waitFor, type NodeProcess } from "./node-process.js";

async function result(node: NodeProcess, method: string, params: unknown[] = []): Promise<any> {
  const res = await rpc(node, method, params);
  if (res.error) throw new Error(`${method}: ${JSON.stringify(res.error)}`);
  return res.result;
}

describe("network: bad peers", function () {
  this.timeout(120_000);
  let node: NodeProcess;
  let address: string;
  let genesis: Uint8Array;
  const hosts: NetworkHost[] = [];

  before(async () => {
    const port = await freePort();
    node = await startNode(["--dev", "--port", String(port), "--no-mdns"]);
    address = `/ip4/127.0.0.1/tcp/${port}/p2p/${await result(node, "system_localPeerId")}`;
    genesis = Uint8Array.from(Buffer.from((await result(node, "chain_getBlockHash", [0])).slice(2), "hex"));
  });

  after(async () => {
    for (const h of hosts) await h.stop().catch(() => {});
    await node?.stop();
  });

  async function testPeer(): Promise<NetworkHost> {
    const { generateKeyPair } = await import("@libp2p/crypto/keys");
    const { NetworkHost } = await import("../../p2p/host.js");
    const host = await NetworkHost.create({
      privateKey: await generateKeyPair("Ed25519"), listen: ["/ip4/127.0.0.1/tcp/0"], bootnodes: [], reserved: [],
      reservedOnly: false, inPeers: 8, outPeers: 8, mdns: false, isBanned: () => false,
    }, { connected: () => {}, disconnected: () => {} });
    await host.start();
    hosts.push(host);
    return host;
  }

  function status(genesisHash: Uint8Array): Uint8Array {
    return Status.enc({
      version: STATUS_VERSION, genesis: genesisHash, roles: ROLE_FULL, bestNumber: 0, bestHash: genesisHash,
      finalizedNumber: 0, finalizedHash: genesisHash, peers: [],
    });
  }

  it("bans a peer after at most four invalid blocks, and refuses it afterwards", async () => {
    const protocols = protocolsFor(genesis);
    const peer = await testPeer();
    peer.subscribe(protocols.announces, () => "ignore");
    await peer.dial(address);
    const nodeId = address.split("/p2p/")[1]!;
    const reply = await peer.request(nodeId, protocols.status, status(genesis), { timeoutMs: 10_000, maxResponse: 65_536 });
    assert.ok(reply.length > 0, "the handshake is answered");
    await waitFor("the node to list the test peer", async () => (await result(node, "system_peers")).some((p: any) => p.peerId === peer.peerId));
    // Let the gossip mesh form before publishing.
    await new Promise((r) => setTimeout(r, 2_000));
    let sent = 0;
    for (; sent < 4; sent++) {
      // Unsealed blocks on the best block: every one is refused by the import.
      const best = await result(node, "chain_getHeader", []);
      const parentHash = Uint8Array.from(Buffer.from((await result(node, "chain_getBlockHash", [])).slice(2), "hex"));
      const header = { parentHash, number: parseInt(best.number, 16) + 1, stateRoot: new Uint8Array(32).fill(sent + 1), extrinsicsRoot: new Uint8Array(32), digest: { logs: [] } } as Header;
      await peer.publish(protocols.announces, BlockAnnounce.enc({ header: encodeHeader(header), body: new Uint8Array([0]) }));
      await new Promise((r) => setTimeout(r, 300));
      if (/Banned peer/.test(node.output())) break;
    }
    await waitFor("the ban", () => /Banned peer/.test(node.output()) || undefined, 10_000);
    assert.ok(sent <= 4);
    await waitFor("the node to drop the peer", async () => !(await result(node, "system_peers")).some((p: any) => p.peerId === peer.peerId) || undefined, 10_000);
    await assert.rejects(async () => {
      await peer.dial(address);
      await peer.request(nodeId, protocols.status, status(genesis), { timeoutMs: 5_000, maxResponse: 65_536 });
    });
  });

  it("refuses a peer of another genesis at the handshake", async () => {
    const protocols = protocolsFor(genesis);
    const peer = await testPeer();
    await peer.dial(address);
    const nodeId = address.split("/p2p/")[1]!;
    await assert.rejects(peer.request(nodeId, protocols.status, status(new Uint8Array(32).fill(7)), { timeoutMs: 10_000, maxResponse: 65_536 }));
    await waitFor("the ban", () => node.output().includes(`Banned peer peer=${peer.peerId}`) || undefined, 10_000);
    assert.ok(!(await result(node, "system_peers")).some((p: any) => p.peerId === peer.peerId));
  });
});
