/**
 * pallet_grandpa's weights as TFChain uses them (`WeightInfo = ()`: FRAME's hand-written defaults).
 */
import type { Weight } from "../../dispatch-types.js";
import { parts, rocksDb, saturatingAdd } from "../system/weights.js";

const MICROS = 1_000_000n;
const NANOS = 1_000n;

export const grandpaWeights = {
  /**
   * `report_equivocation(validator_count, max_nominators)`: membership proof (a floor of 100 validators),
   * proof check and offence report. TFChain's `KeyOwnerProof` is `Void`, so no call ever gets this far.
   */
  report_equivocation(validatorCount: number, maxNominators: number): Weight {
    const validators = BigInt(Math.max(validatorCount, 100));
    const nominators = BigInt(maxNominators);
    let w = parts(35n * MICROS + 175n * NANOS * validators);
    w = saturatingAdd(w, rocksDb(5, 0));
    w = saturatingAdd(w, parts(95n * MICROS + 110n * MICROS + 25n * MICROS * nominators));
    w = saturatingAdd(w, rocksDb(14n + 3n * nominators, 10n + 3n * nominators));
    return saturatingAdd(w, rocksDb(2, 0));
  },
  note_stalled: (): Weight => saturatingAdd(parts(3n * MICROS), rocksDb(0, 1)),
};
