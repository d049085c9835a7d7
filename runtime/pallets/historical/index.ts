/**
 * pallet_session::historical (index 14) as TFChain declares it: `Historical: pallet_session::historical::{Pallet}`.
 *
 * Only the pallet part is in the runtime: no storage, calls or events in the metadata. Its
 * `HistoricalSessions`/`StoredRange` would be written by `NoteHistoricalRoot`, which TFChain does not put
 * between Session and ValidatorSet, so the chain never holds them; it stays for its index and the
 * runtime-upgrade migration that TFChain ran once (`PalletSessionToV1`).
 */
import { definePallet } from "../../pallet.js";

export const historical = definePallet({ name: "Historical", index: 14 });
