// The GRANDPA voter on the node's real chain: LevelDB, the runtime, Aura-sealed blocks, aux storage.
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { TypeRegistry } from "@polkadot/types";
import { BlockAuthor } from "../../../consensus/authoring.js";
import { toHex } from "../../../primitives/bytes.js";
import { ed25519FromUri, ed25519Sign } from "../../../primitives/crypto/ed25519.js";
import { devSpec } from "../../../genesis/chain-spec.js";
import { runtimeAuthorities } from "../../../consensus/finality/authority-provider.js";
import { decodeAndVerifyFinalizes, grandpaJustificationOf } from "../../../consensus/finality/justification.js";
import { GRANDPA_ENGINE_ID } from "../../../consensus/finality/messages.js";
import { auxStore } from "../../../consensus/finality/persistence.js";
import { GrandpaVoter } from "../../../consensus/finality/voter.js";
import { VoterSet } from "../../../consensus/finality/voter-set.js";
import type { Chain } from "../../../consensus/chain.js";
import { alice, cleanup, openChain, tempDir, until } from "../helpers.js";

const gran = ed25519FromUri("//Alice");
const key = { publicKey: gran.publicKey, sign: (m: Uint8Array) => ed25519Sign(gran, m) };
const quiet = { broadcast() {}, sendTo() {}, report() {} };

function voterOn(chain: Chain) {
  const spec = devSpec();
  return new GrandpaVoter(
    { gossipDurationMs: 20, justificationPeriod: 2 },
    {
      chain,
      network: quiet,
      keys: () => [key],
      authorities: runtimeAuthorities((h) => chain.stateAt(h), spec.genesis.authorities.map((a) => a.grandpa)),
      store: auxStore(chain.db),
    },
  );
}

describe("consensus/finality on the node's chain", function () {
  this.timeout(60_000);
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const s of stops.splice(0)) await s();
    await cleanup();
  });

  it("a single authority finalizes Aura blocks with stored, verifiable justifications and resumes from aux storage", async () => {
    const dbPath = join(await tempDir(), "db");
    const chain = await openChain({ dbPath });
    const author = new BlockAuthor({ mode: "manual" }, { chain, signer: alice });
    const voter = voterOn(chain);
    stops.push(() => author.stop(), () => voter.stop());
    voter.start();
    await voter.ready();
    // One block at a time, each finalized (two below the best) before the next: finality moves by one.
    for (let n = 1; n <= 6; n++) {
      await author.createBlock({ createEmpty: true, finalize: false });
      await until(`finality of #${n - 2}`, () => (chain.finalized().number >= n - 2 ? true : undefined), 20_000);
    }
    const voters = VoterSet.fromAuthorities([[key.publicKey, 1n]])!;
    let stored = 0;
    for (let n = 1; n <= chain.finalized().number; n++) {
      const hash = (await chain.hashAt(n))!;
      const bytes = await chain.justifications(hash);
      if (!bytes) continue;
      stored++;
      const registry = new TypeRegistry();
      const theirs = registry.createType("Justifications", bytes) as any;
      assert.equal(theirs[0][0].toHex(), toHex(GRANDPA_ENGINE_ID));
      const grandpa = grandpaJustificationOf(bytes)!;
      const j = decodeAndVerifyFinalizes(grandpa, { hash: toHex(hash), number: n }, 0n, voters);
      assert.equal(registry.createType("GrandpaJustification", grandpa).toHex(), toHex(grandpa), "decodes as @polkadot/types' GrandpaJustification");
      assert.equal(j.commit.target_number, n);
    }
    assert.equal(stored, 2, "a justification at #2 and #4 (every 2 blocks)");
    const round = voter.round!;
    await voter.stop();
    await author.stop();

    const again = voterOn(chain);
    stops.push(() => again.stop());
    again.start();
    await again.ready();
    assert.ok(again.round! >= round, `resumes at round ${again.round}, was ${round}`);
    const author2 = new BlockAuthor({ mode: "manual" }, { chain, signer: alice });
    stops.push(() => author2.stop());
    for (let i = 0; i < 3; i++) await author2.createBlock({ createEmpty: true, finalize: false });
    await until("finality continues", () => (chain.finalized().number >= 7 ? true : undefined), 20_000);
  });
});
