/**
 * Temporarily banned transaction hashes (Substrate's `graph::rotator::PoolRotator`).
 *
 * A hash is banned for `banTimeMs` once found invalid, included in a block, evicted by the limits or removed
 * by hand, so that the same bytes are refused (1012) without running the runtime again.
 */
import { BAN_LIST_EXPECTED_SIZE } from "./options.js";

export class BanList {
  /** key → time banned (ms); a Map iterates oldest first. */
  private readonly banned = new Map<string, number>();

  constructor(
    private readonly banTimeMs: number,
    private readonly now: () => number,
  ) {}

  get size(): number {
    return this.banned.size;
  }

  isBanned(key: string): boolean {
    const at = this.banned.get(key);
    if (at === undefined) return false;
    if (this.now() - at < this.banTimeMs) return true;
    this.banned.delete(key);
    return false;
  }

  ban(keys: Iterable<string>): void {
    const now = this.now();
    for (const key of keys) {
      this.banned.delete(key);
      this.banned.set(key, now);
    }
    if (this.banned.size > 2 * BAN_LIST_EXPECTED_SIZE) {
      for (const key of this.banned.keys()) {
        if (this.banned.size <= BAN_LIST_EXPECTED_SIZE) break;
        this.banned.delete(key);
      }
    }
  }

  unban(key: string): void {
    this.banned.delete(key);
  }

  /** Forgets the bans that have run out. */
  clearExpired(): void {
    const now = this.now();
    for (const [key, at] of this.banned) {
      if (now - at < this.banTimeMs) break;
      this.banned.delete(key);
    }
  }
}
