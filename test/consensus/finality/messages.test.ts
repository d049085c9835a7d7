import { strict as assert } from "node:assert";
import fc from "fast-check";
import { TypeRegistry } from "@polkadot/types";
import { u8aToHex } from "@polkadot/util";
import { encodeHeader, type Header } from "../../../primitives/header.js";
import { FullCatchUpMessage, GossipMessage } from "../../../consensus/finality/gossip.js";
import {
  AuthorityList, Commit, CompactCommit, ConsensusLog, FinalityProof, GrandpaJustification, Message, SignedMessage, commitFromCompact, compactFromCommit,
  type GrandpaJustification as Justification,
} from "../../../consensus/finality/messages.js";
import { headerArb } from "../../primitives/arbitraries.js";

// @polkadot/types knows the justification types; the gossip types are declared here from sc-consensus-grandpa's
// Rust definitions, so that their encoding is @polkadot/types' and not ours.
const registry = new TypeRegistry();
registry.register({
  TestGrandpaMessage: { _enum: { Prevote: "GrandpaPrevote", Precommit: "GrandpaPrecommit", PrimaryPropose: "GrandpaPrevote" } },
  TestSignedMessage: { message: "TestGrandpaMessage", signature: "[u8; 64]", id: "[u8; 32]" },
  TestCompactCommit: { targetHash: "H256", targetNumber: "u32", precommits: "Vec<GrandpaPrecommit>", authData: "Vec<([u8; 64], [u8; 32])>" },
  TestSignedPrevote: { prevote: "GrandpaPrevote", signature: "[u8; 64]", id: "[u8; 32]" },
  TestCatchUp: { roundNumber: "u64", prevotes: "Vec<TestSignedPrevote>", precommits: "Vec<GrandpaSignedPrecommit>", baseHash: "H256", baseNumber: "u32" },
  TestNeighborPacket: { round: "u64", setId: "u64", commitFinalizedHeight: "u32" },
  TestVersionedNeighbor: { _enum: { V0: "Null", V1: "TestNeighborPacket" } },
  TestGossipMessage: {
    _enum: {
      Vote: { round: "u64", setId: "u64", message: "TestSignedMessage" },
      Commit: { round: "u64", setId: "u64", message: "TestCompactCommit" },
      Neighbor: "TestVersionedNeighbor",
      CatchUpRequest: { round: "u64", setId: "u64" },
      CatchUp: { setId: "u64", message: "TestCatchUp" },
    },
  },
  TestScheduledChange: { nextAuthorities: "Vec<(AuthorityId, u64)>", delay: "u32" },
  TestConsensusLog: {
    _enum: { Unused: "Null", ScheduledChange: "TestScheduledChange", ForcedChange: "(u32, TestScheduledChange)", OnDisabled: "u64", Pause: "u32", Resume: "u32" },
  },
  TestFinalityProof: { block: "H256", justification: "Bytes", unknownHeaders: "Vec<Header>" },
} as any);

const hex = (b: Uint8Array) => u8aToHex(b);
// fast-check builds records without a prototype; compare plain copies.
const plain = <T>(v: T): T => structuredClone(v);
const hash = fc.uint8Array({ minLength: 32, maxLength: 32 });
const sig = fc.uint8Array({ minLength: 64, maxLength: 64 });
const key = fc.uint8Array({ minLength: 32, maxLength: 32 });
const num = fc.integer({ min: 0, max: 2 ** 32 - 1 });
const u64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
const vote = fc.record({ target_hash: hash, target_number: num });
const signedPrecommit = fc.record({ precommit: vote, signature: sig, id: key });
const commitArb: fc.Arbitrary<Commit> = fc.record({ target_hash: hash, target_number: num, precommits: fc.array(signedPrecommit, { maxLength: 5 }) });
const headers = fc.array(headerArb, { maxLength: 3 });
const messageArb: fc.Arbitrary<Message> = fc.oneof(
  vote.map((value) => ({ tag: "Prevote" as const, value })),
  vote.map((value) => ({ tag: "Precommit" as const, value })),
  vote.map((value) => ({ tag: "PrimaryPropose" as const, value })),
);

// Their JSON for our values, field by field.
const theirVote = (v: { target_hash: Uint8Array; target_number: number }) => ({ targetHash: hex(v.target_hash), targetNumber: v.target_number });
const theirHeader = (h: Header) => registry.createType("Header", encodeHeader(h));
const theirCommit = (c: Commit) => ({
  ...theirVote(c),
  precommits: c.precommits.map((p) => ({ precommit: theirVote(p.precommit), signature: hex(p.signature), id: hex(p.id) })),
});
const theirMessage = (m: Message) => ({ [m.tag]: theirVote(m.value) });
const theirCompact = (c: CompactCommit) => ({
  ...theirVote(c),
  precommits: c.precommits.map(theirVote),
  authData: c.auth_data.map(([s, i]) => [hex(s), hex(i)]),
});

describe("consensus/finality/messages: codecs against @polkadot/types", () => {
  it("encodes GrandpaJustification as @polkadot/types does, and decodes theirs", () => {
    fc.assert(
      fc.property(u64, commitArb, headers, (round, commit, ancestries) => {
        const ours: Justification = { round, commit, votes_ancestries: ancestries };
        const bytes = GrandpaJustification.enc(ours);
        const theirs = registry.createType("GrandpaJustification", { round, commit: theirCommit(commit), votesAncestries: ancestries.map(theirHeader) });
        assert.equal(hex(bytes), theirs.toHex());
        assert.deepEqual(plain(GrandpaJustification.dec(theirs.toU8a())), plain(ours));
      }),
      { numRuns: 200 },
    );
  });

  it("encodes GrandpaCommit and GrandpaSignedPrecommit as @polkadot/types does", () => {
    fc.assert(
      fc.property(commitArb, (commit) => {
        const theirs = registry.createType("GrandpaCommit", theirCommit(commit));
        assert.equal(hex(Commit.enc(commit)), theirs.toHex());
      }),
      { numRuns: 100 },
    );
  });

  it("encodes Message and SignedMessage with Prevote 0, Precommit 1, PrimaryPropose 2", () => {
    fc.assert(
      fc.property(messageArb, sig, key, (message, signature, id) => {
        assert.equal(hex(Message.enc(message)), registry.createType("TestGrandpaMessage", theirMessage(message)).toHex());
        const theirs = registry.createType("TestSignedMessage", { message: theirMessage(message), signature: hex(signature), id: hex(id) });
        assert.equal(hex(SignedMessage.enc({ message, signature, id })), theirs.toHex());
      }),
      { numRuns: 100 },
    );
    assert.equal(Message.enc({ tag: "PrimaryPropose", value: { target_hash: new Uint8Array(32), target_number: 0 } })[0], 2);
  });

  it("encodes every GossipMessage variant as sc-consensus-grandpa's layout", () => {
    const gossipArb: fc.Arbitrary<[GossipMessage, unknown]> = fc.oneof(
      fc.tuple(u64, u64, messageArb, sig, key).map(([round, set_id, message, signature, id]) => [
        { tag: "Vote" as const, value: { round, set_id, message: { message, signature, id } } },
        { Vote: { round, setId: set_id, message: { message: theirMessage(message), signature: hex(signature), id: hex(id) } } },
      ] as [GossipMessage, unknown]),
      fc.tuple(u64, u64, commitArb).map(([round, set_id, commit]) => {
        const compact = compactFromCommit(commit);
        return [{ tag: "Commit" as const, value: { round, set_id, message: compact } }, { Commit: { round, setId: set_id, message: theirCompact(compact) } }] as [GossipMessage, unknown];
      }),
      fc.tuple(u64, u64, num).map(([round, set_id, h]) => [
        { tag: "Neighbor" as const, value: { tag: "V1" as const, value: { round, set_id, commit_finalized_height: h } } },
        { Neighbor: { V1: { round, setId: set_id, commitFinalizedHeight: h } } },
      ] as [GossipMessage, unknown]),
      fc.tuple(u64, u64).map(([round, set_id]) => [
        { tag: "CatchUpRequest" as const, value: { round, set_id } },
        { CatchUpRequest: { round, setId: set_id } },
      ] as [GossipMessage, unknown]),
      fc.tuple(u64, u64, fc.array(fc.record({ prevote: vote, signature: sig, id: key }), { maxLength: 3 }), fc.array(signedPrecommit, { maxLength: 3 }), hash, num).map(
        ([set_id, round_number, prevotes, precommits, base_hash, base_number]) => [
          { tag: "CatchUp" as const, value: { set_id, message: { round_number, prevotes, precommits, base_hash, base_number } } },
          {
            CatchUp: {
              setId: set_id,
              message: {
                roundNumber: round_number,
                prevotes: prevotes.map((p) => ({ prevote: theirVote(p.prevote), signature: hex(p.signature), id: hex(p.id) })),
                precommits: precommits.map((p) => ({ precommit: theirVote(p.precommit), signature: hex(p.signature), id: hex(p.id) })),
                baseHash: hex(base_hash),
                baseNumber: base_number,
              },
            },
          },
        ] as [GossipMessage, unknown],
      ),
    );
    fc.assert(
      fc.property(gossipArb, ([ours, theirs]) => {
        const bytes = GossipMessage.enc(ours);
        assert.equal(hex(bytes), registry.createType("TestGossipMessage", theirs).toHex());
        assert.deepEqual(plain(GossipMessage.dec(bytes)), plain(ours));
      }),
      { numRuns: 300 },
    );
    void FullCatchUpMessage;
  });

  it("converts between Commit and CompactCommit", () => {
    fc.assert(
      fc.property(commitArb, (commit) => {
        const compact = compactFromCommit(commit);
        assert.deepEqual(plain(CompactCommit.dec(CompactCommit.enc(compact))), plain(compact));
        assert.deepEqual(plain(commitFromCompact(compact)), plain(commit));
      }),
    );
    const bad = compactFromCommit({ target_hash: new Uint8Array(32), target_number: 1, precommits: [] });
    bad.auth_data.push([new Uint8Array(64), new Uint8Array(32)]);
    assert.equal(commitFromCompact(bad), undefined);
  });

  it("encodes ConsensusLog::ScheduledChange at index 1 and FinalityProof as Substrate does", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, u64), { maxLength: 4 }), num, (list, delay) => {
        const log = { tag: "ScheduledChange" as const, value: { next_authorities: list, delay } };
        const theirs = registry.createType("TestConsensusLog", { ScheduledChange: { nextAuthorities: list.map(([k, w]) => [hex(k), w]), delay } });
        assert.equal(hex(ConsensusLog.enc(log)), theirs.toHex());
        assert.equal(hex(AuthorityList.enc(list)), registry.createType("AuthorityList", list.map(([k, w]) => [hex(k), w])).toHex());
      }),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(hash, fc.uint8Array({ maxLength: 200 }), headers, (block, justification, unknown) => {
        const theirs = registry.createType("TestFinalityProof", { block: hex(block), justification: hex(justification), unknownHeaders: unknown.map(theirHeader) });
        assert.equal(hex(FinalityProof.enc({ block, justification, unknown_headers: unknown })), theirs.toHex());
      }),
      { numRuns: 100 },
    );
  });
});
