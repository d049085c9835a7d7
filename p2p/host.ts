/**
 * The libp2p host, wrapped and pinned: TCP, noise, yamux, identify, ping, gossipsub, optional mDNS, the
 * bootnodes, reserved peers and a gate for banned peers. Everything above this file speaks of peer ids
 * (strings), protocols and topics; nothing above it imports libp2p.
 */
import "./polyfill.js";
import { noise } from "@chainsafe/libp2p-noise";
import { yamux } from "@chainsafe/libp2p-yamux";
import { gossipsub, TopicValidatorResult, type GossipSub } from "@libp2p/gossipsub";
import { identify } from "@libp2p/identify";
import type { Connection, PeerId, PrivateKey, Stream } from "@libp2p/interface";
import { mdns } from "@libp2p/mdns";
import { peerIdFromString } from "@libp2p/peer-id";
import { ping } from "@libp2p/ping";
import { tcp } from "@libp2p/tcp";
import { lpStream } from "@libp2p/utils";
import { multiaddr, type Multiaddr } from "@multiformats/multiaddr";
import { createLibp2p, type Libp2p } from "libp2p";

export type GossipVerdict = "accept" | "ignore" | "reject";

export interface HostOptions {
  privateKey: PrivateKey;
  /** Multiaddrs to listen on, e.g. `/ip4/0.0.0.0/tcp/30333`. */
  listen: string[];
  /** Multiaddrs with `/p2p/<id>`, dialled until connected (the network's seeds). */
  bootnodes: string[];
  /** Multiaddrs with `/p2p/<id>`, always dialled and kept connected. */
  reserved: string[];
  /** Only reserved peers may connect, in or out. */
  reservedOnly: boolean;
  inPeers: number;
  outPeers: number;
  mdns: boolean;
  /** A peer refused at the gate (banned). */
  isBanned(peerId: string): boolean;
}

export interface HostEvents {
  connected(peerId: string): void;
  disconnected(peerId: string): void;
}

/** Largest message on any of our stream protocols (a block response is at most this much). */
export const MAX_STREAM_MESSAGE = 16 * 1024 * 1024;

export class NetworkHost {
  private constructor(
    private readonly node: Libp2p<{ pubsub: GossipSub }>,
    private readonly reservedIds: Set<string>,
  ) {}

  static async create(opts: HostOptions, events: HostEvents): Promise<NetworkHost> {
    const reserved = opts.reserved.map((a) => multiaddr(a));
    const reservedIds = new Set(reserved.map(peerIdOf).filter((p): p is string => p !== undefined));
    const gated = (peer: PeerId) => opts.isBanned(peer.toString()) || (opts.reservedOnly && !reservedIds.has(peer.toString()));
    const discovery = [];
    if (opts.mdns) discovery.push(mdns({ interval: 5_000 }));
    const node = await createLibp2p({
      privateKey: opts.privateKey,
      addresses: { listen: opts.listen },
      transports: [tcp()],
      connectionEncrypters: [noise()],
      streamMuxers: [yamux()],
      peerDiscovery: discovery,
      connectionManager: { maxConnections: opts.inPeers + opts.outPeers, dialTimeout: 10_000 },
      connectionGater: {
        // Loopback and private addresses are how devnets and tests meet.
        denyDialMultiaddr: () => false,
        denyDialPeer: gated,
        denyInboundEncryptedConnection: gated,
      },
      services: {
        identify: identify(),
        ping: ping(),
        pubsub: gossipsub({
          allowPublishToZeroTopicPeers: true,
          ignoreDuplicatePublishError: true,
          emitSelf: false,
          // Small networks: every peer in the mesh, messages flooded to all when published.
          floodPublish: true,
          D: 8,
          Dlo: 2,
          Dhi: 12,
          heartbeatInterval: 700,
          maxInboundDataLength: 4 * 1024 * 1024,
        }),
      },
    });
    node.addEventListener("peer:connect", (e) => events.connected(e.detail.toString()));
    node.addEventListener("peer:disconnect", (e) => events.disconnected(e.detail.toString()));
    const host = new NetworkHost(node, reservedIds);
    return host;
  }

  async start(): Promise<void> {
    await this.node.start();
  }

  async stop(): Promise<void> {
    await this.node.stop();
  }

  get peerId(): string {
    return this.node.peerId.toString();
  }

  listenAddresses(): string[] {
    return this.node.getMultiaddrs().map((a) => a.toString());
  }

  connectedPeers(): string[] {
    return this.node.getPeers().map((p) => p.toString());
  }

  isReserved(peerId: string): boolean {
    return this.reservedIds.has(peerId);
  }

  reserved(): string[] {
    return [...this.reservedIds];
  }

  /** The peer id of a multiaddr with `/p2p/<id>`; throws when the address does not parse or names no peer. */
  static peerIdOf(addr: string): string {
    const id = peerIdOf(multiaddr(addr));
    if (!id) throw new Error(`${addr} has no /p2p/<peer id>`);
    return peerIdFromString(id).toString();
  }

  addReserved(peerId: string): void {
    this.reservedIds.add(peerId);
  }

  removeReserved(peerId: string): void {
    this.reservedIds.delete(peerId);
  }

  /** Addresses we know a connected peer by (its listen addresses from identify), with `/p2p/<id>`. */
  async addressesOf(peerId: string): Promise<string[]> {
    try {
      const peer = await this.node.peerStore.get(peerIdFromString(peerId));
      return peer.addresses.map((a) => a.multiaddr.encapsulate(`/p2p/${peerId}`).toString());
    } catch {
      return [];
    }
  }

  /** Dials a multiaddr with `/p2p/<id>`, or a peer id the peer store knows. */
  async dial(target: string): Promise<void> {
    await this.node.dial(target.startsWith("/") ? multiaddr(target) : peerIdFromString(target));
  }

  async hangUp(peerId: string): Promise<void> {
    await this.node.hangUp(peerIdFromString(peerId)).catch(() => {});
  }

  /**
   * Serves a request/response protocol: one length-prefixed request, one length-prefixed response (none if
   * the handler returns undefined), then the stream closes.
   */
  async handleRequests(protocol: string, handler: (peerId: string, request: Uint8Array) => Promise<Uint8Array | undefined>, maxRequest: number): Promise<void> {
    await this.node.handle(protocol, async (stream: Stream, connection: Connection) => {
      const lp = lpStream(stream, { maxDataLength: maxRequest });
      try {
        const request = await lp.read({ signal: AbortSignal.timeout(10_000) });
        const response = await handler(connection.remotePeer.toString(), request.subarray());
        if (response) await lp.write(response, { signal: AbortSignal.timeout(20_000) });
        await stream.close();
      } catch (e) {
        stream.abort(e as Error);
      }
    }, { maxInboundStreams: 64, maxOutboundStreams: 64 });
  }

  /** Sends one request and waits for its response (bounded in size and time). */
  async request(peerId: string, protocol: string, request: Uint8Array, opts: { timeoutMs: number; maxResponse: number }): Promise<Uint8Array> {
    const signal = AbortSignal.timeout(opts.timeoutMs);
    const stream = await this.node.dialProtocol(peerIdFromString(peerId), protocol, { signal });
    const lp = lpStream(stream, { maxDataLength: opts.maxResponse });
    try {
      await lp.write(request, { signal });
      const response = await lp.read({ signal });
      await stream.close({ signal }).catch(() => {});
      return response.subarray();
    } catch (e) {
      stream.abort(e as Error);
      throw e;
    }
  }

  /** Sends one length-prefixed message to a peer and closes the stream (no answer). */
  async send(peerId: string, protocol: string, message: Uint8Array, timeoutMs: number): Promise<void> {
    const signal = AbortSignal.timeout(timeoutMs);
    const stream = await this.node.dialProtocol(peerIdFromString(peerId), protocol, { signal });
    try {
      await lpStream(stream).write(message, { signal });
      await stream.close({ signal });
    } catch (e) {
      stream.abort(e as Error);
      throw e;
    }
  }

  /** Subscribes to a gossip topic; `validate` decides, per message and its forwarder, before any relay. */
  subscribe(topic: string, validate: (from: string, data: Uint8Array) => GossipVerdict | Promise<GossipVerdict>): void {
    const pubsub = this.node.services.pubsub;
    pubsub.topicValidators.set(topic, async (peer, message) => {
      const verdict = await validate(peer.toString(), message.data);
      return verdict === "accept" ? TopicValidatorResult.Accept : verdict === "ignore" ? TopicValidatorResult.Ignore : TopicValidatorResult.Reject;
    });
    pubsub.subscribe(topic);
  }

  /** Publishes to a topic; resolves with the number of peers it went to. */
  async publish(topic: string, data: Uint8Array): Promise<number> {
    try {
      const result = await this.node.services.pubsub.publish(topic, data);
      return result.recipients.length;
    } catch {
      return 0;
    }
  }
}

function peerIdOf(addr: Multiaddr): string | undefined {
  const p2p = addr.getComponents().filter((c) => c.name === "p2p");
  return p2p[p2p.length - 1]?.value;
}
