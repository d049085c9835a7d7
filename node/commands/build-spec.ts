/**
 * `tfchain-ts build-spec [--chain …] [--raw] [--validators alice,bob,…]`: prints Substrate's chain-spec JSON.
 */
import { builtInSpec, ChainSpecError, devValidators } from "../../genesis/chain-spec.js";
import { chainSpecToJson } from "../../genesis/chain-spec-json.js";
import { runtime } from "../../runtime/index.js";
import { CliError, parseFlags, stringFlag, type FlagTable } from "../cli/flags.js";
import { SHARED_FLAGS } from "../cli/shared.js";
import { loadChainSpec } from "../config.js";

export const BUILD_SPEC_FLAGS: FlagTable = {
  raw: { type: "boolean", help: "Print the genesis storage itself (genesis.raw.top)" },
  validators: {
    type: "string",
    value: "<NAMES>",
    help: "Dev accounts that validate from genesis, comma-separated (alice,bob,charlie…); dev and local chains only",
  },
  "disable-default-bootnode": { type: "boolean", help: "Accepted for compatibility; tfchain-ts specs have no default bootnode" },
};

export function buildSpecCommand(argv: string[], out: (s: string) => void): number {
  const { flags } = parseFlags(argv, [SHARED_FLAGS, BUILD_SPEC_FLAGS]);
  const chain = stringFlag(flags, "chain") ?? (flags.dev ? "dev" : "local");
  const names = stringFlag(flags, "validators");
  const spec = names === undefined ? loadChainSpec(chain) : withValidators(chain, names);
  out(JSON.stringify(chainSpecToJson(spec, runtime, flags.raw === true), null, 2) + "\n");
  return 0;
}

function withValidators(chain: string, names: string) {
  let validators;
  try {
    validators = devValidators(names.split(","));
  } catch (e) {
    if (e instanceof ChainSpecError) throw new CliError(`--validators: ${e.message}`);
    throw e;
  }
  const spec = builtInSpec(chain === "" ? "local" : chain, { validators });
  if (!spec) throw new CliError(`--validators works with --chain dev or local, not "${chain}"`);
  return spec;
}
