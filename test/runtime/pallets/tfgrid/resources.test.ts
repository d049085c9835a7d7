import { strict as assert } from "node:assert";
import { computeUnits, hasEnoughStorage, resourcesChanged, storageUnits } from "../../../../runtime/pallets/tfgrid/resources.js";
import { GIGABYTE } from "./fixtures.js";

// Ports of tfchain_support's resource #[test]s (CU, SU, has_changed, 2.9's storage minimum), plus the rounding of the tolerance.

const TERABYTE = GIGABYTE * 1024n;
const resources = (r: { hru?: bigint; sru?: bigint; cru?: bigint; mru?: bigint }) => ({
  hru: r.hru ?? 0n, sru: r.sru ?? 0n, cru: r.cru ?? 0n, mru: r.mru ?? 0n,
});

describe("compute units", () => {
  it("are zero for an empty node (test_calc_cu_falsy_values)", () => {
    assert.equal(computeUnits(resources({})), 0n);
  });

  it("follow the CPU when it is the scarcest (test_calc_cu)", () => {
    const node = resources({ hru: 4n * TERABYTE, cru: 64n, mru: 64n * TERABYTE, sru: 12n * TERABYTE });
    assert.equal(computeUnits(node), 256n);
  });

  it("follow the memory when it is the scarcest, MRU counted in gigabytes (test_calc_cu_2)", () => {
    assert.equal(computeUnits(resources({ hru: 4n * TERABYTE, cru: 4n, mru: 8n, sru: 12n * TERABYTE })), 2n);
  });

  it("are zero when the two scarcest resources tie", () => {
    // cru 1 → 2 GB·1000 and sru 100 GB → 2 GB·1000: no strict minimum.
    assert.equal(computeUnits(resources({ cru: 1n, mru: 1000n, sru: 100n * GIGABYTE })), 0n);
  });
});

describe("storage units", () => {
  it("add HDD over 1200 and SSD over 250 (test_calc_su)", () => {
    assert.equal(storageUnits(resources({ hru: 4n * TERABYTE, cru: 64n, mru: 64n, sru: 12n * TERABYTE })), 52n);
  });

  it("count SSD alone (test_calc_su_2)", () => {
    assert.equal(storageUnits(resources({ cru: 64n, mru: 64n, sru: 12n * TERABYTE })), 49n);
  });

  it("are zero without disks (test_calc_su_3)", () => {
    assert.equal(storageUnits(resources({ cru: 64n, mru: 64n })), 0n);
  });

  it("count HDD alone (test_calc_su_4)", () => {
    assert.equal(storageUnits(resources({ hru: 4n * TERABYTE, cru: 64n, mru: 64n })), 3n);
  });
});

describe("resources changed", () => {
  const before = resources({ hru: 4n * TERABYTE, cru: 64n, mru: 64n * GIGABYTE });

  it("report a move beyond the tolerance in MRU or SRU only (test_resources_diff)", () => {
    assert.equal(resourcesChanged(before, { ...before }, 1), false);
    assert.equal(resourcesChanged(before, { ...before, mru: 40n * GIGABYTE }, 1), true);
    const withSsd = { ...before, sru: 1000n * GIGABYTE };
    assert.equal(resourcesChanged(withSsd, { ...withSsd, sru: 989n * GIGABYTE }, 1), true);
  });

  it("tolerate a move within the percentage, either way", () => {
    const withSsd = { ...before, sru: 1000n * GIGABYTE };
    assert.equal(resourcesChanged(withSsd, { ...withSsd, sru: 990n * GIGABYTE }, 1), false);
    assert.equal(resourcesChanged(withSsd, { ...withSsd, sru: 1010n * GIGABYTE }, 1), false);
    assert.equal(resourcesChanged(withSsd, { ...withSsd, sru: 1011n * GIGABYTE }, 1), true);
  });

  it("round the tolerance to the nearest, halves down, as Percent does", () => {
    // 1 % of 150 is 1.5 → 1; of 151 is 1.51 → 2.
    assert.equal(resourcesChanged(resources({ cru: 150n }), resources({ cru: 152n }), 1), true);
    assert.equal(resourcesChanged(resources({ cru: 151n }), resources({ cru: 153n }), 1), false);
    assert.equal(resourcesChanged(resources({ cru: 151n }), resources({ cru: 154n }), 1), true);
  });

  it("measure the tolerance on the old value", () => {
    // 10 % of 100 is 10, so 100 → 111 moved; but 10 % of 111 is 11, so 111 → 100 did not.
    assert.equal(resourcesChanged(resources({ cru: 100n }), resources({ cru: 111n }), 10), true);
    assert.equal(resourcesChanged(resources({ cru: 111n }), resources({ cru: 100n }), 10), false);
  });
});

describe("storage minimum", () => {
  it("accepts a node with 100 GiB of SSD or of HDD, and refuses one with both below (test_validate_storage, 2.9)", () => {
    const minimum = 100n * GIGABYTE;
    assert.equal(hasEnoughStorage(resources({ sru: minimum })), true);
    assert.equal(hasEnoughStorage(resources({ hru: minimum })), true);
    assert.equal(hasEnoughStorage(resources({ hru: minimum - 1n, sru: minimum - 1n })), false);
  });
});
