// The per-block cap on finalization bills and the spill bucket: a bucket at three times the cap is billed over
// three blocks, in order, without duplicates; the spill entry goes away once drained; and since those blocks
// share one timestamp (as `run_to_block` sets it), the state then equals that of a chain without a cap.
import { strict as assert } from "node:assert";
import { utf8 } from "../../../../primitives/bytes.js";
import { twox128 } from "../../../../primitives/hashing.js";
import { SPILL_BUCKET } from "../../../../runtime/pallets/smart-contract/billing-loop.js";
import { smartContractStorage as S } from "../../../../runtime/pallets/smart-contract/index.js";
import { keysWithPrefix, startsWith } from "../../../../state/storage.js";
import { trieRoot } from "../../../../state/trie/trie-root.js";
import { ALICE, ContractChain } from "./fixtures.js";

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
