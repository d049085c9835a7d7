import { strict as assert } from "node:assert";
import { u8aToHex } from "@polkadot/util";
import { storage as balancesStorage } from "../../runtime/pallets/balances/storage.js";
import { storage as systemStorage } from "../../runtime/pallets/system/storage.js";
import { u32 } from "../../primitives/schema.js";
import { RuntimeDispatchInfoSchema } from "../../runtime/pallets/transaction-payment/types.js";
import { alice, bob, charlie, TestChain } from "../helpers/chain.js";

const account = (chain: TestChain, who: Uint8Array) => systemStorage.Account.get(chain.view(), who);

function queryFee(chain: TestChain, xt: Uint8Array): bigint {
  const out = chain.api.call("TransactionPaymentApi_query_info", chain.state, new Uint8Array([...xt, ...u32.enc(xt.length)]));
  return RuntimeDispatchInfoSchema.dec(out).partial_fee;
}

function events(chain: TestChain) {
  const registry = chain.ourRegistry();
  const raw = chain.state.get(systemStorage.Events.key())!;
  return (registry.createType("Vec<EventRecord>", raw) as any).toHuman() as { phase: any; event: { section: string; method: string; data: any } }[];
}

describe("runtime/executive", () => {
  it("a transfer moves funds, charges query_info's fee to the author and bumps the nonce", () => {
    const chain = new TestChain();
    chain.block([]);
    const xt = chain.sign(alice, "Balances", "transfer_keep_alive", [{ Id: bob.publicKey }, 1_000_000_000n], { nonce: 0 });
    const fee = queryFee(chain, xt);
    assert.ok(fee > 0n);
    const before = { alice: account(chain, alice.publicKey), bob: account(chain, bob.publicKey), author: account(chain, charlie.publicKey) };
    const built = chain.block([xt], charlie.publicKey);
    assert.equal(built.rejected.length, 0, String(built.rejected[0]?.error));
    assert.equal(built.applied[1]!.error, undefined);
    const after = { alice: account(chain, alice.publicKey), bob: account(chain, bob.publicKey), author: account(chain, charlie.publicKey) };
    assert.equal(after.bob.data.free - before.bob.data.free, 1_000_000_000n);
    assert.equal(before.alice.data.free - after.alice.data.free, 1_000_000_000n + fee);
    assert.equal(after.author.data.free - before.author.data.free, fee);
    assert.equal(after.alice.nonce, 1);
  });

  it("records events in FRAME's order with their phases", () => {
    const chain = new TestChain();
    chain.block([]);
    const xt = chain.sign(alice, "Balances", "transfer_keep_alive", [{ Id: bob.publicKey }, 1_000_000_000n], { nonce: 0 });
    chain.block([xt], bob.publicKey);
    const evs = events(chain);
    const names = evs.map((e) => `${JSON.stringify(e.phase)} ${e.event.section}.${e.event.method}`);
    assert.deepEqual(names, [
      '{"ApplyExtrinsic":"0"} system.ExtrinsicSuccess',
      '{"ApplyExtrinsic":"1"} balances.Withdraw',
      '{"ApplyExtrinsic":"1"} balances.Transfer',
      '{"ApplyExtrinsic":"1"} balances.Deposit',
      '{"ApplyExtrinsic":"1"} transactionPayment.TransactionFeePaid',
      '{"ApplyExtrinsic":"1"} system.ExtrinsicSuccess',
    ]);
    assert.equal(systemStorage.EventCount.get(chain.view()), evs.length);
  });

  it("a failing call rolls its changes back but keeps the fee", () => {
    const chain = new TestChain();
    chain.block([]);
    const free = account(chain, alice.publicKey).data.free;
    const xt = chain.sign(alice, "Balances", "transfer_keep_alive", [{ Id: bob.publicKey }, free], { nonce: 0 });
    const fee = queryFee(chain, xt);
    const bobBefore = account(chain, bob.publicKey).data.free;
    // Charlie authors: the dev chain's own author (Alice) would get her fee back.
    const built = chain.block([xt], charlie.publicKey);
    assert.ok(built.applied[1]!.error, "the dispatch failed");
    assert.equal(account(chain, bob.publicKey).data.free, bobBefore);
    assert.equal(account(chain, alice.publicKey).data.free, free - fee);
    assert.equal(account(chain, alice.publicKey).nonce, 1);
    const failed = events(chain).find((e) => e.event.method === "ExtrinsicFailed")!;
    assert.ok(failed, "ExtrinsicFailed deposited");
  });

  it("refuses a stale nonce and a bad signature without touching state", () => {
    const chain = new TestChain();
    chain.block([]);
    const good = chain.sign(alice, "Balances", "transfer_keep_alive", [{ Id: bob.publicKey }, 10_000n], { nonce: 0 });
    chain.block([good]);
    const root = u8aToHex(chain.view().get(systemStorage.Account.key(alice.publicKey))!);
    const stale = chain.sign(alice, "Balances", "transfer_keep_alive", [{ Id: bob.publicKey }, 10_000n], { nonce: 0 });
    const bad = chain.sign(alice, "Balances", "transfer_keep_alive", [{ Id: bob.publicKey }, 10_000n], { nonce: 1 });
    bad[bad.length - 1]! ^= 1;
    const built = chain.block([stale, bad]);
    assert.equal(built.extrinsics.length, 1, "only the timestamp inherent is in the block");
    assert.deepEqual(built.rejected.map((r: any) => r.error.error.value.tag), ["Stale", "BadProof"]);
    assert.equal(u8aToHex(chain.view().get(systemStorage.Account.key(alice.publicKey))!), root);
  });

  it("reaps an account that falls below the existential deposit", () => {
    const chain = new TestChain();
    chain.block([]);
    // Alice sends Charlie (not endowed) 1000 units, then Charlie gives back everything but 100.
    chain.block([chain.sign(alice, "Balances", "transfer_allow_death", [{ Id: charlie.publicKey }, 1_000_000n], { nonce: 0 })]);
    assert.equal(account(chain, charlie.publicKey).providers, 1);
    const fee = queryFee(chain, chain.sign(charlie, "Balances", "transfer_allow_death", [{ Id: bob.publicKey }, 1n], { nonce: 0 }));
    const send = 1_000_000n - fee - 100n;
    chain.block([chain.sign(charlie, "Balances", "transfer_allow_death", [{ Id: bob.publicKey }, send], { nonce: 0 })]);
    assert.equal(chain.view().get(systemStorage.Account.key(charlie.publicKey)), undefined, "Charlie's account is gone");
    const names = events(chain).map((e) => `${e.event.section}.${e.event.method}`);
    assert.ok(names.includes("balances.DustLost"), names.join(","));
    assert.ok(names.includes("system.KilledAccount"), names.join(","));
  });

  it("keeps TotalIssuance equal to the sum of all accounts", () => {
    const chain = new TestChain();
    chain.block([]);
    chain.block([chain.sign(alice, "Balances", "transfer_keep_alive", [{ Id: bob.publicKey }, 5_000_000n], { nonce: 0 })]);
    let sum = 0n;
    for (const [, info] of systemStorage.Account.entries(chain.view())) sum += info.data.free + info.data.reserved;
    assert.equal(balancesStorage.TotalIssuance.get(chain.view()), sum);
  });

  it("answers Core_version and AccountNonceApi_account_nonce", () => {
    const chain = new TestChain();
    const registry = chain.ourRegistry();
    const version: any = registry.createType("RuntimeVersion", chain.api.call("Core_version", chain.state, new Uint8Array()));
    assert.equal(version.specVersion.toNumber(), 152);
    assert.equal(version.specName.toString(), "substrate-threefold");
    chain.block([chain.sign(alice, "Balances", "transfer_keep_alive", [{ Id: bob.publicKey }, 5_000_000n], { nonce: 0 })]);
    assert.equal(u32.dec(chain.api.call("AccountNonceApi_account_nonce", chain.state, alice.publicKey)), 1);
  });
});
