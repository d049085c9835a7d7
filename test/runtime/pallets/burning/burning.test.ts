// TFChain's pallet-burning tests in our words (test_burn, test_burn_to_much_fails), plus what a burn records.
import { strict as assert } from "node:assert";
import { utf8 } from "../../../../primitives/bytes.js";
import { keyFromUri } from "../../../../primitives/crypto/keyring.js";
import { signed } from "../../../../runtime/origin.js";
import { freeBalance, totalIssuance } from "../../../../runtime/pallets/balances/currency.js";
import { buildBalancesGenesis } from "../../../../runtime/pallets/balances/genesis.js";
import { balances } from "../../../../runtime/pallets/balances/index.js";
import { burning, storage } from "../../../../runtime/pallets/burning/index.js";
import { MemoryStorage } from "../../../../state/memory-storage.js";
import { callOf, PalletBlock } from "../../../helpers/pallet-block.js";
import { stateRoot } from "../../../helpers/state-root.js";

const ALICE = keyFromUri("//Alice").publicKey;
const BOB = keyFromUri("//Bob").publicKey;

/** TFChain's mock: Alice holds 1,000,000,000,000 units, Bob 2,500,000,000. */
function burnBlock(): PalletBlock {
  const base = new MemoryStorage();
  buildBalancesGenesis(base, { balances: [[ALICE, 1_000_000_000_000n], [BOB, 2_500_000_000n]] });
  return new PalletBlock([balances, burning], { base });
}
const burn = (amount: bigint, message = "some_message") => callOf("BurningModule", "burn_tft", { amount, message: utf8(message) });

describe("BurningModule", () => {
  it("burns from the free balance, lowers the issuance and records the burn (test_burn)", () => {
    const b = burnBlock();
    const issuance = totalIssuance(b.io);
    assert.ok(b.dispatch(burn(900_000_000_000n), signed(ALICE)).ok);
    assert.equal(freeBalance(b.io, ALICE), 100_000_000_000n);
    assert.equal(totalIssuance(b.io), issuance - 900_000_000_000n);
    const record = { target: ALICE, amount: 900_000_000_000n, block: 1, message: utf8("some_message") };
    assert.deepEqual(storage.Burns.get(b.io), [record]);
    assert.deepEqual(b.events().at(-1), { pallet: "BurningModule", name: "BurnTransactionCreated", value: [ALICE, 900_000_000_000n, 1, utf8("some_message")] });
  });

  it("refuses to burn more than the free balance, changing nothing (test_burn_to_much_fails)", () => {
    const b = burnBlock();
    const root = stateRoot(b.io);
    const out = b.dispatch(burn(1_200_000_000_000n), signed(ALICE));
    assert.deepEqual(out.error, { tag: "NamedModule", pallet: "BurningModule", error: "NotEnoughBalanceToBurn" });
    assert.deepEqual(stateRoot(b.io), root);
  });

  it("keeps every burn, in order", () => {
    const b = burnBlock();
    assert.ok(b.dispatch(burn(1_000n, "first"), signed(ALICE)).ok);
    assert.ok(b.dispatch(burn(2_000n, "second"), signed(BOB)).ok);
    assert.deepEqual(storage.Burns.get(b.io)!.map((x) => [x.target, x.amount, x.message]), [
      [ALICE, 1_000n, utf8("first")],
      [BOB, 2_000n, utf8("second")],
    ]);
  });
});
