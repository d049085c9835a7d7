import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ChainDb } from "../../state/chain-db.js";
import { isDbError } from "../../state/db-error.js";
import { toHex } from "../../primitives/bytes.js";
import { bytes, commit, entriesOf, makeBlock, withTempDir } from "./chain-db-helpers.js";

const FIXTURE = fileURLToPath(new URL("./fixtures/commit-loop.ts", import.meta.url));

describe("state/chain-db crash safety", () => {
  it("a commit whose batch is never written leaves the previous block intact", () =>
    withTempDir(async (path) => {
      let db = await ChainDb.open({ path });
      const g = await commit(db, null, [[bytes("k"), bytes("g")]]);
      const b1 = await commit(db, g, [[bytes("k"), bytes("1")]]);
      const expected = entriesOf(db.stateAt(b1.hash));
      const prepared = await db.prepareCommit(makeBlock(db, b1, [[bytes("k"), bytes("2")], [bytes("new"), bytes("x")]]));
      assert.ok(prepared.opCount > 0);
      await db.close(); // the "crash": the batch is dropped
      db = await ChainDb.open({ path });
      assert.deepEqual(db.best(), b1);
      assert.deepEqual(entriesOf(db.stateAt(b1.hash)), expected);
      await commit(db, b1, [[bytes("k"), bytes("2")]]);
      await db.close();
    }));

  it("a prepared batch goes stale once another change is written", () =>
    withTempDir(async (path) => {
      const db = await ChainDb.open({ path });
      const g = await commit(db, null, [[bytes("k"), bytes("g")]]);
      const prepared = await db.prepareCommit(makeBlock(db, g, [[bytes("k"), bytes("1")]]));
      await commit(db, g, [[bytes("k"), bytes("other")]]);
      await assert.rejects(prepared.write(), (e) => isDbError(e, "STALE_BATCH"));
      await db.close();
    }));

  it("a process killed at random instants reopens on a consistent last committed block", async function () {
    this.timeout(120_000);
    await withTempDir(async (path) => {
      let lastPrinted = -1;
      for (let round = 0; round < 5; round++) {
        const printed = await runAndKill(path, 3 + round * 2, round * 7);
        lastPrinted = Math.max(lastPrinted, printed);
        // Opening checks the flat index and every live state against their roots.
        const db = await ChainDb.open({ path, pruning: 4 });
        const best = db.best();
        assert.ok(best.number >= lastPrinted, `round ${round}: best ${best.number} < printed ${lastPrinted}`);
        for (let n = 0; n <= best.number; n++) assert.ok(await db.hashAt(n), `round ${round}: canon ${n}`);
        assert.deepEqual(await db.hashAt(best.number), best.hash);
        assert.ok(entriesOf(db.stateAt(best.hash)).size > 0);
        assert.ok(db.hasState(db.finalized().hash));
        assert.equal(toHex((await db.blockInfo(best.hash))!.stateRoot), toHex(db.stateAt(best.hash).root()));
        await db.close();
      }
    });
  });
});

/** Runs the commit loop until it printed `commits` lines, waits `delayMs`, kills it; returns the last number printed. */
function runAndKill(path: string, commits: number, delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", FIXTURE, path], { stdio: ["ignore", "pipe", "pipe"] });
    let seen = 0;
    let last = -1;
    let stderr = "";
    let killing = false;
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.on("data", (d: Buffer) => {
      for (const m of d.toString().matchAll(/committed (\d+)/g)) (last = Number(m[1])), seen++;
      if (seen >= commits && !killing) {
        killing = true;
        setTimeout(() => child.kill("SIGKILL"), delayMs);
      }
    });
    child.on("exit", (code, signal) => {
      if (signal === "SIGKILL") resolve(last);
      else reject(new Error(`commit loop exited with ${code}: ${stderr}`));
    });
  });
}
