import { strict as assert } from "node:assert";
import { BlockAuthor } from "../../consensus/authoring.js";
import { AuthoringError } from "../../consensus/authoring-error.js";
import { SLOT_DURATION, slotAt, slotStart } from "../../consensus/aura/slots.js";
import type { Chain } from "../../consensus/chain.js";
import { localSpec } from "../../genesis/chain-spec.js";
import { Era } from "../../primitives/era.js";
import { signExtrinsic } from "../../primitives/extrinsic.js";
import { runtime } from "../../runtime/index.js";
import { currentSlot } from "../../runtime/pallets/aura/index.js";
import { storage as systemStorage } from "../../runtime/pallets/system/storage.js";
import { now as timestampNow } from "../../runtime/pallets/timestamp/index.js";
import { account, alice, bob, charlie, cleanup, openChain, TestPool, transfer, until } from "./helpers.js";

async function slotOf(chain: Chain, hash = chain.best().hash): Promise<bigint> {
  return currentSlot(await chain.stateAt(hash));
}

async function timeOf(chain: Chain, hash = chain.best().hash): Promise<bigint> {
  return timestampNow(await chain.stateAt(hash));
}

/** A clock that runs at real speed from a chosen time, set when the test is ready to start. */
function shiftedClock() {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    set(at: number): number {
      offset = at - Date.now();
      return at;
    },
  };
}

describe("consensus/authoring", () => {
  const authors: BlockAuthor[] = [];
  afterEach(async () => {
    for (const a of authors.splice(0)) await a.stop();
    await cleanup();
  });
  const make = (...args: ConstructorParameters<typeof BlockAuthor>) => {
    const a = new BlockAuthor(...args);
    authors.push(a);
    return a;
  };

  describe("manual", () => {
    it("authors on createBlock, refusing an empty pool unless createEmpty", async () => {
      const chain = await openChain();
      const pool = new TestPool(chain);
      const author = make({ mode: "manual" }, { chain, signer: alice, pool });
      author.start();
      await assert.rejects(author.createBlock({ createEmpty: false, finalize: false }), (e: unknown) => {
        assert.ok(e instanceof AuthoringError);
        assert.equal(e.code, "EMPTY_POOL");
        assert.equal(e.message, "Transaction pool is empty, set create_empty to true, if you want to create empty blocks");
        return true;
      });
      assert.equal(chain.best().number, 0);
      const empty = await author.createBlock({ createEmpty: true, finalize: false });
      assert.equal(chain.best().number, 1);
      assert.deepEqual((await chain.body(empty.hash))!.length, 1, "only the timestamp inherent");
      pool.add(transfer(chain, alice, 0, bob.publicKey, 1_000_000n));
      const full = await author.createBlock({ createEmpty: false, finalize: true });
      assert.equal((await chain.body(full.hash))!.length, 2);
      assert.equal(chain.finalized().number, 2);
      assert.equal(pool.txs.length, 0);
    });

    it("builds on a given parent, making a fork", async () => {
      const chain = await openChain();
      const author = make({ mode: "manual" }, { chain, signer: alice });
      await author.createBlock({ createEmpty: true, finalize: false });
      const fork = await author.createBlock({ createEmpty: true, finalize: false, parentHash: chain.genesisHash });
      assert.equal((await chain.header(fork.hash))!.number, 1);
      assert.equal(chain.db.leaves().length, 2);
      await assert.rejects(author.createBlock({ createEmpty: true, finalize: false, parentHash: new Uint8Array(32) }), /Cannot build on 0x00/);
    });

    it("stops adding transactions when its work budget runs out, and when the block is full", async () => {
      const chain = await openChain();
      const pool = new TestPool(chain);
      const slow = make({ mode: "manual", budgetMs: 30 }, { chain, signer: alice, pool });
      pool.add(...Array.from({ length: 300 }, (_, i) => transfer(chain, alice, i, bob.publicKey, 1_000_000n)));
      const { hash } = await slow.createBlock({ createEmpty: false, finalize: false });
      const included = (await chain.body(hash))!.length - 1;
      assert.ok(included > 0 && included < 300, `${included} transfers in 30 ms`);
      assert.equal(pool.txs.length, 300 - included, "the rest waits in the pool");

      // 1 MiB remarks: the fourth no longer fits in the 3.75 MiB a block gives normal extrinsics.
      const other = await openChain();
      const big = new TestPool(other);
      const author = make({ mode: "manual" }, { chain: other, signer: alice, pool: big });
      const remark = (nonce: number) => {
        const call = runtime.callSchema.enc({ tag: "System", value: { tag: "remark", value: { remark: new Uint8Array(1 << 20) } } });
        return signExtrinsic(call, bob, { era: Era.immortal, nonce, tip: 0n }, { specVersion: 152, txVersion: 2, genesisHash: other.genesisHash, birthHash: other.genesisHash }).encoded;
      };
      big.add(...[0, 1, 2, 3, 4].map(remark));
      const block = await author.createBlock({ createEmpty: false, finalize: false });
      assert.equal((await other.body(block.hash))!.length, 1 + 3);
      assert.equal(big.txs.length, 2, "the remarks that did not fit stay in the pool");
    });
  });

  describe("instant", () => {
    it("authors as soon as a transaction is ready, one block for one tick's transactions", async () => {
      const chain = await openChain();
      const pool = new TestPool(chain);
      make({ mode: "instant" }, { chain, signer: alice, pool }).start();
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(chain.best().number, 0, "no transaction, no block");
      pool.add(transfer(chain, alice, 0, bob.publicKey, 1_000_000n), transfer(chain, alice, 1, bob.publicKey, 1_000_000n));
      await until("block 1", () => (chain.best().number >= 1 ? true : undefined));
      assert.equal((await chain.body(chain.best().hash))!.length, 3);
      pool.add(transfer(chain, alice, 2, bob.publicKey, 1_000_000n));
      await until("block 2", () => (chain.best().number >= 2 ? true : undefined));
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(chain.best().number, 2, "no empty block follows");
      assert.equal((await account(chain, alice.publicKey)).nonce, 3);
    });

    it("keeps building while a block's budget runs out before the pool does", async () => {
      const chain = await openChain();
      const pool = new TestPool(chain);
      make({ mode: "instant", budgetMs: 20 }, { chain, signer: alice, pool }).start();
      pool.add(...Array.from({ length: 200 }, (_, i) => transfer(chain, alice, i, bob.publicKey, 1_000_000n)));
      await until("the pool drained", () => (pool.txs.length === 0 ? true : undefined));
      assert.ok(chain.best().number > 1, `${chain.best().number} blocks`);
      assert.equal((await account(chain, alice.publicKey)).nonce, 200);
    });

    it("keeps timestamps and slots increasing however fast blocks come", async () => {
      const frozen = 1_800_000_000_000;
      const chain = await openChain({ clock: () => frozen });
      const pool = new TestPool(chain);
      make({ mode: "instant" }, { chain, signer: alice, pool }).start();
      const times: bigint[] = [];
      const slots: bigint[] = [];
      for (let i = 0; i < 4; i++) {
        pool.add(transfer(chain, alice, i, bob.publicKey, 1_000_000n));
        await until(`block ${i + 1}`, () => (chain.best().number === i + 1 ? true : undefined));
        times.push(await timeOf(chain));
        slots.push(await slotOf(chain));
      }
      assert.equal(times[0], BigInt(frozen));
      for (let i = 1; i < 4; i++) {
        assert.equal(times[i]! - times[i - 1]!, SLOT_DURATION, `block ${i + 1}: one slot after its parent`);
        assert.equal(slots[i], slots[i - 1]! + 1n);
      }
    });

    it("pays the fees to the block author (Authorship::author)", async () => {
      const chain = await openChain();
      const pool = new TestPool(chain);
      make({ mode: "instant" }, { chain, signer: alice, pool }).start();
      const before = (await account(chain, alice.publicKey)).data.free;
      pool.add(transfer(chain, bob, 0, charlie.publicKey, 1_000_000_000n));
      await until("block 1", () => (chain.best().number >= 1 ? true : undefined));
      const after = (await account(chain, alice.publicKey)).data.free;
      const state = await chain.stateAt(chain.best().hash);
      const events = systemStorage.Events.get(state) as any[];
      const paid = events.map((r) => r.event).find((e) => e.tag === "TransactionPayment")!.value.value.actual_fee as bigint;
      assert.ok(paid > 0n);
      assert.equal(after - before, paid);
    });
  });

  describe("aura", () => {
    it("authors once per slot it owns, on the best block", async () => {
      const clock = shiftedClock();
      const chain = await openChain({ clock: clock.now });
      const author = make({ mode: "aura" }, { chain, signer: alice });
      // The clock starts 150 ms before a slot boundary: one block in this slot, one in the next.
      const base = clock.set(Number(slotStart(slotAt(BigInt(Date.now())) + 1000n)) - 150);
      author.start();
      await until("two blocks", () => (chain.best().number >= 2 ? true : undefined));
      await new Promise((r) => setTimeout(r, 100));
      assert.equal(chain.best().number, 2, "never two blocks in one slot");
      const first = slotAt(BigInt(base));
      assert.equal(await slotOf(chain, (await chain.hashAt(1))!), first);
      assert.equal(await slotOf(chain), first + 1n);
    });

    it("leaves the other authorities' slots alone", async () => {
      const clock = shiftedClock();
      const chain = await openChain({ spec: localSpec(), clock: clock.now });
      // Local chain: Alice authors even slots, Bob odd ones. Start 100 ms before a Bob slot ends.
      const slot = slotAt(BigInt(Date.now())) + 1000n;
      const bobSlot = slot % 2n === 1n ? slot : slot + 1n;
      clock.set(Number(slotStart(bobSlot)) + 6000 - 100);
      make({ mode: "aura" }, { chain, signer: alice }).start();
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(chain.best().number, 0, "Bob's slot: Alice waits");
      await until("Alice's block", () => (chain.best().number >= 1 ? true : undefined));
      assert.equal(await slotOf(chain), bobSlot + 1n);
    });

    it("refuses to author without an authority key", async () => {
      const chain = await openChain();
      const author = make({ mode: "manual" }, { chain, signer: bob });
      await assert.rejects(author.createBlock({ createEmpty: true, finalize: false }), (e: unknown) => e instanceof AuthoringError && e.code === "NOT_AN_AUTHORITY");
    });
  });
});
