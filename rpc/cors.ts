/**
 * `--rpc-cors`: which browser origins may call the server. Requests without an `Origin` (curl, Node clients)
 * are always served; a browser request from another origin is refused with 403, over HTTP and on the
 * WebSocket handshake alike (browsers do not apply CORS to WebSockets, so the server must).
 */

/** Substrate's default list when `--rpc-cors` is not given (`sc-cli` `RpcParams::rpc_cors`). */
export const DEFAULT_RPC_CORS: readonly string[] = [
  "http://localhost:*",
  "http://127.0.0.1:*",
  "https://localhost:*",
  "https://127.0.0.1:*",
  "https://polkadot.js.org",
];

export type CorsSetting = "all" | readonly string[];

/** Whether `origin` is allowed; entries ending in `:*` allow any port. */
export function originAllowed(cors: CorsSetting, origin: string | undefined): boolean {
  if (origin === undefined || cors === "all") return true;
  return cors.some((allowed) => {
    if (!allowed.endsWith(":*")) return allowed === origin;
    const base = allowed.slice(0, -1);
    return origin === allowed.slice(0, -2) || (origin.startsWith(base) && /^\d+$/.test(origin.slice(base.length)));
  });
}

/** Headers for an allowed cross-origin answer (and the preflight's). */
export function corsHeaders(origin: string | undefined): Record<string, string> {
  if (origin === undefined) return {};
  return {
    "access-control-allow-origin": origin,
    "access-control-allow-methods": "POST",
    "access-control-allow-headers": "content-type",
    "access-control-max-age": "3600",
    vary: "origin",
  };
}
