/**
 * The network service: the libp2p host, the status handshake and peer exchange, sync, block and
 * transaction gossip, the GRANDPA topic, and peer reputation with bans. It answers the RPC's questions
 * about peers and sync.
 */
import { checkResponse, MAX_REQUEST_BYTES, serveBlocks, type ReceivedBlock } from "./block-requests.js";
import { encodeAnnounce, receiveAnnounce } from "./block-announces.js";
import type { NetworkChain, NetworkPool } from "./chain-access.js";
import { MAX_STREAM_MESSAGE, NetworkHost, type GossipVerdict, type HostOptions } from "./host.js";
import { BlockRequest, ROLE_AUTHORITY, type Status } from "./messages.js";
import { PeerScores, Rep } from "./peer-scores.js";
import { protocolsFor, type Protocols } from "./protocols.js";
import { checkStatus, ourStatus, STATUS_INTERVAL_MS } from "./status.js";
import { ChainSync, type SyncLog } from "./sync.js";
import { batches, PROPAGATE_INTERVAL_MS, receiveTransactions } from "./transactions.js";

export interface NetworkOptions extends Omit<HostOptions, "isBanned"> {
  /** Substrate role bits: 1 full, 4 authority. */
  roles: number;
}

export interface NetworkDeps {
  chain: NetworkChain;
  pool: NetworkPool;
  log: SyncLog;
}

export interface PeerInfo {
  peerId: string;
  roles: string;
  bestHash: Uint8Array;
  bestNumber: number;
}

const REQUEST_TIMEOUT_MS = 20_000;
/** A catch-up answer carries two rounds of signed votes: generous for 100 voters. */
const MAX_GRANDPA_DIRECT_BYTES = 4 * 1024 * 1024;
/** How often bootnodes (while alone) and reserved nodes (while not connected) are dialled. */
const SEED_DIAL_MS = 5_000;
/** A peer we were told of is dialled at most this often. */
const REDIAL_MS = 30_000;

type GossipHandler = (peer: string, data: Uint8Array) => GossipVerdict | Promise<GossipVerdict>;

export class Network {
  private readonly handshaken = new Map<string, Status>();
  private readonly lastDial = new Map<string, number>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly unsubscribe: (() => void)[] = [];
  private grandpaHandler: GossipHandler | undefined;
  private readonly peerListeners = new Set<{ connected(peer: string): void; disconnected(peer: string): void }>();
  private stopped = false;
  readonly sync: ChainSync;

  private constructor(
    private readonly host: NetworkHost,
    private readonly scores: PeerScores,
    private readonly protocols: Protocols,
    private readonly opts: NetworkOptions,
    private readonly deps: NetworkDeps,
  ) {
    this.sync = new ChainSync({
      chain: deps.chain,
      request: (peer, request) => this.requestBlocks(peer, request),
      report: (peer, change, reason) => this.report(peer, change, reason),
      log: deps.log,
    });
  }

  static async start(opts: NetworkOptions, deps: NetworkDeps): Promise<Network> {
    const protocols = protocolsFor(deps.chain.genesisHash);
    let network: Network | undefined;
    const scores = new PeerScores((peer, reason) => network?.banned(peer, reason));
    const host = await NetworkHost.create({ ...opts, isBanned: (peer) => scores.isBanned(peer) }, {
      connected: (peer) => network?.connected(peer),
      disconnected: (peer) => network?.disconnected(peer),
    });
    network = new Network(host, scores, protocols, opts, deps);
    await network.run();
    return network;
  }

  private async run(): Promise<void> {
    const { host, protocols, deps } = this;
    await host.handleRequests(protocols.status, async (peer, bytes) => this.onStatus(peer, bytes), 64 * 1024);
    await host.handleRequests(protocols.blocks, async (peer, bytes) => {
      try {
        return await serveBlocks(deps.chain, bytes);
      } catch {
        this.report(peer, Rep.BAD_MESSAGE, "undecodable block request");
        return undefined;
      }
    }, MAX_REQUEST_BYTES);
    const announceDeps = { chain: deps.chain, sync: this.sync, request: (p: string, r: BlockRequest) => this.requestBlocks(p, r), report: (p: string, c: number, r: string) => this.report(p, c, r) };
    host.subscribe(protocols.announces, this.guarded("block announcement", (peer, data) => receiveAnnounce(announceDeps, peer, data)));
    host.subscribe(protocols.transactions, this.guarded("transactions", (peer, data) => receiveTransactions(deps.pool, peer, data, (p, c, r) => this.report(p, c, r))));
    host.subscribe(protocols.grandpa, this.guarded("GRANDPA message", (peer, data) => this.grandpaHandler?.(peer, data) ?? "ignore"));
    const direct = this.guarded("direct GRANDPA message", (peer, data) => this.grandpaHandler?.(peer, data) ?? "ignore");
    await host.handleRequests(protocols.grandpaDirect, async (peer, data) => {
      await direct(peer, data);
      return undefined;
    }, MAX_GRANDPA_DIRECT_BYTES);
    await host.start();
    this.scores.start();

    this.unsubscribe.push(deps.chain.onImported((b) => {
      this.sync.onImported();
      if (b.origin !== "own") return;
      void deps.chain.rawBody(b.hash).then((body) => host.publish(protocols.announces, encodeAnnounce(b.header, body)));
    }));
    this.unsubscribe.push(deps.pool.onReadyTransaction((tx) => {
      if (!tx.propagate) return;
      void host.publish(protocols.transactions, batches([tx.encoded])[0]!).then((sent) => {
        if (sent > 0) deps.pool.notifyBroadcast(tx.hash, host.connectedPeers());
      });
    }));
    this.every(PROPAGATE_INTERVAL_MS, () => {
      if (this.handshaken.size === 0) return;
      for (const batch of batches(deps.pool.propagable())) void host.publish(protocols.transactions, batch);
    });
    this.every(STATUS_INTERVAL_MS, () => {
      for (const peer of host.connectedPeers()) void this.sendStatus(peer);
    });
    // Bootnodes until we have peers, reserved nodes always.
    const seeds = () => {
      if (this.stopped) return;
      const connected = new Set(host.connectedPeers());
      const targets = [...this.opts.reserved, ...(connected.size === 0 ? this.opts.bootnodes : [])];
      for (const addr of targets) {
        const id = addr.split("/p2p/").pop()!;
        if (connected.has(id) || id === host.peerId) continue;
        void host.dial(addr).catch((e) => deps.log.debug("Dial failed", { addr, error: (e as Error).message }));
      }
    };
    seeds();
    this.every(SEED_DIAL_MS, seeds);
    deps.log.info("🏷  Local node identity", { peerId: host.peerId });
    for (const addr of host.listenAddresses()) deps.log.info("🔍 Listening", { address: addr });
  }

  /** A gossip handler that cannot throw: a failure is logged and the message ignored (not relayed). */
  private guarded(what: string, handler: GossipHandler): GossipHandler {
    return async (peer, data) => {
      try {
        return await handler(peer, data);
      } catch (e) {
        this.deps.log.warn(`Handling a ${what} failed`, { peer, error: e });
        return "ignore";
      }
    };
  }

  private every(ms: number, f: () => void): void {
    const t = setInterval(f, ms);
    t.unref();
    this.timers.push(t);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    for (const u of this.unsubscribe) u();
    this.sync.stop();
    this.scores.stop();
    await this.host.stop();
  }

  // ---- RPC's view

  localPeerId(): string {
    return this.host.peerId;
  }

  listenAddresses(): string[] {
    return this.host.listenAddresses();
  }

  peers(): PeerInfo[] {
    return [...this.handshaken].map(([peerId, s]) => {
      const best = this.sync.peerBest(peerId);
      return { peerId, roles: s.roles & ROLE_AUTHORITY ? "AUTHORITY" : "FULL", bestHash: best?.hash ?? s.bestHash, bestNumber: best?.number ?? s.bestNumber };
    });
  }

  isSyncing(): boolean {
    return this.sync.isSyncing();
  }

  highestBlock(): number | undefined {
    return this.sync.highestBlock();
  }

  startingBlock(): number {
    return this.sync.startingBlock();
  }

  reservedPeers(): string[] {
    return this.host.reserved();
  }

  /** Adds a reserved peer by multiaddr (with `/p2p/<id>`); it is dialled now and whenever disconnected. */
  async addReservedPeer(addr: string): Promise<void> {
    const id = NetworkHost.peerIdOf(addr);
    this.host.addReserved(id);
    this.opts.reserved.push(addr);
    void this.host.dial(addr).catch((e) => this.deps.log.debug("Dial failed", { addr, error: (e as Error).message }));
  }

  async removeReservedPeer(peerId: string): Promise<void> {
    this.host.removeReserved(peerId);
    this.opts.reserved = this.opts.reserved.filter((a) => !a.endsWith(`/p2p/${peerId}`));
    if (this.opts.reservedOnly) await this.host.hangUp(peerId);
  }

  score(peerId: string): number {
    return this.scores.score(peerId);
  }

  // ---- GRANDPA's topic

  setGrandpaHandler(handler: GossipHandler): void {
    this.grandpaHandler = handler;
  }

  publishGrandpa(data: Uint8Array): Promise<number> {
    return this.host.publish(this.protocols.grandpa, data);
  }

  /** Sends a GRANDPA message to one peer; failures are logged, never thrown. */
  sendGrandpa(peer: string, data: Uint8Array): void {
    void this.host.send(peer, this.protocols.grandpaDirect, data, REQUEST_TIMEOUT_MS)
      .catch((e) => this.deps.log.debug("GRANDPA message not delivered", { peer, error: (e as Error).message }));
  }

  /** Hears of peers once their handshake passed, and of their leaving. */
  onPeer(listener: { connected(peer: string): void; disconnected(peer: string): void }): () => void {
    this.peerListeners.add(listener);
    return () => this.peerListeners.delete(listener);
  }

  /** Reputation change for a peer (exposed for the finality gadget). */
  report(peer: string, change: number, reason: string): void {
    this.scores.report(peer, change, reason);
    if (change < 0) this.deps.log.debug("Peer reputation lowered", { peer, change, reason, score: this.scores.score(peer) });
  }

  // ---- peers

  private connected(peer: string): void {
    if (this.scores.isBanned(peer)) {
      void this.host.hangUp(peer);
      return;
    }
    void this.sendStatus(peer);
  }

  private disconnected(peer: string): void {
    this.forget(peer);
  }

  private forget(peer: string): void {
    if (this.handshaken.delete(peer)) for (const l of this.peerListeners) l.disconnected(peer);
    this.sync.removePeer(peer);
  }

  private banned(peer: string, reason: string): void {
    this.deps.log.warn("Banned peer", { peer, reason });
    this.forget(peer);
    void this.host.hangUp(peer);
  }

  private async peerAddresses(): Promise<string[]> {
    const out: string[] = [];
    for (const peer of this.handshaken.keys()) {
      const addrs = await this.host.addressesOf(peer);
      if (addrs[0]) out.push(addrs[0]);
      if (out.length >= 16) break;
    }
    return out;
  }

  private async sendStatus(peer: string): Promise<void> {
    if (this.stopped) return;
    try {
      const ours = ourStatus(this.deps.chain, this.opts.roles, await this.peerAddresses());
      const reply = await this.host.request(peer, this.protocols.status, ours, { timeoutMs: 10_000, maxResponse: 64 * 1024 });
      this.accept(peer, reply);
    } catch (e) {
      this.deps.log.debug("Status exchange failed", { peer, error: (e as Error).message });
    }
  }

  /** A peer sent its status: checked, recorded, answered with ours. */
  private async onStatus(peer: string, bytes: Uint8Array): Promise<Uint8Array | undefined> {
    if (!this.accept(peer, bytes)) return undefined;
    return ourStatus(this.deps.chain, this.opts.roles, await this.peerAddresses());
  }

  private accept(peer: string, bytes: Uint8Array): boolean {
    const checked = checkStatus(this.deps.chain, bytes);
    if (!checked.ok) {
      this.report(peer, checked.reason === "genesis" ? Rep.GENESIS_MISMATCH : Rep.BAD_MESSAGE, `status: ${checked.reason}`);
      if (checked.reason === "genesis") void this.host.hangUp(peer);
      return false;
    }
    const { status } = checked;
    const first = !this.handshaken.has(peer);
    this.handshaken.set(peer, status);
    if (first) {
      this.deps.log.info("Peer connected", { peer, best: status.bestNumber, finalized: status.finalizedNumber });
      for (const l of this.peerListeners) l.connected(peer);
    }
    this.sync.updatePeer(peer, status.bestNumber, status.bestHash);
    this.meet(status.peers);
    return true;
  }

  /** Peer exchange: dials peers a peer told us of, while we have room for outbound peers. */
  private meet(addrs: string[]): void {
    const now = Date.now();
    const connected = new Set(this.host.connectedPeers());
    for (const addr of addrs) {
      if (connected.size >= this.opts.outPeers + this.opts.inPeers) return;
      const id = addr.split("/p2p/").pop();
      if (!id || id === this.host.peerId || connected.has(id) || this.scores.isBanned(id)) continue;
      if (this.opts.reservedOnly && !this.host.isReserved(id)) continue;
      if (now - (this.lastDial.get(id) ?? 0) < REDIAL_MS) continue;
      this.lastDial.set(id, now);
      connected.add(id);
      void this.host.dial(addr).catch((e) => this.deps.log.debug("Dial failed", { addr, error: (e as Error).message }));
    }
  }

  private async requestBlocks(peer: string, request: BlockRequest): Promise<ReceivedBlock[]> {
    const bytes = await this.host.request(peer, this.protocols.blocks, BlockRequest.enc(request), {
      timeoutMs: REQUEST_TIMEOUT_MS, maxResponse: MAX_STREAM_MESSAGE,
    });
    return checkResponse(request, bytes);
  }
}

