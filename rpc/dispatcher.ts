/**
 * JSON-RPC 2.0 over any transport: parses one message (a call or a batch), runs the calls, and serializes
 * the answers in jsonrpsee's shapes (`{"jsonrpc":"2.0","result":…,"id":…}`, errors with `id: null` when the
 * request could not be read). Notifications (calls without `id`) run and get no answer.
 */
import { rpcErrors, RpcError, toErrorObject } from "./errors.js";
import { MethodRegistry, RawJson, type CallContext, type RegistryEntry } from "./method.js";
import { Params, stringParam } from "./params.js";
import type { ConnectionSubscriptions, Subscription } from "./subscriptions.js";

export interface DispatcherOptions {
  methods: "safe" | "unsafe";
  maxBatchLength: number;
  maxResponseBytes: number;
  maxSubscriptionsPerConnection: number;
}

/** What the dispatcher needs of a connection: an id and, for WebSocket, its subscriptions. */
export interface RpcConnection {
  readonly id: number;
  readonly subscriptions?: ConnectionSubscriptions;
}

/** The answer to one message; run `afterSend` once `text` is on its way (it releases subscription notifications). */
export interface Reply {
  text: string | undefined;
  afterSend: Subscription[];
}

/** Logs what must not happen: a method throwing something that is not an RPC error. */
export type BugReporter = (method: string, error: unknown) => void;

const NO_SUBS: Subscription[] = [];

export class Dispatcher {
  constructor(
    private readonly registry: MethodRegistry,
    private readonly opts: DispatcherOptions,
    private readonly reportBug: BugReporter = () => {},
  ) {}

  /** Handles one text message (a request body or a WebSocket frame). */
  async handle(text: string, conn: RpcConnection): Promise<Reply> {
    let msg: unknown;
    try {
      msg = JSON.parse(text);
    } catch {
      return { text: errorJson("null", rpcErrors.parse()), afterSend: NO_SUBS };
    }
    if (!Array.isArray(msg)) {
      const after: Subscription[] = [];
      const text = await this.call(msg, conn, after);
      return { text, afterSend: after.length ? after : NO_SUBS };
    }
    if (msg.length === 0) return { text: errorJson("null", rpcErrors.invalidRequest()), afterSend: NO_SUBS };
    if (msg.length > this.opts.maxBatchLength) {
      return { text: errorJson("null", rpcErrors.tooBigBatch(this.opts.maxBatchLength)), afterSend: NO_SUBS };
    }
    const after: Subscription[] = [];
    const answers = (await Promise.all(msg.map((m) => this.call(m, conn, after)))).filter((a) => a !== undefined);
    if (answers.length === 0) return { text: undefined, afterSend: after };
    const body = `[${answers.join(",")}]`;
    if (body.length > this.opts.maxResponseBytes) {
      for (const s of after) s.discard();
      return { text: errorJson("null", rpcErrors.tooBigBatchResponse(this.opts.maxResponseBytes)), afterSend: NO_SUBS };
    }
    return { text: body, afterSend: after };
  }

  /** One call of a message: its serialized answer, or undefined for a notification. */
  private async call(req: unknown, conn: RpcConnection, after: Subscription[]): Promise<string | undefined> {
    if (typeof req !== "object" || req === null || Array.isArray(req)) return errorJson("null", rpcErrors.invalidRequest());
    const { jsonrpc, method, id, params } = req as Record<string, unknown>;
    const isNotification = !("id" in req);
    if (!isNotification && id !== null && typeof id !== "number" && typeof id !== "string") {
      return errorJson("null", rpcErrors.invalidRequest());
    }
    const idJson = isNotification ? "null" : JSON.stringify(id);
    if (jsonrpc !== "2.0" || typeof method !== "string") return errorJson(idJson, rpcErrors.invalidRequest());
    const entry = this.registry.get(method);
    // A subscription nobody can learn the id of would only leak: a notification cannot subscribe.
    if (isNotification && entry?.kind === "subscribe") return undefined;
    let answer: string;
    if (entry === undefined) answer = errorJson(idJson, rpcErrors.methodNotFound());
    else if (entry.def.unsafe && this.opts.methods === "safe" && entry.kind !== "unsubscribe") answer = errorJson(idJson, rpcErrors.unsafe());
    else answer = await this.run(entry, method, params, idJson, conn, after);
    return isNotification ? undefined : answer;
  }

  private async run(
    entry: RegistryEntry, method: string, rawParams: unknown, idJson: string, conn: RpcConnection, after: Subscription[],
  ): Promise<string> {
    const ctx: CallContext = { connectionId: conn.id, allowUnsafe: this.opts.methods === "unsafe" };
    let sub: Subscription | undefined;
    try {
      const params = Params.from(rawParams, entry.def.params);
      if (entry.kind === "method") {
        const r = entry.def.call(params, ctx);
        const result = r instanceof Promise ? await r : r;
        return resultJson(idJson, result, this.opts.maxResponseBytes);
      }
      const subs = conn.subscriptions;
      // jsonrpsee over HTTP has no sink to notify; it answers a subscription call with an internal error.
      if (subs === undefined) return errorJson(idJson, rpcErrors.internal("Subscriptions are not supported over HTTP: use a WebSocket"));
      if (entry.kind === "unsubscribe") {
        const found = subs.unsubscribe(entry.def, params.required(0, "subscription", stringParam));
        return resultJson(idJson, entry.def.unsubscribeAnswer === "null" ? null : found, Infinity);
      }
      if (subs.full) return errorJson(idJson, rpcErrors.tooManySubscriptions(this.opts.maxSubscriptionsPerConnection));
      sub = subs.open(entry.def);
      const r = entry.def.subscribe(params, sub, ctx);
      if (r instanceof Promise) await r;
      after.push(sub);
      return `{"jsonrpc":"2.0","result":${JSON.stringify(sub.id)},"id":${idJson}}`;
    } catch (e) {
      sub?.discard();
      if (!(e instanceof RpcError) && !isExpected(e)) this.reportBug(method, e);
      return errorJson(idJson, e);
    }
  }
}

// Errors that carry their own JSON-RPC code (pool rejections) are answers, not bugs.
function isExpected(e: unknown): boolean {
  return typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "number";
}

function resultJson(idJson: string, result: unknown, maxBytes: number): string {
  const body = result instanceof RawJson ? result.json : (JSON.stringify(result) ?? "null");
  if (body.length > maxBytes) return errorJson(idJson, rpcErrors.oversizedResponse(maxBytes));
  return `{"jsonrpc":"2.0","result":${body},"id":${idJson}}`;
}

/** `{"jsonrpc":"2.0","error":{code,message[,data]},"id":…}`. */
export function errorJson(idJson: string, e: unknown): string {
  return `{"jsonrpc":"2.0","error":${JSON.stringify(toErrorObject(e))},"id":${idJson}}`;
}
