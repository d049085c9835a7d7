// TFChain's three Stellar-answer parser tests in our words (the same Horizon answers: three paths whose
// cheapest costs 0.0328655 USDC, `{}`, an empty record list), plus what TFChain would panic on, and the
// fixed-point reading and rounding. Expected bits were computed with exact rationals (Python `fractions`),
// not with this code.
import { strict as assert } from "node:assert";
import {
  DESTINATION_AMOUNT, HORIZON_PRICE_PATH, parseLowestPrice, parseU32F32, pricePerTft,
} from "../../../../runtime/pallets/tft-price/stellar-price.js";

const USDC = "GA5ZSEJYB37JRC5AVCIA5MOP4RHTM335X2KGX3IHOJAPP5RE34K4KZVN";
const TFT = "GBOVQKJYHXRR3DX6NOX2RRYFRCUMSADGDESTDNBDS6CDVLGVESRTAC47";

/** A Horizon `paths/strict-receive` record paying `amount` USDC for 1 TFT, as in TFChain's fixture. */
function path(amount: string | undefined, hops: object[] = []): Record<string, unknown> {
  return {
    source_asset_type: "credit_alphanum4", source_asset_code: "USDC", source_asset_issuer: USDC,
    ...(amount === undefined ? {} : { source_amount: amount }),
    destination_asset_type: "credit_alphanum4", destination_asset_code: "TFT", destination_asset_issuer: TFT,
    destination_amount: "1.0000000", path: hops,
  };
}

const answer = (records: unknown) => JSON.stringify({ _embedded: { records } }, null, 2);

const TFCHAIN_VALID = answer([
  path("0.0328655", [{ asset_type: "native" }, { asset_type: "credit_alphanum4", asset_code: "yXLM", asset_issuer: "GARDNV3Q7YGT4AKSDF25LT32YSCCW4EV22Y2TV3I2PU2MMXJTEDL5T55" }]),
  path("0.0340713", [{ asset_type: "native" }]),
  path("0.0351812"),
]);

describe("runtime/pallets/tft-price/stellar-price", () => {
  describe("parseLowestPrice", () => {
    it("reads the cheapest of three paths as 33 mUSD (test_parse_lowest_price_from_valid_request_works)", () => {
      assert.equal(parseLowestPrice(TFCHAIN_VALID), 33);
    });

    it("finds no price in an empty object (test_parse_lowest_price_from_empty_request_fails)", () => {
      assert.equal(parseLowestPrice("\n    {\n    }"), undefined);
    });

    it("finds no price in an empty record list (test_parse_lowest_price_from_incomplete_request_fails)", () => {
      assert.equal(parseLowestPrice(answer([])), undefined);
    });

    it("finds no price when one record lacks source_amount, where TFChain panics on from_num(NaN)", () => {
      assert.equal(parseLowestPrice(answer([path("0.0328655"), path(undefined)])), undefined);
      assert.equal(parseLowestPrice(answer([path(undefined), path("0.0328655")])), undefined);
    });

    it("finds no price when a source_amount is not a decimal string U32F32 can hold", () => {
      for (const bad of [0.0328655, null, "", "abc", "1e-2", "4294967296", "-1"]) {
        assert.equal(parseLowestPrice(answer([path("0.05"), { source_amount: bad }])), undefined, JSON.stringify(bad));
      }
    });

    it("finds no price in what is not Horizon's shape", () => {
      for (const text of ["", "garbage", "{", "null", "[]", '"x"', '{"_embedded":[]}', '{"_embedded":{"records":{}}}', '{"_embedded":{"records":"0.1"}}', '{"records":[{"source_amount":"0.1"}]}']) {
        assert.equal(parseLowestPrice(text), undefined, text);
      }
    });

    it("rounds lowest × 1000 in fixed point, ties away from zero", () => {
      const vectors: [string, number][] = [
        ["0.0325", 32], // U32F32 holds 0.0324999999…, so 32.4999…, not the float 32.5
        ["0.0625", 63], // exactly 62.5
        ["1.0000000", 1000],
        ["3.3000000", 3300],
        ["0", 0],
      ];
      for (const [amount, musd] of vectors) assert.equal(parseLowestPrice(answer([path(amount)])), musd, amount);
    });

    it("wraps lowest × 1000 at 64 bits and keeps the low 32 integer bits, as the release runtime does", () => {
      assert.equal(parseLowestPrice(answer([path("4294968")])), 704);
    });
  });

  describe("pricePerTft", () => {
    it("divides by the 100 TFT the query asks for and rounds ties away from zero", () => {
      assert.equal(DESTINATION_AMOUNT, 100);
      const vectors: [number, number][] = [[33, 0], [49, 0], [50, 1], [149, 1], [150, 2], [1000, 10], [3300, 33], [4294967295, 42949673]];
      for (const [forHundred, perTft] of vectors) assert.equal(pricePerTft(forHundred), perTft, String(forHundred));
    });
  });

  describe("parseU32F32", () => {
    it("reads decimal strings to the nearest 2^-32", () => {
      const vectors: [string, bigint][] = [
        ["0.0328655", 141156248n],
        ["0.0340713", 146335119n],
        ["0.0351812", 151102103n],
        ["0.1", 429496730n],
        ["0.5", 1n << 31n],
        ["1", 1n << 32n],
        ["3.3000000", 14173392077n],
        ["+.5", 1n << 31n],
        ["5.", 5n << 32n],
        ["007.2500", (7n << 32n) + (1n << 30n)],
        ["4294967295.99999999976716935634613037109375", (1n << 64n) - 1n],
      ];
      for (const [text, bits] of vectors) assert.equal(parseU32F32(text), bits, text);
    });

    it("breaks exact ties to even, and digits past the 40th still lift a tie", () => {
      assert.equal(parseU32F32("0.000000000116415321826934814453125"), 0n, "1/2^33");
      assert.equal(parseU32F32("0.000000000349245965480804443359375"), 2n, "3/2^33");
      assert.equal(parseU32F32("0.000000000116415321826934814453125" + "0".repeat(30) + "1"), 1n, "just above 1/2^33");
      assert.equal(parseU32F32("0.000000000116415321826934814453125" + "0".repeat(100_000)), 0n, "trailing zeros");
    });

    it("accepts a negative value only when it rounds to zero", () => {
      assert.equal(parseU32F32("-0"), 0n);
      assert.equal(parseU32F32("-0.0000000001"), 0n);
      assert.equal(parseU32F32("-0.5"), undefined);
    });

    it("refuses what substrate-fixed refuses", () => {
      const bad = ["", ".", "+", "-", "1.2.3", "1e3", " 1", "1 ", "0x10", "+-1", "1-", "٣", "4294967296", "4294967295.9999999999", "00000000004294967296.0"];
      for (const text of bad) assert.equal(parseU32F32(text), undefined, JSON.stringify(text));
    });
  });

  it("asks Horizon for USDC paths to 100 TFT, as TFChain does", () => {
    assert.equal(
      HORIZON_PRICE_PATH,
      `/paths/strict-receive?source_assets=USDC%3A${USDC}&destination_asset_type=credit_alphanum4&destination_asset_issuer=${TFT}&destination_asset_code=TFT&destination_amount=100`,
    );
  });
});
