/**
 * The uptime rules, as pure functions of a node's state and one event: minting_v3's report classification and
 * the farmerbot standby.
 *
 * A report compares the uptime a node claims with the chain time between its reports (Δr = now − last report,
 * Δu = uptime − last uptime). The first report credits min(uptime, now − created, MaxCredit). A healthy report
 * (Δu > 0, |Δu − Δr| ≤ Drift) credits min(Δu, MaxCredit), unless the boot time it implies (now − uptime) moved
 * by ClockSkew or more. Δu > Δr + Drift is `UptimeTooHigh`. Otherwise uptime ≤ Δr is a reboot crediting
 * min(uptime, MaxCredit); anything else is `UptimeTooLow` (uptime grew, but too little) or `InvalidReboot`, and
 * both keep the last report. Violations credit nothing. A credit covers [now − credit, now).
 *
 * Standby: the node's state set Down while its farmer's target is Down credits min(Δr, MaxCredit) and starts a
 * standby; the first target Up after that is the wake request. The first report of a boot after the standby
 * start ends it: it credits now − start when that is at most MaxStandby and the boot came at most WakeUp after
 * the request. A later boot is a boot failure; a boot without a request is an ordinary reboot.
 */
import { CLOCK_SKEW, DRIFT, MAX_CREDIT, MAX_STANDBY, WAKE_UP } from "./constants.js";
import { minBig, satSub } from "./saturating.js";
import type { LastReport, NodeState, Violation } from "./types.js";

/** What one event does to a node: its new state, the seconds credited before `now`, what to count. */
export interface Outcome {
  /** The node's new state; `undefined` keeps the stored one. */
  state?: NodeState;
  credit: bigint;
  /** The credit is standby time (a farmerbot sleep that ended in time). */
  standby?: boolean;
  reboot?: boolean;
  violation?: Violation;
  /** A wake request answered late: the request's time (its period counts the failure). */
  bootFailure?: bigint;
}

const UNCHANGED: Outcome = Object.freeze({ credit: 0n });

const abs = (x: bigint) => (x < 0n ? -x : x);

function pair(last: LastReport, now: bigint, uptime: bigint) {
  return { previous_uptime: last.uptime, previous_timestamp: last.at, reported_uptime: uptime, reported_timestamp: now };
}

/** Classifies an uptime report of a node created at `created`. Reports not newer than the last are ignored. */
export function evaluateReport(state: NodeState | undefined, created: bigint, now: bigint, uptime: bigint): Outcome {
  const last = state?.last;
  // Same-time reports (several in one block) add nothing: only the first counts.
  if (last && now <= last.at) return UNCHANGED;
  const boot = satSub(now, uptime);
  const next: LastReport = { at: now, uptime, boot };
  if (state?.standby) return wake(state, now, uptime, boot);
  if (!last) return { state: { last: next, standby: undefined }, credit: minBig(uptime, satSub(now, created), MAX_CREDIT) };

  const dr = now - last.at;
  const du = uptime - last.uptime;
  const accepted = (credit: bigint, extra: Partial<Outcome> = {}): Outcome => ({ state: { last: next, standby: undefined }, credit, ...extra });
  if (du > dr + DRIFT) return accepted(0n, { violation: { tag: "UptimeTooHigh", value: pair(last, now, uptime) } });
  if (du > 0n && abs(du - dr) <= DRIFT) {
    if (abs(boot - last.boot) >= CLOCK_SKEW) {
      const value = { original_boot: last.boot, current_boot: boot, previous_timestamp: last.at, reported_timestamp: now };
      return accepted(0n, { violation: { tag: "ClockSkew", value } });
    }
    return { state: { last: { ...next, boot: last.boot }, standby: undefined }, credit: minBig(du, MAX_CREDIT) };
  }
  if (uptime <= dr) return accepted(minBig(uptime, MAX_CREDIT), { reboot: true });
  const tag = uptime > last.uptime ? "UptimeTooLow" : "InvalidReboot";
  return { credit: 0n, violation: { tag, value: pair(last, now, uptime) } };
}

/** A report during a standby: only a boot after the standby start counts, and it ends the standby. */
function wake(state: NodeState, now: bigint, uptime: bigint, boot: bigint): Outcome {
  const standby = state.standby!;
  // Sent from before the node went down: the boot that ends the standby is still to come.
  if (boot <= standby.since) return UNCHANGED;
  const awake: NodeState = { last: { at: now, uptime, boot }, standby: undefined };
  if (standby.request === undefined) return { state: awake, credit: minBig(uptime, MAX_CREDIT), reboot: true };
  const onTime = boot <= standby.request + WAKE_UP;
  const slept = now - standby.since;
  const credit = onTime && slept <= MAX_STANDBY ? slept : 0n;
  const bootFailure = !onTime && !standby.failed ? standby.request : undefined;
  return { state: awake, credit, standby: credit > 0n, bootFailure };
}

/** The node set its power state; Down while the farmer's target is Down starts a standby. */
export function evaluatePowerDown(state: NodeState | undefined, now: bigint, target: "Up" | "Down"): Outcome {
  if (target !== "Down" || state?.standby) return UNCHANGED;
  const last = state?.last;
  const credit = last ? minBig(satSub(now, last.at), MAX_CREDIT) : 0n;
  // The wake-up report is measured against the standby, not this placeholder; it only orders later reports.
  const placeholder: LastReport = { at: last && last.at > now ? last.at : now, uptime: 0n, boot: now };
  return { state: { last: placeholder, standby: { since: now, request: undefined, failed: false } }, credit };
}

/** The farmer set the power target; the first Up during a standby is its wake request. */
export function evaluateTarget(state: NodeState | undefined, now: bigint, target: "Up" | "Down"): NodeState | undefined {
  const standby = state?.standby;
  if (target !== "Up" || !standby || standby.request !== undefined) return undefined;
  return { ...state!, standby: { ...standby, request: now } };
}
