import { strict as assert } from "node:assert";
import { TypeRegistry } from "@polkadot/types";
import { u8aToHex } from "@polkadot/util";
import { concat } from "../../../primitives/bytes.js";
import type { BlockRef } from "../../../consensus/finality/block-ref.js";
import {
  decodeAndVerifyFinalizes, justificationFromCommit, JustificationError, verifyJustification,
} from "../../../consensus/finality/justification.js";
import { GrandpaJustification, type Commit, type SignedPrecommit } from "../../../consensus/finality/messages.js";
import { checkMessageSignature, localizedPayload, signMessage } from "../../../consensus/finality/signing.js";
import { VoterSet } from "../../../consensus/finality/voter-set.js";
import { bytesOf, grandpaKey, HeaderTree, signedPrecommit } from "./helpers.js";
import { ed25519PairFromSeed, ed25519Verify as polkadotVerify } from "@polkadot/util-crypto";
import { ed25519FromUri } from "../../../primitives/crypto/ed25519.js";

const [alice, bob, charlie, dave] = ["Alice", "Bob", "Charlie", "Dave"].map(grandpaKey) as [ReturnType<typeof grandpaKey>, ReturnType<typeof grandpaKey>, ReturnType<typeof grandpaKey>, ReturnType<typeof grandpaKey>];
const voters = VoterSet.fromAuthorities([alice, bob, charlie, dave].map((k) => [k.publicKey, 1n]))!;
const ROUND = 7n;
const SET = 2n;

function setup() {
  const tree = new HeaderTree();
  const chain = tree.extend(tree.genesis, 5);
  const fork = tree.extend(chain[1]!, 2, 9);
  return { tree, chain, fork, target: chain[2]! };
}

function commitOf(target: BlockRef, precommits: SignedPrecommit[]): Commit {
  return { target_hash: bytesOf(target.hash), target_number: target.number, precommits };
}

function expectError(f: () => void, code: string, reason?: string): void {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof JustificationError, String(e));
    assert.equal(e.code, code);
    if (reason) assert.equal((e.ctx as { reason: string }).reason, reason);
    return true;
  });
}

describe("consensus/finality/signing", () => {
  it("signs SCALE (message, round u64, set_id u64) with ed25519, verifiable by @polkadot/util-crypto", () => {
    const message = { tag: "Prevote" as const, value: { target_hash: new Uint8Array(32).fill(7), target_number: 42 } };
    const payload = localizedPayload(5n, 1n, message);
    assert.equal(u8aToHex(payload), "0x00" + "07".repeat(32) + "2a000000" + "0500000000000000" + "0100000000000000");
    const signed = signMessage(alice, message, 5n, 1n);
    assert.ok(polkadotVerify(payload, signed.signature, alice.publicKey));
    assert.ok(checkMessageSignature(message, alice.publicKey, signed.signature, 5n, 1n));
    assert.ok(!checkMessageSignature(message, alice.publicKey, signed.signature, 6n, 1n), "another round");
    assert.ok(!checkMessageSignature(message, alice.publicKey, signed.signature, 5n, 2n), "another set");
    // The same key from @polkadot/util-crypto signs the same bytes.
    const theirs = ed25519PairFromSeed(ed25519FromUri("//Alice").seed);
    assert.equal(u8aToHex(theirs.publicKey), u8aToHex(alice.publicKey));
  });
});

describe("consensus/finality/justification", () => {
  it("verifies a justification whose precommits all target the commit target", () => {
    const { target } = setup();
    const j = { round: ROUND, commit: commitOf(target, [alice, bob, charlie].map((k) => signedPrecommit(k, target, ROUND, SET))), votes_ancestries: [] };
    verifyJustification(j, SET, voters);
    assert.deepEqual(decodeAndVerifyFinalizes(GrandpaJustification.enc(j), target, SET, voters).round, ROUND);
  });

  it("builds votes_ancestries from a commit with precommits above the target, decodable by @polkadot/types", async () => {
    const { tree, chain, target } = setup();
    const precommits = [signedPrecommit(alice, target, ROUND, SET), signedPrecommit(bob, chain[4]!, ROUND, SET), signedPrecommit(charlie, chain[3]!, ROUND, SET)];
    const j = await justificationFromCommit(ROUND, commitOf(target, precommits), (h) => tree.headerOf(h));
    assert.deepEqual(j.votes_ancestries.map((h) => h.number), [5, 4]);
    verifyJustification(j, SET, voters);
    const registry = new TypeRegistry();
    const theirs = registry.createType("GrandpaJustification", GrandpaJustification.enc(j)) as any;
    assert.equal(theirs.round.toBigInt(), ROUND);
    assert.equal(theirs.commit.targetHash.toHex(), target.hash);
    assert.equal(theirs.commit.precommits.length, 3);
    assert.equal(theirs.votesAncestries.length, 2);
    assert.equal(u8aToHex(theirs.toU8a()), u8aToHex(GrandpaJustification.enc(j)));
  });

  it("refuses a bad signature", () => {
    const { target } = setup();
    const precommits = [alice, bob, charlie].map((k) => signedPrecommit(k, target, ROUND, SET));
    precommits[1]!.signature = precommits[1]!.signature.slice();
    precommits[1]!.signature[3]! ^= 1;
    expectError(() => verifyJustification({ round: ROUND, commit: commitOf(target, precommits), votes_ancestries: [] }, SET, voters), "BAD_SIGNATURE");
  });

  it("refuses too little weight, counting a duplicate once", () => {
    const { target } = setup();
    const two = [alice, bob].map((k) => signedPrecommit(k, target, ROUND, SET));
    expectError(() => verifyJustification({ round: ROUND, commit: commitOf(target, two), votes_ancestries: [] }, SET, voters), "INVALID_COMMIT", "INSUFFICIENT_WEIGHT");
    const dup = [...two, signedPrecommit(alice, target, ROUND, SET)];
    expectError(() => verifyJustification({ round: ROUND, commit: commitOf(target, dup), votes_ancestries: [] }, SET, voters), "INVALID_COMMIT", "INSUFFICIENT_WEIGHT");
  });

  it("refuses precommits signed for another set id or round", () => {
    const { target } = setup();
    const precommits = [alice, bob, charlie].map((k) => signedPrecommit(k, target, ROUND, SET));
    const j = { round: ROUND, commit: commitOf(target, precommits), votes_ancestries: [] };
    expectError(() => verifyJustification(j, SET + 1n, voters), "BAD_SIGNATURE");
    expectError(() => verifyJustification({ ...j, round: ROUND + 1n }, SET, voters), "BAD_SIGNATURE");
  });

  it("refuses a precommit on an unrelated fork, and headers that link nothing", async () => {
    const { tree, chain, fork, target } = setup();
    // Charlie precommits a fork block: with its headers it does not reach the base, so the commit is invalid.
    const onFork = [signedPrecommit(alice, target, ROUND, SET), signedPrecommit(bob, target, ROUND, SET), signedPrecommit(charlie, fork[1]!, ROUND, SET)];
    const forkHeaders = fork.map((b) => tree.header(b.hash)!).reverse();
    expectError(() => verifyJustification({ round: ROUND, commit: commitOf(target, onFork), votes_ancestries: forkHeaders }, SET, voters), "INVALID_COMMIT", "NOT_DESCENDANT_OF_BASE");
    // A precommit above the target without the headers to reach it.
    const above = [signedPrecommit(alice, target, ROUND, SET), signedPrecommit(bob, target, ROUND, SET), signedPrecommit(charlie, chain[4]!, ROUND, SET)];
    expectError(() => verifyJustification({ round: ROUND, commit: commitOf(target, above), votes_ancestries: [] }, SET, voters), "INVALID_COMMIT", "NOT_DESCENDANT_OF_BASE");
    // A valid justification with one header too many.
    const good = await justificationFromCommit(ROUND, commitOf(target, above), (h) => tree.headerOf(h));
    verifyJustification(good, SET, voters);
    const extra = { ...good, votes_ancestries: [...good.votes_ancestries, tree.header(fork[0]!.hash)!] };
    expectError(() => verifyJustification(extra, SET, voters), "UNUSED_HEADERS");
  });

  it("counts an equivocator once, for every block", async () => {
    const { tree, chain, target } = setup();
    const dave1 = signedPrecommit(dave, chain[3]!, ROUND, SET);
    const dave2 = signedPrecommit(dave, chain[4]!, ROUND, SET);
    const precommits = [signedPrecommit(alice, target, ROUND, SET), signedPrecommit(bob, target, ROUND, SET), dave1, dave2];
    const j = await justificationFromCommit(ROUND, commitOf(target, precommits), (h) => tree.headerOf(h));
    verifyJustification(j, SET, voters);
    const two = await justificationFromCommit(ROUND, commitOf(target, [signedPrecommit(alice, target, ROUND, SET), dave1, dave2]), (h) => tree.headerOf(h));
    expectError(() => verifyJustification(two, SET, voters), "INVALID_COMMIT", "INSUFFICIENT_WEIGHT");
  });

  it("refuses the wrong target, undecodable bytes and trailing bytes", () => {
    const { chain, target } = setup();
    const j = { round: ROUND, commit: commitOf(target, [alice, bob, charlie].map((k) => signedPrecommit(k, target, ROUND, SET))), votes_ancestries: [] };
    const bytes = GrandpaJustification.enc(j);
    expectError(() => decodeAndVerifyFinalizes(bytes, chain[3]!, SET, voters), "WRONG_TARGET");
    expectError(() => decodeAndVerifyFinalizes(bytes.subarray(0, 40), target, SET, voters), "UNDECODABLE");
    expectError(() => decodeAndVerifyFinalizes(concat(bytes, Uint8Array.of(0)), target, SET, voters), "UNDECODABLE");
  });
});
