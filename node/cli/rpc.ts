import type { FlagTable } from "./flags.js";

/** JSON-RPC server flags (Substrate's names and defaults). */
export const RPC_FLAGS: FlagTable = {
  "rpc-port": { type: "string", value: "<PORT>", default: "9944", help: "Port for JSON-RPC over WebSocket and HTTP" },
  "rpc-external": { type: "boolean", help: "Listen on all interfaces, not only localhost" },
  "rpc-methods": { type: "string", value: "<auto|safe|unsafe>", default: "auto", help: "Which methods to expose (auto: unsafe on localhost only)" },
  "rpc-cors": { type: "string", value: "<ORIGINS>", help: "Comma-separated origins allowed by browsers, or all" },
  "rpc-max-connections": { type: "string", value: "<COUNT>", default: "100", help: "Maximum simultaneous RPC connections" },
  "rpc-max-request-size": { type: "string", value: "<MiB>", default: "15", help: "Maximum request size in MiB" },
  "rpc-max-response-size": { type: "string", value: "<MiB>", default: "15", help: "Maximum response size in MiB" },
  "rpc-max-subscriptions-per-connection": { type: "string", value: "<COUNT>", default: "1024", help: "Maximum subscriptions per connection" },
};
