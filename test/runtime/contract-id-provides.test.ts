// ContractIdProvides, TFChain's ninth signed extension: in the pool, a `bill_contract_for_block` provides the
// tag ("ContractIdProvides", contract id as little-endian bytes), so one bill per contract waits at a time.
import { strict as assert } from "node:assert";
import { u8aToHex } from "@polkadot/util";
import { concat } from "../../primitives/bytes.js";
import { str } from "../../primitives/schema.js";
import { OverlayedChanges } from "../../state/overlay.js";
import { alice, bob, TestChain } from "../helpers/chain.js";

const tagOf = (id: number) => {
  const le = new Uint8Array(8);
  new DataView(le.buffer).setBigUint64(0, BigInt(id), true);
  return u8aToHex(concat(str.enc("ContractIdProvides"), le));
};

describe("runtime ContractIdProvides", () => {
  const chain = new TestChain();
  const validate = (xt: Uint8Array) =>
    chain.api.executive.validateTransaction(new OverlayedChanges(chain.state), xt, chain.bestHash).provides.map((t) => u8aToHex(t));

  it("tags a bill with its contract id, whoever signs it", () => {
    const byAlice = validate(chain.sign(alice, "SmartContractModule", "bill_contract_for_block", [7], { nonce: 0 }));
    const byBob = validate(chain.sign(bob, "SmartContractModule", "bill_contract_for_block", [7], { nonce: 0 }));
    assert.equal(byAlice.length, 2, "the nonce tag and the contract tag");
    assert.equal(byAlice[1], tagOf(7));
    assert.equal(byBob[1], tagOf(7), "two signers' bills for one contract provide the same tag");
    assert.notEqual(validate(chain.sign(alice, "SmartContractModule", "bill_contract_for_block", [8], { nonce: 0 }))[1], tagOf(7));
  });

  it("adds nothing to other calls", () => {
    const transfer = chain.sign(alice, "Balances", "transfer_keep_alive", [{ Id: bob.publicKey }, 1_000_000n], { nonce: 0 });
    assert.equal(validate(transfer).length, 1, "only the nonce tag");
  });
});
