import { strict as assert } from "node:assert";
import fc from "fast-check";
import { AuthoritySet, findScheduledChange, findForcedChange } from "../../../consensus/finality/authorities.js";
import { decodeVersionedAuthorityList, encodeVersionedAuthorityList } from "../../../consensus/finality/authority-provider.js";
import { BlockIndex } from "../../../consensus/finality/block-index.js";
import type { BlockRef } from "../../../consensus/finality/block-ref.js";
import { ConsensusLog, GRANDPA_ENGINE_ID, type AuthorityList } from "../../../consensus/finality/messages.js";
import { bestChainContaining, defaultVotingRules } from "../../../consensus/finality/voting-rules.js";
import { engineId } from "../../../primitives/digest.js";
import { grandpaKey, HeaderTree } from "./helpers.js";

const list = (...names: string[]): AuthorityList => names.map((n) => [grandpaKey(n).publicKey, 1n]);

async function indexOf(tree: HeaderTree): Promise<BlockIndex> {
  const index = new BlockIndex((h) => tree.headerOf(h));
  for (const [hash, header] of tree.headers) if (header.number > 0) index.addHeader(hash, header);
  index.add(tree.genesis.hash, 0, "0x");
  return index;
}

describe("consensus/finality/authorities", () => {
  it("finds the first ScheduledChange among FRNK consensus items and skips others", () => {
    const tree = new HeaderTree();
    const change = { next_authorities: list("Alice", "Bob"), delay: 3 };
    const [b] = tree.extend(tree.genesis, 1, 0, () => [
      { tag: "Consensus", value: [engineId("aura"), ConsensusLog.enc({ tag: "ScheduledChange", value: { next_authorities: list("Eve"), delay: 0 } })] },
      { tag: "Consensus", value: [GRANDPA_ENGINE_ID, Uint8Array.of(0xff)] },
      { tag: "Consensus", value: [GRANDPA_ENGINE_ID, ConsensusLog.enc({ tag: "OnDisabled", value: 1n })] },
      { tag: "Consensus", value: [GRANDPA_ENGINE_ID, ConsensusLog.enc({ tag: "ScheduledChange", value: change })] },
      { tag: "Consensus", value: [GRANDPA_ENGINE_ID, ConsensusLog.enc({ tag: "ScheduledChange", value: { next_authorities: list("Dave"), delay: 0 } })] },
    ]);
    assert.deepEqual(findScheduledChange(tree.header(b!.hash)!), change);
    assert.equal(findForcedChange(tree.header(b!.hash)!), undefined);
  });

  it("limits votes to a pending change's block and applies it when a block at or past it is finalized on its fork", async () => {
    const tree = new HeaderTree();
    const main = tree.extend(tree.genesis, 10);
    const fork = tree.extend(main[2]!, 5, 1);
    const index = await indexOf(tree);
    const isDesc = (a: string, b: string) => index.isDescendantOf(a, b);
    const set = new AuthoritySet(0n, list("Alice"));
    // #4 on the main chain announces a change with delay 2 (effective at #6); #5 on the fork one with delay 0.
    assert.ok(set.addPendingChange({ nextAuthorities: list("Alice", "Bob"), delay: 2, canonHeight: 4, canonHash: main[3]!.hash }));
    assert.ok(!set.addPendingChange({ nextAuthorities: list("Eve"), delay: 0, canonHeight: 4, canonHash: main[3]!.hash }), "one change per block");
    assert.ok(set.addPendingChange({ nextAuthorities: list("Charlie"), delay: 0, canonHeight: 5, canonHash: fork[1]!.hash }));
    assert.equal(set.currentLimit(0, isDesc), 5);
    assert.equal(set.currentLimit(6, isDesc), 6);
    // Finalizing #5 of the main chain: the fork's change is dropped, ours is not yet effective.
    assert.deepEqual(set.applyStandardChanges(main[4]!, isDesc), { changed: true });
    assert.equal(set.pending.length, 1);
    assert.equal(set.setId, 0n);
    const status = set.applyStandardChanges(main[6]!, isDesc);
    assert.deepEqual(status, { changed: true, newSetBlock: main[6] });
    assert.equal(set.setId, 1n);
    assert.deepEqual(set.authorities, list("Alice", "Bob"));
    assert.deepEqual(set.setChanges, [[0n, 7]]);
    assert.deepEqual(set.setOfBlock(3), { kind: "set", setId: 0n, lastBlock: 7 });
    assert.deepEqual(set.setOfBlock(8), { kind: "latest" });
    assert.deepEqual(new AuthoritySet(0n, list("Alice")).setOfBlock(1), { kind: "unknown" }, "Substrate: no set change yet covers nothing");
    assert.deepEqual(AuthoritySet.fromJSON(JSON.parse(JSON.stringify(set.toJSON()))), set);
  });

  it("round-trips a VersionedAuthorityList and refuses other versions", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })), { maxLength: 5 }), (l) => {
        assert.deepEqual(structuredClone(decodeVersionedAuthorityList(encodeVersionedAuthorityList(l))), structuredClone(l));
      }),
    );
    assert.equal(decodeVersionedAuthorityList(Uint8Array.of(2, 0)), undefined);
  });
});

describe("consensus/finality/voting-rules", () => {
  async function setup() {
    const tree = new HeaderTree();
    const chain = tree.extend(tree.genesis, 20);
    return { tree, chain, index: await indexOf(tree) };
  }
  const at = (chain: BlockRef[], n: number) => chain[n - 1]!;

  it("votes two below the best and at most three quarters of the way from the base", async () => {
    const { chain, index } = await setup();
    const best = at(chain, 20);
    assert.deepEqual(bestChainContaining(index, at(chain, 17), best, undefined, defaultVotingRules), at(chain, 18), "best − 2");
    // From #4: ¾ of (20 − 4) rounded up is 12, so #16.
    assert.deepEqual(bestChainContaining(index, at(chain, 4), best, undefined, defaultVotingRules), at(chain, 16));
    assert.deepEqual(bestChainContaining(index, at(chain, 19), best, undefined, defaultVotingRules), best, "no restriction below the base");
    assert.deepEqual(bestChainContaining(index, at(chain, 4), best, 10, defaultVotingRules), at(chain, 10), "never past a pending change's block");
    assert.deepEqual(bestChainContaining(index, at(chain, 4), best, undefined, { beforeBestBy: 0, threeQuartersOfUnfinalized: false }), best);
  });

  it("does not vote when the base is not on the best chain", async () => {
    const { tree, chain, index } = await setup();
    const fork = tree.extend(at(chain, 3), 2, 5);
    for (const f of fork) index.addHeader(f.hash, tree.header(f.hash)!);
    assert.equal(bestChainContaining(index, fork[1]!, at(chain, 20), undefined, defaultVotingRules), undefined);
  });
});

describe("consensus/finality/block-index", () => {
  it("answers ancestry as finality-grandpa's Chain, loading missing headers down to the floor", async () => {
    const tree = new HeaderTree();
    const chain = tree.extend(tree.genesis, 8);
    const index = new BlockIndex((h) => tree.headerOf(h));
    index.floor = 2;
    assert.ok(await index.ensure(chain[7]!.hash));
    assert.ok(!index.has(chain[0]!.hash), "nothing loaded below the floor");
    assert.deepEqual(index.ancestry(chain[2]!.hash, chain[5]!.hash), [chain[4]!.hash, chain[3]!.hash]);
    assert.equal(index.ancestry(chain[5]!.hash, chain[5]!.hash), undefined);
    assert.equal(index.ancestry(chain[5]!.hash, chain[2]!.hash), undefined);
    assert.ok(index.isDescendantOf(chain[2]!.hash, chain[7]!.hash));
    assert.ok(!index.isDescendantOf(chain[7]!.hash, chain[2]!.hash));
    assert.equal(await index.ensure("0x" + "00".repeat(31) + "01"), false);
    let released!: () => void;
    const gaveUp = new Promise<void>((r) => (released = r));
    const [next] = tree.extend(chain[7]!, 1);
    const known = index.whenKnown(next!.hash, gaveUp);
    index.addHeader(next!.hash, tree.header(next!.hash)!);
    assert.equal(await known, true);
    const [never] = tree.extend(chain[7]!, 1, 3);
    tree.headers.delete(never!.hash);
    const late = index.whenKnown(never!.hash, gaveUp);
    released();
    assert.equal(await late, false);
    assert.equal(index.waiting, 0);
  });
});
