/**
 * `tfchain-ts purge-chain [--chain …] [--base-path …] [-y]`: deletes the chain's database (keys are kept).
 */
import fs from "node:fs";
import path from "node:path";
import { parseFlags, stringFlag, type FlagTable } from "../cli/flags.js";
import { SHARED_FLAGS } from "../cli/shared.js";
import { defaultBasePath, loadChainSpec } from "../config.js";

export const PURGE_FLAGS: FlagTable = {
  y: { type: "boolean", help: "Do not ask for confirmation" },
};

export async function purgeChainCommand(argv: string[], out: (s: string) => void, confirm: (question: string) => Promise<boolean>): Promise<number> {
  const { flags } = parseFlags(argv, [SHARED_FLAGS, PURGE_FLAGS]);
  const spec = loadChainSpec(stringFlag(flags, "chain") ?? (flags.dev ? "dev" : "local"));
  const db = path.join(stringFlag(flags, "base-path") ?? defaultBasePath(), "chains", spec.id, "db");
  if (!fs.existsSync(db)) {
    out(`${db} does not exist\n`);
    return 0;
  }
  if (flags.y !== true && !(await confirm(`Are you sure to remove ${db}? [y/N]: `))) {
    out("Aborted\n");
    return 0;
  }
  fs.rmSync(db, { recursive: true, force: true });
  out(`${db} removed.\n`);
  return 0;
}
