// A deterministic test network for GRANDPA voters: a manual clock, in-memory chains over one shared header
// tree, and a message bus that encodes every message to bytes and delivers it in order. Nothing runs on real
// time; `run(ms)` advances the clock and settles every promise between timer firings.
import { strict as assert } from "node:assert";
import { toHex } from "../../../primitives/bytes.js";
import type { Header } from "../../../primitives/header.js";
import type { DigestItem } from "../../../primitives/digest.js";
import type { BlockRef } from "../../../consensus/finality/block-ref.js";
import type { ChainBlock, GrandpaChain, GrandpaNetwork, GrandpaOptions, PeerId, ReputationChange, Timers } from "../../../consensus/finality/environment.js";
import { GossipMessage } from "../../../consensus/finality/gossip.js";
import { MemoryGrandpaStore } from "../../../consensus/finality/persistence.js";
import type { GrandpaSigner } from "../../../consensus/finality/signing.js";
import { GrandpaVoter } from "../../../consensus/finality/voter.js";
import { bytesOf, grandpaKey, HeaderTree } from "./helpers.js";

interface Timer {
  due: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

export class ManualClock implements Timers {
  now = 0;
  private seq = 0;
  private timers: Timer[] = [];

  setTimeout(fn: () => void, ms: number): unknown {
    const t: Timer = { due: this.now + Math.max(0, ms), seq: this.seq++, fn, cancelled: false };
    this.timers.push(t);
    return t;
  }

  clearTimeout(handle: unknown): void {
    if (handle) (handle as Timer).cancelled = true;
  }

  /** The earliest live timer due at or before `until`, removed from the queue. */
  next(until: number): Timer | undefined {
    this.timers = this.timers.filter((t) => !t.cancelled);
    let best: Timer | undefined;
    for (const t of this.timers) if (t.due <= until && (!best || t.due < best.due || (t.due === best.due && t.seq < best.seq))) best = t;
    if (best) this.timers.splice(this.timers.indexOf(best), 1);
    return best;
  }
}

/** One node's chain: the blocks it imported from the shared tree, its best and finalized blocks. */
export class TestChain implements GrandpaChain {
  readonly imported = new Set<string>();
  readonly justificationsStored = new Map<string, Uint8Array>();
  bestRef: BlockRef;
  finalizedRef: BlockRef;
  private readonly importedListeners = new Set<(b: { hash: Uint8Array; number: number; header: Header }) => void>();
  private readonly finalizedListeners = new Set<(b: { hash: Uint8Array; header: Header }) => void>();

  constructor(readonly tree: HeaderTree) {
    this.imported.add(tree.genesis.hash);
    this.bestRef = tree.genesis;
    this.finalizedRef = tree.genesis;
  }

  import(ref: BlockRef): void {
    if (this.imported.has(ref.hash)) return;
    const header = this.tree.header(ref.hash)!;
    assert.ok(this.imported.has(toHex(header.parentHash)), `parent of #${ref.number} imported first`);
    this.imported.add(ref.hash);
    if (ref.number > this.bestRef.number && this.descends(this.finalizedRef.hash, ref.hash)) this.bestRef = ref;
    for (const l of [...this.importedListeners]) l({ hash: bytesOf(ref.hash), number: ref.number, header });
  }

  best(): ChainBlock {
    return { hash: bytesOf(this.bestRef.hash), number: this.bestRef.number };
  }

  finalized(): ChainBlock {
    return { hash: bytesOf(this.finalizedRef.hash), number: this.finalizedRef.number };
  }

  async header(hash: Uint8Array): Promise<Header | undefined> {
    const h = toHex(hash);
    return this.imported.has(h) ? this.tree.header(h) : undefined;
  }

  async hashAt(number: number): Promise<Uint8Array | undefined> {
    const a = this.ancestorAt(this.bestRef, number);
    return a === undefined ? undefined : bytesOf(a);
  }

  async justifications(hash: Uint8Array): Promise<Uint8Array | undefined> {
    return this.justificationsStored.get(toHex(hash));
  }

  async finalize(hash: Uint8Array, justifications?: Uint8Array): Promise<void> {
    const h = toHex(hash);
    assert.ok(this.imported.has(h), "finalizes an imported block");
    const number = this.tree.header(h)!.number;
    if (number <= this.finalizedRef.number) return;
    assert.ok(this.descends(this.finalizedRef.hash, h), `#${number} descends from the finalized #${this.finalizedRef.number}: no conflicting finality`);
    if (justifications) this.justificationsStored.set(h, justifications);
    const from = this.finalizedRef.number;
    this.finalizedRef = { hash: h, number };
    if (!this.descends(h, this.bestRef.hash)) this.bestRef = this.finalizedRef;
    for (let n = from + 1; n <= number; n++) {
      const at = this.ancestorAt({ hash: h, number }, n)!;
      for (const l of [...this.finalizedListeners]) l({ hash: bytesOf(at), header: this.tree.header(at)! });
    }
  }

  onImported(listener: (b: { hash: Uint8Array; number: number; header: Header }) => void): () => void {
    this.importedListeners.add(listener);
    return () => this.importedListeners.delete(listener);
  }

  onFinalized(listener: (b: { hash: Uint8Array; header: Header }) => void): () => void {
    this.finalizedListeners.add(listener);
    return () => this.finalizedListeners.delete(listener);
  }

  /** The hash of `block`'s ancestor at `number`. */
  ancestorAt(block: BlockRef, number: number): string | undefined {
    let h = block.hash;
    for (let n = block.number; n > number; n--) h = toHex(this.tree.header(h)!.parentHash);
    return number <= block.number ? h : undefined;
  }

  private descends(base: string, block: string): boolean {
    const b = this.tree.header(base)!.number;
    const n = this.tree.header(block)!.number;
    return n >= b && this.ancestorAt({ hash: block, number: n }, b) === base;
  }
}

export interface TestNode {
  name: string;
  key: GrandpaSigner;
  chain: TestChain;
  store: MemoryGrandpaStore;
  voter: GrandpaVoter | undefined;
  reports: { peer: PeerId; change: ReputationChange }[];
  sent: number;
}

export class TestNet {
  readonly clock = new ManualClock();
  readonly tree = new HeaderTree();
  readonly nodes = new Map<string, TestNode>();
  private readonly queue: { from: string; to: string; bytes: Uint8Array; injected?: boolean }[] = [];
  private readonly cut = new Set<string>();
  private readonly ups = new Set<string>();
  /** Authorities of set 0. */
  readonly authorities: [Uint8Array, bigint][];
  delivered = 0;
  /** A filter on deliveries: return false to drop a message. */
  deliver: (from: string, to: string, message: GossipMessage) => boolean = () => true;

  constructor(names: string[], voters: string[] = names, readonly options: Partial<GrandpaOptions> = {}) {
    for (const name of names) {
      this.nodes.set(name, { name, key: grandpaKey(name), chain: new TestChain(this.tree), store: new MemoryGrandpaStore(), voter: undefined, reports: [], sent: 0 });
    }
    this.authorities = voters.map((v) => [grandpaKey(v).publicKey, 1n]);
  }

  node(name: string): TestNode {
    return this.nodes.get(name)!;
  }

  /** Starts (or restarts) a node's voter on its chain and store, after importing the blocks it missed. */
  async start(...names: string[]): Promise<void> {
    for (const name of names.length ? names : [...this.nodes.keys()]) {
      const node = this.node(name);
      this.syncNode(node);
      node.voter = new GrandpaVoter(this.options, {
        chain: node.chain,
        network: this.network(node),
        keys: () => [node.key],
        authorities: { authorities: async () => ({ setId: 0n, authorities: this.authorities }) },
        store: node.store,
        timers: this.clock,
        random: () => 0.5,
      });
      this.ups.add(name);
      await node.voter.ready();
      for (const other of this.ups) {
        if (other === name) continue;
        node.voter.onPeerConnected(other);
        this.node(other).voter!.onPeerConnected(name);
      }
    }
    await this.settle();
  }

  /** Stops a node's voter: it hears and sends nothing until started again. */
  async stop(...names: string[]): Promise<void> {
    for (const name of names) {
      const node = this.node(name);
      this.ups.delete(name);
      await node.voter?.stop();
      node.voter = undefined;
      for (const other of this.ups) this.node(other).voter?.onPeerDisconnected(name);
    }
  }

  /** Cuts or restores the link between two nodes. */
  link(a: string, b: string, up: boolean): void {
    const key = [a, b].sort().join("|");
    if (up) this.cut.delete(key);
    else this.cut.add(key);
  }

  /** Extends the best block of the running nodes by `count` blocks and imports them into every running node. */
  produce(count = 1, logs: (i: number) => DigestItem[] = () => []): BlockRef[] {
    const tip = [...this.ups].map((n) => this.node(n).chain.bestRef).reduce((a, b) => (b.number > a.number ? b : a), this.tree.genesis);
    const blocks = this.tree.extend(tip, count, 0, logs);
    for (const name of this.ups) for (const b of blocks) this.node(name).chain.import(b);
    return blocks;
  }

  /** Produces a block every `ms` of clock time from now on. */
  autoProduce(ms: number): void {
    const tick = () => {
      this.produce(1);
      this.clock.setTimeout(tick, ms);
    };
    this.clock.setTimeout(tick, ms);
  }

  /** Advances the clock by `ms`, firing timers in order and delivering every message in between. */
  async run(ms: number): Promise<void> {
    const end = this.clock.now + ms;
    for (;;) {
      await this.settle();
      const t = this.clock.next(end);
      if (!t) break;
      this.clock.now = t.due;
      t.fn();
    }
    this.clock.now = end;
    await this.settle();
  }

  /** Runs until `check` holds, at most `ms`; returns whether it held. */
  async runUntil(ms: number, check: () => boolean, step = 100): Promise<boolean> {
    for (let spent = 0; spent < ms; spent += step) {
      if (check()) return true;
      await this.run(step);
    }
    return check();
  }

  finalized(name: string): number {
    return this.node(name).chain.finalizedRef.number;
  }

  /** No two nodes finalized different blocks at the same height. */
  assertConsistentFinality(): void {
    const byHeight = new Map<number, string>();
    for (const node of this.nodes.values()) {
      const f = node.chain.finalizedRef;
      for (let n = 1; n <= f.number; n++) {
        const h = node.chain.ancestorAt(f, n)!;
        const other = byHeight.get(n);
        assert.ok(other === undefined || other === h, `#${n} finalized as ${other} and ${h} (${node.name})`);
        byHeight.set(n, h);
      }
    }
  }

  /** Sends a message as if from `from`, encoded as the wire carries it. */
  inject(from: string, to: string, message: GossipMessage): void {
    this.queue.push({ from, to, bytes: GossipMessage.enc(message), injected: true });
  }

  private syncNode(node: TestNode): void {
    const all = [...this.tree.headers.entries()].map(([hash, h]) => ({ hash, number: h.number })).sort((a, b) => a.number - b.number);
    for (const b of all) if (b.number > 0 && node.chain.imported.has(toHex(this.tree.header(b.hash)!.parentHash))) node.chain.import(b);
  }

  private network(node: TestNode): GrandpaNetwork {
    return {
      broadcast: (message) => {
        if (!this.ups.has(node.name)) return;
        node.sent++;
        const bytes = GossipMessage.enc(message);
        for (const other of this.ups) if (other !== node.name) this.queue.push({ from: node.name, to: other, bytes });
      },
      sendTo: (peer, message) => {
        if (!this.ups.has(node.name)) return;
        node.sent++;
        this.queue.push({ from: node.name, to: peer, bytes: GossipMessage.enc(message) });
      },
      report: (peer, change) => node.reports.push({ peer, change }),
    };
  }

  private async settle(): Promise<void> {
    for (let quiet = 0; quiet < 2; ) {
      const batch = this.queue.splice(0);
      for (const { from, to, bytes, injected } of batch) {
        if (!this.ups.has(to) || (!injected && !this.ups.has(from)) || this.cut.has([from, to].sort().join("|"))) continue;
        const message = GossipMessage.dec(bytes);
        if (!this.deliver(from, to, message)) continue;
        this.delivered++;
        this.node(to).voter?.onMessage(from, message);
      }
      await new Promise((r) => setImmediate(r));
      quiet = batch.length === 0 ? quiet + 1 : 0;
    }
  }
}
