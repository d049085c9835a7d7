import { strict as assert } from "node:assert";
import { BlockAuthor } from "../../consensus/authoring.js";
import { sealHeader, type AuraSigner } from "../../consensus/aura/seal.js";
import { SLOT_DURATION, slotAt } from "../../consensus/aura/slots.js";
import { buildBlock } from "../../consensus/block-builder.js";
import type { Chain } from "../../consensus/chain.js";
import { ImportError, type BlockData, type ImportErrorCode, type SignatureVerifier } from "../../consensus/import/index.js";
import { localSpec } from "../../genesis/chain-spec.js";
import { verifyMultiSignature } from "../../primitives/crypto/multi-signature.js";
import { headerHash, type Header } from "../../primitives/header.js";
import { auraPreDigest } from "../../runtime/pallets/aura/index.js";
import { now as timestampNow } from "../../runtime/pallets/timestamp/index.js";
import { account, alice, bob, charlie, cleanup, hex, openChain, TestPool, transfer } from "./helpers.js";

/** Blocks 1..n authored on a fresh dev chain (manual sealing), with transfers from Alice in each. */
async function authoredChain(n: number): Promise<{ chain: Chain; blocks: BlockData[] }> {
  const chain = await openChain();
  const pool = new TestPool(chain);
  const author = new BlockAuthor({ mode: "manual" }, { chain, signer: alice, pool });
  const blocks: BlockData[] = [];
  for (let i = 0; i < n; i++) {
    pool.add(transfer(chain, alice, 2 * i, bob.publicKey, 1_000_000_000n), transfer(chain, alice, 2 * i + 1, charlie.publicKey, 7_000_000n));
    const { hash } = await author.createBlock({ createEmpty: false, finalize: false });
    blocks.push({ header: (await chain.header(hash))!, extrinsics: (await chain.body(hash))! });
  }
  await author.stop();
  return { chain, blocks };
}

/** A block on `chain`'s best block built by hand: slot, time and body chosen, header edited before sealing. */
function craft(chain: Chain, signer: AuraSigner, opts: { slotStep?: bigint; extrinsics?: Uint8Array[]; edit?: (h: Header) => Header } = {}): BlockData {
  const parent = chain.best();
  const state = chain.liveState(parent.hash);
  const timestamp = timestampNow(state) + SLOT_DURATION * (opts.slotStep ?? 1n);
  const built = buildBlock(
    chain.executive, state,
    { parentHash: parent.hash, number: parent.number + 1, timestamp, logs: [auraPreDigest(slotAt(timestamp))] },
    opts.extrinsics ?? [],
    (changes) => chain.db.prepareState(parent.hash, changes).stateRoot,
  );
  return { header: sealHeader(opts.edit ? opts.edit(built.header) : built.header, signer), extrinsics: built.extrinsics };
}

async function snapshot(chain: Chain) {
  return {
    best: hex(chain.best().hash), finalized: hex(chain.finalized().hash), leaves: chain.db.leaves().map(hex),
    alice: (await account(chain, alice.publicKey)).data.free,
  };
}

/** Imports `block`, expects `code`, and checks that the database did not change. */
async function assertRefused(chain: Chain, block: BlockData, code: ImportErrorCode, origin: "file" | "network" = "file"): Promise<ImportError> {
  const before = await snapshot(chain);
  const error = await chain.importBlock(block, { origin }).then(
    () => assert.fail(`expected ${code}, the block was imported`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof ImportError, `expected an ImportError, got ${String(error)}`);
  assert.equal(error.code, code, error.message);
  assert.deepEqual(await snapshot(chain), before, "the database changed");
  assert.equal(await chain.header(headerHash(block.header)), undefined, "the refused block is stored");
  return error;
}

describe("consensus/import", () => {
  afterEach(cleanup);

  it("re-imports authored blocks on a fresh chain and reaches the same state root", async () => {
    const { chain: a, blocks } = await authoredChain(3);
    const b = await openChain();
    for (const block of blocks) {
      const out = await b.importBlock(block, { origin: "file" });
      assert.equal(out.status, "imported");
      assert.ok(out.isBest);
    }
    assert.deepEqual(b.best(), a.best());
    const [ha, hb] = [(await a.header(a.best().hash))!, (await b.header(b.best().hash))!];
    assert.equal(hex(hb.stateRoot), hex(ha.stateRoot));
    assert.equal((await account(b, bob.publicKey)).data.free, (await account(a, bob.publicKey)).data.free);
    assert.equal((await b.body(b.best().hash))!.length, 3, "timestamp inherent and two transfers");
  });

  it("answers `known` for a block it has, changing nothing", async () => {
    const { chain, blocks } = await authoredChain(1);
    const out = await chain.importBlock(blocks[0]!, { origin: "file" });
    assert.equal(out.status, "known");
    assert.equal(out.number, 1);
  });

  it("checks signatures through an injected verifier while executing", async () => {
    const { blocks } = await authoredChain(2);
    let checked = 0;
    const verifier: SignatureVerifier = { verify: async (j) => (checked++, verifyMultiSignature(j.signature, j.payload, j.signer)) };
    const b = await openChain({ signatureVerifier: verifier });
    for (const block of blocks) await b.importBlock(block, { origin: "network" });
    assert.equal(checked, 4);
    assert.equal(b.best().number, 2);
  });

  it("refuses a block whose body has a bad signature, with the verifier or without", async () => {
    const { blocks } = await authoredChain(1);
    const body = blocks[0]!.extrinsics.map((x) => x.slice());
    const xt = body[1]!;
    xt[xt.length - 1]! ^= 1; // the call's last byte: the signature no longer matches
    const tampered = { header: blocks[0]!.header, extrinsics: body };
    const inline = await openChain();
    const e = await assertRefused(inline, tampered, "INVALID_EXTRINSIC");
    assert.match(e.message, /BadProof/);
    const verifier: SignatureVerifier = { verify: async (j) => verifyMultiSignature(j.signature, j.payload, j.signer) };
    const offloaded = await openChain({ signatureVerifier: verifier });
    const f = await assertRefused(offloaded, tampered, "BAD_SIGNATURE");
    assert.equal((f.ctx as { index: number }).index, 1);
  });

  it("refuses a tampered seal", async () => {
    const { blocks } = await authoredChain(1);
    const b = await openChain();
    const header = structuredClone(blocks[0]!.header);
    const seal = header.digest.logs[header.digest.logs.length - 1]!.value as [Uint8Array, Uint8Array];
    seal[1][10]! ^= 0xff;
    await assertRefused(b, { header, extrinsics: blocks[0]!.extrinsics }, "BAD_SEAL");
  });

  it("refuses an unsealed block", async () => {
    const { blocks } = await authoredChain(1);
    const b = await openChain();
    const header = { ...blocks[0]!.header, digest: { logs: blocks[0]!.header.digest.logs.slice(0, -1) } };
    await assertRefused(b, { header, extrinsics: blocks[0]!.extrinsics }, "UNSEALED");
  });

  it("refuses a block sealed by a key that is not the slot's author", async () => {
    const dev = await openChain();
    await assertRefused(dev, craft(dev, bob), "BAD_SEAL");
    // On the local chain Alice and Bob take turns: a valid seal by the other authority is a wrong author.
    const local = await openChain({ spec: localSpec() });
    const state = local.liveState(local.best().hash);
    const slot = slotAt(timestampNow(state) + SLOT_DURATION);
    const notOurs = slot % 2n === 0n ? bob : alice; // authorities are [Alice, Bob]
    const e = await assertRefused(local, craft(local, notOurs), "WRONG_AUTHOR");
    assert.equal((e.ctx as { sealedBy: string }).sealedBy, hex(notOurs.publicKey));
  });

  it("refuses a slot that does not increase", async () => {
    const { blocks } = await authoredChain(1);
    const chain = await openChain();
    await chain.importBlock(blocks[0]!, { origin: "file" });
    const parentSlot = slotAt(timestampNow(chain.liveState(chain.best().hash)));
    const block = craft(chain, alice, { edit: (h) => ({ ...h, digest: { logs: [auraPreDigest(parentSlot), ...h.digest.logs.slice(1)] } }) });
    await assertRefused(chain, block, "SLOT_NOT_INCREASING");
  });

  it("refuses a timestamp outside the claimed slot (the runtime's OnTimestampSet)", async () => {
    const chain = await openChain();
    const block = craft(chain, alice, { slotStep: 3n, edit: (h) => ({ ...h, digest: { logs: [auraPreDigest(slotAt(BigInt(Date.now())) + 10n)] } }) });
    const e = await assertRefused(chain, block, "EXECUTION_PANIC");
    assert.match(e.message, /Timestamp slot must match `CurrentSlot`/);
  });

  it("refuses a network block from too far in the future, but not one from a file", async () => {
    const chain = await openChain();
    const block = craft(chain, alice, { slotStep: slotAt(BigInt(Date.now())) + 100n - slotAt(timestampNow(chain.liveState(chain.best().hash))) });
    await assertRefused(chain, block, "SLOT_IN_FUTURE", "network");
    assert.equal((await chain.importBlock(block, { origin: "file" })).status, "imported");
  });

  it("refuses a wrong state root and a wrong extrinsics root", async () => {
    const chain = await openChain();
    await assertRefused(chain, craft(chain, alice, { edit: (h) => ({ ...h, stateRoot: new Uint8Array(32).fill(7) }) }), "STATE_ROOT_MISMATCH");
    await assertRefused(chain, craft(chain, alice, { edit: (h) => ({ ...h, extrinsicsRoot: new Uint8Array(32).fill(7) }) }), "EXTRINSICS_ROOT_MISMATCH");
  });

  it("refuses an unknown parent and a wrong number", async () => {
    const chain = await openChain();
    await assertRefused(chain, craft(chain, alice, { edit: (h) => ({ ...h, parentHash: new Uint8Array(32).fill(9) }) }), "UNKNOWN_PARENT");
    await assertRefused(chain, craft(chain, alice, { edit: (h) => ({ ...h, number: 5 }) }), "INVALID_NUMBER");
  });

  it("refuses an inherent after a signed extrinsic", async () => {
    const { blocks } = await authoredChain(1);
    const chain = await openChain();
    const [inherent, ...signed] = blocks[0]!.extrinsics;
    await assertRefused(chain, { header: blocks[0]!.header, extrinsics: [...signed, inherent!] }, "INHERENT_POSITION");
  });

  it("refuses a block below the finalized block", async () => {
    const { blocks } = await authoredChain(2);
    const chain = await openChain();
    const fork = craft(chain, alice, { slotStep: 5n });
    for (const b of blocks) await chain.importBlock(b, { origin: "file" });
    await chain.finalize(chain.best().hash);
    await assertRefused(chain, fork, "NOT_IN_FINALIZED_CHAIN");
  });

  it("follows the longest chain: a longer fork becomes best and reports its route", async () => {
    const { chain: a, blocks } = await authoredChain(1);
    const b = await openChain();
    await b.importBlock(blocks[0]!, { origin: "file" });
    // Two blocks on genesis in other slots, on a chain that never saw block 1.
    const c = await openChain();
    const f1 = craft(c, alice, { slotStep: 2n });
    await c.importBlock(f1, { origin: "file" });
    const f2 = craft(c, alice);
    const notices: any[] = [];
    b.onImported((n) => notices.push(n));
    assert.equal((await b.importBlock(f1, { origin: "file" })).isBest, false, "a tie keeps the first block");
    assert.equal((await b.importBlock(f2, { origin: "file" })).isBest, true);
    assert.equal(b.best().number, 2);
    const route = notices[1].route;
    assert.deepEqual(route.retracted.map(hex), [hex(a.best().hash)]);
    assert.equal(route.enacted.length, 2);
  });
});
