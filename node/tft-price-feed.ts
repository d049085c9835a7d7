/**
 * The TFT price feed of a validator: what TFChain's `pallet-tft-price` offchain worker does, done by the node.
 *
 * After each block that becomes best, the validator that authors the *next* block (the current author's
 * position among the validators, plus one, wrapping) reports the price if at least `PRICE_INTERVAL_BLOCKS`
 * passed since `LastBlockSet`: it asks Stellar Horizon for the cheapest USDC paths to 100 TFT (2 s deadline),
 * reads the lowest into mUSD per TFT (`stellar-price.ts`), and puts a `TFTPriceModule.set_prices(price,
 * block_number)` signed with its Aura key into the local pool, mortal from the block before, as TFChain's
 * `create_transaction` signs it. The runtime accepts it from validators only, free of fees.
 *
 * Off unless the operator names the Horizon host (`--tft-price-url`). Failures are logged and never thrown:
 * the next block tries again.
 */
import type { ImportedBlockNotice } from "../consensus/index.js";
import { equalBytes } from "../primitives/bytes.js";
import type { KeyPair } from "../primitives/crypto/keyring.js";
import type { DigestItem } from "../primitives/digest.js";
import { Era } from "../primitives/era.js";
import { signExtrinsic } from "../primitives/extrinsic.js";
import { findAuthorIndex } from "../runtime/pallets/aura/index.js";
import { sessionValidators } from "../runtime/pallets/session/storage.js";
import { BLOCK_HASH_COUNT } from "../runtime/pallets/system/constants.js";
import { tftPriceStorage } from "../runtime/pallets/tft-price/index.js";
import { HORIZON_PRICE_PATH, parseLowestPrice, pricePerTft } from "../runtime/pallets/tft-price/stellar-price.js";
import type { Runtime } from "../runtime/runtime.js";
import type { StorageReader } from "../state/storage.js";
import { PoolError, type TxPool } from "../txpool/index.js";
import type { Logger } from "./logger.js";

/** Blocks between two reports ("fetch the price every 1 minutes" at 6 s blocks). */
export const PRICE_INTERVAL_BLOCKS = 10;
/** TFChain's deadline for the whole Horizon request, body included. */
export const PRICE_FETCH_TIMEOUT_MS = 2_000;

export interface TftPriceFeedOptions {
  /** Horizon's base URL, e.g. `https://horizon.stellar.org`; `HORIZON_PRICE_PATH` is appended. */
  baseUrl: string;
  timeoutMs: number;
}

export const defaultTftPriceFeedOptions = { timeoutMs: PRICE_FETCH_TIMEOUT_MS };

export interface TftPriceFeedDeps {
  chain: {
    readonly genesisHash: Uint8Array;
    onImported(listener: (block: ImportedBlockNotice) => void): () => void;
    stateAt(hash: Uint8Array): Promise<StorageReader>;
  };
  pool: Pick<TxPool, "submit" | "nextNonce" | "get">;
  runtime: Pick<Runtime, "callSchema" | "version">;
  /** The validator's Aura key (sr25519): TFChain's offchain signer uses the `aura` key type. */
  signer: KeyPair;
  log: Logger;
}

export interface TftPriceFeed {
  /** Stops listening, aborts a request in flight; resolves when the current report attempt has ended. */
  stop(): Promise<void>;
}

export type TftPriceFeedErrorContext =
  | { code: "FETCH_FAILED"; url: string; reason: string }
  | { code: "HTTP_STATUS"; url: string; status: number }
  | { code: "NOT_UTF8"; url: string }
  | { code: "NO_PRICE"; url: string; bodyBytes: number };

/** Why Horizon gave no price; logged with its `code`, never thrown out of the feed. */
export class TftPriceFeedError extends Error {
  readonly code: TftPriceFeedErrorContext["code"];
  constructor(readonly ctx: TftPriceFeedErrorContext) {
    super(message(ctx));
    this.name = "TftPriceFeedError";
    this.code = ctx.code;
  }
}

function message(ctx: TftPriceFeedErrorContext): string {
  switch (ctx.code) {
    case "FETCH_FAILED":
      return `Horizon request to ${ctx.url} failed (${ctx.reason}): check --tft-price-url and the network`;
    case "HTTP_STATUS":
      return `Horizon answered ${ctx.status} to ${ctx.url}; expected 200`;
    case "NOT_UTF8":
      return `Horizon's answer from ${ctx.url} is not UTF-8`;
    case "NO_PRICE":
      return `Horizon's answer from ${ctx.url} holds no usable source_amount`;
  }
}

/**
 * TFChain's `is_next_block_author`: whether `key` is the session validator after the author of the block with
 * `logs`, in the block's state (the author being the session validator at the Aura index of its slot).
 */
export function isNextBlockAuthor(state: StorageReader, logs: readonly DigestItem[], key: Uint8Array): boolean {
  const validators = sessionValidators(state);
  const index = findAuthorIndex(state, logs);
  // TFChain raises no objection when the block names no author.
  if (index === undefined) return true;
  const author = validators[index]!;
  const position = Math.max(0, validators.findIndex((v) => equalBytes(v, author)));
  return equalBytes(validators[(position + 1) % validators.length]!, key);
}

/** Whether block `number` is far enough past `LastBlockSet` for a report. */
export function reportDue(number: number, lastBlockSet: number): boolean {
  // TFChain subtracts as u64 unchecked: a LastBlockSet ahead of the block (set_prices takes any block
  // number) wraps to a huge gap, so a report is due.
  return BigInt.asUintN(64, BigInt(number) - BigInt(lastBlockSet)) >= BigInt(PRICE_INTERVAL_BLOCKS);
}

/** Starts reporting the TFT price after each new best block; see the module comment. */
export function startTftPriceFeed(opts: Pick<TftPriceFeedOptions, "baseUrl"> & Partial<TftPriceFeedOptions>, deps: TftPriceFeedDeps): TftPriceFeed {
  const timeoutMs = opts.timeoutMs ?? defaultTftPriceFeedOptions.timeoutMs;
  const url = opts.baseUrl.replace(/\/+$/, "") + HORIZON_PRICE_PATH;
  const { chain, pool, runtime, signer, log } = deps;
  const aborter = new AbortController();
  let attempt: Promise<void> | undefined;
  /** Our last report, while it may still wait in the pool. */
  let lastReport: Uint8Array | undefined;

  const report = async (block: ImportedBlockNotice): Promise<void> => {
    const state = await chain.stateAt(block.hash);
    if (!isNextBlockAuthor(state, block.header.digest.logs, signer.publicKey)) return;
    if (!reportDue(block.number, tftPriceStorage.LastBlockSet.get(state))) return;
    if (lastReport && pool.get(lastReport)) {
      log.debug("Previous TFT price report still in the pool", { tx: lastReport });
      return;
    }
    const lowest = await fetchLowestPrice(url, timeoutMs, aborter.signal);
    const price = pricePerTft(lowest);
    const call = runtime.callSchema.enc({ tag: "TFTPriceModule", value: { tag: "set_prices", value: { price, block_number: block.number } } });
    // `create_transaction`: tip 0, mortal for BlockHashCount blocks from the block before this one.
    const era = Era.mortal(BLOCK_HASH_COUNT, Math.max(block.number - 1, 0));
    const xt = signExtrinsic(call, signer, { era, nonce: pool.nextNonce(signer.accountId), tip: 0n }, {
      specVersion: runtime.version.spec_version,
      txVersion: runtime.version.transaction_version,
      genesisHash: chain.genesisHash,
      birthHash: block.header.parentHash,
    });
    lastReport = await pool.submit(xt.encoded, "Local");
    log.info("Reported TFT price", { price, block: block.number, tx: lastReport });
  };

  const unsubscribe = chain.onImported((block) => {
    if (!block.isBest || aborter.signal.aborted) return;
    if (attempt) {
      log.debug("TFT price report in progress; block skipped", { block: block.number });
      return;
    }
    attempt = report(block)
      .catch((e) => {
        if (!aborter.signal.aborted) logFailure(log, e, block.number);
      })
      .finally(() => (attempt = undefined));
  });

  return {
    async stop() {
      unsubscribe();
      aborter.abort();
      await attempt;
    },
  };
}

/** GETs `url` within `timeoutMs` and parses the lowest price (mUSD for 100 TFT); throws `TftPriceFeedError`. */
async function fetchLowestPrice(url: string, timeoutMs: number, stop: AbortSignal): Promise<number> {
  const signal = AbortSignal.any([stop, AbortSignal.timeout(timeoutMs)]);
  let body: ArrayBuffer;
  try {
    const res = await fetch(url, { signal });
    if (res.status !== 200) {
      await res.body?.cancel();
      throw new TftPriceFeedError({ code: "HTTP_STATUS", url, status: res.status });
    }
    body = await res.arrayBuffer();
  } catch (e) {
    if (e instanceof TftPriceFeedError) throw e;
    const cause = (e as Error).cause;
    const reason = signal.aborted && !stop.aborted ? `no answer within ${timeoutMs} ms` : cause instanceof Error ? cause.message : String(e);
    throw new TftPriceFeedError({ code: "FETCH_FAILED", url, reason });
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    throw new TftPriceFeedError({ code: "NOT_UTF8", url });
  }
  const lowest = parseLowestPrice(text);
  if (lowest === undefined) throw new TftPriceFeedError({ code: "NO_PRICE", url, bodyBytes: body.byteLength });
  return lowest;
}

function logFailure(log: Logger, e: unknown, block: number): void {
  if (e instanceof TftPriceFeedError) log.error("TFT price not reported", { block, code: e.code, error: e });
  else if (e instanceof PoolError) log.error("TFT price report refused by the pool", { block, reason: e.reason, error: e });
  else log.error("TFT price feed failed", { block, error: e });
}
