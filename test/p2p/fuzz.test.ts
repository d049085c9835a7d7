// 1,000,000 fuzzed network messages through every handler a peer can reach (status, block request,
// block response, block announcement, transactions) against a real chain and pool: nothing throws out of
// a handler, nothing is imported or admitted, and the chain's state does not move.
import { strict as assert } from "node:assert";
import { toHex } from "../../primitives/bytes.js";
import { encodeHeader } from "../../primitives/header.js";
import { checkResponse, BadResponse, FULL_BLOCKS, serveBlocks } from "../../p2p/block-requests.js";
import { receiveAnnounce } from "../../p2p/block-announces.js";
import { BlockAnnounce, BlockRequest, ROLE_FULL, Status, STATUS_VERSION, Transactions } from "../../p2p/messages.js";
import { checkStatus } from "../../p2p/status.js";
import { ChainSync } from "../../p2p/sync.js";
import { receiveTransactions } from "../../p2p/transactions.js";
import { networkChain, networkPool } from "../../node/network-adapters.js";
import { DevChain } from "../helpers/dev-services.js";

const MESSAGES = Number(process.env.FUZZ_MESSAGES ?? 1_000_000);

/** mulberry32: the same messages on every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

describe("p2p: 1,000,000 fuzzed messages", function () {
  this.timeout(600_000);
  let dev: DevChain;

  before(async () => {
    dev = await DevChain.create();
    for (let i = 0; i < 3; i++) await dev.produceBlock({ finalize: true });
  });

  after(async () => dev?.close());

  it("no handler throws, nothing is imported or admitted, the state stays", async () => {
    const chain = networkChain(dev.chain);
    const pool = networkPool(dev.pool);
    const sync = new ChainSync({ chain, request: async () => { throw new BadResponse("offline"); }, report: () => {}, log: { debug() {}, info() {}, warn() {} } });
    sync.stop();
    const reports = new Map<number, number>();
    const report = (_peer: string, change: number) => reports.set(change, (reports.get(change) ?? 0) + 1);
    const rnd = prng(8);
    const best = dev.chain.best();
    const header = (await dev.chain.header(best.hash))!;
    const body = (await dev.chain.db.body(best.hash))!;
    // Valid messages to mutate: each kind's bytes as a peer would send them.
    const seeds = [
      Status.enc({ version: STATUS_VERSION, genesis: dev.chain.genesisHash, roles: ROLE_FULL, bestNumber: 3, bestHash: best.hash, finalizedNumber: 3, finalizedHash: best.hash, peers: ["/ip4/127.0.0.1/tcp/1/p2p/x"] }),
      BlockRequest.enc({ fields: FULL_BLOCKS, from: { tag: "Number", value: 1 }, direction: { tag: "Ascending", value: undefined }, max: 2 }),
      await serveBlocks(chain, BlockRequest.enc({ fields: FULL_BLOCKS, from: { tag: "Number", value: 1 }, direction: { tag: "Ascending", value: undefined }, max: 2 })),
      BlockAnnounce.enc({ header: encodeHeader({ ...header, number: header.number + 1, parentHash: best.hash }), body }),
      Transactions.enc([new Uint8Array(120).fill(7)]),
    ];
    const request = { fields: FULL_BLOCKS, from: { tag: "Number" as const, value: 1 }, direction: { tag: "Ascending" as const, value: undefined }, max: 2 };
    const before = { best: toHex(best.hash), finalized: toHex(dev.chain.finalized().hash), pool: JSON.stringify(dev.pool.status()) };

    let decoded = 0;
    for (let i = 0; i < MESSAGES; i++) {
      const kind = i % 5;
      let msg: Uint8Array;
      if (rnd() < 0.1) {
        msg = seeds[kind]!.slice();
        const flips = 1 + Math.floor(rnd() * 4);
        for (let f = 0; f < flips; f++) msg[Math.floor(rnd() * msg.length)] = Math.floor(rnd() * 256);
        if (rnd() < 0.3) msg = msg.subarray(0, Math.floor(rnd() * msg.length));
      } else {
        msg = new Uint8Array(Math.floor(rnd() * 48));
        for (let b = 0; b < msg.length; b++) msg[b] = Math.floor(rnd() * 256);
      }
      switch (kind) {
        case 0:
          if (checkStatus(chain, msg).ok) decoded++;
          break;
        case 1:
          try {
            await serveBlocks(chain, msg);
            decoded++;
          } catch {
            // refused: the handler scores the sender
          }
          break;
        case 2:
          try {
            checkResponse(request, msg);
            decoded++;
          } catch (e) {
            assert.ok(e instanceof BadResponse, `checkResponse threw ${(e as Error).message}`);
          }
          break;
        case 3:
          assert.notEqual(await receiveAnnounce({ chain, sync, request: async () => [], report }, "fuzzer", msg), "accept");
          break;
        case 4:
          assert.notEqual(await receiveTransactions(pool, "fuzzer", msg, report), "accept");
          break;
      }
    }
    const after = { best: toHex(dev.chain.best().hash), finalized: toHex(dev.chain.finalized().hash), pool: JSON.stringify(dev.pool.status()) };
    assert.deepEqual(after, before);
    assert.ok(decoded > 0, "some mutations still decode, and are handled");
    assert.ok((reports.get(-(2 ** 12)) ?? 0) > MESSAGES / 10, "undecodable gossip costs the sender");
  });
});
