import { strict as assert } from "node:assert";
import { join } from "node:path";
import { BlockAuthor } from "../../consensus/authoring.js";
import { Chain } from "../../consensus/chain.js";
import { DevFinality } from "../../consensus/finality.js";
import { devSpec } from "../../genesis/chain-spec.js";
import { alice, cleanup, hex, openChain, tempDir, until } from "./helpers.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("consensus/finality (dev)", () => {
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const s of stops.splice(0)) await s();
    await cleanup();
  });

  async function setup(opts: { lagMs?: number; minLagMs?: number } = {}) {
    const chain = await openChain();
    const author = new BlockAuthor({ mode: "manual" }, { chain, signer: alice });
    const finality = new DevFinality(opts, { chain });
    finality.start();
    stops.push(() => author.stop(), () => finality.stop());
    const importedAt = new Map<string, number>();
    const finalizedAt = new Map<string, number>();
    chain.onImported((b) => importedAt.set(hex(b.hash), performance.now()));
    chain.onFinalized((b) => finalizedAt.set(hex(b.hash), performance.now()));
    return { chain, author, importedAt, finalizedAt };
  }

  it("finalizes a block about a second after its import, never in the same tick", async () => {
    const { chain, author, importedAt, finalizedAt } = await setup();
    let sameTick = false;
    chain.onImported(() => {
      sameTick = true;
      setImmediate(() => (sameTick = false));
    });
    chain.onFinalized(() => assert.equal(sameTick, false, "finalized in the tick of the import notification"));
    const { hash } = await author.createBlock({ createEmpty: true, finalize: false });
    assert.equal(chain.finalized().number, 0, "not final at import");
    await sleep(500);
    assert.equal(chain.finalized().number, 0, "not final half a second later");
    // Listeners hear of finality just after the database records it: wait for the notification itself.
    await until("finality", () => (finalizedAt.has(hex(hash)) ? true : undefined), 5000);
    const lag = finalizedAt.get(hex(hash))! - importedAt.get(hex(hash))!;
    // Upper bound loose: a loaded CI machine delays timers.
    assert.ok(lag >= 950 && lag < 3000, `lag ${lag} ms`);
  });

  it("finalizes a block when its child is imported, but not sooner than the minimum lag", async () => {
    const { chain, author, importedAt, finalizedAt } = await setup({ lagMs: 5000, minLagMs: 200 });
    const first = await author.createBlock({ createEmpty: true, finalize: false });
    await author.createBlock({ createEmpty: true, finalize: false });
    await until("block 1 final", () => (finalizedAt.has(hex(first.hash)) ? true : undefined), 5000);
    const lag = finalizedAt.get(hex(first.hash))! - importedAt.get(hex(first.hash))!;
    assert.ok(lag >= 195 && lag < 2500, `lag ${lag} ms`);
    assert.equal(chain.finalized().number, 1, "block 2 waits for its own child or its lag");
  });

  it("follows a burst of blocks, telling each finalized block once and in order", async () => {
    const { chain, author } = await setup({ lagMs: 300, minLagMs: 50 });
    const order: number[] = [];
    chain.onFinalized((b) => order.push(b.header.number));
    for (let i = 0; i < 5; i++) await author.createBlock({ createEmpty: true, finalize: false });
    await until("all final", () => (order.length === 5 ? true : undefined), 6000);
    assert.deepEqual(order, [1, 2, 3, 4, 5]);
  });

  it("leaves a losing fork unfinalized", async () => {
    const { chain, author } = await setup({ lagMs: 200, minLagMs: 50 });
    const a1 = await author.createBlock({ createEmpty: true, finalize: false });
    const b1 = await author.createBlock({ createEmpty: true, finalize: false, parentHash: chain.genesisHash });
    await author.createBlock({ createEmpty: true, finalize: false, parentHash: b1.hash });
    await until("the longer fork final", () => (chain.finalized().number === 2 ? true : undefined), 6000);
    assert.equal(hex((await chain.hashAt(1))!), hex(b1.hash));
    assert.notEqual(hex(a1.hash), hex(b1.hash));
  });

  it("finalizes the best chain left unfinalized by a previous run", async () => {
    const dbPath = join(await tempDir(), "db");
    const first = await Chain.open({ spec: devSpec(), dbPath });
    const author = new BlockAuthor({ mode: "manual" }, { chain: first, signer: alice });
    await author.createBlock({ createEmpty: true, finalize: false });
    await author.createBlock({ createEmpty: true, finalize: false });
    await author.stop();
    await first.close();
    const chain = await Chain.open({ spec: devSpec(), dbPath });
    const finality = new DevFinality({ lagMs: 100 }, { chain });
    finality.start();
    try {
      await until("restart finality", () => (chain.finalized().number === 2 ? true : undefined), 6000);
    } finally {
      await finality.stop();
      await chain.close();
    }
  });
});
