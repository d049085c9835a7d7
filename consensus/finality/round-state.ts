/**
 * `grandpa_roundState`'s answer, as `sc-consensus-grandpa-rpc`'s `ReportedRoundStates`: the set id, the best
 * round and the background rounds, each with the total and threshold weights and, per phase, the weight heard
 * so far and the voters still missing. Authority ids are printed as SS58 (prefix 42), as Substrate's serde does.
 */
import { encodeSs58 } from "../../primitives/ss58.js";
import type { VoterSet } from "./voter-set.js";
import type { Round } from "./round.js";

export interface PhaseReport {
  currentWeight: number;
  missing: string[];
}

export interface RoundReport {
  round: number;
  totalWeight: number;
  thresholdWeight: number;
  prevotes: PhaseReport;
  precommits: PhaseReport;
}

/** `ReportedRoundStates` in its JSON form. */
export interface ReportedRoundStates {
  setId: number;
  best: RoundReport;
  background: RoundReport[];
}

export function roundReport(round: Round, voters: VoterSet): RoundReport {
  const phase = (p: "prevote" | "precommit"): PhaseReport => {
    const voted = new Set(round.voted(p));
    return {
      currentWeight: Number(round.participation(p).weight),
      missing: voters.voters.filter((_, i) => !voted.has(i)).map((v) => encodeSs58(v.id)),
    };
  };
  return {
    round: Number(round.number),
    totalWeight: Number(voters.total),
    thresholdWeight: Number(voters.threshold),
    prevotes: phase("prevote"),
    precommits: phase("precommit"),
  };
}
