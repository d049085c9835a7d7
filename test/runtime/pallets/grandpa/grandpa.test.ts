// pallet_grandpa as TFChain configures it: the voters under `:grandpa_authorities`, FRNK digests for set
// changes (scheduled and, after note_stalled, forced), pauses and resumes, and calls that cannot be decoded.
import { strict as assert } from "node:assert";
import { TypeRegistry } from "@polkadot/types";
import { u8aToHex } from "@polkadot/util";
import { xxhashAsHex } from "@polkadot/util-crypto";
import { CodecError } from "../../../../primitives/codec-error.js";
import type { DigestItem } from "../../../../primitives/digest.js";
import { ROOT, signed } from "../../../../runtime/origin.js";
import {
  currentSetId, findForcedChange, findScheduledChange, GRANDPA_AUTHORITIES_KEY, GRANDPA_ENGINE_ID, GrandpaConsensusLog, grandpaAuthorities,
  grandpaDigest, grandpaLogs, setGrandpaAuthorities, storage as S,
} from "../../../../runtime/pallets/grandpa/index.js";
import { EquivocationProof } from "../../../../runtime/pallets/grandpa/types.js";
import { MemoryStorage } from "../../../../state/memory-storage.js";
import { accountOf, dev, PERIOD, SessionChain } from "../session/harness.js";

const hex = (b: Uint8Array) => u8aToHex(b);
const key = (n: number) => new Uint8Array(32).fill(n);
/** What @polkadot/types' `AuthorityList` holds: `(AuthorityId, u64)` pairs. */
type AuthorityListCodec = [{ toHex(): string }, { toNumber(): number }][];
const le32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];

describe("runtime/pallets/grandpa", () => {
  describe("authority list and digests", () => {
    it("keeps the voters under :grandpa_authorities as version 1 and a weighted list", () => {
      const io = new MemoryStorage();
      assert.deepEqual(grandpaAuthorities(io), [], "none stored");
      setGrandpaAuthorities(io, [[key(1), 1n], [key(2), 1n]]);
      const raw = io.get(GRANDPA_AUTHORITIES_KEY)!;
      assert.equal(raw[0], 1);
      const registry = new TypeRegistry();
      const list = registry.createType("AuthorityList", raw.subarray(1)) as unknown as AuthorityListCodec;
      assert.deepEqual(list.map(([id, w]) => [id.toHex(), w.toNumber()]), [[hex(key(1)), 1], [hex(key(2)), 1]]);
      io.set(GRANDPA_AUTHORITIES_KEY, Uint8Array.of(2, ...raw.subarray(1)));
      assert.deepEqual(grandpaAuthorities(io), [], "another version reads as no voters");
    });

    it("encodes ScheduledChange and ForcedChange as sp_consensus_grandpa's ConsensusLog under FRNK", () => {
      const change = { next_authorities: [[key(7), 1n]] as [Uint8Array, bigint][], delay: 3 };
      const item = grandpaDigest({ tag: "ScheduledChange", value: change });
      assert.equal(new TextDecoder().decode((item.value as Uint8Array[])[0]), "FRNK");
      const body = [4, ...key(7), 1, 0, 0, 0, 0, 0, 0, 0, ...le32(3)];
      assert.deepEqual([...(item.value as Uint8Array[])[1]!], [1, ...body]);
      const forced = grandpaDigest({ tag: "ForcedChange", value: [9, change] });
      assert.deepEqual([...(forced.value as Uint8Array[])[1]!], [2, ...le32(9), ...body]);
      assert.deepEqual([...GrandpaConsensusLog.enc({ tag: "Pause", value: 5 })], [4, ...le32(5)]);
    });

    it("finds the changes in a digest, skipping other engines and items that do not decode", () => {
      const change = { next_authorities: [[key(7), 1n]] as [Uint8Array, bigint][], delay: 0 };
      const logs: DigestItem[] = [
        { tag: "Consensus", value: [new TextEncoder().encode("aura"), Uint8Array.of(1, 0)] },
        { tag: "Consensus", value: [GRANDPA_ENGINE_ID, Uint8Array.of(9, 9)] },
        grandpaDigest({ tag: "ScheduledChange", value: change }),
        grandpaDigest({ tag: "ForcedChange", value: [4, change] }),
      ];
      assert.equal(grandpaLogs(logs).length, 2);
      assert.deepEqual(findScheduledChange(logs), change);
      assert.deepEqual(findForcedChange(logs), [4, change]);
      assert.equal(findScheduledChange([]), undefined);
    });
  });

  describe("note_stalled", () => {
    it("is Root's only", () => {
      const b = new SessionChain().open();
      assert.deepEqual(b.dispatch("Grandpa", "note_stalled", { delay: 2, best_finalized_block_number: 1 }, signed(accountOf("Alice"))).error, { tag: "BadOrigin" });
    });

    it("forces the next session's change: ForcedChange(median) in the session block, enacted after the delay", () => {
      const chain = new SessionChain();
      chain.block((b) => assert.ok(b.dispatch("Grandpa", "note_stalled", { delay: 2, best_finalized_block_number: 1 }, ROOT).ok));
      assert.deepEqual(S.Stalled.get(chain.state), [2, 1]);
      // Session 1 has no set change of its own (queued at genesis), but a stall forces one.
      const session = chain.nextSession();
      assert.equal(S.Stalled.get(chain.state), undefined);
      const forced = findForcedChange(session.logs)!;
      assert.equal(forced[0], 1, "the median finalized block");
      assert.equal(forced[1].delay, 2);
      assert.deepEqual(forced[1].next_authorities.map(([k, w]) => [hex(k), w]), (["Alice", "Bob", "Charlie"] as const).map((n) => [hex(dev(n).grandpa), 1n]));
      assert.equal(currentSetId(chain.state), 1n);
      assert.equal(S.NextForced.get(chain.state), PERIOD + 4);
      assert.ok(!session.events.some((e) => e.name === "NewAuthorities"), "not yet enacted");
      chain.block();
      const enacted = chain.block();
      assert.ok(enacted.events.some((e) => e.pallet === "Grandpa" && e.name === "NewAuthorities"));
      assert.equal(S.PendingChange.get(chain.state), undefined);
    });

    it("keeps the set id when the change cannot be scheduled: one pending (ChangePending) or forced too soon (TooSoon)", () => {
      const chain = new SessionChain();
      // A forced change with a delay past the next session is still pending there.
      chain.block((b) => b.dispatch("Grandpa", "note_stalled", { delay: 2 * PERIOD, best_finalized_block_number: 0 }, ROOT));
      chain.nextSession();
      assert.equal(currentSetId(chain.state), 1n);
      const pendingAt = chain.nextSession();
      assert.equal(currentSetId(chain.state), 1n, "ChangePending: no new set");
      assert.equal(grandpaLogs(pendingAt.logs).length, 0);
      assert.equal(S.SetIdSession.get(chain.state, 1n), 2, "the set still maps to the newest session");
      // The forced change (5 + 10) is enacted in block 15's on_finalize, after that block's session start
      // already found it pending.
      const enactedAt = chain.nextSession();
      assert.equal(currentSetId(chain.state), 1n);
      assert.ok(enactedAt.events.some((e) => e.name === "NewAuthorities"));
      // Stalled again while NextForced (5 + 2 × 10) is ahead of the next session: TooSoon, the stall is dropped.
      chain.block((b) => b.dispatch("Grandpa", "note_stalled", { delay: 1, best_finalized_block_number: 0 }, ROOT));
      const tooSoon = chain.nextSession();
      assert.equal(findForcedChange(tooSoon.logs), undefined);
      assert.equal(S.Stalled.get(chain.state), undefined);
      assert.equal(currentSetId(chain.state), 1n);
      chain.nextSession();
      assert.equal(currentSetId(chain.state), 2n, "the next session schedules a standard change again");
    });
  });

  describe("pause and resume", () => {
    it("signals and enacts a pending pause, then a pending resume, in on_finalize", () => {
      const chain = new SessionChain();
      chain.block((b) => S.State.set(b.block.io, { tag: "PendingPause", value: { scheduled_at: 2, delay: 1 } }));
      const signalled = chain.block();
      assert.deepEqual(grandpaLogs(signalled.logs), [{ tag: "Pause", value: 1 }]);
      const paused = chain.block();
      assert.ok(paused.events.some((e) => e.name === "Paused"));
      assert.equal(S.State.get(chain.state).tag, "Paused");
      chain.block((b) => S.State.set(b.block.io, { tag: "PendingResume", value: { scheduled_at: 5, delay: 0 } }));
      const resumed = chain.block();
      assert.deepEqual(grandpaLogs(resumed.logs), [{ tag: "Resume", value: 0 }]);
      assert.ok(resumed.events.some((e) => e.name === "Resumed"));
      assert.equal(S.State.get(chain.state).tag, "Live");
    });
  });

  describe("equivocation reports", () => {
    it("cannot be decoded: TFChain's KeyOwnerProof is sp_core::Void", () => {
      const chain = new SessionChain();
      // Grandpa (13), report_equivocation (0), a minimal proof (set id, Prevote, …), then a Void: any byte fails.
      const bytes = Uint8Array.of(13, 0, ...new Array(8).fill(0), 0, ...new Array(8).fill(0), ...new Array(32).fill(0), ...new Array(36 + 64).fill(0), ...new Array(36 + 64).fill(0), 0);
      assert.doesNotThrow(() => EquivocationProof.dec(bytes.subarray(2, bytes.length - 1)), "the proof itself is well formed");
      assert.throws(() => chain.runtime.callSchema.dec(bytes), CodecError);
    });
  });

  describe("declaration", () => {
    it("keys State and CurrentSetId under the Grandpa prefix", () => {
      assert.equal(u8aToHex(S.CurrentSetId.key()), xxhashAsHex("Grandpa", 128) + xxhashAsHex("CurrentSetId", 128).slice(2));
      assert.equal(new TextDecoder().decode(GRANDPA_AUTHORITIES_KEY), ":grandpa_authorities");
    });
  });
});
