/**
 * JSON-RPC over HTTP POST, as jsonrpsee serves it beside the WebSocket: one call or batch per request body,
 * answered with `application/json`. Also `GET /health` (Substrate's proxy to `system_health`) and CORS
 * preflights. An oversized body gets 413 with the -32007 error; a body above twice the limit is not read.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { corsHeaders, originAllowed, type CorsSetting } from "./cors.js";
import { Dispatcher, errorJson, type RpcConnection } from "./dispatcher.js";
import { rpcErrors } from "./errors.js";
import { REQUEST_HARD_CAP_FACTOR } from "./limits.js";

export interface HttpOptions {
  cors: CorsSetting;
  maxRequestBytes: number;
}

const JSON_TYPE = "application/json; charset=utf-8";

export class HttpHandler {
  private nextId = 1;

  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly opts: HttpOptions,
  ) {}

  handle(req: IncomingMessage, res: ServerResponse): void {
    const origin = req.headers.origin;
    if (!originAllowed(this.opts.cors, origin)) return plain(res, 403, "Origin of the request is not allowed");
    const cors = corsHeaders(origin);
    if (req.method === "OPTIONS") return void res.writeHead(200, cors).end();
    if (req.method === "GET" && (req.url === "/health" || req.url?.startsWith("/health?"))) return this.health(res, cors);
    if (req.method !== "POST") return plain(res, 405, "Method Not Allowed", { ...cors, allow: "POST" });
    const type = req.headers["content-type"];
    if (type !== undefined && !/json/i.test(type)) return plain(res, 415, "Supported content types: application/json", cors);
    this.readBody(req, res, cors);
  }

  private readBody(req: IncomingMessage, res: ServerResponse, cors: Record<string, string>): void {
    const max = this.opts.maxRequestBytes;
    const declared = Number(req.headers["content-length"] ?? NaN);
    const hardCap = max * REQUEST_HARD_CAP_FACTOR;
    if (declared > hardCap) {
      res.setHeader("connection", "close");
      return json(res, 413, errorJson("null", rpcErrors.oversizedRequest(max)), cors);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) chunks.push(chunk);
      else if (size > hardCap) req.destroy();
    });
    req.on("error", () => {});
    req.on("end", () => {
      if (size > max) return json(res, 413, errorJson("null", rpcErrors.oversizedRequest(max)), cors);
      const conn: RpcConnection = { id: -this.nextId++ };
      this.dispatcher.handle(Buffer.concat(chunks, size).toString("utf8"), conn).then(
        (reply) => json(res, 200, reply.text ?? "", cors),
        () => json(res, 500, errorJson("null", rpcErrors.internal()), cors),
      );
    });
  }

  private health(res: ServerResponse, cors: Record<string, string>): void {
    this.dispatcher.handle('{"jsonrpc":"2.0","id":0,"method":"system_health"}', { id: 0 }).then((reply) => {
      const result = (JSON.parse(reply.text!) as { result?: unknown }).result;
      json(res, 200, JSON.stringify(result), cors);
    }, () => plain(res, 500, "Internal error"));
  }
}

function json(res: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, { ...headers, "content-type": JSON_TYPE, "content-length": Buffer.byteLength(body) }).end(body);
}

function plain(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, "content-type": "text/plain; charset=utf-8", "content-length": Buffer.byteLength(body) }).end(body);
}
