import { strict as assert } from "node:assert";
import { buildBlock } from "../../consensus/block-builder.js";
import { addressId } from "../../primitives/account.js";
import { Era } from "../../primitives/era.js";
import { auraPreDigest, slotAt } from "../../runtime/pallets/aura/index.js";
import { runtime } from "../../runtime/index.js";
import { alice, bob, bobStash, charlie, PoolChain, recorder, rejection, settle } from "./fixture.js";

const hex = (b: Uint8Array) => `0x${Buffer.from(b).toString("hex")}`;

describe("txpool: upkeep as blocks come", () => {
  let chain: PoolChain;
  beforeEach(() => {
    chain = new PoolChain();
  });

  it("prunes included transactions (inBlock, then finalized) and bans their hashes", async () => {
    const pool = chain.pool();
    const r0 = recorder();
    const xt0 = chain.transfer(alice, { nonce: 0 });
    await pool.submitAndWatch(xt0, r0.listener);
    const h1 = await pool.submit(chain.transfer(alice, { nonce: 1 }));
    const block = chain.block([xt0]);
    await pool.onBlockImported({ ...block, isBest: true });
    await settle();
    assert.deepEqual(r0.statuses, [{ tag: "ready" }, { tag: "inBlock", block: block.hash }]);
    assert.deepEqual(pool.status(), { ready: 1, readyBytes: pool.get(h1)!.encoded.length, future: 0, futureBytes: 0 });
    assert.deepEqual([...pool.ready()].map((t) => t.requires.length), [0], "nonce 1 now depends on the chain only");
    assert.equal((await rejection(pool.submit(xt0))).code, 1012);

    pool.onFinalized({ hash: block.hash, number: block.number });
    await settle();
    assert.deepEqual(r0.tags(), ["ready", "inBlock", "finalized"]);
    pool.onFinalized({ hash: block.hash, number: block.number });
    await settle();
    assert.equal(r0.statuses.length, 3, "the watch ended with finalized");
  });

  it("ignores blocks that do not become best", async () => {
    const pool = chain.pool();
    const xt = chain.transfer(alice, { nonce: 0 });
    await pool.submit(xt);
    const side = chain.block([xt], { setBest: false });
    await pool.onBlockImported({ ...side, isBest: false });
    assert.equal(pool.status().ready, 1);
  });

  it("promotes a future transaction once the chain provides what it waited for", async () => {
    const pool = chain.pool();
    const r = recorder();
    await pool.submitAndWatch(chain.transfer(alice, { nonce: 1 }), r.listener);
    const block = chain.block([chain.transfer(alice, { nonce: 0 })]);
    await pool.onBlockImported({ ...block, isBest: true });
    await settle();
    assert.deepEqual(r.tags(), ["future", "ready"]);
    assert.equal(pool.status().ready, 1);
    assert.equal(pool.nextNonce(alice.accountId), 2);
  });

  it("re-validation drops transactions the new state made invalid (account emptied)", async () => {
    const pool = chain.pool();
    const emptyAll = chain.sign(runtime.callSchema.enc({ tag: "Balances", value: { tag: "transfer_all", value: { dest: addressId(charlie.accountId), keep_alive: false } } }), bobStash, { nonce: 0 });
    const r = recorder();
    await pool.submit(emptyAll);
    await pool.submitAndWatch(chain.transfer(bobStash, { nonce: 1 }), r.listener);
    const other = recorder();
    await pool.submitAndWatch(chain.transfer(bob, { nonce: 0 }), other.listener);
    const block = chain.block([emptyAll]);
    await pool.onBlockImported({ ...block, isBest: true });
    await settle();
    assert.deepEqual(r.tags(), ["ready", "invalid"]);
    assert.deepEqual(other.tags(), ["ready"], "valid transactions stay");
    assert.equal(pool.status().ready, 1);
  });

  it("drops a competitor with the nonce of an included transaction", async () => {
    const pool = chain.pool();
    const r = recorder();
    await pool.submitAndWatch(chain.transfer(alice, { nonce: 0, tip: 1n }), r.listener);
    const block = chain.block([chain.transfer(alice, { nonce: 0, tip: 2n })]);
    await pool.onBlockImported({ ...block, isBest: true });
    await settle();
    assert.deepEqual(r.tags(), ["ready", "invalid"]);
    assert.equal(pool.status().ready, 0);
  });

  it("drops a mortal transaction when its era ends", async () => {
    const pool = chain.pool();
    const r = recorder();
    const era = Era.mortal(4, 0);
    await pool.submitAndWatch(chain.transfer(alice, { nonce: 0, era }), r.listener);
    assert.equal([...pool.ready()][0]!.validTill, 3, "born at 0, dead at block 4: last includable block 3");
    for (let n = 1; n <= 2; n++) await pool.onBlockImported({ ...chain.block([]), isBest: true });
    assert.equal(pool.status().ready, 1);
    await pool.onBlockImported({ ...chain.block([]), isBest: true });
    await settle();
    assert.deepEqual(r.tags(), ["ready", "invalid"]);
    assert.equal(pool.status().ready, 0);
  });

  it("re-queues the transactions of a retracted block (reorg)", async () => {
    const pool = chain.pool();
    const r = recorder();
    const xt = chain.transfer(alice, { nonce: 0 });
    await pool.submitAndWatch(xt, r.listener);
    const a1 = chain.block([xt]);
    await pool.onBlockImported({ ...a1, isBest: true });
    assert.equal(pool.status().ready, 0);

    const b1 = chain.block([], { parent: chain.genesis.hash, setBest: false });
    const b2 = chain.block([], { parent: b1.hash });
    await pool.onRetracted(a1);
    await pool.onBlockImported({ ...b1, isBest: true });
    await pool.onBlockImported({ ...b2, isBest: true });
    await settle();
    assert.deepEqual(r.statuses, [{ tag: "ready" }, { tag: "inBlock", block: a1.hash }, { tag: "retracted", block: a1.hash }, { tag: "ready" }]);
    assert.deepEqual(pool.pending().map(hex), [hex(xt)]);
    assert.equal(pool.nextNonce(alice.accountId), 1);
  });

  it("drops a mortal transaction whose birth block a reorg replaced (its signature no longer holds)", async () => {
    const pool = chain.pool();
    const a1 = chain.block([]);
    const r = recorder();
    await pool.submitAndWatch(chain.transfer(alice, { nonce: 0, era: Era.mortal(64, 1), birthHash: a1.hash }), r.listener);
    const b1 = chain.block([], { parent: chain.genesis.hash, setBest: false });
    const b2 = chain.block([], { parent: b1.hash });
    await pool.onRetracted(a1);
    void pool.onBlockImported({ ...b1, isBest: true });
    const revalidated = pool.onBlockImported({ ...b2, isBest: true });
    assert.equal(pool.status().ready, 1, "not re-validated yet");
    assert.deepEqual([...pool.ready()], [], "the author never gets it, even before re-validation");
    await revalidated;
    await settle();
    assert.deepEqual(r.tags(), ["ready", "invalid"]);
    assert.equal(pool.status().ready, 0);
  });

  it("reports inBlock then finalized for a block finalized without having been best", async () => {
    const pool = chain.pool();
    const r = recorder();
    const xt = chain.transfer(alice, { nonce: 0 });
    await pool.submitAndWatch(xt, r.listener);
    const block = chain.block([xt]);
    pool.onFinalized({ hash: block.hash, number: block.number, extrinsics: block.extrinsics });
    await settle();
    assert.deepEqual(r.tags(), ["ready", "inBlock", "finalized"]);
  });

  it("gives the author ready transactions best first, each after what it depends on", async () => {
    const pool = chain.pool();
    for (const nonce of [2, 0, 1]) await pool.submit(chain.transfer(alice, { nonce }));
    await pool.submit(chain.transfer(bob, { nonce: 0, tip: 1_000n }));
    const order = [...pool.ready()].map((t) => [hex(t.signer) === hex(bob.accountId) ? "bob" : "alice", t.nonce]);
    assert.deepEqual(order, [["bob", 0], ["alice", 0], ["alice", 1], ["alice", 2]]);

    const it = pool.ready();
    const first = it.next().value!;
    const second = it.next().value!;
    assert.equal(second.nonce, 0);
    it.reportInvalid(second);
    assert.deepEqual([...it], [], "alice 1 and 2 depend on the reported one");
    assert.equal(hex(first.signer), hex(bob.accountId));
  });

  it("feeds the block builder, which may skip signature checks", async () => {
    const pool = chain.pool();
    for (const nonce of [0, 1, 2]) await pool.submit(chain.transfer(alice, { nonce }));
    await pool.submit(chain.transfer(bob, { nonce: 0 }));
    const parent = chain.stateAt(chain.best.hash);
    const built = buildBlock(chain.api.executive, parent,
      { parentHash: chain.best.hash, number: 1, timestamp: 1_700_000_006_000n, logs: [auraPreDigest(slotAt(1_700_000_006_000n))] },
      [...pool.ready()].map((t) => t.encoded), () => new Uint8Array(32), { signatureVerified: true });
    assert.equal(built.rejected.length, 0);
    assert.equal(built.extrinsics.length, 5);
  });
});
