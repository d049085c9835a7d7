import type { FlagTable } from "./flags.js";

/** Flags every subcommand that touches a chain understands. */
export const SHARED_FLAGS: FlagTable = {
  dev: { type: "boolean", help: "Development chain: --chain dev, --alice, --tmp unless --base-path, --rpc-cors all" },
  chain: { type: "string", value: "<CHAIN>", help: "dev, local, or a chain spec JSON file" },
  "base-path": { type: "string", value: "<PATH>", help: "Where chains keep their databases and keystores", },
  tmp: { type: "boolean", help: "Use a temporary base path, deleted on exit" },
  name: { type: "string", value: "<NAME>", help: "The node's name, as shown to peers and by system_name" },
  log: { type: "string", value: "<TARGET=LEVEL>", multiple: true, help: "Log level, overall (info) or per target (txpool=debug,rpc=trace)" },
  help: { type: "boolean", help: "Print this help" },
};
