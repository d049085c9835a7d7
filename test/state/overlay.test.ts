import { strict as assert } from "node:assert";
import fc from "fast-check";
import { MemoryStorage } from "../../state/memory-storage.js";
import { OverlayedChanges } from "../../state/overlay.js";
import { compact } from "scale-ts";

const b = (...xs: number[]) => Uint8Array.from(xs);
const hex = (u: Uint8Array | undefined) => (u ? Buffer.from(u).toString("hex") : undefined);

describe("state/overlay", () => {
  it("reads through to the base and hides deleted keys", () => {
    const base = new MemoryStorage([[b(1), b(10)], [b(2), b(20)], [b(3), b(30)]]);
    const o = new OverlayedChanges(base);
    o.clear(b(2));
    o.set(b(4), b(40));
    assert.equal(o.get(b(2)), undefined);
    assert.equal(hex(o.get(b(4))), "28");
    assert.equal(hex(o.nextKey(b(1))), "03");
    assert.equal(hex(o.nextKey(b(3))), "04");
    assert.equal(o.nextKey(b(4)), undefined);
  });

  it("rolls back a nested transaction and keeps the outer one", () => {
    const o = new OverlayedChanges(new MemoryStorage());
    o.set(b(1), b(1));
    o.startTransaction();
    o.set(b(2), b(2));
    o.startTransaction();
    o.set(b(1), b(9));
    o.rollbackTransaction();
    assert.equal(hex(o.get(b(1))), "01");
    o.commitTransaction();
    assert.deepEqual(o.changes().map(([k, v]) => [hex(k), hex(v ?? undefined)]), [["01", "01"], ["02", "02"]]);
    assert.throws(() => o.commitTransaction(), /no storage transaction/);
  });

  it("transactional() rolls back on throw", () => {
    const o = new OverlayedChanges(new MemoryStorage([[b(5), b(5)]]));
    assert.throws(() => o.transactional(() => { o.clear(b(5)); throw new Error("boom"); }), /boom/);
    assert.equal(hex(o.get(b(5))), "05");
  });

  it("clearPrefix removes base and overlay keys, up to a limit", () => {
    const o = new OverlayedChanges(new MemoryStorage([[b(1, 1), b(1)], [b(1, 2), b(2)], [b(2, 1), b(3)]]));
    o.set(b(1, 3), b(4));
    assert.equal(o.clearPrefix(b(1), 2), 2);
    assert.equal(o.clearPrefix(b(1)), 1);
    assert.equal(o.get(b(1, 3)), undefined);
    assert.equal(hex(o.get(b(2, 1))), "03");
  });

  it("append builds a SCALE Vec across transactions and rolls back with them", () => {
    const o = new OverlayedChanges(new MemoryStorage([[b(7), b(4, 0xaa)]]));
    o.append(b(7), b(0xbb));
    o.startTransaction();
    o.append(b(7), b(0xcc));
    o.rollbackTransaction();
    o.startTransaction();
    o.append(b(7), b(0xdd));
    o.commitTransaction();
    assert.equal(hex(o.get(b(7))), "0caabbdd");
    o.set(b(7), b(0));
    o.append(b(7), b(1));
    assert.equal(hex(o.get(b(7))), "0401");
  });

  it("matches a plain map under random operations with transactions (property)", () => {
    const key = fc.uint8Array({ minLength: 1, maxLength: 3 });
    const op = fc.oneof(
      fc.record({ t: fc.constant("set" as const), k: key, v: fc.uint8Array({ maxLength: 3 }) }),
      fc.record({ t: fc.constant("clear" as const), k: key }),
      fc.record({ t: fc.constant("append" as const), k: key, v: fc.uint8Array({ minLength: 1, maxLength: 2 }) }),
      fc.record({ t: fc.constant("begin" as const) }),
      fc.record({ t: fc.constant("commit" as const) }),
      fc.record({ t: fc.constant("rollback" as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const o = new OverlayedChanges(new MemoryStorage());
        const stack: Map<string, Uint8Array | null>[] = [new Map()];
        const model = () => {
          const m = new Map<string, Uint8Array | null>();
          for (const layer of stack) for (const [k, v] of layer) m.set(k, v);
          return m;
        };
        for (const x of ops) {
          const top = stack[stack.length - 1]!;
          if (x.t === "set") { o.set(x.k, x.v); top.set(hex(x.k)!, x.v); }
          if (x.t === "clear") { o.clear(x.k); top.set(hex(x.k)!, null); }
          if (x.t === "append") {
            const cur = model().get(hex(x.k)!) ?? undefined;
            let items: Uint8Array[] = [];
            if (cur) {
              const n = compact.dec(cur) as number;
              const prefix = compact.enc(n).length;
              // Items here are raw bytes, so the model keeps the body as one chunk.
              items = [cur.subarray(prefix)];
              const next = new Uint8Array([...compact.enc(n + 1), ...items[0]!, ...x.v]);
              top.set(hex(x.k)!, next);
            } else top.set(hex(x.k)!, new Uint8Array([...compact.enc(1), ...x.v]));
            o.append(x.k, x.v);
          }
          if (x.t === "begin") { o.startTransaction(); stack.push(new Map()); }
          if (x.t === "commit" && stack.length > 1) { o.commitTransaction(); const t = stack.pop()!; for (const [k, v] of t) stack[stack.length - 1]!.set(k, v); }
          if (x.t === "rollback" && stack.length > 1) { o.rollbackTransaction(); stack.pop(); }
        }
        for (const [k, v] of model()) assert.equal(hex(o.get(Buffer.from(k, "hex"))), v === null ? undefined : hex(v), `key ${k}`);
      }),
    );
  });
});
