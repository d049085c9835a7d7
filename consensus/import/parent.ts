/**
 * Stage 2: the parent is known and its state is live, i.e. the block extends the finalized chain.
 */
import { equalBytes, toHex } from "../../primitives/bytes.js";
import type { Header } from "../../primitives/header.js";
import type { ChainDb } from "../../state/chain-db.js";
import { ImportError } from "./import-error.js";

export async function checkParent(db: ChainDb, header: Header, hex: string): Promise<void> {
  const info = await db.blockInfo(header.parentHash);
  if (info === undefined) throw new ImportError({ code: "UNKNOWN_PARENT", hash: hex, parentHash: toHex(header.parentHash) });
  if (header.number !== info.number + 1) throw new ImportError({ code: "INVALID_NUMBER", hash: hex, expected: info.number + 1, got: header.number });
  const finalized = db.finalized();
  const belowFinality = info.number < finalized.number || (info.number === finalized.number && !equalBytes(header.parentHash, finalized.hash));
  // A parent above the finalized block without a state is on a fork finality discarded.
  if (belowFinality || !db.hasState(header.parentHash)) {
    throw new ImportError({
      code: "NOT_IN_FINALIZED_CHAIN", hash: hex, number: header.number, finalized: toHex(finalized.hash), finalizedNumber: finalized.number,
    });
  }
}
