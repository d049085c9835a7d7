// TFChain's cost vectors (test_cu_calculation, test_percent, the five test_calculate_discount_*), the anchors
// of the inventory (§4.e: genesis pricing policy, TFT at 50 mUSD, one hour), and cases a float gets wrong.
import { strict as assert } from "node:assert";
import { U64F64 as F } from "../../../../primitives/fixed-point.js";
import {
  computeUnitsFixed, costInTft, CostTrap, discountTft, extraFeeCostUnitsUsd, nameCostUnitsUsd, nruCostUnitsUsd, percentOf,
  rentCostUnitsUsd, resourcesCostUnitsUsd, serviceBillCostUnitsUsd,
} from "../../../../runtime/pallets/smart-contract/cost.js";
import type { DiscountLevel } from "../../../../runtime/pallets/smart-contract/types.js";
import type { PricingPolicy } from "../../../../runtime/pallets/tfgrid/types-policy.js";

const GIB = 1024n ** 3n;
const HOUR = 3600n;
const gb = (value: number) => ({ value, unit: "Gigabytes" as const });
/** Pricing policy 1 of TFChain's genesis (testnet_genesis). */
const POLICY: PricingPolicy = {
  version: 1, id: 1, name: new Uint8Array(), su: gb(50_000), cu: gb(100_000), nu: gb(15_000), ipu: gb(40_000),
  unique_name: gb(2_500), domain_name: gb(5_000), foundation_account: new Uint8Array(32),
  certified_sales_account: new Uint8Array(32), discount_for_dedication_nodes: 50,
};
const PRICES = { average: 50, min: 10, max: 1000 };

describe("smart contract cost: TFChain's vectors", () => {
  it("computes CU as the smallest CPU/memory balance (test_cu_calculation)", () => {
    const cases: [number, number, number][] = [[4, 1024, 128], [32, 128, 32], [4, 2, 1], [4, 1, 1], [16, 16, 8]];
    for (const [cru, mru, cu] of cases) assert.equal(computeUnitsFixed(F.int(cru), F.int(mru)), F.int(cu), `cru ${cru}, mru ${mru}`);
  });

  it("takes a percentage of a cost, rounding to the nearest (test_percent)", () => {
    assert.equal(percentOf(25, 1000n), 250n);
    assert.equal(percentOf(50, 1000n), 500n);
    assert.equal(percentOf(25, 992n), 248n);
    assert.equal(percentOf(50, 1001n), 500n, "a half rounds down");
  });

  const discounts: [string, number, DiscountLevel][] = [
    ["test_calculate_discount_none_works", 1, "None"],
    ["test_calculate_discount_default_works", 1.5, "Default"],
    ["test_calculate_discount_bronze_works", 3, "Bronze"],
    ["test_calculate_discount_silver_works", 6, "Silver"],
    ["test_calculate_gold_discount_gold_works", 18, "Gold"],
  ];
  const multiplier: Record<DiscountLevel, number> = { None: 1, Default: 0.8, Bronze: 0.7, Silver: 0.6, Gold: 0.4 };
  for (const [name, months, level] of discounts) {
    it(`gives ${level} to a balance covering ${months} months (${name})`, () => {
      const balance = F.toInt(F.round(F.mul(F.int(1000 * 24 * 30), F.float(months))));
      const expected = F.toInt(F.round(F.mul(F.int(1000), F.float(multiplier[level]))));
      assert.deepEqual(discountTft(1000n, HOUR, balance, false), { amount: expected, level });
    });
  }
});

describe("smart contract cost: anchors (genesis policy, TFT at 50 mUSD, one hour)", () => {
  const resources = { cru: 2n, mru: 4n * GIB, sru: 20n * GIB, hru: 20n * GIB };

  it("bills a node contract with one public IP 145,833 units USD = 2,916,660 TFT units", () => {
    const usd = resourcesCostUnitsUsd(resources, 1, HOUR, POLICY, true);
    assert.equal(usd, 145_833n);
    assert.equal(costInTft(usd, PRICES), 2_916_660n);
  });

  it("bills the same contract without IP 105,833 units USD = 2,116,660 TFT units", () => {
    const usd = resourcesCostUnitsUsd(resources, 0, HOUR, POLICY, true);
    assert.equal(usd, 105_833n);
    assert.equal(costInTft(usd, PRICES), 2_116_660n);
  });

  it("bills only IPs and NU on a rented node", () => {
    assert.equal(resourcesCostUnitsUsd(resources, 1, HOUR, POLICY, false), 40_000n);
  });

  it("bills a name contract 2,500 units USD = 50,000 TFT units", () => {
    const usd = nameCostUnitsUsd(HOUR, POLICY);
    assert.equal(usd, 2_500n);
    assert.equal(costInTft(usd, PRICES), 50_000n);
  });

  it("bills a rent contract at half price: 570,667 → 285,333 units USD = 5,706,660 TFT units", () => {
    const node = { cru: 8n, mru: 16n * GIB, sru: 512n * GIB, hru: 1024n * GIB };
    assert.equal(resourcesCostUnitsUsd(node, 0, HOUR, POLICY, true), 570_667n);
    const usd = rentCostUnitsUsd(node, HOUR, POLICY);
    assert.equal(usd, 285_333n);
    assert.equal(costInTft(usd, PRICES), 5_706_660n);
  });

  it("bills a name contract for 18 s 12 units USD (truncated price per second, then rounded)", () => {
    // 2500/3600 per second, truncated to 64 fractional bits, × 18 = 12.4999…: 12, where a float rounds 12.5 up.
    assert.equal(nameCostUnitsUsd(18n, POLICY), 12n);
  });

  it("converts 1 unit USD at 16 mUSD to 62 TFT units (62.5 computed in fixed point lands below the half)", () => {
    assert.equal(costInTft(1n, { average: 16, min: 10, max: 1000 }), 62n);
  });

  it("clamps the TFT price to [min, max]", () => {
    assert.equal(costInTft(10_000n, { average: 5, min: 10, max: 1000 }), costInTft(10_000n, { average: 10, min: 10, max: 1000 }));
    assert.equal(costInTft(10_000n, { average: 5000, min: 10, max: 1000 }), costInTft(10_000n, { average: 1000, min: 10, max: 1000 }));
  });

  it("prices a month of a 10 USD extra fee at 100,000,000 units USD", () => {
    assert.equal(extraFeeCostUnitsUsd(10_000n, 3600n * 24n * 30n), 100_000_000n);
    assert.equal(extraFeeCostUnitsUsd(0n, HOUR), 0n);
  });

  it("prices NRU with the policy's NU price per GB (base 1000) over the report's window", () => {
    // 2 GB over an hour at 15,000 units per GB-hour.
    assert.equal(nruCostUnitsUsd(2_000_000_000n, HOUR, POLICY), 30_000n);
  });

  it("prices a service bill as base fee per hour plus the variable amount", () => {
    assert.equal(serviceBillCostUnitsUsd(100n, 50n, 1800n), 1_000_000n);
  });

  it("multiplies certified nodes' bills by 1.25", () => {
    assert.deepEqual(discountTft(1000n, HOUR, 0n, true), { amount: 1250n, level: "None" });
  });

  it("traps where TFChain's runtime would: a price overflowing u32 units, a zero monthly amount", () => {
    assert.throws(() => costInTft(1n, { average: 500_000, min: 10, max: 1_000_000 }), CostTrap);
    assert.throws(() => discountTft(1n, 3600n * 24n * 365n * 100n, 10n, false), CostTrap);
  });
});
