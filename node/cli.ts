/**
 * The `tfchain-ts` command line: subcommands and their flags, Substrate's names.
 *
 * TODO(#5): `--dev` and the node service, `build-spec`, `key`, `purge-chain`, `export-blocks`, `import-blocks`.
 */
import { builtInSpec } from "../genesis/chain-spec.js";
import { genesisBlock } from "../genesis/genesis-state.js";
import { runtime } from "../runtime/index.js";
import { RuntimeApi } from "../runtime/runtime-api.js";

const HELP = `tfchain-ts: a TFChain (ThreeFold grid) node in TypeScript

Usage: tfchain-ts <subcommand> [options]

Subcommands:
  export-metadata [--chain dev|local]   Print the runtime metadata (V14) as 0x-hex, the bytes state_getMetadata returns
  --help                                Print this help
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(HELP);
    return 0;
  }
  if (command === "export-metadata") return exportMetadata(rest);
  process.stderr.write(`Error: unknown subcommand or flag "${command}". Run tfchain-ts --help for the list.\n`);
  return 2;
}

function exportMetadata(argv: string[]): number {
  const chain = flag(argv, "--chain") ?? "dev";
  const spec = builtInSpec(chain);
  if (!spec) {
    process.stderr.write(`Error: unknown chain "${chain}". Use --chain dev or --chain local.\n`);
    return 2;
  }
  const api = new RuntimeApi(runtime, genesisBlock(runtime, spec).hash);
  process.stdout.write(`0x${Buffer.from(api.metadata.metadata()).toString("hex")}\n`);
  return 0;
}

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}
