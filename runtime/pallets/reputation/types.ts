/**
 * Stored types of `pallet_reputation::types`: a node's live reporting state, its per-period record and online
 * window ring, a farm's per-period aggregate, a twin's payment record and the close sweep's cursor.
 */
import { array, bool, enumeration, option, struct, u16, u32, u64, withCodec, type ValueOf } from "../../../primitives/schema.js";
import { NodeCertification } from "../tfgrid/types-node.js";
import { WINDOWS } from "./constants.js";
import { nodeWindowsCodec } from "./windows-codec.js";

const P = "pallet_reputation::types::";

const U64: [typeof u64, string] = [u64, "u64"];
// The three report violations name the accepted report the new one was measured against.
const reportPair = { previous_uptime: U64, previous_timestamp: U64, reported_uptime: U64, reported_timestamp: U64 };

/** Why a period cannot meet its SLA; minting_v3's `Violation` plus the farmerbot's expired boot requests. */
export const Violation = enumeration(
  { path: `${P}Violation` },
  {
    UptimeTooHigh: { fields: { ...reportPair }, docs: [" Uptime grew more than time did (past the drift)."] },
    UptimeTooLow: { fields: { ...reportPair }, docs: [" Uptime grew less than time did, yet too much for a reboot."] },
    InvalidReboot: { fields: { ...reportPair }, docs: [" A reboot that would have happened before the previous report."] },
    ClockSkew: {
      fields: {
        original_boot: U64,
        current_boot: U64,
        previous_timestamp: U64,
        reported_timestamp: U64,
      },
      docs: [" The boot time implied by the reports moved by the clock skew bound or more."],
    },
    BootRequestExpired: { fields: { requested_at: U64 }, docs: [" A second farmerbot wake request in the period was not answered in time."] },
    MissingRelay: { docs: [" The node has uptime but its twin has no relay."] },
    InvalidPublicKey: { docs: [" The node's twin has a public key that is not 33 bytes."] },
    MissingTwin: { docs: [" The node's twin does not exist."] },
  },
);
export type Violation = ValueOf<typeof Violation>;

/** The last accepted uptime report: chain time, uptime, and the boot time the rules measure skew against. */
export const LastReport = struct({ path: `${P}LastReport` }, { at: [u64, "u64"], uptime: [u64, "u64"], boot: [u64, "u64"] });
export type LastReport = ValueOf<typeof LastReport>;

/** A farmerbot standby: since when the node is down, the first wake request, and whether a failure was counted. */
export const Standby = struct(
  { path: `${P}Standby` },
  { since: [u64, "u64"], request: [option(u64), "Option<u64>"], failed: [bool, "bool"] },
);
export type Standby = ValueOf<typeof Standby>;

/** A node's live state: its last accepted report and its standby, if any. */
export const NodeState = struct(
  { path: `${P}NodeState` },
  { last: [option(LastReport), "Option<LastReport>"], standby: [option(Standby), "Option<Standby>"] },
);
export type NodeState = ValueOf<typeof NodeState>;

/** The outcome written when a period closes: uptime ‰, the certification judged, and the SLA. */
export const PeriodVerdict = struct(
  { path: `${P}PeriodVerdict` },
  { uptime: [u16, "u16"], certification: [NodeCertification, "NodeCertification"], sla_met: [bool, "bool"] },
);
export type PeriodVerdict = ValueOf<typeof PeriodVerdict>;

/**
 * A node's minting period: seconds expected (written at close, from creation), credited up (standby included),
 * credited standby, reboots, farmerbot boot failures, the period's first violation and, once closed, the verdict.
 */
export const NodePeriod = struct(
  { path: `${P}NodePeriod` },
  {
    expected: [u64, "u64"],
    up: [u64, "u64"],
    standby: [u64, "u64"],
    reboots: [u32, "u32"],
    boot_failures: [u32, "u32"],
    violation: [option(Violation), "Option<Violation>"],
    closed: [option(PeriodVerdict), "Option<PeriodVerdict>"],
  },
);
export type NodePeriod = ValueOf<typeof NodePeriod>;

/** A period nothing was recorded in yet. */
export const EMPTY_NODE_PERIOD: NodePeriod = Object.freeze({
  expected: 0n, up: 0n, standby: 0n, reboots: 0, boot_failures: 0, violation: undefined, closed: undefined,
});

/** Up-seconds of the last `Windows` windows: slot `w % Windows` holds window `w`, `latest` the newest written. */
export const NodeWindowsGeneric = struct(
  { path: `${P}NodeWindows` },
  { latest: [u32, "u32"], up: [array(u16, WINDOWS), "[u16; 60]"] },
);
/** `NodeWindows` with its fixed-layout codec (same bytes). */
export const NodeWindows = withCodec(NodeWindowsGeneric, nodeWindowsCodec);
export type NodeWindows = ValueOf<typeof NodeWindowsGeneric>;

/** A farm's closed period: nodes closed, those meeting their SLA, those with a violation, summed up and expected. */
export const FarmPeriod = struct(
  { path: `${P}FarmPeriod` },
  { nodes: [u32, "u32"], sla_met: [u32, "u32"], violating: [u32, "u32"], up: [u64, "u64"], expected: [u64, "u64"] },
);
export type FarmPeriod = ValueOf<typeof FarmPeriod>;

/** A farm period no node was closed in yet. */
export const EMPTY_FARM_PERIOD: FarmPeriod = Object.freeze({ nodes: 0, sla_met: 0, violating: 0, up: 0n, expected: 0n });

/** Storj's beta reputation of a twin's payments (alpha, beta in 10⁻⁶ units) and its contract history counts. */
export const TwinPayment = struct(
  { path: `${P}TwinPayment` },
  {
    alpha: [u64, "u64"],
    beta: [u64, "u64"],
    paid: [u32, "u32"],
    overdrawn: [u32, "u32"],
    grace: [u32, "u32"],
    out_of_funds: [u32, "u32"],
    collective: [u32, "u32"],
  },
);
export type TwinPayment = ValueOf<typeof TwinPayment>;

/** The close sweep: the oldest period not yet closed, the next node id to visit, the nodes closed so far. */
export const SweepCursor = struct({ path: `${P}SweepCursor` }, { period: [u32, "u32"], next_node: [u32, "u32"], closed: [u32, "u32"] });
export type SweepCursor = ValueOf<typeof SweepCursor>;
