/**
 * Reputation events: a period's first violation, a node's and a whole period's close, a twin crossing the
 * payment standing threshold.
 */
import { bool, enumeration, option, u16, u32, u64, type ValueOf } from "../../../primitives/schema.js";
import { Violation } from "./types.js";

const U32: [typeof u32, string] = [u32, "u32"];
const U64: [typeof u64, string] = [u64, "u64"];

export const events = enumeration(
  { path: "pallet_reputation::pallet::Event", params: [{ name: "T" }], docs: ["The `Event` enum of this pallet"] },
  {
    NodeViolation: {
      fields: { node_id: U32, period: U32, violation: [Violation, "Violation"] },
      docs: [" A node's period got its first violation: it cannot meet its SLA."],
    },
    NodePeriodClosed: {
      fields: {
        node_id: U32,
        farm_id: U32,
        period: U32,
        up: U64,
        expected: U64,
        uptime: [u16, "u16"],
        sla_met: [bool, "bool"],
        violation: [option(Violation), "Option<Violation>"],
      },
      docs: [" A node's minting period closed: up and expected seconds, uptime per mille, SLA."],
    },
    PeriodClosed: { fields: { period: U32, nodes: U32 }, docs: [" Every node of a minting period is closed."] },
    TwinPaymentStanding: {
      fields: { twin_id: U32, score: U32, good: [bool, "bool"] },
      docs: [" A twin's payment score (ppm) crossed the good standing threshold."],
    },
  },
);
export type ReputationEvent = ValueOf<typeof events>;
