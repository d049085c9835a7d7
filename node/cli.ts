/**
 * The `tfchain-ts` command line: the node itself, or one of Substrate's subcommands.
 */
import readline from "node:readline/promises";
import { initCrypto } from "../primitives/crypto/wasm.js";
import { genesisBlock } from "../genesis/genesis-state.js";
import { runtime } from "../runtime/index.js";
import { RuntimeApi } from "../runtime/runtime-api.js";
import { AUTHORING_FLAGS } from "./cli/authoring.js";
import { CliError, flagHelp, parseFlags, stringFlag } from "./cli/flags.js";
import { POOL_FLAGS } from "./cli/pool.js";
import { NETWORK_FLAGS } from "./cli/network.js";
import { RPC_FLAGS } from "./cli/rpc.js";
import { SHARED_FLAGS } from "./cli/shared.js";
import { BLOCKS_FLAGS, exportBlocksCommand, importBlocksCommand } from "./commands/blocks.js";
import { BUILD_SPEC_FLAGS, buildSpecCommand } from "./commands/build-spec.js";
import { KEY_FLAGS, keyCommand } from "./commands/key.js";
import { PURGE_FLAGS, purgeChainCommand } from "./commands/purge-chain.js";
import { loadChainSpec } from "./config.js";

const NODE_FLAGS = [SHARED_FLAGS, NETWORK_FLAGS, RPC_FLAGS, AUTHORING_FLAGS, POOL_FLAGS];

const HELP = `tfchain-ts: a TFChain (ThreeFold grid) node in TypeScript, TFChain 2.9 (spec 152) on the wire

Usage: tfchain-ts [options]                 run a node
       tfchain-ts <subcommand> [options]

Subcommands:
  build-spec [--chain C] [--raw]            Print the chain spec JSON
  key generate|inspect [URI]                Generate or inspect a key (sr25519, ed25519, ecdsa)
  purge-chain [--chain C] [--base-path P]   Delete a chain's database
  export-metadata [--chain C]               Print the runtime metadata as 0x-hex (what state_getMetadata returns)
  export-blocks [--from N] [--to N] [--binary] [FILE]   Write blocks to FILE (or stdout)
  import-blocks [--binary] [FILE]           Import blocks from FILE (or stdin) through the import pipeline

${flagHelp([["Chain and paths", SHARED_FLAGS], ["Networking", NETWORK_FLAGS], ["JSON-RPC", RPC_FLAGS], ["Authoring", AUTHORING_FLAGS], ["Transaction pool", POOL_FLAGS], ["build-spec", BUILD_SPEC_FLAGS], ["key", KEY_FLAGS], ["purge-chain", PURGE_FLAGS], ["export-blocks / import-blocks", BLOCKS_FLAGS]])}`;

const out = (s: string) => void process.stdout.write(s);

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    await initCrypto();
    switch (command) {
      case "--help":
      case "-h":
      case "help":
        out(HELP);
        return 0;
      case "build-spec":
        return buildSpecCommand(rest, out);
      case "key":
        return keyCommand(rest, out);
      case "purge-chain":
        return await purgeChainCommand(rest, out, ask);
      case "export-metadata":
        return exportMetadata(rest);
      case "export-blocks":
        return await exportBlocksCommand(rest, out);
      case "import-blocks":
        return await importBlocksCommand(rest, out);
      default: {
        const { flags } = parseFlags(argv, NODE_FLAGS);
        if (flags.help) {
          out(HELP);
          return 0;
        }
        const { runNode } = await import("./service.js");
        return await runNode(flags);
      }
    }
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(`Error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function exportMetadata(argv: string[]): number {
  const { flags } = parseFlags(argv, [SHARED_FLAGS]);
  const spec = loadChainSpec(stringFlag(flags, "chain") ?? "dev");
  const api = new RuntimeApi(runtime, genesisBlock(runtime, spec).hash);
  out(`0x${Buffer.from(api.metadata.metadata()).toString("hex")}\n`);
  return 0;
}

async function ask(question: string): Promise<boolean> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}
