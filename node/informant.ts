/**
 * The informant: one status line every few seconds (best, finalized, peers, pool), as Substrate's prints it.
 * Imported blocks are logged where they are imported (consensus).
 */
import type { ChainService, NetworkService, TxPoolService } from "../rpc/services.js";
import type { Logger } from "./logger.js";

export const INFORMANT_INTERVAL_MS = 5000;

const short = (h: Uint8Array) => {
  const x = Buffer.from(h).toString("hex");
  return `0x${x.slice(0, 4)}…${x.slice(-4)}`;
};

export class Informant {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly log: Logger,
    private readonly deps: { chain: ChainService; pool: TxPoolService; network?: NetworkService },
  ) {}

  start(): void {
    this.timer = setInterval(() => this.tick(), INFORMANT_INTERVAL_MS);
    this.timer.unref();
  }

  tick(): void {
    const { chain, pool, network } = this.deps;
    const best = chain.best();
    const fin = chain.finalized();
    const peers = network?.peers().length ?? 0;
    const status = network?.isSyncing() ? "⚙️  Syncing" : "💤 Idle";
    this.log.info(`${status} (${peers} peers), best: #${best.number} (${short(best.hash)}), finalized #${fin.number} (${short(fin.hash)})`, {
      txs: pool.pending().length,
    });
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
