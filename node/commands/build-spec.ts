/**
 * `tfchain-ts build-spec [--chain …] [--raw]`: prints Substrate's chain-spec JSON.
 */
import { chainSpecToJson } from "../../genesis/chain-spec-json.js";
import { runtime } from "../../runtime/index.js";
import { parseFlags, stringFlag, type FlagTable } from "../cli/flags.js";
import { SHARED_FLAGS } from "../cli/shared.js";
import { loadChainSpec } from "../config.js";

export const BUILD_SPEC_FLAGS: FlagTable = {
  raw: { type: "boolean", help: "Print the genesis storage itself (genesis.raw.top)" },
  "disable-default-bootnode": { type: "boolean", help: "Accepted for compatibility; tfchain-ts specs have no default bootnode" },
};

export function buildSpecCommand(argv: string[], out: (s: string) => void): number {
  const { flags } = parseFlags(argv, [SHARED_FLAGS, BUILD_SPEC_FLAGS]);
  const spec = loadChainSpec(stringFlag(flags, "chain") ?? (flags.dev ? "dev" : "local"));
  out(JSON.stringify(chainSpecToJson(spec, runtime, flags.raw === true), null, 2) + "\n");
  return 0;
}
