import { strict as assert } from "node:assert";
import { BasePool } from "../../txpool/base-pool.js";
import type { PoolTransaction } from "../../txpool/transaction.js";

let n = 0;
function tx(opts: { priority?: bigint; requires?: string[]; provides?: string[]; validTill?: number; bytes?: number }): PoolTransaction {
  const id = String(n++).padStart(4, "0");
  return {
    hash: new Uint8Array(32), key: `tx${id}`, encoded: new Uint8Array(opts.bytes ?? 10), signer: new Uint8Array(32), nonce: 0,
    priority: opts.priority ?? 1n, requires: opts.requires ?? [], provides: opts.provides ?? [`p${id}`],
    validTill: opts.validTill ?? 1000, propagate: true, birthNumber: 0, birthHash: new Uint8Array(32), validatedAt: "", source: "External",
  };
}
const keys = (txs: Iterable<PoolTransaction>) => [...txs].map((t) => t.key);

describe("txpool: ready and future queues", () => {
  it("orders ready transactions by priority, then sooner validTill, then age, dependents after parents", () => {
    const pool = new BasePool();
    const a = tx({ priority: 5n, provides: ["a"] });
    const b = tx({ priority: 9n, requires: ["a"], provides: ["b"] });
    const c = tx({ priority: 7n, validTill: 50 });
    const d = tx({ priority: 7n, validTill: 10 });
    const e = tx({ priority: 7n, validTill: 10 });
    for (const t of [a, b, c, d, e]) assert.equal(pool.import(t).status, "ready");
    assert.deepEqual(keys(pool.ready.best()), keys([d, e, c, a, b]));
  });

  it("sends a transaction whose tags nobody provides to the future queue and promotes it transitively", () => {
    const pool = new BasePool();
    const c = tx({ requires: ["b"], provides: ["c"] });
    const b = tx({ requires: ["a"], provides: ["b"] });
    assert.equal(pool.import(c).status, "future");
    assert.equal(pool.import(b).status, "future");
    const a = tx({ provides: ["a"] });
    const imported = pool.import(a);
    assert.equal(imported.status, "ready");
    assert.deepEqual(keys(imported.promoted), keys([b, c]));
    assert.equal(pool.future.count, 0);
  });

  it("replaces the holders of a tag only above their summed priority", () => {
    const pool = new BasePool();
    pool.import(tx({ priority: 3n, provides: ["x"] }));
    pool.import(tx({ priority: 4n, provides: ["y"] }));
    assert.throws(() => pool.import(tx({ priority: 7n, provides: ["x", "y"] })), { code: 1014, message: "Priority is too low: (7 vs 7)" });
    const winner = tx({ priority: 8n, provides: ["x", "y"] });
    assert.equal(pool.import(winner).usurped.length, 2);
    assert.deepEqual(keys(pool.ready.best()), [winner.key]);
  });

  it("prunes tags the chain now provides and promotes what waited for them", () => {
    const pool = new BasePool();
    const a = tx({ provides: ["a"] });
    const b = tx({ requires: ["a"], provides: ["b"] });
    const w = tx({ requires: ["z"] });
    for (const t of [a, b, w]) pool.import(t);
    const res = pool.pruneTags(["a", "z"]);
    assert.deepEqual(keys(res.pruned), [a.key]);
    assert.deepEqual(keys(res.promoted), [w.key]);
    assert.deepEqual(keys(pool.ready.best()).sort(), [b.key, w.key].sort());
  });

  it("removes a subtree and evicts by the limits", () => {
    const pool = new BasePool();
    const a = tx({ priority: 1n, provides: ["a"] });
    const b = tx({ priority: 9n, requires: ["a"] });
    const c = tx({ priority: 5n });
    for (const t of [a, b, c]) pool.import(t);
    assert.deepEqual(keys(pool.enforceLimits({ count: 2, bytes: 1000 }, { count: 10, bytes: 1000 })).sort(), [a.key, b.key].sort(), "the worst goes with its dependents");
    assert.deepEqual(keys(pool.ready.best()), [c.key]);
    assert.equal(pool.ready.bytes, 10);
    pool.import(tx({ requires: ["q"] }));
    const newer = tx({ requires: ["q"] });
    pool.import(newer);
    pool.enforceLimits({ count: 10, bytes: 1000 }, { count: 1, bytes: 1000 });
    assert.deepEqual(pool.future.transactions().map((t) => t.key), [newer.key], "the oldest future transaction goes");
  });

  it("reportInvalid skips the dependents of a transaction the author could not include", () => {
    const pool = new BasePool();
    const a = tx({ priority: 9n, provides: ["a"] });
    const b = tx({ requires: ["a"], provides: ["b"] });
    const c = tx({ requires: ["b"] });
    const d = tx({ priority: 1n });
    for (const t of [a, b, c, d]) pool.import(t);
    const it = pool.ready.best();
    assert.equal(it.next().value!.key, a.key);
    it.reportInvalid(a);
    assert.deepEqual(keys(it), [d.key]);
  });
});
