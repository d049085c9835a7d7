import { strict as assert } from "node:assert";
import type { TransactionStatus } from "../../rpc/services.js";
import { Watchers } from "../../txpool/watchers.js";

const settle = () => new Promise((r) => setImmediate(r));
const block = (n: number) => ({ hash: new Uint8Array(32).fill(n), number: n });

describe("txpool: watchers", () => {
  it("deliver statuses in order on a later turn and end after a final one", async () => {
    const w = new Watchers((e) => assert.fail(String(e)));
    const seen: TransactionStatus["tag"][] = [];
    w.watch("t", (s) => seen.push(s.tag));
    w.ready("t");
    w.inBlock("t", block(1));
    assert.deepEqual(seen, []);
    w.finalized(block(1).hash, 1);
    w.ready("t");
    await settle();
    assert.deepEqual(seen, ["ready", "inBlock", "finalized"]);
    assert.equal(w.size, 0);
  });

  it("time out a transaction whose block stays unfinalized for 512 blocks", async () => {
    const w = new Watchers((e) => assert.fail(String(e)));
    const seen: TransactionStatus[] = [];
    w.watch("t", (s) => seen.push(s));
    w.inBlock("t", block(3));
    w.checkFinalityTimeout(3 + 512);
    await settle();
    assert.equal(seen.length, 1);
    w.checkFinalityTimeout(3 + 513);
    await settle();
    assert.deepEqual(seen[1], { tag: "finalityTimeout", block: block(3).hash });
  });

  it("keep delivering to others when a listener throws", async () => {
    const errors: unknown[] = [];
    const w = new Watchers((e) => errors.push(e));
    const seen: string[] = [];
    w.watch("t", () => {
      throw new Error("listener bug");
    });
    w.watch("t", (s) => seen.push(s.tag));
    w.ready("t");
    await settle();
    assert.deepEqual(seen, ["ready"]);
    assert.equal(errors.length, 1);
  });
});
