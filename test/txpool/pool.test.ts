import { strict as assert } from "node:assert";
import { Era } from "../../primitives/era.js";
import { encodeExtrinsic, decodeExtrinsic, extrinsicHash } from "../../primitives/extrinsic.js";
import { keyFromUri } from "../../primitives/crypto/keyring.js";
import { invalidTransactionText } from "../../txpool/index.js";
import { alice, aliceStash, bob, bobStash, PoolChain, recorder, rejection, settle } from "./fixture.js";

const hex = (b: Uint8Array) => `0x${Buffer.from(b).toString("hex")}`;
const INVALID = { code: 1010, message: "Invalid Transaction" };

function tamper(encoded: Uint8Array): Uint8Array {
  const xt = decodeExtrinsic(encoded);
  const sig = xt.signed!.signature.value.slice();
  sig[10]! ^= 0x01;
  return encodeExtrinsic({ call: xt.call, signed: { ...xt.signed!, signature: { ...xt.signed!.signature, value: sig } } });
}

describe("txpool: admission", () => {
  let chain: PoolChain;
  beforeEach(() => {
    chain = new PoolChain();
  });

  it("accepts a valid transfer into the ready queue and returns its hash", async () => {
    const pool = chain.pool();
    const xt = chain.transfer(alice, { nonce: 0 });
    const hash = await pool.submit(xt);
    assert.equal(hex(hash), hex(extrinsicHash(xt)));
    assert.deepEqual(pool.status(), { ready: 1, readyBytes: xt.length, future: 0, futureBytes: 0 });
    assert.deepEqual(pool.pending().map(hex), [hex(xt)]);
    assert.equal(pool.nextNonce(alice.accountId), 1);
  });

  it("reports ready to a watcher", async () => {
    const pool = chain.pool();
    const r = recorder();
    const { hash } = await pool.submitAndWatch(chain.transfer(alice, { nonce: 0 }), r.listener);
    assert.equal(r.statuses.length, 0, "no status before submitAndWatch resolves");
    await settle();
    assert.deepEqual(r.tags(), ["ready"]);
    assert.equal(hex(hash), hex(pool.get(hash)!.hash));
  });

  it("refuses a bad signature with 1010 BadProof", async () => {
    const pool = chain.pool();
    const err = await rejection(pool.submit(tamper(chain.transfer(alice, { nonce: 0 }))));
    assert.deepEqual(err, { ...INVALID, data: "Transaction has a bad signature" });
    assert.equal(pool.status().ready, 0);
  });

  it("refuses a stale nonce with 1010 Stale", async () => {
    const pool = chain.pool();
    chain.block([chain.transfer(alice, { nonce: 0 })]);
    const err = await rejection(pool.submit(chain.transfer(alice, { nonce: 0, tip: 1n })));
    assert.deepEqual(err, { ...INVALID, data: "Transaction is outdated" });
  });

  it("refuses a sender who cannot pay with 1010 Payment", async () => {
    const pool = chain.pool();
    const nobody = keyFromUri("//Nobody");
    const err = await rejection(pool.submit(chain.transfer(nobody, { nonce: 0 })));
    assert.deepEqual(err, { ...INVALID, data: "Inability to pay some fees (e.g. account balance too low)" });
  });

  it("refuses an era born at an unknown block with 1010 AncientBirthBlock", async () => {
    const pool = chain.pool();
    const xt = chain.transfer(alice, { nonce: 0, era: Era.mortal(64, 30) });
    assert.deepEqual(await rejection(pool.submit(xt)), { ...INVALID, data: "Transaction has an ancient birth block" });
  });

  it("refuses an address the chain cannot look up with 1011", async () => {
    const pool = chain.pool();
    const xt = decodeExtrinsic(chain.transfer(alice, { nonce: 0 }));
    const raw = encodeExtrinsic({ call: xt.call, signed: { ...xt.signed!, address: { tag: "Address32", value: alice.accountId } } });
    assert.deepEqual(await rejection(pool.submit(raw)), { code: 1011, message: "Unknown Transaction Validity", data: "CannotLookup" });
    assert.equal((await rejection(pool.submit(raw))).code, 1011, "unknown validity is not banned");
  });

  it("refuses undecodable bytes: -32000 on submit, 1001 on watch", async () => {
    const pool = chain.pool();
    const garbage = Uint8Array.from([0x10, 0x84, 0xff, 0x00, 0x01]);
    const submit = await rejection(pool.submit(garbage));
    assert.equal(submit.code, -32000);
    assert.match(submit.message, /^Client error: /);
    const watch = await rejection(pool.submitAndWatch(garbage, () => {}));
    assert.equal(watch.code, 1001);
    assert.match(watch.message, /^Extrinsic has invalid format: /);
    // An unknown call is a format error too, as the whole extrinsic decodes up front in Substrate.
    const xt = decodeExtrinsic(chain.transfer(alice, { nonce: 0 }));
    const badCall = encodeExtrinsic({ call: Uint8Array.from([0xee, 0x00]), signed: xt.signed! });
    assert.equal((await rejection(pool.submit(badCall))).code, -32000);
  });

  it("refuses an unsigned extrinsic (inherent) as invalid", async () => {
    const pool = chain.pool();
    const block = chain.block([]);
    const err = await rejection(pool.submit(block.extrinsics[0]!));
    assert.equal(err.code, 1010);
  });

  it("refuses a duplicate with 1013 and the hash as data", async () => {
    const pool = chain.pool();
    const xt = chain.transfer(alice, { nonce: 0 });
    const hash = await pool.submit(xt);
    assert.deepEqual(await rejection(pool.submit(xt)), { code: 1013, message: "Transaction Already Imported", data: hex(hash) });
  });

  it("bans an invalid transaction: the same bytes get 1012 while the ban lasts", async () => {
    let now = 1_000;
    const pool = chain.pool({ banTimeMs: 60_000 }, () => now);
    const bad = tamper(chain.transfer(alice, { nonce: 0 }));
    assert.equal((await rejection(pool.submit(bad))).code, 1010);
    assert.deepEqual(await rejection(pool.submit(bad)), { code: 1012, message: "Transaction is temporarily banned" });
    now += 60_000;
    assert.equal((await rejection(pool.submit(bad))).code, 1010, "the ban has run out: validated again");
  });

  it("keeps a future nonce in the future queue until the gap is filled", async () => {
    const pool = chain.pool();
    const r = recorder();
    await pool.submitAndWatch(chain.transfer(alice, { nonce: 1 }), r.listener);
    assert.deepEqual(pool.status().future, 1);
    assert.equal(pool.status().ready, 0);
    assert.equal(pool.nextNonce(alice.accountId), 0);
    await pool.submit(chain.transfer(alice, { nonce: 0 }));
    await settle();
    assert.deepEqual(r.tags(), ["future", "ready"]);
    assert.deepEqual(pool.status().ready, 2);
    assert.equal(pool.nextNonce(alice.accountId), 2);
  });

  it("replaces a transaction only with a strictly higher priority (tip), else 1014", async () => {
    const pool = chain.pool();
    const first = recorder();
    await pool.submitAndWatch(chain.transfer(alice, { nonce: 0, tip: 10n }), first.listener);
    const sameTip = chain.transfer(alice, { nonce: 0, tip: 10n, value: 1_000_000_001n });
    const err = await rejection(pool.submit(sameTip));
    assert.equal(err.code, 1014);
    assert.match(err.message, /^Priority is too low: \((\d+) vs \1\)$/);
    assert.equal(err.data, "The transaction has too low priority to replace another transaction already in the pool.");
    assert.equal((await rejection(pool.submit(chain.transfer(alice, { nonce: 0, tip: 5n })))).code, 1014);

    const better = chain.transfer(alice, { nonce: 0, tip: 11n });
    const betterHash = await pool.submit(better);
    await settle();
    assert.deepEqual(first.tags(), ["ready", "usurped"]);
    assert.deepEqual(first.statuses[1], { tag: "usurped", by: betterHash });
    assert.deepEqual(pool.pending().map(hex), [hex(better)]);
  });

  it("keeps dependents ready when their predecessor is replaced", async () => {
    const pool = chain.pool();
    await pool.submit(chain.transfer(alice, { nonce: 0 }));
    await pool.submit(chain.transfer(alice, { nonce: 1 }));
    await pool.submit(chain.transfer(alice, { nonce: 0, tip: 1n }));
    assert.equal(pool.status().ready, 2);
    assert.deepEqual([...pool.ready()].map((t) => t.nonce), [0, 1]);
  });

  it("enforces the ready limit: the lowest priority goes, a newcomer below all is dropped at once (1016)", async () => {
    const pool = chain.pool({ ready: { count: 2, bytes: 1 << 20 } });
    const low = recorder();
    await pool.submitAndWatch(chain.transfer(alice, { nonce: 0, tip: 1n }), low.listener);
    await pool.submit(chain.transfer(bob, { nonce: 0, tip: 5n }));
    const err = await rejection(pool.submit(chain.transfer(aliceStash, { nonce: 0, tip: 0n })));
    assert.deepEqual(err, { code: 1016, message: "Immediately Dropped", data: "The transaction couldn't enter the pool because of the limit" });
    await pool.submit(chain.transfer(bobStash, { nonce: 0, tip: 3n }));
    await settle();
    assert.deepEqual(low.tags(), ["ready", "dropped"]);
    assert.deepEqual([...pool.ready()].map((t) => hex(t.signer)), [hex(bob.accountId), hex(bobStash.accountId)]);
  });

  it("enforces the ready byte limit; among equal priorities the older transaction goes", async () => {
    const xt = chain.transfer(alice, { nonce: 0, tip: 5n });
    const pool = chain.pool({ ready: { count: 100, bytes: xt.length } });
    const first = recorder();
    await pool.submitAndWatch(xt, first.listener);
    assert.equal((await rejection(pool.submit(chain.transfer(bob, { nonce: 0 })))).code, 1016);
    await pool.submit(chain.transfer(aliceStash, { nonce: 0, tip: 5n }));
    await settle();
    assert.deepEqual(first.tags(), ["ready", "dropped"]);
    assert.deepEqual([...pool.ready()].map((t) => hex(t.signer)), [hex(aliceStash.accountId)]);
  });

  it("enforces the future limit by dropping the oldest waiting transaction", async () => {
    const pool = chain.pool({ future: { count: 1, bytes: 1 << 20 } });
    const first = recorder();
    await pool.submitAndWatch(chain.transfer(alice, { nonce: 5 }), first.listener);
    await pool.submit(chain.transfer(bob, { nonce: 5 }));
    await settle();
    assert.deepEqual(first.tags(), ["future", "dropped"]);
    assert.equal(pool.status().future, 1);
  });

  it("counts the sender's consecutive ready transactions in nextNonce", async () => {
    const pool = chain.pool();
    chain.block([chain.transfer(alice, { nonce: 0 })]);
    for (const nonce of [1, 2, 3, 5]) await pool.submit(chain.transfer(alice, { nonce }));
    assert.equal(pool.nextNonce(alice.accountId), 4);
    assert.equal(pool.nextNonce(bob.accountId), 0);
  });

  it("removes a transaction and its dependents on request, reporting them invalid", async () => {
    const pool = chain.pool();
    const r = recorder();
    const h0 = await pool.submit(chain.transfer(alice, { nonce: 0 }));
    const w = await pool.submitAndWatch(chain.transfer(alice, { nonce: 1 }), r.listener);
    await pool.submit(chain.transfer(bob, { nonce: 0 }));
    const removed = pool.remove([h0]);
    assert.deepEqual(removed.map(hex).sort(), [hex(h0), hex(w.hash)].sort());
    await settle();
    assert.deepEqual(r.tags(), ["ready", "invalid"]);
    assert.equal(pool.status().ready, 1);
  });

  it("stops reporting after unwatch", async () => {
    const pool = chain.pool();
    const r = recorder();
    const w = await pool.submitAndWatch(chain.transfer(alice, { nonce: 0 }), r.listener);
    w.unwatch();
    await settle();
    assert.deepEqual(r.tags(), []);
  });
});

describe("txpool: error wording", () => {
  it("uses sp-runtime's text for each InvalidTransaction", () => {
    const cases: [Parameters<typeof invalidTransactionText>[0], string][] = [
      [{ tag: "Call" }, "Transaction call is not expected"],
      [{ tag: "Payment" }, "Inability to pay some fees (e.g. account balance too low)"],
      [{ tag: "Future" }, "Transaction will be valid in the future"],
      [{ tag: "Stale" }, "Transaction is outdated"],
      [{ tag: "BadProof" }, "Transaction has a bad signature"],
      [{ tag: "AncientBirthBlock" }, "Transaction has an ancient birth block"],
      [{ tag: "ExhaustsResources" }, "Transaction would exhaust the block limits"],
      [{ tag: "Custom", value: 7 }, "Custom error: 7"],
      [{ tag: "BadMandatory" }, "A call was labelled as mandatory, but resulted in an Error."],
      [{ tag: "MandatoryValidation" }, "Transaction dispatch is mandatory; transactions must not be validated."],
      [{ tag: "BadSigner" }, "Invalid signing address"],
    ];
    for (const [reason, text] of cases) assert.equal(invalidTransactionText(reason), text, reason.tag);
  });
});
