// The reputation registry adds a pallet and nothing else: no genesis storage, so the dev chain's genesis root is
// TFChain's (the same as without the pallet).
import { strict as assert } from "node:assert";
import { devSpec } from "../../../../genesis/chain-spec.js";
import { buildGenesisStorage } from "../../../../genesis/genesis-state.js";
import { utf8 } from "../../../../primitives/bytes.js";
import { twox128 } from "../../../../primitives/hashing.js";
import { runtime } from "../../../../runtime/index.js";
import { Runtime } from "../../../../runtime/runtime.js";
import { startsWith } from "../../../../state/storage.js";
import { trieRoot } from "../../../../state/trie/trie-root.js";

describe("Reputation at genesis", () => {
  it("writes nothing: the dev genesis root is the one of the runtime without it", () => {
    const prefix = twox128(utf8("Reputation"));
    const withIt = buildGenesisStorage(runtime, devSpec()).entries();
    assert.equal(withIt.filter(([k]) => startsWith(k, prefix)).length, 0);
    const without = new Runtime(runtime.pallets.filter((p) => p.name !== "Reputation"), runtime.version);
    assert.deepEqual(trieRoot(withIt), trieRoot(buildGenesisStorage(without, devSpec()).entries()));
  });
});
