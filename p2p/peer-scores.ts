/**
 * Peer reputation as Substrate's peer store keeps it: an i32 per peer, changed by what the peer sends,
 * decaying 2 % a second toward 0. Below 82 % of i32::MIN the peer is banned: disconnected, and refused until
 * its reputation decays back above the threshold.
 */

const I32_MIN = -(2 ** 31);
const I32_MAX = 2 ** 31 - 1;

/** Substrate's `BANNED_THRESHOLD`: 82 * (i32::MIN / 100). */
export const BANNED_THRESHOLD = 82 * Math.trunc(I32_MIN / 100);

/** Reputation changes, Substrate's values. */
export const Rep = {
  GENESIS_MISMATCH: I32_MIN,
  BAD_BLOCK: -(2 ** 29),
  UNREQUESTED_BLOCK: -(2 ** 29),
  BAD_JUSTIFICATION: -(2 ** 16),
  BAD_MESSAGE: -(2 ** 12),
  TIMEOUT: -(2 ** 10),
  GOOD_TRANSACTION: 2 ** 7,
  BAD_TRANSACTION: -(2 ** 12),
  GOOD_BLOCK: 2 ** 7,
} as const;

/** Each second a reputation loses 1/50 of itself (at least one point) toward 0. */
const INVERSE_DECREMENT = 50;

export class PeerScores {
  private readonly scores = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  /** `onBanned` runs once each time a peer falls below the threshold. */
  constructor(private readonly onBanned: (peerId: string, reason: string) => void) {}

  start(): void {
    this.timer = setInterval(() => this.decay(1), 1000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  score(peerId: string): number {
    return this.scores.get(peerId) ?? 0;
  }

  isBanned(peerId: string): boolean {
    return this.score(peerId) < BANNED_THRESHOLD;
  }

  report(peerId: string, change: number, reason: string): void {
    const before = this.score(peerId);
    const after = Math.max(I32_MIN, Math.min(I32_MAX, before + change));
    this.scores.set(peerId, after);
    if (after < BANNED_THRESHOLD && before >= BANNED_THRESHOLD) this.onBanned(peerId, reason);
  }

  /** Applies `seconds` of decay (exposed for tests). */
  decay(seconds: number): void {
    for (const [peer, value] of this.scores) {
      let v = value;
      for (let i = 0; i < seconds && v !== 0; i++) {
        const step = Math.trunc(v / INVERSE_DECREMENT);
        v -= step !== 0 ? step : Math.sign(v);
      }
      if (v === 0) this.scores.delete(peer);
      else this.scores.set(peer, v);
    }
  }
}
