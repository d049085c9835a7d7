// The per-block cap on finalization bills and the spill bucket: a bucket at three times the cap is billed over
// three blocks, in order, without duplicates; the spill entry goes away once drained; and since those blocks
// share one timestamp (as `run_to_block` sets it), the state then equals that of a chain without a cap. And a bill
// TFChain's runtime would trap on is skipped, logged, and stays due.
import { strict as assert } from "node:assert";
import { utf8 } from "../../../../primitives/bytes.js";
import { twox128 } from "../../../../primitives/hashing.js";
import { SPILL_BUCKET } from "../../../../runtime/pallets/smart-contract/billing-loop.js";
import { smartContractStorage as S } from "../../../../runtime/pallets/smart-contract/index.js";
import { keysWithPrefix, startsWith } from "../../../../state/storage.js";
import { trieRoot } from "../../../../state/trie/trie-root.js";
import { ROOT } from "../../../../runtime/origin.js";
import { setRuntimeLogger } from "../../../../runtime/runtime-log.js";
import { ALICE, ContractChain, secondsOfBlock } from "./fixtures.js";

const CAP = 4;
const BUCKET_IDS = Array.from({ length: 12 }, (_, k) => BigInt(1 + 10 * k));

/**
 * Alice's twin with 12 name contracts in bucket 1 (ids 1, 11, …, 111) and no other contract, created in block 2
 * (after block 1, which bills bucket 1); then blocks up to 10, which bill nothing.
 */
function chainWithBigBucket(billsPerBlock?: number): ContractChain {
  const c = new ContractChain({ billsPerBlock });
  c.nextBlock();
  c.prepareFarmAndNode();
  for (let i = 1; i <= 111; i++) c.ok(ALICE, "create_name_contract", { name: utf8(`name-${i}`) });
  for (let i = 1; i <= 111; i++) if (i % 10 !== 1) c.ok(ALICE, "cancel_contract", { contract_id: BigInt(i) });
  assert.deepEqual(S.ContractsToBillAt.get(c.io, 1n), BUCKET_IDS);
  c.runToBlock(10);
  return c;
}

/** The contracts each of `count` next blocks bills (all at block `last`'s timestamp). */
function billInBlocks(c: ContractChain, count: number): bigint[][] {
  c.setTimestamp(BigInt(c.number + count - 1) * 6000n + 1_628_082_000_000n);
  const billed: bigint[][] = [];
  for (let i = 0; i < count; i++) {
    const before = c.contractEvents().length;
    c.nextBlock();
    billed.push(c.contractEvents().slice(before).filter((e) => e.name === "ContractBilled").map((e) => e.value[0].contract_id));
  }
  return billed;
}

/** The root of the pallets' state: everything but System's per-block items (events, digest, block hashes). */
function palletStateRoot(c: ContractChain): Uint8Array {
  const system = twox128(utf8("System"));
  const accounts = new Uint8Array([...system, ...twox128(utf8("Account"))]);
  const entries: [Uint8Array, Uint8Array][] = [];
  for (const k of keysWithPrefix(c.io, new Uint8Array(0))) {
    if (startsWith(k, system) && !startsWith(k, accounts)) continue;
    const v = c.io.get(k);
    if (v !== undefined) entries.push([k, v]);
  }
  return trieRoot(entries);
}

describe("SmartContractModule billing cap and spill", () => {
  it("bills a bucket of three times the cap over three blocks, in order, then removes the spill entry", () => {
    const c = chainWithBigBucket(CAP);
    assert.equal(c.number, 11, "block 11 (bucket 1) is open");
    const billed = billInBlocks(c, 4);
    assert.deepEqual(billed, [BUCKET_IDS.slice(0, 4), BUCKET_IDS.slice(4, 8), BUCKET_IDS.slice(8, 12), []]);
    assert.equal(S.ContractsToBillAt.contains(c.io, SPILL_BUCKET), false, "the spill entry is removed once empty");
    assert.deepEqual(S.ContractsToBillAt.get(c.io, 1n), BUCKET_IDS, "the bucket itself is untouched");
  });

  it("keeps the waiting contracts in the spill between blocks, oldest first", () => {
    const c = chainWithBigBucket(CAP);
    billInBlocks(c, 1);
    assert.deepEqual(S.ContractsToBillAt.get(c.io, SPILL_BUCKET), BUCKET_IDS.slice(4));
  });

  it("ends in the same state as a chain without a cap once the spill is drained", () => {
    const capped = chainWithBigBucket(CAP);
    const uncapped = chainWithBigBucket();
    billInBlocks(capped, 4);
    assert.deepEqual(billInBlocks(uncapped, 4), [BUCKET_IDS, [], [], []]);
    assert.deepEqual(palletStateRoot(capped), palletStateRoot(uncapped));
  });
});

describe("SmartContractModule bills TFChain would trap on", () => {
  it("skips and logs a bill whose TFT price overflows u32 units, and bills the whole time once the price is sane", () => {
    const logged: string[] = [];
    setRuntimeLogger({ warn: (m, f) => logged.push(`${m} ${String(f?.reason)}`), info: () => {}, debug: () => {} });
    try {
      const c = new ContractChain();
      c.nextBlock();
      c.prepareFarmAndNode();
      c.ok(ALICE, "create_name_contract", { name: utf8("trapped") });
      const created = S.ContractPaymentState.get(c.io, 1n)!.last_updated_seconds;
      // The average (of 50 and 900,000) × 10,000 does not fit the u32 TFChain computes the price in.
      c.ok(ROOT, "TFTPriceModule.set_max_tft_price", { price: 1_000_000 });
      c.ok(ALICE, "TFTPriceModule.set_prices", { price: 900_000, block_number: c.number });
      c.runToBlock(11);
      assert.ok(logged.some((l) => l.includes("overflows u32")), "the skipped bill is logged");
      assert.equal(c.contractEvents().some((e) => e.name === "ContractBilled"), false, "nothing billed");
      assert.equal(S.ContractPaymentState.get(c.io, 1n)!.last_updated_seconds, created, "the time stays due");
      c.ok(ROOT, "TFTPriceModule.set_max_tft_price", { price: 1000 });
      c.runToBlock(21);
      const bills = c.contractEvents().filter((e) => e.name === "ContractBilled");
      assert.equal(bills.length, 1);
      assert.equal(S.ContractPaymentState.get(c.io, 1n)!.last_updated_seconds, secondsOfBlock(21), "billed up to now, from creation");
    } finally {
      setRuntimeLogger(undefined);
    }
  });
});
