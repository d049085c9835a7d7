import { strict as assert } from "node:assert";
import { join } from "node:path";
import { BlockAuthor } from "../../consensus/authoring.js";
import { Chain, ChainError, chainDbPath } from "../../consensus/chain.js";
import { devSpec, localSpec } from "../../genesis/chain-spec.js";
import { genesisBlock } from "../../genesis/genesis-state.js";
import { u64 } from "../../primitives/schema.js";
import { runtime } from "../../runtime/index.js";
import { AuthorityId } from "../../runtime/pallets/aura/index.js";
import { vec } from "../../primitives/schema.js";
import { storage as systemStorage } from "../../runtime/pallets/system/storage.js";
import { account, alice, bob, cleanup, hex, openChain, tempDir, TestPool, transfer } from "./helpers.js";

describe("consensus/chain", () => {
  afterEach(cleanup);

  it("commits the spec's genesis block into an empty database", async () => {
    const chain = await openChain();
    const genesis = genesisBlock(runtime, devSpec());
    assert.equal(hex(chain.genesisHash), hex(genesis.hash));
    assert.deepEqual(chain.best(), { hash: genesis.hash, number: 0 });
    assert.deepEqual(chain.finalized(), { hash: genesis.hash, number: 0 });
    assert.equal(hex((await chain.header(genesis.hash))!.stateRoot), hex(genesis.header.stateRoot));
    assert.deepEqual(await chain.body(genesis.hash), []);
    assert.equal(hex((await chain.hashAt(0))!), hex(genesis.hash));
    assert.equal((await account(chain, alice.publicKey)).data.free, 1n << 60n);
  });

  it("lays the database out under <base-path>/chains/<id>/db", async () => {
    const base = await tempDir();
    assert.equal(chainDbPath(base, devSpec()), join(base, "chains", "dev", "db"));
    const chain = await Chain.open({ spec: devSpec(), basePath: base });
    assert.equal(chain.best().number, 0);
    await chain.close();
  });

  it("refuses a database of another chain, naming the fix", async () => {
    const dbPath = join(await tempDir(), "db");
    await (await Chain.open({ spec: devSpec(), dbPath })).close();
    await assert.rejects(Chain.open({ spec: localSpec(), dbPath }), (e: unknown) => {
      assert.ok(e instanceof ChainError);
      assert.equal(e.code, "GENESIS_MISMATCH");
      assert.match(e.message, /chain spec "tfchain_testnet"/);
      assert.match(e.message, /purge-chain/);
      return true;
    });
    // The refused open released the database: the right spec opens it again.
    await (await Chain.open({ spec: devSpec(), dbPath })).close();
  });

  it("continues from the best block after a restart on the same database", async () => {
    const dbPath = join(await tempDir(), "db");
    const first = await Chain.open({ spec: devSpec(), dbPath });
    const pool = new TestPool(first);
    const author = new BlockAuthor({ mode: "manual" }, { chain: first, signer: alice, pool });
    pool.add(transfer(first, alice, 0, bob.publicKey, 5_000_000n));
    await author.createBlock({ createEmpty: false, finalize: true });
    await author.createBlock({ createEmpty: true, finalize: false });
    const best = first.best();
    const bobFree = (await account(first, bob.publicKey)).data.free;
    await author.stop();
    await first.close();

    const again = await Chain.open({ spec: devSpec(), dbPath });
    try {
      assert.deepEqual(again.best(), best);
      assert.equal(again.finalized().number, 1);
      assert.equal((await account(again, bob.publicKey)).data.free, bobFree);
      const next = new BlockAuthor({ mode: "manual" }, { chain: again, signer: alice });
      const { hash } = await next.createBlock({ createEmpty: true, finalize: false });
      assert.equal((await again.header(hash))!.number, 3);
      assert.equal(hex((await again.header(hash))!.parentHash), hex(best.hash));
      await next.stop();
    } finally {
      await again.close();
    }
  });

  it("answers the Aura runtime APIs", async () => {
    const chain = await openChain({ spec: localSpec() });
    const state = await chain.stateAt(chain.best().hash);
    assert.equal(u64.dec(chain.runtimeApi.call("AuraApi_slot_duration", state, new Uint8Array())), 6000n);
    const keys = vec(AuthorityId).dec(chain.runtimeApi.call("AuraApi_authorities", state, new Uint8Array()));
    assert.deepEqual(keys.map(hex), [hex(alice.publicKey), hex(bob.publicKey)]);
  });

  it("tells listeners of imports and of each finalized block in order", async () => {
    const chain = await openChain();
    const author = new BlockAuthor({ mode: "manual" }, { chain, signer: alice });
    const imported: number[] = [];
    const finalized: number[] = [];
    chain.onImported((b) => imported.push(b.header.number));
    const off = chain.onFinalized((b) => finalized.push(b.header.number));
    for (let i = 0; i < 3; i++) await author.createBlock({ createEmpty: true, finalize: false });
    await chain.finalize(chain.best().hash);
    await chain.finalize((await chain.hashAt(2))!);
    assert.deepEqual(imported, [1, 2, 3]);
    assert.deepEqual(finalized, [1, 2, 3]);
    off();
    await author.stop();
    // The events of block 3 are readable at block 3.
    const events = systemStorage.EventCount.get(await chain.stateAt(chain.best().hash));
    assert.ok(events >= 1);
  });
});
