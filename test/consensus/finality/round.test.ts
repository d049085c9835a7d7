// finality-grandpa's round and commit-validation tests, ported (facts, not code): same chains, weights, outcomes.
import { strict as assert } from "node:assert";
import { validateCommit } from "../../../consensus/finality/commit.js";
import type { Commit } from "../../../consensus/finality/messages.js";
import { Round } from "../../../consensus/finality/round.js";
import { VoterSet } from "../../../consensus/finality/voter-set.js";
import { DummyChain, named } from "./helpers.js";

const id = (n: number) => new Uint8Array(32).fill(n);
const sig = (s: string) => {
  const out = new Uint8Array(64);
  out.set(Buffer.from(s));
  return out;
};
const ALICE = id(1);
const BOB = id(2);
const EVE = id(3);

function voters() {
  return VoterSet.fromAuthorities([[ALICE, 4n], [BOB, 7n], [EVE, 3n]])!;
}

function chain(): DummyChain {
  const c = new DummyChain();
  c.pushBlocks(DummyChain.GENESIS, ["A", "B", "C", "D", "E", "F"]);
  c.pushBlocks("E", ["EA", "EB", "EC", "ED"]);
  c.pushBlocks("F", ["FA", "FB", "FC"]);
  return c;
}

const ref = (c: DummyChain, name: string) => c.ref(name);

describe("consensus/finality/round", () => {
  it("computes the threshold as total − ⌊(total − 1)/3⌋", () => {
    assert.equal(voters().threshold, 10n);
    const equal = (n: number) => VoterSet.fromAuthorities(Array.from({ length: n }, (_, i) => [id(i + 1), 1n] as [Uint8Array, bigint]))!.threshold;
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7].map(equal), [1n, 2n, 3n, 3n, 4n, 5n, 5n]);
    assert.equal(VoterSet.fromAuthorities([[ALICE, 0n]]), undefined);
    assert.equal(VoterSet.fromAuthorities([[ALICE, 2n], [ALICE, 3n]])!.total, 5n, "a repeated key adds up");
  });

  it("estimate_is_valid", () => {
    const c = chain();
    const round = new Round(1n, voters(), ref(c, "C"));
    round.importPrevote(c, ref(c, "FC"), ALICE, sig("Alice"));
    round.importPrevote(c, ref(c, "ED"), BOB, sig("Bob"));
    assert.deepEqual(round.prevoteGhost, ref(c, "E"));
    assert.deepEqual(round.estimate, ref(c, "E"));
    assert.equal(round.completable, false);
    round.importPrevote(c, ref(c, "F"), EVE, sig("Eve"));
    assert.deepEqual(round.prevoteGhost, ref(c, "E"));
    assert.deepEqual(round.estimate, ref(c, "E"));
  });

  it("finalization", () => {
    const c = chain();
    const round = new Round(1n, voters(), ref(c, "C"));
    round.importPrecommit(c, ref(c, "FC"), ALICE, sig("Alice"));
    round.importPrecommit(c, ref(c, "ED"), BOB, sig("Bob"));
    assert.equal(round.finalized, undefined);
    round.importPrevote(c, ref(c, "FC"), ALICE, sig("Alice"));
    round.importPrevote(c, ref(c, "ED"), BOB, sig("Bob"));
    round.importPrevote(c, ref(c, "EA"), EVE, sig("Eve"));
    assert.deepEqual(round.finalized, ref(c, "E"));
    round.importPrecommit(c, ref(c, "EA"), EVE, sig("Eve"));
    assert.deepEqual(round.finalized, ref(c, "EA"));
  });

  it("equivocate_does_not_double_count", () => {
    const c = chain();
    const round = new Round(1n, voters(), ref(c, "C"));
    assert.equal(round.importPrevote(c, ref(c, "FC"), EVE, sig("Eve-1")).kind, "imported");
    assert.equal(round.prevoteGhost, undefined);
    const second = round.importPrevote(c, ref(c, "ED"), EVE, sig("Eve-2"));
    assert.equal(second.kind, "equivocation");
    assert.equal(round.importPrevote(c, ref(c, "F"), EVE, sig("Eve-2")).kind, "ignored-equivocation");
    assert.equal(round.prevoteGhost, undefined);
    assert.equal(round.importPrevote(c, ref(c, "FA"), BOB, sig("Bob-1")).kind, "imported");
    assert.deepEqual(round.prevoteGhost, ref(c, "FA"));
    assert.equal(round.participation("prevote").weight, 10n, "the equivocator's weight counts once");
  });

  it("historical_votes_works: keeps every vote in import order", () => {
    const c = chain();
    const round = new Round(1n, voters(), ref(c, "C"));
    round.importPrevote(c, ref(c, "FC"), ALICE, sig("Alice"));
    round.importPrevote(c, ref(c, "EA"), EVE, sig("Eve"));
    round.importPrecommit(c, ref(c, "EA"), EVE, sig("Eve"));
    round.importPrevote(c, ref(c, "EC"), ALICE, sig("Alice"));
    assert.deepEqual(round.historical.map((m) => [m.message.tag, Buffer.from(m.message.value.target_hash).toString().replace(/\0+$/, "")]), [
      ["Prevote", "FC"], ["Prevote", "EA"], ["Precommit", "EA"], ["Prevote", "EC"],
    ]);
  });

  it("ignores a duplicate vote and refuses a vote from outside the set or not above the base", () => {
    const c = chain();
    const round = new Round(1n, voters(), ref(c, "C"));
    assert.equal(round.importPrevote(c, ref(c, "E"), ALICE, sig("Alice")).kind, "imported");
    assert.equal(round.importPrevote(c, ref(c, "E"), ALICE, sig("Alice")).kind, "duplicate");
    assert.equal(round.importPrevote(c, ref(c, "E"), id(9), sig("Mallory")).kind, "unknown-voter");
    assert.equal(round.importPrevote(c, ref(c, "A"), BOB, sig("Bob")).kind, "not-descendant");
    assert.equal(round.participation("prevote").voters, 1);
  });

  it("is completable only when nothing above the estimate can still gather a supermajority", () => {
    const c = chain();
    const split = new Round(1n, voters(), ref(c, "C"));
    split.importPrevote(c, ref(c, "FC"), ALICE, sig("Alice"));
    split.importPrevote(c, ref(c, "ED"), BOB, sig("Bob"));
    split.importPrevote(c, ref(c, "EA"), EVE, sig("Eve"));
    assert.deepEqual(split.prevoteGhost, ref(c, "EA"));
    split.importPrecommit(c, ref(c, "ED"), BOB, sig("Bob"));
    assert.equal(split.completable, false, "7 of 14 precommitted");
    split.importPrecommit(c, ref(c, "EA"), EVE, sig("Eve"));
    assert.deepEqual(split.finalized, ref(c, "EA"));
    assert.deepEqual(split.estimate, ref(c, "EA"));
    // EB has 7; Alice (4) has not precommitted, and up to 4 more could equivocate: EB might still reach 10.
    assert.equal(split.completable, false);

    const agreed = new Round(1n, voters(), ref(c, "C"));
    for (const [who, s] of [[ALICE, "Alice"], [BOB, "Bob"], [EVE, "Eve"]] as const) agreed.importPrevote(c, ref(c, "EA"), who, sig(s));
    agreed.importPrecommit(c, ref(c, "EA"), BOB, sig("Bob"));
    agreed.importPrecommit(c, ref(c, "EA"), EVE, sig("Eve"));
    assert.deepEqual(agreed.finalized, ref(c, "EA"));
    assert.deepEqual(agreed.estimate, ref(c, "EA"));
    assert.equal(agreed.completable, true);
  });
});

describe("consensus/finality/commit: validate_commit", () => {
  const hundred = () => VoterSet.fromAuthorities(Array.from({ length: 100 }, (_, i) => [id32(i + 1), 1n] as [Uint8Array, bigint]))!;
  function id32(n: number): Uint8Array {
    const out = new Uint8Array(32);
    out[30] = n >> 8;
    out[31] = n & 0xff;
    return out;
  }
  const precommit = (c: DummyChain, name: string, who: number) => ({
    precommit: { target_hash: named(name), target_number: c.ref(name).number },
    signature: new Uint8Array(64),
    id: id32(who),
  });
  const commit = (c: DummyChain, name: string, precommits: Commit["precommits"]): Commit => ({ target_hash: named(name), target_number: c.ref(name).number, precommits });

  it("commit_validation", () => {
    const c = new DummyChain();
    c.pushBlocks(DummyChain.GENESIS, ["A", "B", "C"]);
    const precommits = Array.from({ length: 66 }, (_, i) => precommit(c, "C", i + 1));
    const low = validateCommit(commit(c, "C", precommits), hundred(), c);
    assert.equal(low.valid, false);
    assert.equal(low.invalidity, "INSUFFICIENT_WEIGHT");
    precommits.push(precommit(c, "C", 67));
    assert.equal(validateCommit(commit(c, "C", precommits), hundred(), c).valid, true);
    const wrong = validateCommit(commit(c, "B", precommits), hundred(), c);
    assert.equal(wrong.valid, false);
    assert.equal(wrong.invalidity, "GHOST_MISMATCH");
  });

  it("commit_validation_with_equivocation", () => {
    const c = new DummyChain();
    c.pushBlocks(DummyChain.GENESIS, ["A", "B", "C"]);
    const precommits = Array.from({ length: 66 }, (_, i) => precommit(c, "C", i + 1));
    precommits.push(precommit(c, "A", 67), precommit(c, "B", 67));
    const result = validateCommit(commit(c, "C", precommits), hundred(), c);
    assert.equal(result.valid, true);
    assert.equal(result.equivocations, 1);
  });

  it("commit_validation_precommit_from_unknown_voter_is_ignored", () => {
    const c = new DummyChain();
    c.pushBlocks(DummyChain.GENESIS, ["A", "B", "C"]);
    c.pushBlocks(DummyChain.GENESIS, ["Z"]);
    const precommits = [precommit(c, "Z", 1000), ...Array.from({ length: 67 }, (_, i) => precommit(c, "C", i + 1))];
    const result = validateCommit(commit(c, "C", precommits), hundred(), c);
    assert.equal(result.valid, true);
    assert.equal(result.invalidVoters, 1);
  });

  it("counts a duplicated precommit once", () => {
    const c = new DummyChain();
    c.pushBlocks(DummyChain.GENESIS, ["A"]);
    const precommits = Array.from({ length: 66 }, (_, i) => precommit(c, "A", i + 1));
    precommits.push(precommit(c, "A", 1));
    const result = validateCommit(commit(c, "A", precommits), hundred(), c);
    assert.equal(result.valid, false);
    assert.equal(result.duplicates, 1);
  });
});
