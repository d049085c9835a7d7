import { strict as assert } from "node:assert";
import { toHex } from "../../../primitives/bytes.js";
import { decodeAndVerifyFinalizes, grandpaJustificationOf } from "../../../consensus/finality/justification.js";
import { ConsensusLog, GRANDPA_ENGINE_ID, GrandpaJustification, FinalityProof, type AuthorityList } from "../../../consensus/finality/messages.js";
import { REPUTATION } from "../../../consensus/finality/environment.js";
import { signMessage } from "../../../consensus/finality/signing.js";
import { VoterSet } from "../../../consensus/finality/voter-set.js";
import { crossesPeriod } from "../../../consensus/finality/finalizer.js";
import { bytesOf, grandpaKey } from "./helpers.js";
import { TestNet } from "./network.js";

const ALL3 = ["Alice", "Bob", "Charlie"];
const ALL4 = ["Alice", "Bob", "Charlie", "Dave"];

function grandpaJustification(stored: Uint8Array): Uint8Array {
  const entry = grandpaJustificationOf(stored);
  assert.ok(entry, "a FRNK justification");
  return entry;
}

describe("consensus/finality/voter", function () {
  this.timeout(120_000);
  const nets: TestNet[] = [];
  afterEach(async () => {
    for (const net of nets.splice(0)) await net.stop(...[...net.nodes.keys()].filter((n) => net.node(n).voter));
  });
  function network(names: string[], voters = names, options = {}) {
    const net = new TestNet(names, voters, options);
    nets.push(net);
    return net;
  }

  it("three voters finalize two blocks below the best, and store a justification every period", async () => {
    const net = network(ALL3, ALL3, { justificationPeriod: 4 });
    await net.start();
    net.autoProduce(6000);
    await net.run(60_000);
    net.assertConsistentFinality();
    for (const n of ALL3) {
      const { chain } = net.node(n);
      assert.ok(chain.finalizedRef.number >= chain.bestRef.number - 3, `${n}: finalized #${chain.finalizedRef.number}, best #${chain.bestRef.number}`);
    }
    const alice = net.node("Alice").chain;
    const voters = VoterSet.fromAuthorities(net.authorities)!;
    const stored = [...alice.justificationsStored.entries()];
    assert.ok(stored.length >= 1, "justifications stored");
    for (const [hash, bytes] of stored) {
      const number = net.tree.header(hash)!.number;
      decodeAndVerifyFinalizes(grandpaJustification(bytes), { hash, number }, 0n, voters);
    }
  });

  it("stores a justification when finalization crosses a multiple of the period (Substrate's rule)", () => {
    assert.equal(crossesPeriod(0, 512, 512), true);
    assert.equal(crossesPeriod(0, 600, 512), false, "from genesis only an exact jump of one period counts");
    assert.equal(crossesPeriod(510, 513, 512), true);
    assert.equal(crossesPeriod(512, 600, 512), false);
    assert.equal(crossesPeriod(1000, 1024, 512), true);
  });

  it("three voters need all three: with one down finality stops, and resumes when it returns", async () => {
    const net = network(ALL3);
    await net.start();
    net.autoProduce(6000);
    await net.run(30_000);
    assert.ok(net.finalized("Alice") >= 2);
    await net.stop("Charlie");
    await net.run(3000);
    const stalled = net.finalized("Alice");
    await net.run(60_000);
    assert.equal(net.finalized("Alice"), stalled, "no finality with 2 of 3");
    assert.equal(net.finalized("Bob"), stalled);
    assert.ok(net.node("Alice").chain.bestRef.number > stalled + 5, "blocks continue");
    await net.start("Charlie");
    assert.ok(await net.runUntil(15_000, () => ALL3.every((n) => net.finalized(n) >= net.node(n).chain.bestRef.number - 3)), "finality resumes");
    net.assertConsistentFinality();
  });

  it("four voters: one down still finalizes, two down stops, both back resumes within a few seconds", async () => {
    const net = network(ALL4);
    await net.start();
    net.autoProduce(6000);
    await net.run(20_000);
    await net.stop("Dave");
    const before = net.finalized("Alice");
    await net.run(40_000);
    assert.ok(net.finalized("Alice") > before + 4, `3 of 4 finalize (#${before} → #${net.finalized("Alice")})`);
    await net.stop("Charlie");
    await net.run(3000);
    const stalled = net.finalized("Alice");
    await net.run(60_000);
    assert.equal(net.finalized("Alice"), stalled, "2 of 4 do not finalize");
    assert.equal(net.finalized("Bob"), stalled);
    await net.start("Charlie", "Dave");
    const back = net.clock.now;
    assert.ok(await net.runUntil(12_000, () => ALL4.every((n) => net.finalized(n) > stalled + 5)), "finality resumes");
    assert.ok(net.clock.now - back <= 12_000, `resumed after ${net.clock.now - back} ms`);
    net.assertConsistentFinality();
  });

  it("voters restarted after a stall pick up their stored round and finality resumes by itself", async () => {
    const net = network(ALL4);
    await net.start();
    net.autoProduce(6000);
    await net.run(20_000);
    // Two voters go away; the other two sit in a round they cannot complete for a long time.
    await net.stop("Charlie", "Dave");
    await net.run(3000);
    const stalled = net.finalized("Alice");
    await net.run(5 * 60_000);
    assert.equal(net.finalized("Alice"), stalled);
    // They come back as new processes on their stored state; nobody calls anything.
    await net.start("Charlie", "Dave");
    assert.ok(await net.runUntil(12_000, () => ALL4.every((n) => net.finalized(n) >= net.node(n).chain.bestRef.number - 3)), "finality resumes");
    for (const n of ALL4) assert.equal(net.node(n).reports.filter((r) => r.change === REPUTATION.BAD_MESSAGE).length, 0, `${n} saw no equivocation`);
    net.assertConsistentFinality();
  });

  it("a voter that lost its state catches up on the round from a neighbor and votes again", async () => {
    const net = network(ALL4);
    await net.start();
    net.autoProduce(6000);
    await net.run(10_000);
    await net.stop("Dave");
    await net.run(30_000);
    const ahead = net.node("Alice").voter!.round!;
    net.node("Dave").store.entries.clear();
    await net.start("Dave");
    assert.ok(await net.runUntil(5000, () => net.node("Dave").voter!.round! >= ahead), `Dave at round ${net.node("Dave").voter!.round}, others at ${ahead}`);
    // Without Alice, finality now needs Dave's votes.
    await net.stop("Alice");
    const before = net.finalized("Bob");
    await net.run(30_000);
    assert.ok(net.finalized("Bob") > before + 3, `Bob, Charlie and Dave finalize (#${before} → #${net.finalized("Bob")})`);
    assert.ok(net.finalized("Dave") > before + 3);
    net.assertConsistentFinality();
  });

  it("a node outside the set finalizes from commits alone", async () => {
    const net = network([...ALL3, "Ferdie"], ALL3);
    net.deliver = (_from, to, message) => to !== "Ferdie" || message.tag === "Commit";
    await net.start();
    net.autoProduce(6000);
    await net.run(60_000);
    assert.ok(net.finalized("Ferdie") >= net.node("Ferdie").chain.bestRef.number - 4, `Ferdie finalized #${net.finalized("Ferdie")}`);
    assert.equal(net.node("Ferdie").sent > 0, true);
    assert.ok(!(net.node("Ferdie").voter!.roundState()!.best.prevotes.currentWeight > 0), "Ferdie saw no votes");
    net.assertConsistentFinality();
  });

  it("detects an equivocation, reports the sender, counts the equivocator once and still finalizes", async () => {
    const net = network(ALL3, ALL4);
    await net.start();
    net.autoProduce(6000);
    await net.run(15_000);
    const dave = grandpaKey("Dave");
    const alice = net.node("Alice").voter!;
    const round = alice.round!;
    const setId = 0n;
    const best = net.node("Alice").chain.bestRef;
    const fork = net.tree.extend(net.tree.genesis, 1, 7)[0]!;
    for (const n of ALL3) net.node(n).chain.import(fork);
    for (const target of [best, fork]) {
      const signed = signMessage(dave, { tag: "Prevote", value: { target_hash: bytesOf(target.hash), target_number: target.number } }, round, setId);
      for (const n of ALL3) net.inject("Mallory", n, { tag: "Vote", value: { round, set_id: setId, message: signed } });
    }
    await net.run(1);
    for (const n of ALL3) {
      assert.deepEqual(net.node(n).reports.filter((r) => r.peer === "Mallory").map((r) => r.change), [REPUTATION.BAD_MESSAGE], `${n} reports the equivocation`);
    }
    const state = alice.roundState()!;
    const report = state.best.round === Number(round) ? state.best : state.background.find((b) => b.round === Number(round))!;
    assert.ok(report.prevotes.currentWeight <= 4, "Dave's weight counts once");
    const before = net.finalized("Alice");
    await net.run(30_000);
    assert.ok(net.finalized("Alice") > before + 3);
    net.assertConsistentFinality();
  });

  it("drops votes of stale or future rounds and sets, from outside the set or badly signed, with Substrate's costs", async () => {
    const net = network(ALL3);
    await net.start();
    net.autoProduce(6000);
    await net.run(20_000);
    const voter = net.node("Alice").voter!;
    const round = voter.round!;
    const best = net.node("Alice").chain.bestRef;
    const vote = (signer: string, r: bigint, set: bigint) => ({
      tag: "Vote" as const,
      value: { round: r, set_id: set, message: signMessage(grandpaKey(signer), { tag: "Prevote", value: { target_hash: bytesOf(best.hash), target_number: best.number } }, r, set) },
    });
    const cases: [string, ReturnType<typeof vote>, string, typeof REPUTATION[keyof typeof REPUTATION]][] = [
      ["stale round", vote("Bob", round - 2n, 0n), "ignore", REPUTATION.PAST_REJECTION],
      ["future round", vote("Bob", round + 2n, 0n), "ignore", REPUTATION.FUTURE_MESSAGE],
      ["future set", vote("Bob", round, 1n), "ignore", REPUTATION.FUTURE_MESSAGE],
      ["non-authority", vote("Eve", round, 0n), "reject", REPUTATION.BAD_MESSAGE],
    ];
    const badSig = vote("Bob", round, 0n);
    badSig.value.message.signature = badSig.value.message.signature.slice();
    badSig.value.message.signature[0]! ^= 1;
    cases.push(["bad signature", badSig, "reject", REPUTATION.BAD_MESSAGE]);
    for (const [what, message, verdict, cost] of cases) {
      const reports = net.node("Alice").reports;
      const count = reports.length;
      assert.equal(voter.onMessage(`peer-${what}`, message), verdict, what);
      assert.deepEqual(reports.slice(count).map((r) => r.change), [cost], what);
    }
    assert.equal(voter.onMessage("peer-ok", vote("Bob", round, 0n)), "accept", "a good vote of the current round");
  });

  it("refuses a commit with too little weight or a bad signature as a bad justification", async () => {
    const net = network(ALL4);
    await net.start();
    net.autoProduce(6000);
    await net.run(20_000);
    const voter = net.node("Alice").voter!;
    const best = net.node("Alice").chain.bestRef;
    const precommit = (who: string) => {
      const value = { target_hash: bytesOf(best.hash), target_number: best.number };
      const s = signMessage(grandpaKey(who), { tag: "Precommit", value }, 99n, 0n);
      return { precommit: value, sig: s.signature, id: s.id };
    };
    const commit = (ps: ReturnType<typeof precommit>[]) => ({
      tag: "Commit" as const,
      value: { round: 99n, set_id: 0n, message: { target_hash: bytesOf(best.hash), target_number: best.number, precommits: ps.map((p) => p.precommit), auth_data: ps.map((p) => [p.sig, p.id] as [Uint8Array, Uint8Array]) } },
    });
    assert.equal(voter.onMessage("weak", commit([precommit("Alice"), precommit("Bob")])), "reject");
    const bad = [precommit("Alice"), precommit("Bob"), precommit("Charlie")];
    bad[2]!.sig = bad[2]!.sig.slice();
    bad[2]!.sig[5]! ^= 1;
    assert.equal(voter.onMessage("forger", commit(bad)), "reject");
    const reports = net.node("Alice").reports;
    assert.deepEqual(reports.filter((r) => r.peer === "weak" || r.peer === "forger").map((r) => r.change), [REPUTATION.BAD_JUSTIFICATION, REPUTATION.BAD_JUSTIFICATION]);
    // A valid commit from a full node finalizes at once.
    const before = net.finalized("Alice");
    assert.equal(voter.onMessage("honest", commit([precommit("Alice"), precommit("Bob"), precommit("Charlie")])), "accept");
    await net.run(1);
    assert.equal(net.finalized("Alice"), best.number);
    assert.ok(best.number > before);
  });

  it("enacts a scheduled change when its block is finalized: new set id, a stored justification, the new voter counts", async () => {
    const net = network(ALL4, ALL3);
    await net.start();
    net.autoProduce(6000);
    await net.run(20_000);
    const next: AuthorityList = ALL4.map((n) => [grandpaKey(n).publicKey, 1n]);
    const log = ConsensusLog.enc({ tag: "ScheduledChange", value: { next_authorities: next, delay: 0 } });
    const [change] = net.produce(1, () => [{ tag: "Consensus", value: [GRANDPA_ENGINE_ID, log] }]);
    assert.ok(await net.runUntil(40_000, () => ALL4.every((n) => net.node(n).voter!.authoritySet?.setId === 1n)), "every node moved to set 1");
    for (const n of ALL4) {
      const { chain } = net.node(n);
      const stored = chain.justificationsStored.get(change!.hash);
      assert.ok(stored, `${n} stored the change block's justification`);
      decodeAndVerifyFinalizes(grandpaJustification(stored), change!, 0n, VoterSet.fromAuthorities(net.authorities)!);
    }
    // Set 1 has four voters: Alice away, the other three (Dave among them) finalize.
    await net.stop("Alice");
    const before = net.finalized("Bob");
    await net.run(40_000);
    assert.ok(net.finalized("Bob") > before + 3, `set 1 finalizes without Alice (#${before} → #${net.finalized("Bob")})`);
    net.assertConsistentFinality();
    const proof = FinalityProof.dec((await net.node("Bob").voter!.proveFinality(change!.number - 1))!);
    assert.equal(toHex(proof.block), change!.hash);
    assert.equal(proof.unknown_headers.length, 1);
    assert.equal(GrandpaJustification.dec(proof.justification).commit.target_number, change!.number);
  });

  it("rebroadcasts its votes every gossip period and reports grandpa_roundState", async () => {
    const net = network(ALL3);
    await net.start();
    net.produce(3);
    await net.run(1000);
    const sent = net.node("Alice").sent;
    await net.stop("Bob", "Charlie");
    const afterStop = net.node("Alice").sent;
    await net.run(3330);
    // Alice alone: her round cannot complete, she repeats her votes (prevote, maybe precommit) every 333 ms.
    assert.ok(net.node("Alice").sent - afterStop >= 10, `sent ${net.node("Alice").sent - afterStop} in 10 periods`);
    assert.ok(sent > 0);
    const state = net.node("Alice").voter!.roundState()!;
    assert.equal(state.setId, 0);
    assert.equal(state.best.totalWeight, 3);
    assert.equal(state.best.thresholdWeight, 3);
    assert.ok(state.best.prevotes.missing.every((a) => /^5/.test(a)), "SS58 authority ids");
  });

  it("a voter restarted mid-round repeats its stored vote instead of equivocating", async () => {
    const net = network(ALL3);
    await net.start();
    net.produce(5);
    await net.run(800);
    const round = net.node("Alice").voter!.round!;
    await net.stop("Alice");
    net.produce(3);
    await net.start("Alice");
    assert.equal(net.node("Alice").voter!.round, round, "restarts in the same round");
    await net.run(20_000);
    for (const n of ALL3) assert.equal(net.node(n).reports.length, 0, `${n} reported nobody`);
    net.assertConsistentFinality();
  });

  it("restarts after its stored completed round even when the stored votes no longer complete it", async () => {
    const net = network(ALL3);
    await net.start();
    net.produce(5);
    await net.run(10_000);
    await net.stop("Alice");
    const store = net.node("Alice").store;
    const key = "grandpa_voter_set_state";
    const state = JSON.parse(new TextDecoder().decode(store.entries.get(key)!));
    const completed = BigInt(state.completed.number);
    state.completed.votes = [];
    store.entries.set(key, new TextEncoder().encode(JSON.stringify(state)));
    await net.start("Alice");
    assert.equal(net.node("Alice").voter!.round, completed + 1n);
    net.produce(3);
    await net.run(10_000);
    assert.ok(ALL3.every((n) => net.finalized(n) >= 6));
    net.assertConsistentFinality();
  });

  it("imports a synced block's justification: refuses a bad signature or too little weight, enacts the set change of a good one", async () => {
    const net = network([...ALL3, "Ferdie"], ALL3);
    net.deliver = (_from, to) => to !== "Ferdie";
    await net.start(...ALL3);
    net.autoProduce(6000);
    await net.run(12_000);
    const log = ConsensusLog.enc({ tag: "ScheduledChange", value: { next_authorities: [...net.authorities].reverse(), delay: 0 } });
    const [change] = net.produce(1, () => [{ tag: "Consensus", value: [GRANDPA_ENGINE_ID, log] }]);
    assert.ok(await net.runUntil(30_000, () => net.node("Alice").voter!.authoritySet?.setId === 1n));
    const good = grandpaJustification(net.node("Alice").chain.justificationsStored.get(change!.hash)!);
    await net.start("Ferdie");
    const ferdie = net.node("Ferdie");
    const j = GrandpaJustification.dec(good);
    const forged = { ...j, commit: { ...j.commit, precommits: j.commit.precommits.map((p, i) => (i === 0 ? { ...p, signature: p.signature.map((b, k) => (k === 0 ? b ^ 1 : b)) } : p)) } };
    const weak = { ...j, commit: { ...j.commit, precommits: j.commit.precommits.slice(1) } };
    for (const [bad, code] of [[forged, "BAD_SIGNATURE"], [weak, "INVALID_COMMIT"]] as const) {
      await assert.rejects(ferdie.voter!.importJustification(bytesOf(change!.hash), change!.number, GrandpaJustification.enc(bad), "syncer"), (e: any) => e.code === code);
    }
    assert.deepEqual(ferdie.reports.map((r) => [r.peer, r.change]), [["syncer", REPUTATION.BAD_JUSTIFICATION], ["syncer", REPUTATION.BAD_JUSTIFICATION]]);
    assert.ok(ferdie.chain.finalizedRef.number < change!.number);
    await ferdie.voter!.importJustification(bytesOf(change!.hash), change!.number, good, "syncer");
    assert.equal(ferdie.chain.finalizedRef.hash, change!.hash);
    assert.ok(ferdie.chain.justificationsStored.has(change!.hash), "an imported justification is stored");
    assert.equal(ferdie.voter!.authoritySet!.setId, 1n);
    net.assertConsistentFinality();
  });
});
