/**
 * The voter's in-memory view of block ancestry: number and parent of every block it may have to route a vote
 * through, from a floor (the lowest round base or finalized block still in use) up to the chain heads.
 *
 * Imported blocks are added as the chain announces them; any other block is loaded from the chain's headers
 * on demand (`ensure`) before a message that names it is processed, so that the round logic can ask ancestry
 * questions synchronously, as `finality_grandpa::Chain` does.
 */
import { toHex } from "../../primitives/bytes.js";
import type { Header } from "../../primitives/header.js";
import { hashBytes, type BlockRef } from "./block-ref.js";
import type { AncestryChain } from "./round.js";

interface Entry {
  number: number;
  parent: string;
}

export class BlockIndex implements AncestryChain {
  private readonly entries = new Map<string, Entry>();
  private readonly waiters = new Map<string, (() => void)[]>();
  /** Blocks below this number are not needed and may be forgotten. */
  floor = 0;

  constructor(private readonly header: (hash: Uint8Array) => Promise<Header | undefined>) {}

  get size(): number {
    return this.entries.size;
  }

  has(hash: string): boolean {
    return this.entries.has(hash);
  }

  number(hash: string): number | undefined {
    return this.entries.get(hash)?.number;
  }

  /** Records a block; wakes whoever waits for it. */
  add(hash: string, number: number, parent: string): void {
    if (!this.entries.has(hash)) this.entries.set(hash, { number, parent });
    const waiting = this.waiters.get(hash);
    if (waiting) {
      this.waiters.delete(hash);
      for (const wake of waiting) wake();
    }
  }

  addHeader(hash: string, header: Header): void {
    this.add(hash, header.number, toHex(header.parentHash));
  }

  /** Loads `hash` and its missing ancestors down to the floor; false if the chain does not have the block. */
  async ensure(hash: string): Promise<boolean> {
    for (let h = hash; ; ) {
      let e = this.entries.get(h);
      if (!e) {
        const header = await this.header(hashBytes(h));
        if (!header) return false;
        this.addHeader(h, header);
        e = this.entries.get(h)!;
      }
      if (e.number <= this.floor) return true;
      h = e.parent;
    }
  }

  /**
   * Resolves true once `hash` is known (now, from the chain, or when an import announces it), false after
   * `timeout` resolves first.
   */
  async whenKnown(hash: string, timeout: Promise<void>): Promise<boolean> {
    if (await this.ensure(hash)) return true;
    let wake!: () => void;
    const known = new Promise<boolean>((resolve) => (wake = () => resolve(true)));
    this.waiters.set(hash, [...(this.waiters.get(hash) ?? []), wake]);
    const gaveUp = timeout.then(() => false);
    if (await Promise.race([known, gaveUp])) return this.ensure(hash);
    const rest = (this.waiters.get(hash) ?? []).filter((w) => w !== wake);
    if (rest.length > 0) this.waiters.set(hash, rest);
    else this.waiters.delete(hash);
    return false;
  }

  /** Hashes waited for: a bound on held messages is the caller's. */
  get waiting(): number {
    return this.waiters.size;
  }

  /** Forgets the waiters (on stop). */
  dropWaiters(): void {
    this.waiters.clear();
  }

  /** `Chain::ancestry`: parent of `block` first, down to `base` excluded; undefined unless a strict descendant. */
  ancestry(base: string, block: string): string[] | undefined {
    const baseNumber = this.entries.get(base)?.number;
    if (baseNumber === undefined || base === block) return undefined;
    const route: string[] = [];
    let e = this.entries.get(block);
    if (!e || e.number <= baseNumber) return undefined;
    for (;;) {
      if (e.parent === base) return route;
      route.push(e.parent);
      e = this.entries.get(e.parent);
      if (!e || e.number <= baseNumber) return undefined;
    }
  }

  /** Whether `block` is a strict descendant of `base`. */
  isDescendantOf(base: string, block: string): boolean {
    const baseNumber = this.entries.get(base)?.number;
    if (baseNumber === undefined) return false;
    let e = this.entries.get(block);
    let h = block;
    while (e && e.number > baseNumber) {
      h = e.parent;
      if (h === base) return true;
      e = this.entries.get(h);
    }
    return false;
  }

  /** The ancestor of `block` at height `number` (itself if it is at that height). */
  ancestorAt(block: BlockRef, number: number): BlockRef | undefined {
    let h = block.hash;
    let e = this.entries.get(h);
    while (e && e.number > number) {
      h = e.parent;
      e = this.entries.get(h);
    }
    return e && e.number === number ? { hash: h, number } : undefined;
  }

  /** Forgets blocks below the floor. */
  prune(): void {
    for (const [h, e] of this.entries) if (e.number < this.floor) this.entries.delete(h);
  }
}
