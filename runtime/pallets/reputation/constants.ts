/**
 * The Reputation pallet's configuration: minting periods, uptime windows, the uptime rules' tolerances, the
 * farmerbot standby bounds, the SLA thresholds and the close sweep's pace.
 *
 * Times are chain seconds (`Timestamp::now() / 1000`).
 */
import { u16, u32, u64 } from "../../../primitives/schema.js";
import { constant } from "../../pallet.js";

/** Start of minting period 0 (minting_v3 `FIRST_PERIOD_START_TIMESTAMP`). */
export const PERIOD_ORIGIN = 1_522_501_000n;
/** 60 periods in 5 years (3 of 365 days, 2 of 366): minting_v3 `STANDARD_PERIOD_DURATION`. */
export const PERIOD_LENGTH = 2_630_880n;
/** Online windows: 12 h, aligned on the unix epoch. */
export const WINDOW_LENGTH = 43_200n;
/** Windows kept in a node's ring (30 days). */
export const WINDOWS = 60;
/** Most one report credits: the 40-minute report interval plus the grace. */
export const MAX_CREDIT = 2_460n;
/** Allowed difference between uptime growth and report spacing (minting_v3 `UPTIME_GRACE_PERIOD_SECONDS`). */
export const DRIFT = 60n;
/** A boot time that moved this far since the last boot is clock skew (minting_v3 `CLOCK_SKEW_INTERVAL`). */
export const CLOCK_SKEW = 120n;
/** A node asked to wake must boot within this time (minting_v3 `MAX_POWER_MANAGER_BOOT_TIME`). */
export const WAKE_UP = 1_800n;
/** Longest standby still credited (minting_v3 `MAX_POWER_MANAGER_DOWNTIME`). */
export const MAX_STANDBY = 86_400n;
/** A period closes this long after its end (27 h, minting_v3's post-period scan). */
export const SETTLE_DELAY = 97_200n;
/** Uptime ‰ a DIY node needs to meet its SLA. */
export const SLA_DIY = 950;
/** Uptime ‰ a certified node needs to meet its SLA. */
export const SLA_CERTIFIED = 980;
/** Closed periods kept per node and farm. */
export const RETAIN_PERIODS = 6;
/** Node ids the close sweep visits per block. */
export const SWEEP_PER_BLOCK = 100;

/** The pallet's metadata constants, in declaration order. */
export const constants = {
  PeriodOrigin: constant(u64, PERIOD_ORIGIN, [" Start of minting period 0, in seconds."]),
  PeriodLength: constant(u64, PERIOD_LENGTH, [" Length of a minting period, in seconds."]),
  WindowLength: constant(u64, WINDOW_LENGTH, [" Length of an online window, in seconds (unix-aligned)."]),
  Windows: constant(u32, WINDOWS, [" Online windows kept per node."]),
  MaxCredit: constant(u64, MAX_CREDIT, [" Most seconds one uptime report credits."]),
  Drift: constant(u64, DRIFT, [" Tolerated difference between uptime growth and report spacing, in seconds."]),
  ClockSkew: constant(u64, CLOCK_SKEW, [" Boot time movement that is clock skew, in seconds."]),
  WakeUp: constant(u64, WAKE_UP, [" Seconds a node has to boot after a wake request."]),
  MaxStandby: constant(u64, MAX_STANDBY, [" Longest credited standby, in seconds."]),
  SettleDelay: constant(u64, SETTLE_DELAY, [" Seconds after a period's end before it closes."]),
  SlaDiy: constant(u16, SLA_DIY, [" Uptime per mille a DIY node needs."]),
  SlaCertified: constant(u16, SLA_CERTIFIED, [" Uptime per mille a certified node needs."]),
  RetainPeriods: constant(u32, RETAIN_PERIODS, [" Closed periods kept per node and farm."]),
  SweepPerBlock: constant(u32, SWEEP_PER_BLOCK, [" Node ids the close sweep visits per block."]),
};
