// Bad input: random and half-valid gossip for a running voter, random bytes for the codec.
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { CodecError } from "../../../primitives/codec-error.js";
import { GossipMessage } from "../../../consensus/finality/gossip.js";
import type { Message } from "../../../consensus/finality/messages.js";
import { signMessage } from "../../../consensus/finality/signing.js";
import { bytesOf, grandpaKey } from "./helpers.js";
import { TestNet } from "./network.js";

const ALL3 = ["Alice", "Bob", "Charlie"];

describe("consensus/finality: bad input", function () {
  this.timeout(120_000);

  it("decodes random bytes as a GossipMessage or refuses them with a CodecError", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          GossipMessage.dec(bytes);
        } catch (e) {
          assert.ok(e instanceof CodecError, String(e));
        }
      }),
      { numRuns: 20_000 },
    );
  });

  it("survives random and half-valid messages: no exception, no finality from them, voting goes on", async () => {
    const net = new TestNet(ALL3);
    await net.start();
    net.autoProduce(6000);
    await net.run(20_000);
    const alice = net.node("Alice").voter!;
    const round = alice.round!;
    const finalized = net.finalized("Alice");
    const hash = fc.oneof(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.constantFrom(...[...net.tree.headers.keys()].map(bytesOf)));
    const num = fc.integer({ min: 0, max: 40 });
    const r = fc.bigInt({ min: round - 3n, max: round + 3n });
    const set = fc.bigInt({ min: 0n, max: 2n });
    const target = fc.record({ target_hash: hash, target_number: num });
    const message: fc.Arbitrary<Message> = fc.oneof(
      target.map((value) => ({ tag: "Prevote" as const, value })),
      target.map((value) => ({ tag: "Precommit" as const, value })),
      target.map((value) => ({ tag: "PrimaryPropose" as const, value })),
    );
    const signer = fc.constantFrom(...["Alice", "Bob", "Charlie", "Eve"].map(grandpaKey));
    const sig = fc.uint8Array({ minLength: 64, maxLength: 64 });
    const key = fc.uint8Array({ minLength: 32, maxLength: 32 });
    const vote = fc.oneof(
      fc.tuple(r, set, message, sig, key).map(([round, set_id, m, signature, id]) => ({ round, set_id, message: { message: m, signature, id } })),
      fc.tuple(r, set, message, signer).map(([round, set_id, m, s]) => ({ round, set_id, message: signMessage(s, m, round, set_id) })),
    );
    const gossip: fc.Arbitrary<GossipMessage> = fc.oneof(
      vote.map((value) => ({ tag: "Vote" as const, value })),
      fc.tuple(r, set, hash, num, fc.array(fc.tuple(target, signer), { maxLength: 4 })).map(([round, set_id, h, n, ps]) => {
        const signed = ps.map(([t, s]) => signMessage(s, { tag: "Precommit", value: t }, round, set_id));
        return {
          tag: "Commit" as const,
          value: { round, set_id, message: { target_hash: h, target_number: n, precommits: ps.map(([t]) => t), auth_data: signed.map((x) => [x.signature, x.id] as [Uint8Array, Uint8Array]) } },
        };
      }),
      fc.tuple(r, set, num).map(([round, set_id, h]) => ({ tag: "Neighbor" as const, value: { tag: "V1" as const, value: { round, set_id, commit_finalized_height: h } } })),
      fc.tuple(r, set).map(([round, set_id]) => ({ tag: "CatchUpRequest" as const, value: { round, set_id } })),
      fc.tuple(set, r, hash, num, fc.array(fc.tuple(target, signer), { maxLength: 4 })).map(([set_id, round_number, base_hash, base_number, vs]) => ({
        tag: "CatchUp" as const,
        value: {
          set_id,
          message: {
            round_number,
            prevotes: vs.map(([t, s]) => ({ prevote: t, ...sigOf(signMessage(s, { tag: "Prevote", value: t }, round_number, set_id)) })),
            precommits: vs.map(([t, s]) => ({ precommit: t, ...sigOf(signMessage(s, { tag: "Precommit", value: t }, round_number, set_id)) })),
            base_hash,
            base_number,
          },
        },
      })),
    );
    const samples = fc.sample(gossip, { numRuns: 1000, seed: 42 });
    for (const [i, m] of samples.entries()) {
      const verdict = alice.onMessage(`mallory-${i % 7}`, m);
      assert.ok(["accept", "ignore", "reject"].includes(verdict), `message ${i}`);
    }
    await net.run(1);
    assert.equal(net.finalized("Alice") >= finalized, true);
    net.assertConsistentFinality();
    // Honest voting continues.
    await net.run(30_000);
    assert.ok(net.finalized("Alice") > finalized + 3, `#${finalized} → #${net.finalized("Alice")}`);
    net.assertConsistentFinality();
    await net.stop(...ALL3);
  });
});

function sigOf(s: { signature: Uint8Array; id: Uint8Array }) {
  return { signature: s.signature, id: s.id };
}
