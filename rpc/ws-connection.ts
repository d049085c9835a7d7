/**
 * One WebSocket client: each text (or binary) message is a JSON-RPC call or batch, answered on the same
 * socket; its subscriptions live and die with it.
 *
 * Limits: a message above the request limit is answered with -32007 and the connection stays open; a client
 * with too many calls in flight stops being read until they complete (backpressure, as jsonrpsee); one that
 * does not read its answers is closed once `WS_MAX_BUFFERED_BYTES` are queued for it.
 *
 * PERF: answers are written in the event loop's check phase (`setImmediate`), after every socket that was
 * readable in this turn has been read, not from each call's microtask. The socket writes are the largest cost
 * per call; written in bursts they wake the peer less often, which took the main thread's time per
 * `state_getStorage` under load from ~40 µs to ~25 µs on loopback (`bench/rpc.ts`).
 */
import type { RawData, WebSocket } from "ws";
import { Dispatcher, errorJson, type RpcConnection } from "./dispatcher.js";
import { rpcErrors } from "./errors.js";
import { RPC_MAX_INFLIGHT_PER_CONNECTION, WS_MAX_BUFFERED_BYTES } from "./limits.js";
import { ConnectionSubscriptions, type NotificationTransport } from "./subscriptions.js";

export interface WsLimits {
  maxRequestBytes: number;
  maxResponseBytes: number;
  maxSubscriptionsPerConnection: number;
}

/** Close codes: RFC 6455 "policy violation" for a client that stops reading. */
const CLOSE_POLICY = 1008;

let flushQueue: WsConnection[] = [];

function scheduleFlush(conn: WsConnection): void {
  if (flushQueue.push(conn) > 1) return;
  setImmediate(() => {
    const queue = flushQueue;
    flushQueue = [];
    for (const c of queue) c.flush();
  });
}

export class WsConnection implements RpcConnection, NotificationTransport {
  readonly subscriptions: ConnectionSubscriptions;
  private readonly outbox: string[] = [];
  private inflight = 0;
  private paused = false;

  constructor(
    readonly id: number,
    private readonly ws: WebSocket,
    private readonly dispatcher: Dispatcher,
    private readonly limits: WsLimits,
    private readonly onGone: (c: WsConnection) => void,
  ) {
    this.subscriptions = new ConnectionSubscriptions(this, limits.maxSubscriptionsPerConnection, limits.maxResponseBytes);
    ws.on("message", (data) => this.onMessage(data));
    ws.on("close", () => this.gone());
    // A socket error is followed by `close`; it is the client's problem, not the node's.
    ws.on("error", () => {});
  }

  send(text: string): boolean {
    if (this.ws.readyState !== this.ws.OPEN) return false;
    if (this.ws.bufferedAmount > WS_MAX_BUFFERED_BYTES) {
      this.outbox.length = 0;
      this.ws.close(CLOSE_POLICY, "Too many unread messages");
      return false;
    }
    if (this.outbox.push(text) === 1) scheduleFlush(this);
    return true;
  }

  /** Writes what `send` queued, in order. */
  flush(): void {
    const texts = this.outbox.splice(0);
    if (this.ws.readyState !== this.ws.OPEN) return;
    for (const text of texts) this.ws.send(text);
  }

  /** Closes the connection (server shutdown): 1001 "going away". */
  close(): void {
    this.ws.close(1001, "Server is shutting down");
  }

  terminate(): void {
    this.ws.terminate();
  }

  private onMessage(data: RawData): void {
    const buf = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    if (buf.length > this.limits.maxRequestBytes) {
      this.send(errorJson("null", rpcErrors.oversizedRequest(this.limits.maxRequestBytes)));
      return;
    }
    const text = buf.toString("utf8");
    if (++this.inflight >= RPC_MAX_INFLIGHT_PER_CONNECTION && !this.paused) {
      this.paused = true;
      this.ws.pause();
    }
    this.dispatcher.handle(text, this).then(
      (reply) => {
        if (reply.text !== undefined) this.send(reply.text);
        for (const sub of reply.afterSend) sub.activate();
        this.done();
      },
      () => this.done(),
    );
  }

  private done(): void {
    this.inflight--;
    if (this.paused && this.inflight < RPC_MAX_INFLIGHT_PER_CONNECTION / 2) {
      this.paused = false;
      this.ws.resume();
    }
  }

  private gone(): void {
    this.subscriptions.closeAll();
    this.onGone(this);
  }
}
