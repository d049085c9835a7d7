// The validator's TFT price feed on a real dev chain (chain, pool and manual author in-process) against a
// local Horizon stand-in: who reports, when, what it signs, and that a bad answer only costs a log line.
import { strict as assert } from "node:assert";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { AUTHORING_FLAGS } from "../../node/cli/authoring.js";
import { CliError, parseFlags } from "../../node/cli/flags.js";
import { POOL_FLAGS } from "../../node/cli/pool.js";
import { RPC_FLAGS } from "../../node/cli/rpc.js";
import { SHARED_FLAGS } from "../../node/cli/shared.js";
import { resolveConfig } from "../../node/config.js";
import { createLogger, parseLogLevels } from "../../node/logger.js";
import { isNextBlockAuthor, reportDue, startTftPriceFeed, type TftPriceFeed } from "../../node/tft-price-feed.js";
import { keyFromUri } from "../../primitives/crypto/keyring.js";
import { decodeExtrinsic } from "../../primitives/extrinsic.js";
import { runtime } from "../../runtime/index.js";
import { auraPreDigest, storage as auraStorage } from "../../runtime/pallets/aura/index.js";
import { storage as sessionStorage } from "../../runtime/pallets/session/storage.js";
import { storage as systemStorage } from "../../runtime/pallets/system/storage.js";
import { tftPriceStorage } from "../../runtime/pallets/tft-price/index.js";
import { HORIZON_PRICE_PATH } from "../../runtime/pallets/tft-price/stellar-price.js";
import { MemoryStorage } from "../../state/memory-storage.js";
import { until } from "../consensus/helpers.js";
import { DevChain } from "../helpers/dev-services.js";

const alice = keyFromUri("//Alice");
const bob = keyFromUri("//Bob");

/** 3.3 USDC for 100 TFT: 3300 mUSD per 100, 33 mUSD per TFT. */
const HORIZON_ANSWER = JSON.stringify({
  _embedded: { records: [{ source_amount: "3.4000000", path: [] }, { source_amount: "3.3000000", path: [{ asset_type: "native" }] }] },
});

type Mode = "price" | "garbage" | "status" | "latin1" | "hang";

/** A Horizon stand-in answering in `mode`; counts requests and remembers their paths. */
async function horizon() {
  const paths: string[] = [];
  const server = http.createServer((req, res) => {
    paths.push(req.url ?? "");
    switch (stub.mode) {
      case "price":
        return res.writeHead(200, { "content-type": "application/json" }).end(HORIZON_ANSWER);
      case "garbage":
        return res.writeHead(200).end("<html>rate limited</html>");
      case "status":
        return res.writeHead(503).end(HORIZON_ANSWER);
      case "latin1":
        return res.writeHead(200).end(Buffer.from([0x7b, 0xe9, 0x7d]));
      case "hang":
        return;
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const stub = {
    mode: "price" as Mode,
    paths,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
  return stub;
}

function capturedLog() {
  const lines: string[] = [];
  return { lines, log: createLogger("tft-price", parseLogLevels(["debug"]), (l) => lines.push(l)) };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Session validators and their Aura keys (the same bytes for dev accounts). */
function setValidators(state: MemoryStorage, list: Uint8Array[]): void {
  auraStorage.Authorities.set(state, list);
  sessionStorage.Validators.set(state, list);
}

describe("node/tft-price-feed", () => {
  describe("isNextBlockAuthor", () => {
    it("names the validator after the block's author, wrapping around", () => {
      const state = new MemoryStorage();
      setValidators(state, [alice.publicKey, bob.publicKey]);
      const aliceSlot = [auraPreDigest(100n)];
      const bobSlot = [auraPreDigest(101n)];
      assert.equal(isNextBlockAuthor(state, aliceSlot, bob.publicKey), true);
      assert.equal(isNextBlockAuthor(state, aliceSlot, alice.publicKey), false);
      assert.equal(isNextBlockAuthor(state, bobSlot, alice.publicKey), true);
      assert.equal(isNextBlockAuthor(state, bobSlot, bob.publicKey), false);
      setValidators(state, [alice.publicKey]);
      assert.equal(isNextBlockAuthor(state, aliceSlot, alice.publicKey), true, "a lone validator follows itself");
    });

    it("does not object when the block claims no slot, as TFChain", () => {
      const state = new MemoryStorage();
      setValidators(state, [alice.publicKey, bob.publicKey]);
      assert.equal(isNextBlockAuthor(state, [], bob.publicKey), true);
    });
  });

  it("reportDue wants ten blocks since LastBlockSet, and a LastBlockSet ahead wraps to due", () => {
    const vectors: [number, number, boolean][] = [[9, 0, false], [10, 0, true], [19, 10, false], [20, 10, true], [5, 100, true]];
    for (const [number, last, due] of vectors) assert.equal(reportDue(number, last), due, `${number} after ${last}`);
  });

  describe("--tft-price-url", () => {
    const config = (...argv: string[]) =>
      resolveConfig(parseFlags(["--chain", "dev", "--base-path", "/nonexistent/tfchain-ts", ...argv], [SHARED_FLAGS, RPC_FLAGS, AUTHORING_FLAGS, POOL_FLAGS]).flags);

    it("is off unless given, and takes an http(s) base URL", () => {
      assert.equal(config().tftPriceUrl, undefined);
      assert.equal(config("--tft-price-url", "https://horizon.stellar.org").tftPriceUrl, "https://horizon.stellar.org");
      assert.equal(config("--tft-price-url", "http://127.0.0.1:8000").tftPriceUrl, "http://127.0.0.1:8000");
    });

    it("refuses anything else, naming an example", () => {
      for (const bad of ["horizon.stellar.org", "ftp://horizon.stellar.org", ""]) {
        assert.throws(() => config("--tft-price-url", bad), (e: unknown) => e instanceof CliError && /https:\/\/horizon\.stellar\.org/.test(e.message), bad);
      }
    });
  });

  describe("on a dev chain", () => {
    let dev: DevChain;
    let stub: Awaited<ReturnType<typeof horizon>>;
    let feed: TftPriceFeed | undefined;
    beforeEach(async () => {
      dev = await DevChain.create();
      stub = await horizon();
    });
    afterEach(async () => {
      await feed?.stop();
      feed = undefined;
      await stub.close();
      await dev.close();
    });
    const start = (signer = alice, timeoutMs?: number) => {
      const { lines, log } = capturedLog();
      feed = startTftPriceFeed({ baseUrl: `${stub.url}/`, timeoutMs }, { chain: dev.chain, pool: dev.pool, runtime, signer, log });
      return lines;
    };
    const blocks = async (n: number) => {
      for (let i = 0; i < n; i++) await dev.produceBlock();
    };
    const best = async () => dev.chain.stateAt(dev.chain.best().hash);

    it("reports the served price at block 10 as Alice, and the next block stores it", async () => {
      const lines = start();
      await blocks(9);
      await pause(150);
      assert.equal(stub.paths.length, 0, "nothing due before block 10");
      await blocks(1);
      await until("a report in the pool", () => (dev.pool.status().ready === 1 ? true : undefined));
      assert.deepEqual(stub.paths, [HORIZON_PRICE_PATH]);
      assert.ok(lines.some((l) => l.includes("Reported TFT price") && l.includes("price=33") && l.includes("block=10")), lines.join("\n"));

      const xt = decodeExtrinsic(dev.pool.pending()[0]!);
      assert.deepEqual(xt.signed!.address.value, alice.accountId);
      assert.equal(xt.signed!.nonce, 0);
      assert.equal(xt.signed!.era.period, 4096, "mortal for BlockHashCount (2400) rounded up");
      assert.equal(xt.signed!.era.birth(10), 9, "born at the block before");
      assert.deepEqual(runtime.callSchema.dec(xt.call), { tag: "TFTPriceModule", value: { tag: "set_prices", value: { price: 33, block_number: 10 } } });

      await blocks(1);
      const state = await best();
      assert.equal(tftPriceStorage.TftPrice.get(state), 33);
      assert.equal(tftPriceStorage.LastBlockSet.get(state), 10);
      const events = (systemStorage.Events.get(state) as { event: { tag: string; value: { tag: string; value: unknown } } }[]).map((r) => r.event);
      assert.ok(events.some((e) => e.tag === "TFTPriceModule" && e.value.tag === "PriceStored" && (e.value.value as number[])[0] === 33), events.map((e) => `${e.tag}.${e.value.tag}`).join());
      assert.ok(events.some((e) => e.tag === "System" && e.value.tag === "ExtrinsicSuccess"));
      assert.equal(dev.pool.status().ready, 0);

      await blocks(8);
      await pause(150);
      assert.equal(stub.paths.length, 1, "blocks 12–19 are within ten of LastBlockSet");
      await blocks(1);
      await until("a second report", () => (dev.pool.status().ready === 1 ? true : undefined));
      assert.equal(decodeExtrinsic(dev.pool.pending()[0]!).signed!.nonce, 1);
    });

    it("stays quiet when its key does not author the next block", async () => {
      start(bob);
      await blocks(11);
      await pause(150);
      assert.equal(stub.paths.length, 0);
      assert.equal(dev.pool.status().ready, 0);
    });

    it("logs a bad answer, submits nothing, and tries again on the next block", async () => {
      const lines = start(alice, 300);
      await blocks(9);
      const cases: [Mode, string][] = [["garbage", "code=NO_PRICE"], ["status", "code=HTTP_STATUS"], ["latin1", "code=NOT_UTF8"], ["hang", "code=FETCH_FAILED"]];
      for (const [mode, code] of cases) {
        stub.mode = mode;
        const before = stub.paths.length;
        await blocks(1);
        await until(`${mode}: ${code} logged`, () => (lines.some((l) => l.includes("TFT price not reported") && l.includes(code)) ? true : undefined));
        assert.equal(stub.paths.length, before + 1, `${mode}: one request`);
        assert.equal(dev.pool.status().ready, 0, `${mode}: nothing submitted`);
      }
      assert.ok(lines.some((l) => l.includes("no answer within 300 ms")), "the timeout names itself");
      stub.mode = "price";
      await blocks(1);
      await until("a report after the failures", () => (dev.pool.status().ready === 1 ? true : undefined));
      await blocks(1);
      assert.equal(tftPriceStorage.TftPrice.get(await best()), 33);
    });

    it("stops without waiting for a hanging Horizon, and logs nothing about it", async () => {
      const lines = start(alice, 60_000);
      stub.mode = "hang";
      await blocks(10);
      await until("the request", () => (stub.paths.length === 1 ? true : undefined));
      const t = Date.now();
      await feed!.stop();
      assert.ok(Date.now() - t < 1000, `stopped in ${Date.now() - t} ms`);
      assert.ok(!lines.some((l) => l.includes("ERROR")), lines.join("\n"));
      await blocks(1);
      await pause(100);
      assert.equal(stub.paths.length, 1, "no request after stop");
    });
  });
});
