/**
 * pallet_session's weights as TFChain uses them (`WeightInfo = ()`): FRAME's `()` implementation of the
 * polkadot-v1 era, measured on a Substrate node with four session keys (hence 6 reads and 5 writes).
 */
import type { Weight } from "../../dispatch-types.js";
import { parts, rocksDb, saturatingAdd } from "../system/weights.js";

export const sessionWeights = {
  /** Staking::Ledger (r:1), Session::NextKeys (r:1 w:1), Session::KeyOwner (r:4 w:4). */
  set_keys: saturatingAdd(parts(56_180_000n, 12_814n), rocksDb(6, 5)),
  /** Staking::Ledger (r:1), Session::NextKeys (r:1 w:1), Session::KeyOwner (w:4). */
  purge_keys: saturatingAdd(parts(41_313_000n, 5_256n), rocksDb(2, 5)),
} satisfies Record<string, Weight>;
