/**
 * Reputation storage, in declaration order. Every map hashes its keys with Blake2_128Concat, so a node's or
 * farm's periods can be listed and pruned by prefix.
 *
 * Nothing is written at genesis: records appear with the first report, bill or close.
 */
import { u32 } from "../../../primitives/schema.js";
import { doubleMap, map, palletStorage, value } from "../../storage-item.js";
import { FarmPeriod, NodePeriod, NodeState, NodeWindows, SweepCursor, TwinPayment } from "./types.js";

const H = "Blake2_128Concat";

export const storage = palletStorage("Reputation", {
  NodeState: map(H, u32, NodeState, { docs: [" A node's last accepted uptime report and its farmerbot standby."] }),
  NodePeriods: doubleMap(H, u32, H, u32, NodePeriod, { docs: [" A node's record of a minting period."] }),
  NodeWindows: map(H, u32, NodeWindows, { docs: [" Up-seconds of a node's last 60 online windows."] }),
  FarmPeriods: doubleMap(H, u32, H, u32, FarmPeriod, { docs: [" A farm's aggregate of a closed minting period."] }),
  TwinPayment: map(H, u32, TwinPayment, { docs: [" A twin's contract payment reputation."] }),
  SweepCursor: value(SweepCursor, { docs: [" Where the period close sweep stands."] }),
});
