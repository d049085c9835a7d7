// TFChain's pallet-tft-price tests in our words (the price reports, the average's rounding, min/max and their
// origins), plus the ring buffer's wrap and our starting-price genesis. The three tests of the Stellar
// response parser are in stellar-price.test.ts.
import { strict as assert } from "node:assert";
import { keyFromUri } from "../../../../primitives/crypto/keyring.js";
import { ROOT, signed, type Origin } from "../../../../runtime/origin.js";
import { buildTftPriceGenesis, defineTftPrice, tftPriceStorage as S } from "../../../../runtime/pallets/tft-price/index.js";
import { averagePrice, HISTORY_SLOTS, historyPrices, pushPrice } from "../../../../runtime/pallets/tft-price/ring-buffer.js";
import { MemoryStorage } from "../../../../state/memory-storage.js";
import { callOf, PalletBlock } from "../../../helpers/pallet-block.js";
import { stateRoot } from "../../../helpers/state-root.js";

const ALICE = keyFromUri("//Alice").publicKey;
const BOB = keyFromUri("//Bob").publicKey;

/** TFChain's mock: Alice is the only validator, prices bounded to [10, 1000]. */
function priceBlock(): PalletBlock {
  const base = new MemoryStorage();
  buildTftPriceGenesis(base, { tftPrice: { min: 10, max: 1000, price: 0 } });
  return new PalletBlock([defineTftPrice({ validators: () => [ALICE] })], { base });
}

const call = (b: PalletBlock, origin: Origin, name: string, args: Record<string, unknown>) =>
  b.dispatch(callOf("TFTPriceModule", name, args), origin);
const lastEvent = (b: PalletBlock) => b.events().filter((e) => e.pallet === "TFTPriceModule").at(-1);

function assertNoop(b: PalletBlock, f: () => ReturnType<typeof call>, error: object): void {
  const root = stateRoot(b.io);
  const events = b.events().length;
  const out = f();
  assert.equal(out.ok, false);
  assert.deepEqual(out.error, error);
  assert.deepEqual(stateRoot(b.io), root, "state unchanged");
  assert.equal(b.events().length, events, "no event");
}
const moduleError = (error: string) => ({ tag: "NamedModule", pallet: "TFTPriceModule", error });

describe("TFTPriceModule", () => {
  it("rounds the average to the nearest mUSD, halves up (test_calc_avg_rounding_works)", () => {
    const b = priceBlock();
    const expected: [number, number][] = [[499, 499], [500, 500], [500, 500], [500, 500], [499, 500], [499, 500], [499, 499]];
    for (const [price, average] of expected) {
      pushPrice(b.io, price);
      assert.equal(averagePrice(historyPrices(b.io)), average, `after pushing ${price}`);
    }
  });

  it("keeps every report in the history and averages them (test_set_prices_works)", () => {
    const b = priceBlock();
    for (let i = 1; i <= 10; i++) assert.ok(call(b, signed(ALICE), "set_prices", { price: 500, block_number: i * 100 }).ok);
    assert.equal(historyPrices(b.io).length, 10);
    assert.equal(S.TftPrice.get(b.io), 500);
    assert.equal(S.AverageTftPrice.get(b.io), 500);
    assert.equal(S.LastBlockSet.get(b.io), 1000);
  });

  it("stores a validator's price, free of fees, with PriceStored and AveragePriceStored (test_set_price_works)", () => {
    const b = priceBlock();
    const out = call(b, signed(ALICE), "set_prices", { price: 500, block_number: 1 });
    assert.ok(out.ok);
    assert.equal(out.postInfo.paysFee, "No");
    assert.equal(S.TftPrice.get(b.io), 500);
    assert.equal(S.AverageTftPrice.get(b.io), 500);
    assert.deepEqual(b.eventNames(), ["TFTPriceModule.PriceStored", "TFTPriceModule.AveragePriceStored"]);
  });

  it("stores a price below the minimum and says so (test_set_price_below_min_price_works)", () => {
    const b = priceBlock();
    assert.ok(call(b, signed(ALICE), "set_prices", { price: 5, block_number: 1 }).ok);
    assert.deepEqual(lastEvent(b), { pallet: "TFTPriceModule", name: "AveragePriceIsBelowMinPrice", value: [5, 10] });
    assert.equal(S.TftPrice.get(b.io), 5);
    assert.equal(S.AverageTftPrice.get(b.io), 5);
  });

  it("stores a price above the maximum and says so (test_set_price_above_max_price_works)", () => {
    const b = priceBlock();
    assert.ok(call(b, signed(ALICE), "set_prices", { price: 2000, block_number: 1 }).ok);
    assert.deepEqual(lastEvent(b), { pallet: "TFTPriceModule", name: "AveragePriceIsAboveMaxPrice", value: [2000, 1000] });
    assert.equal(S.AverageTftPrice.get(b.io), 2000);
  });

  it("refuses a price from an account that is not a validator (test_set_price_not_validator_fails)", () => {
    const b = priceBlock();
    assertNoop(b, () => call(b, signed(BOB), "set_prices", { price: 500, block_number: 1 }), moduleError("AccountUnauthorizedToSetPrice"));
  });

  it("sets the minimum price from the council (test_set_min_tft_price_works)", () => {
    const b = priceBlock();
    assert.ok(call(b, ROOT, "set_min_tft_price", { price: 20 }).ok);
    assert.equal(S.MinTftPrice.get(b.io), 20);
  });

  it("refuses the minimum from a signed account (test_set_min_tft_price_wrong_origin_fails)", () => {
    const b = priceBlock();
    assertNoop(b, () => call(b, signed(BOB), "set_min_tft_price", { price: 20 }), { tag: "BadOrigin" });
  });

  it("refuses a minimum not below the maximum (test_set_min_tft_price_too_high_fails)", () => {
    const b = priceBlock();
    assertNoop(b, () => call(b, ROOT, "set_min_tft_price", { price: 2000 }), moduleError("MinPriceAboveMaxPriceError"));
    assertNoop(b, () => call(b, ROOT, "set_min_tft_price", { price: 1000 }), moduleError("MinPriceAboveMaxPriceError"));
  });

  it("sets the maximum price from the council (test_set_max_tft_price_works)", () => {
    const b = priceBlock();
    assert.ok(call(b, ROOT, "set_max_tft_price", { price: 2000 }).ok);
    assert.equal(S.MaxTftPrice.get(b.io), 2000);
  });

  it("refuses the maximum from a signed account (test_set_max_tft_price_wrong_origin_fails)", () => {
    const b = priceBlock();
    assertNoop(b, () => call(b, signed(BOB), "set_max_tft_price", { price: 2000 }), { tag: "BadOrigin" });
  });

  it("refuses a maximum not above the minimum (test_set_max_tft_price_too_low_fails)", () => {
    const b = priceBlock();
    assertNoop(b, () => call(b, ROOT, "set_max_tft_price", { price: 5 }), moduleError("MaxPriceBelowMinPriceError"));
    assertNoop(b, () => call(b, ROOT, "set_max_tft_price", { price: 10 }), moduleError("MaxPriceBelowMinPriceError"));
  });

  it("wraps the history at 1440 slots, overwriting the oldest price", () => {
    const b = priceBlock();
    for (let i = 0; i < HISTORY_SLOTS; i++) pushPrice(b.io, 100);
    assert.deepEqual(S.BufferRange.get(b.io), [1, 0], "full: end wrapped to 0, start pushed to 1");
    pushPrice(b.io, 1540);
    assert.deepEqual(S.BufferRange.get(b.io), [2, 1]);
    const prices = historyPrices(b.io);
    assert.equal(prices.length, HISTORY_SLOTS, "slots are overwritten, never removed");
    assert.equal(averagePrice(prices), Math.round((1439 * 100 + 1540) / 1440));
  });

  it("saturates the sum at u32::MAX before dividing, as TFChain does", () => {
    assert.equal(averagePrice([0xffff_ffff, 0xffff_ffff]), 0x8000_0000);
  });

  it("starts the chain at the spec's price: price, average and the first history slot", () => {
    const io = new MemoryStorage();
    buildTftPriceGenesis(io, { tftPrice: { min: 10, max: 1000, price: 50 } });
    assert.equal(S.TftPrice.get(io), 50);
    assert.equal(S.AverageTftPrice.get(io), 50);
    assert.deepEqual(historyPrices(io), [50]);
    assert.deepEqual(S.BufferRange.get(io), [0, 1]);
    assert.equal(S.MinTftPrice.get(io), 10);
    assert.equal(S.MaxTftPrice.get(io), 1000);
  });
});
