/**
 * The JSON-RPC server: WebSocket and HTTP POST on one port (node:http + ws), Substrate's methods over the
 * node's services (`services.ts`), Substrate's limits and errors.
 *
 * ```ts
 * const server = new RpcServer({ port: 9944, methods: "unsafe" }, { services, logger });
 * const { port } = await server.start();
 * …
 * await server.stop(); // closes every socket and subscription
 * ```
 *
 * Connections beyond `maxConnections` get HTTP 429 (also on the WebSocket handshake), browsers from an origin
 * outside `cors` get 403, unsafe methods answer -32601 "RPC call is unsafe to be called externally" when
 * `methods` is "safe". Nothing a client sends can throw out of the server.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { Socket } from "node:net";
import { WebSocketServer } from "ws";
import { ChainEvents } from "./chain-events.js";
import { DEFAULT_RPC_CORS, originAllowed, type CorsSetting } from "./cors.js";
import { Dispatcher } from "./dispatcher.js";
import { MESSAGES } from "./errors.js";
import { HttpHandler } from "./http.js";
import {
  REQUEST_HARD_CAP_FACTOR, RPC_MAX_BATCH_LENGTH, RPC_MAX_CONNECTIONS, RPC_MAX_REQUEST_BYTES, RPC_MAX_RESPONSE_BYTES,
  RPC_MAX_SUBSCRIPTIONS_PER_CONNECTION,
} from "./limits.js";
import { buildRegistry } from "./methods/index.js";
import type { NodeServices } from "./services.js";
import { WsConnection } from "./ws-connection.js";

export interface RpcServerOptions {
  /** `--rpc-port`; 0 picks a free port (read it from `start()`). */
  port: number;
  /** `--rpc-external`: listen on every interface instead of 127.0.0.1. */
  external: boolean;
  /** Overrides the address chosen by `external`. */
  host?: string;
  /** `--rpc-methods` after resolving `auto` (unsafe on localhost, safe when external). */
  methods: "safe" | "unsafe";
  /** `--rpc-cors`: allowed browser origins or "all"; `undefined` is Substrate's default localhost list. */
  cors?: CorsSetting;
  maxConnections: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  maxSubscriptionsPerConnection: number;
  maxBatchLength: number;
}

export const defaultRpcServerOptions: RpcServerOptions = {
  port: 9944,
  external: false,
  methods: "safe",
  maxConnections: RPC_MAX_CONNECTIONS,
  maxRequestBytes: RPC_MAX_REQUEST_BYTES,
  maxResponseBytes: RPC_MAX_RESPONSE_BYTES,
  maxSubscriptionsPerConnection: RPC_MAX_SUBSCRIPTIONS_PER_CONNECTION,
  maxBatchLength: RPC_MAX_BATCH_LENGTH,
};

/** The part of the node's logger the server uses (`node/logger.ts` fits it). */
export interface RpcLogger {
  error(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
}

export interface RpcServerDeps {
  services: NodeServices;
  logger?: RpcLogger;
}

export class RpcServerError extends Error {
  constructor(readonly code: "PORT_IN_USE" | "LISTEN_FAILED" | "ALREADY_STARTED", message: string) {
    super(message);
    this.name = "RpcServerError";
  }
}

export class RpcServer {
  readonly opts: RpcServerOptions;
  private http: Server | undefined;
  private events: ChainEvents | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly overLimit = new WeakSet<Socket>();
  private readonly connections = new Set<WsConnection>();
  private nextConnectionId = 1;
  private bound: { host: string; port: number } | undefined;

  constructor(opts: Partial<RpcServerOptions>, private readonly deps: RpcServerDeps) {
    this.opts = { ...defaultRpcServerOptions, ...stripUndefined(opts) };
  }

  /** Where the server listens, once started. */
  get address(): { host: string; port: number } | undefined {
    return this.bound;
  }

  async start(): Promise<{ host: string; port: number }> {
    if (this.http) throw new RpcServerError("ALREADY_STARTED", "The RPC server is already started");
    const o = this.opts;
    const log = this.deps.logger;
    const reportBug = (what: string, e: unknown) => log?.error("RPC method failed unexpectedly", { method: what, error: e });
    this.events = new ChainEvents(this.deps.services.chain, reportBug);
    const registry = buildRegistry(this.deps.services, this.events);
    const dispatcher = new Dispatcher(registry, o, reportBug);
    const cors: CorsSetting = o.cors ?? DEFAULT_RPC_CORS;
    const httpHandler = new HttpHandler(dispatcher, { cors, maxRequestBytes: o.maxRequestBytes });
    const wss = new WebSocketServer({ noServer: true, maxPayload: o.maxRequestBytes * REQUEST_HARD_CAP_FACTOR, perMessageDeflate: false });
    const limits = { maxRequestBytes: o.maxRequestBytes, maxResponseBytes: o.maxResponseBytes, maxSubscriptionsPerConnection: o.maxSubscriptionsPerConnection };

    const http = createServer({ keepAlive: true }, (req, res) => {
      if (this.overLimit.has(req.socket)) return refuse(req.socket, 429, MESSAGES.TOO_MANY_CONNECTIONS);
      httpHandler.handle(req, res);
    });
    http.on("connection", (socket: Socket) => {
      this.sockets.add(socket);
      if (this.sockets.size > o.maxConnections) this.overLimit.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
      socket.setNoDelay(true);
    });
    http.on("upgrade", (req: IncomingMessage, socket: Socket, head: Buffer) => {
      socket.on("error", () => {});
      if (this.overLimit.has(socket)) return refuse(socket, 429, MESSAGES.TOO_MANY_CONNECTIONS);
      if (!originAllowed(cors, req.headers.origin)) return refuse(socket, 403, "Origin of the request is not allowed");
      wss.handleUpgrade(req, socket, head, (ws) => {
        const conn = new WsConnection(this.nextConnectionId++, ws, dispatcher, limits, (c) => this.connections.delete(c));
        this.connections.add(conn);
      });
    });
    http.on("clientError", (_e, socket: Socket) => refuse(socket, 400, "Bad Request"));

    const host = o.host ?? (o.external ? "0.0.0.0" : "127.0.0.1");
    await new Promise<void>((resolve, reject) => {
      http.once("error", (e: NodeJS.ErrnoException) => reject(
        e.code === "EADDRINUSE"
          ? new RpcServerError("PORT_IN_USE", `RPC port ${o.port} on ${host} is already in use: choose another one with --rpc-port`)
          : new RpcServerError("LISTEN_FAILED", `Cannot listen for RPC on ${host}:${o.port}: ${e.message}`),
      ));
      http.listen(o.port, host, () => resolve());
    }).catch((e) => {
      this.events?.close();
      this.events = undefined;
      throw e;
    });
    this.http = http;
    const addr = http.address();
    this.bound = { host, port: typeof addr === "object" && addr ? addr.port : o.port };
    log?.debug("RPC server listening", { addr: `${host}:${this.bound.port}`, methods: o.methods, maxConnections: o.maxConnections });
    return this.bound;
  }

  /** Stops listening, ends every subscription and closes every socket. */
  async stop(): Promise<void> {
    const http = this.http;
    if (!http) return;
    this.http = undefined;
    this.events?.close();
    this.events = undefined;
    const closed = new Promise<void>((resolve) => http.close(() => resolve()));
    for (const c of [...this.connections]) c.close();
    // WebSocket closing handshakes get a moment; then every socket is cut.
    await new Promise((r) => setTimeout(r, this.connections.size > 0 ? 100 : 0));
    for (const c of [...this.connections]) c.terminate();
    for (const s of [...this.sockets]) s.destroy();
    http.closeAllConnections?.();
    await closed;
    this.bound = undefined;
  }
}

function refuse(socket: Socket, status: number, message: string): void {
  if (socket.destroyed) return;
  const reason = { 400: "Bad Request", 403: "Forbidden", 429: "Too Many Requests" }[status] ?? "Error";
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(message)}\r\nConnection: close\r\n\r\n${message}`);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
