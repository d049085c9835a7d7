/**
 * Full sync: find where our chain and the best peer's part, then fetch ranges of up to 128 blocks (headers,
 * bodies, justifications) from several peers at once, ahead of the importer, and import them in order
 * through the one import pipeline.
 *
 * - The fork point is found by asking the peer for single headers by number (the top of our common range
 *   first, then a binary search above our finalized block).
 * - At most one request per peer; at most `MAX_RANGES_AHEAD` ranges requested or buffered.
 * - A response that breaks the protocol costs the peer a bad message, a timeout a timeout, a block the
 *   import refuses a bad block; its range goes back in the queue for another peer. A block whose parent
 *   we do not have means the peers disagree above the fork point: the sync starts over from it.
 * - Announced blocks whose parents we miss (a short fork) are fetched from the announcer, newest first.
 */
import { equalBytes, toHex } from "../primitives/bytes.js";
import type { NetworkChain } from "./chain-access.js";
import { BadResponse, FULL_BLOCKS, type ReceivedBlock } from "./block-requests.js";
import { FIELD_HEADER, MAX_BLOCKS_PER_REQUEST, type BlockRequest } from "./messages.js";
import { Rep } from "./peer-scores.js";

const MAX_RANGES_AHEAD = 8;
/** Behind the best peer by more than this, the node says it is syncing. */
const SYNCING_DISTANCE = 4;

export interface SyncLog {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
}

export interface SyncDeps {
  chain: NetworkChain;
  /** Sends a block request to a peer; a `BadResponse` or a transport error when it fails. */
  request(peer: string, request: BlockRequest): Promise<ReceivedBlock[]>;
  report(peer: string, change: number, reason: string): void;
  log: SyncLog;
}

interface PeerSync {
  best: number;
  bestHash: Uint8Array;
  busy: boolean;
  /** After a failed request the peer rests until then (ms). */
  restUntil: number;
}

/** How long a peer whose request failed is left alone. */
const REST_MS = 2_000;

interface Range {
  start: number;
  count: number;
}

interface Buffered {
  peer: string;
  blocks: ReceivedBlock[];
}

export class ChainSync {
  private readonly peers = new Map<string, PeerSync>();
  /** Ranges to request, lowest first. */
  private queue: Range[] = [];
  private readonly buffered = new Map<number, Buffered>();
  private inFlight = 0;
  /** The first block number not yet requested, and the next to import; undefined until the fork point is known. */
  private nextRequest: number | undefined;
  private nextImport = 0;
  private searching = false;
  private importing = false;
  /** Bumped on every restart, so answers to requests of an older pass are dropped. */
  private generation = 0;
  private stopped = false;
  private readonly started: number;
  private readonly fetchingAncestry = new Set<string>();

  constructor(private readonly deps: SyncDeps) {
    this.started = deps.chain.best().number;
  }

  stop(): void {
    this.stopped = true;
  }

  startingBlock(): number {
    return this.started;
  }

  /** The best block a peer told us of, if above ours. */
  highestBlock(): number | undefined {
    let high: number | undefined;
    for (const p of this.peers.values()) if (high === undefined || p.best > high) high = p.best;
    return high;
  }

  isSyncing(): boolean {
    const high = this.highestBlock();
    return high !== undefined && high > this.deps.chain.best().number + SYNCING_DISTANCE;
  }

  peerBest(peer: string): { number: number; hash: Uint8Array } | undefined {
    const p = this.peers.get(peer);
    return p && { number: p.best, hash: p.bestHash };
  }

  /** A peer's best block, from its status or an announcement. */
  updatePeer(peer: string, best: number, bestHash: Uint8Array): void {
    const known = this.peers.get(peer);
    if (known) {
      if (best >= known.best) Object.assign(known, { best, bestHash });
    } else {
      this.peers.set(peer, { best, bestHash, busy: false, restUntil: 0 });
    }
    this.tick();
  }

  removePeer(peer: string): void {
    this.peers.delete(peer);
  }

  /** Our chain moved (a block imported from anywhere): drop what is no longer needed. */
  onImported(): void {
    this.tick();
  }

  /** Decides what to do next; safe to call at any time. */
  tick(): void {
    if (this.stopped) return;
    const ours = this.deps.chain.best().number;
    const target = this.highestBlock() ?? 0;
    if (target <= ours) {
      if (this.nextRequest !== undefined && this.inFlight === 0 && !this.importing) this.reset();
      return;
    }
    if (this.nextRequest === undefined) {
      if (!this.searching) void this.findForkPoint();
      return;
    }
    this.dispatch(target);
  }

  private reset(): void {
    this.generation++;
    this.nextRequest = undefined;
    this.queue = [];
    this.buffered.clear();
  }

  /** Asks the best peer where our chains part; sync starts above that block. */
  private async findForkPoint(): Promise<void> {
    const now = Date.now();
    const best = [...this.peers.entries()].filter(([, p]) => !p.busy && p.restUntil <= now).sort((a, b) => b[1].best - a[1].best)[0];
    if (!best) return;
    const [peer, info] = best;
    this.searching = true;
    info.busy = true;
    const generation = ++this.generation;
    try {
      const { chain } = this.deps;
      let low = chain.finalized().number;
      let high = Math.min(chain.best().number, info.best);
      // Common case first: the peer extends our best chain.
      if (!(await this.sameAt(peer, high))) {
        high--;
        while (low < high) {
          const mid = Math.ceil((low + high) / 2);
          if (await this.sameAt(peer, mid)) low = mid;
          else high = mid - 1;
        }
      } else {
        low = high;
      }
      if (generation !== this.generation || this.stopped) return;
      this.nextRequest = low + 1;
      this.nextImport = low + 1;
      this.queue = [];
      this.buffered.clear();
      this.deps.log.debug("Sync from fork point", { peer, number: low, target: info.best });
    } catch (e) {
      this.failed(peer, e, "fork point search");
    } finally {
      this.searching = false;
      info.busy = false;
      this.tick();
    }
  }

  /** Does the peer's chain have our canonical block at `number`? */
  private async sameAt(peer: string, number: number): Promise<boolean> {
    const ours = await this.deps.chain.hashAt(number);
    const got = await this.deps.request(peer, { fields: FIELD_HEADER, from: { tag: "Number", value: number }, direction: { tag: "Ascending", value: undefined }, max: 1 });
    return ours !== undefined && got[0] !== undefined && equalBytes(got[0].hash, ours);
  }

  private dispatch(target: number): void {
    while (this.inFlight + this.buffered.size < MAX_RANGES_AHEAD) {
      let range = this.queue[0];
      if (!range) {
        if (this.nextRequest! > target) return;
        range = { start: this.nextRequest!, count: Math.min(MAX_BLOCKS_PER_REQUEST, target - this.nextRequest! + 1) };
        this.nextRequest! += range.count;
        this.queue.push(range);
      }
      const peer = this.idlePeerFor(range.start);
      if (!peer) return;
      this.queue.shift();
      void this.fetch(peer, range);
    }
  }

  private idlePeerFor(start: number): string | undefined {
    let chosen: string | undefined;
    let chosenBest = -1;
    const now = Date.now();
    for (const [id, p] of this.peers) {
      if (!p.busy && p.restUntil <= now && p.best >= start && p.best > chosenBest) {
        chosen = id;
        chosenBest = p.best;
      }
    }
    return chosen;
  }

  private async fetch(peer: string, range: Range): Promise<void> {
    const info = this.peers.get(peer)!;
    info.busy = true;
    this.inFlight++;
    const generation = this.generation;
    try {
      const blocks = await this.deps.request(peer, {
        fields: FULL_BLOCKS, from: { tag: "Number", value: range.start }, direction: { tag: "Ascending", value: undefined }, max: range.count,
      });
      if (generation !== this.generation) return;
      if (blocks.length === 0) {
        // The peer no longer has these blocks on its best chain: believe it has less.
        info.best = Math.min(info.best, range.start - 1);
        this.requeue(range);
        return;
      }
      if (blocks.length < range.count) this.requeue({ start: range.start + blocks.length, count: range.count - blocks.length });
      this.buffered.set(range.start, { peer, blocks });
      void this.importReady();
    } catch (e) {
      if (generation === this.generation) this.requeue(range);
      this.failed(peer, e, `blocks #${range.start}+${range.count}`);
    } finally {
      info.busy = false;
      this.inFlight--;
      this.tick();
    }
  }

  private requeue(range: Range): void {
    this.queue.push(range);
    this.queue.sort((a, b) => a.start - b.start);
  }

  private failed(peer: string, e: unknown, what: string): void {
    const info = this.peers.get(peer);
    if (info) {
      info.restUntil = Date.now() + REST_MS;
      setTimeout(() => this.tick(), REST_MS).unref();
    }
    if (e instanceof BadResponse) {
      this.deps.report(peer, Rep.BAD_MESSAGE, `bad block response: ${e.message}`);
    } else {
      this.deps.report(peer, Rep.TIMEOUT, `request failed: ${(e as Error).message}`);
    }
    this.deps.log.debug("Sync request failed", { peer, what, error: (e as Error).message });
  }

  /** Imports buffered ranges in order, one at a time. */
  private async importReady(): Promise<void> {
    if (this.importing) return;
    this.importing = true;
    try {
      for (;;) {
        const next = this.buffered.get(this.nextImport);
        if (!next || this.stopped) return;
        this.buffered.delete(this.nextImport);
        const generation = this.generation;
        const ok = await this.importRange(next);
        if (generation !== this.generation) return;
        if (!ok) return;
        this.nextImport += next.blocks.length;
      }
    } finally {
      this.importing = false;
      this.tick();
    }
  }

  /** Imports one range; false when it was refused (and the sync restarted or the range requeued). */
  private async importRange({ peer, blocks }: Buffered): Promise<boolean> {
    const { chain, log } = this.deps;
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      try {
        await chain.importBlock({ header: b.header, extrinsics: b.extrinsics }, b.justifications);
      } catch (e) {
        if (chain.isUnknownParent(e)) {
          log.debug("Synced block on another fork: restarting sync", { peer, number: b.header.number });
          this.reset();
          return false;
        }
        if (chain.isBadBlock(e)) {
          log.warn("Refused a synced block", { peer, number: b.header.number, hash: toHex(b.hash), error: (e as Error).message });
          this.deps.report(peer, Rep.BAD_BLOCK, "bad block in a block response");
          this.requeue({ start: b.header.number, count: blocks.length - i });
          this.nextImport = b.header.number;
          return false;
        }
        // Not the block's fault (a slot ahead of our clock, a closing database): try again a little later.
        log.debug("Synced block not imported yet", { peer, number: b.header.number, error: (e as Error).message });
        this.requeue({ start: b.header.number, count: blocks.length - i });
        this.nextImport = b.header.number;
        setTimeout(() => this.tick(), REST_MS).unref();
        return false;
      }
    }
    return true;
  }

  /**
   * A peer announced a block whose parent we do not have. If it is close to our best, fetch its missing
   * ancestors from that peer (newest first) and import them oldest first; else the range sync gets there.
   */
  async fetchAncestry(peer: string, hash: Uint8Array, number: number): Promise<void> {
    const { chain } = this.deps;
    const depth = number - chain.finalized().number;
    if (depth <= 0 || number > chain.best().number + MAX_BLOCKS_PER_REQUEST || this.fetchingAncestry.has(peer)) return;
    this.fetchingAncestry.add(peer);
    try {
      const blocks = await this.deps.request(peer, {
        fields: FULL_BLOCKS, from: { tag: "Hash", value: hash }, direction: { tag: "Descending", value: undefined },
        max: Math.min(depth, MAX_BLOCKS_PER_REQUEST),
      });
      let start = blocks.length;
      for (let i = 0; i < blocks.length; i++) {
        if ((await chain.rawHeader(blocks[i]!.header.parentHash)) !== undefined) {
          start = i;
          break;
        }
      }
      for (let i = Math.min(start, blocks.length - 1); i >= 0; i--) {
        const b = blocks[i]!;
        try {
          await chain.importBlock({ header: b.header, extrinsics: b.extrinsics }, b.justifications);
        } catch (e) {
          if (chain.isBadBlock(e)) this.deps.report(peer, Rep.BAD_BLOCK, "bad block in an ancestry response");
          return;
        }
      }
    } catch (e) {
      this.failed(peer, e, "ancestry");
    } finally {
      this.fetchingAncestry.delete(peer);
    }
  }
}
