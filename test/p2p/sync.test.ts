// The block request protocol and the sync between real chains (LevelDB, import pipeline), the transport
// left out: a request is served by the other chain's `serveBlocks` and checked by `checkResponse`, the
// bytes the libp2p stream would carry. test/e2e/network*.test.ts run the same code between processes.
import { strict as assert } from "node:assert";
import { toHex } from "../../primitives/bytes.js";
import { checkResponse, BadResponse, FULL_BLOCKS, serveBlocks } from "../../p2p/block-requests.js";
import { BlockRequest, BlockResponse, FIELD_HEADER, type BlockRequest as Request } from "../../p2p/messages.js";
import { ChainSync } from "../../p2p/sync.js";
import { networkChain } from "../../node/network-adapters.js";
import type { NetworkChain } from "../../p2p/chain-access.js";
import { DevChain } from "../helpers/dev-services.js";

const SILENT = { debug() {}, info() {}, warn() {} };
const up = { tag: "Ascending" as const, value: undefined };
const down = { tag: "Descending" as const, value: undefined };

/**
 * The target chain as the network sees it, importing as `file` blocks: manual sealing runs a chain ahead
 * of the wall clock on purpose, which the `network` origin's one-slot-ahead rule would refuse.
 */
function syncing(dev: DevChain): NetworkChain {
  return { ...networkChain(dev.chain), importBlock: (block, justification) => dev.chain.importBlock(block, { origin: "file", justification }) };
}

async function ask(from: DevChain, request: Request): Promise<ReturnType<typeof checkResponse>> {
  return checkResponse(request, await serveBlocks(networkChain(from.chain), BlockRequest.enc(request)));
}

async function hashes(dev: DevChain, to: number): Promise<string[]> {
  const out: string[] = [];
  for (let n = 0; n <= to; n++) out.push(toHex((await dev.chain.hashAt(n))!));
  return out;
}

describe("p2p/block-requests and sync", function () {
  this.timeout(120_000);
  let source: DevChain;
  const opened: DevChain[] = [];

  before(async () => {
    source = await DevChain.create();
    opened.push(source);
    for (let i = 0; i < 300; i++) await source.produceBlock();
  });

  after(async () => {
    for (const d of opened) await d.close();
  });

  async function fresh(): Promise<DevChain> {
    const d = await DevChain.create();
    opened.push(d);
    return d;
  }

  it("serves up to 128 blocks up the chain from a number, with bodies", async () => {
    const blocks = await ask(source, { fields: FULL_BLOCKS, from: { tag: "Number", value: 1 }, direction: up, max: 500 });
    assert.equal(blocks.length, 128, "clamped to 128");
    assert.deepEqual(blocks.map((b) => b.header.number), Array.from({ length: 128 }, (_, i) => i + 1));
    assert.ok(blocks.every((b) => b.extrinsics.length >= 1), "each with its timestamp inherent");
  });

  it("serves down the chain from a hash, and nothing for an unknown block", async () => {
    const from = (await source.chain.hashAt(50))!;
    const blocks = await ask(source, { fields: FIELD_HEADER, from: { tag: "Hash", value: from }, direction: down, max: 5 });
    assert.deepEqual(blocks.map((b) => b.header.number), [50, 49, 48, 47, 46]);
    assert.deepEqual(await ask(source, { fields: FIELD_HEADER, from: { tag: "Hash", value: new Uint8Array(32) }, direction: up, max: 5 }), []);
    assert.deepEqual(await ask(source, { fields: FIELD_HEADER, from: { tag: "Number", value: 10_000 }, direction: up, max: 5 }), []);
  });

  it("refuses a request that does not decode", async () => {
    await assert.rejects(serveBlocks(networkChain(source.chain), new Uint8Array([1, 2])));
  });

  it("checks responses: count, start, links, hashes and bodies", async () => {
    const request: Request = { fields: FULL_BLOCKS, from: { tag: "Number", value: 10 }, direction: up, max: 3 };
    const good = await serveBlocks(networkChain(source.chain), BlockRequest.enc(request));
    const entries = BlockResponse.dec(good);
    const bad = (e: typeof entries) => () => checkResponse(request, BlockResponse.enc(e));
    assert.equal(checkResponse(request, good).length, 3);
    assert.throws(() => checkResponse({ ...request, max: 2 }, good), BadResponse, "more than asked");
    assert.throws(() => checkResponse({ ...request, from: { tag: "Number", value: 11 } }, good), BadResponse, "not where asked");
    assert.throws(bad([entries[0]!, entries[2]!]), BadResponse, "not linked");
    assert.throws(bad([{ ...entries[0]!, hash: new Uint8Array(32) }]), BadResponse, "wrong hash");
    assert.throws(bad([{ ...entries[0]!, body: undefined }]), BadResponse, "missing body");
    assert.throws(() => checkResponse(request, new Uint8Array([4, 1])), BadResponse, "undecodable");
  });

  it("syncs a fresh chain from genesis to the same hashes, in ranges", async () => {
    const target = await fresh();
    const sync = new ChainSync({ chain: syncing(target), request: (_p, r) => ask(source, r), report: () => {}, log: SILENT });
    const best = source.chain.best();
    sync.updatePeer("source", best.number, best.hash);
    const deadline = Date.now() + 60_000;
    while (target.chain.best().number < best.number && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    sync.stop();
    assert.deepEqual(await hashes(target, best.number), await hashes(source, best.number));
  });

  it("finds the fork point and reorganises onto the longer chain", async () => {
    const target = await fresh();
    // Shared history up to #20, then 5 blocks of its own, unfinalized.
    const sync = new ChainSync({ chain: syncing(target), request: (_p, r) => ask(source, r), report: () => {}, log: SILENT });
    const h20 = (await source.chain.hashAt(20))!;
    sync.updatePeer("source", 20, h20);
    while (target.chain.best().number < 20) await new Promise((r) => setTimeout(r, 20));
    sync.stop();
    for (let i = 0; i < 5; i++) await target.produceBlock();
    assert.notEqual(toHex((await target.chain.hashAt(21))!), toHex((await source.chain.hashAt(21))!));
    const again = new ChainSync({ chain: syncing(target), request: (_p, r) => ask(source, r), report: () => {}, log: SILENT });
    const best = source.chain.best();
    again.updatePeer("source", best.number, best.hash);
    const deadline = Date.now() + 60_000;
    while (target.chain.best().number < best.number && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    again.stop();
    assert.deepEqual(await hashes(target, best.number), await hashes(source, best.number));
  });

  it("scores a peer whose responses break the protocol and takes the range from another", async () => {
    const target = await fresh();
    const reports: [string, number][] = [];
    const sync = new ChainSync({
      chain: syncing(target),
      request: async (peer, r) => {
        if (peer === "liar") throw new BadResponse("made up");
        return ask(source, r);
      },
      report: (peer, change) => reports.push([peer, change]),
      log: SILENT,
    });
    const best = source.chain.best();
    sync.updatePeer("liar", best.number + 5, best.hash);
    sync.updatePeer("honest", best.number, best.hash);
    const deadline = Date.now() + 60_000;
    while (target.chain.best().number < best.number && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    sync.stop();
    assert.equal(target.chain.best().number, best.number);
    assert.ok(reports.some(([p, c]) => p === "liar" && c === -(2 ** 12)), "a bad message");
    assert.ok(!reports.some(([p]) => p === "honest"));
  });
});
