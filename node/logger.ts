/**
 * Logging with Substrate's targets and levels: `--log info,txpool=debug`. Messages are constant; values go in
 * a fields object (`log.info("Imported block", { number, hash })`).
 */
export type Level = "error" | "warn" | "info" | "debug" | "trace";
const ORDER: Record<Level, number> = { error: 0, warn: 1, info: 2, debug: 3, trace: 4 };

export interface Logger {
  error(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
  trace(message: string, fields?: Record<string, unknown>): void;
  /** A logger for another target, sharing the same levels and sink. */
  child(target: string): Logger;
}

export class LogConfigError extends Error {}

/** Parses `--log` values: a bare level sets the default, `target=level` one target. */
export function parseLogLevels(specs: string[]): { fallback: Level; targets: Map<string, Level> } {
  let fallback: Level = "info";
  const targets = new Map<string, Level>();
  for (const part of specs.flatMap((s) => s.split(",")).filter(Boolean)) {
    const [a, b] = part.split("=");
    const level = (b ?? a)!.toLowerCase() as Level;
    if (!(level in ORDER)) throw new LogConfigError(`--log: unknown level "${b ?? a}" (error, warn, info, debug, trace)`);
    if (b === undefined) fallback = level;
    else targets.set(a!, level);
  }
  return { fallback, targets };
}

export function createLogger(target: string, levels = parseLogLevels([]), sink: (line: string) => void = (l) => process.stderr.write(l + "\n")): Logger {
  const enabled = (t: string, level: Level) => ORDER[level] <= ORDER[levels.targets.get(t) ?? levels.fallback];
  const make = (t: string): Logger => {
    const emit = (level: Level) => (message: string, fields?: Record<string, unknown>) => {
      if (!enabled(t, level)) return;
      const now = new Date().toISOString().replace("T", " ").slice(0, 19);
      const extra = fields ? Object.entries(fields).map(([k, v]) => ` ${k}=${format(v)}`).join("") : "";
      sink(`${now} ${level.toUpperCase().padStart(5)} ${t}: ${message}${extra}`);
    };
    return { error: emit("error"), warn: emit("warn"), info: emit("info"), debug: emit("debug"), trace: emit("trace"), child: make };
  };
  return make(target);
}

function format(v: unknown): string {
  if (v instanceof Uint8Array) return `0x${Buffer.from(v).toString("hex")}`;
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Error) return JSON.stringify(v.message);
  if (typeof v === "string") return /\s/.test(v) ? JSON.stringify(v) : v;
  return String(v);
}
