/**
 * Flags as data: each flag group (shared, rpc, authoring, …) is a table of these; parsing and `--help` derive
 * from the tables. Names and meanings are Substrate's.
 */
import { parseArgs } from "node:util";

export interface FlagSpec {
  type: "string" | "boolean";
  help: string;
  /** Shown in `--help`, e.g. `<PORT>`. */
  value?: string;
  default?: string | boolean;
  multiple?: boolean;
}

export type FlagTable = Record<string, FlagSpec>;

export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliError";
  }
}

export type ParsedFlags = Record<string, string | boolean | string[] | undefined>;

/** Parses `argv` against the given tables; an unknown flag is a `CliError` naming `--help`. */
export function parseFlags(argv: string[], tables: FlagTable[], allowPositionals = false): { flags: ParsedFlags; positionals: string[] } {
  const options: Record<string, { type: "string" | "boolean"; multiple?: boolean }> = {};
  for (const table of tables) for (const [name, spec] of Object.entries(table)) options[name] = spec.multiple ? { type: spec.type, multiple: true } : { type: spec.type };
  try {
    const { values, positionals } = parseArgs({ args: argv, options, strict: true, allowPositionals });
    const flags: ParsedFlags = {};
    for (const table of tables) {
      for (const [name, spec] of Object.entries(table)) flags[name] = (values as ParsedFlags)[name] ?? spec.default;
    }
    return { flags, positionals };
  } catch (e) {
    throw new CliError(`${(e as Error).message.replace(/\. To specify a positional.*$/s, "")}. Run tfchain-ts --help for the flags.`);
  }
}

/** `--help` text of some flag tables, one line per flag. */
export function flagHelp(groups: [string, FlagTable][]): string {
  const lines: string[] = [];
  for (const [title, table] of groups) {
    lines.push(`${title}:`);
    for (const [name, spec] of Object.entries(table)) {
      const left = `  --${name}${spec.value ? ` ${spec.value}` : ""}`;
      const dflt = spec.default !== undefined && spec.default !== false ? ` [default: ${spec.default}]` : "";
      lines.push(`${left.padEnd(34)} ${spec.help}${dflt}`);
    }
    lines.push("");
  }
  return lines.join("\n");
}

export function stringFlag(flags: ParsedFlags, name: string): string | undefined {
  const v = flags[name];
  return typeof v === "string" ? v : undefined;
}

export function intFlag(flags: ParsedFlags, name: string, min = 0, max = 2 ** 31 - 1): number | undefined {
  const v = stringFlag(flags, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new CliError(`--${name} takes a whole number from ${min} to ${max}, got "${v}"`);
  return Number(v);
}
