/**
 * Subscriptions of one connection: ids as Substrate makes them (16 random alphanumerics), notifications in
 * Substrate's envelope, and the rule that the subscription id reaches the client before any notification.
 */
import { randomBytes } from "node:crypto";
import { SUBSCRIPTION_ID_LENGTH } from "./limits.js";
import { RawJson, type SubscriptionDef, type SubscriptionSink } from "./method.js";

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A random id like `kYYrmcoCMpd7AuZg` (jsonrpsee's `RandomStringIdProvider`). */
export function subscriptionId(): string {
  const bytes = randomBytes(SUBSCRIPTION_ID_LENGTH);
  let id = "";
  // 248 = 4 × 62: bytes below it map uniformly; the rare others are redrawn.
  for (let i = 0; id.length < SUBSCRIPTION_ID_LENGTH; i++) {
    const b = i < bytes.length ? bytes[i]! : randomBytes(1)[0]!;
    if (b < 248) id += ALPHANUMERIC[b % 62];
  }
  return id;
}

/** `{"jsonrpc":"2.0","method":…,"params":{"subscription":…,"result":…}}`. */
export function notificationJson(method: string, id: string, result: unknown): string {
  const body = result instanceof RawJson ? result.json : JSON.stringify(result);
  return `{"jsonrpc":"2.0","method":${JSON.stringify(method)},"params":{"subscription":${JSON.stringify(id)},"result":${body}}}`;
}

/** Where a connection's notifications go. */
export interface NotificationTransport {
  /** Sends one text frame; returns false when the connection is gone. */
  send(text: string): boolean;
}

export class Subscription implements SubscriptionSink {
  private active = false;
  private pending: string[] = [];
  private readonly cleanups: (() => void)[] = [];
  closed = false;

  constructor(
    readonly id: string,
    readonly def: SubscriptionDef,
    private readonly transport: NotificationTransport,
    private readonly maxBytes: number,
    private readonly onEnd: (s: Subscription) => void,
  ) {}

  send(result: unknown): void {
    if (this.closed) return;
    const text = notificationJson(this.def.notification, this.id, result);
    // An oversized notification is dropped; jsonrpsee drops it too rather than closing the connection.
    if (text.length > this.maxBytes) return;
    if (this.active) this.transport.send(text);
    else this.pending.push(text);
  }

  /**
   * Called once the subscription id was sent: flushes what was notified meanwhile, even if the subscription
   * already ended (a watched extrinsic that became invalid at once still reports it).
   */
  activate(): void {
    if (this.active) return;
    this.active = true;
    const queued = this.pending;
    this.pending = [];
    for (const text of queued) this.transport.send(text);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onEnd(this);
    for (const c of this.cleanups.splice(0)) c();
  }

  /** Ends a subscription whose id was never given out: what it queued is dropped. */
  discard(): void {
    this.pending = [];
    this.active = true;
    this.close();
  }

  onClose(cleanup: () => void): void {
    if (this.closed) cleanup();
    else this.cleanups.push(cleanup);
  }
}

/** The subscriptions of one connection, with the per-connection limit. */
export class ConnectionSubscriptions {
  private readonly subs = new Map<string, Subscription>();

  constructor(
    private readonly transport: NotificationTransport,
    private readonly maxSubscriptions: number,
    private readonly maxNotificationBytes: number,
  ) {}

  get size(): number {
    return this.subs.size;
  }

  get full(): boolean {
    return this.subs.size >= this.maxSubscriptions;
  }

  open(def: SubscriptionDef): Subscription {
    let id = subscriptionId();
    while (this.subs.has(id)) id = subscriptionId();
    const sub = new Subscription(id, def, this.transport, this.maxNotificationBytes, (s) => this.subs.delete(s.id));
    this.subs.set(id, sub);
    return sub;
  }

  /** Ends the subscription `id` if it is one of `def`'s; false if there is none (jsonrpsee answers `false`). */
  unsubscribe(def: SubscriptionDef, id: string): boolean {
    const sub = this.subs.get(id);
    if (sub === undefined || sub.def !== def) return false;
    sub.close();
    return true;
  }

  closeAll(): void {
    for (const sub of [...this.subs.values()]) sub.close();
  }
}
