/**
 * The logger consensus writes to: the node injects its own (`node/logger.ts`, targets such as `aura`,
 * `import`, `finality`); tests and benches get the silent one.
 */
export interface ConsensusLogger {
  error(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
}

const noop = () => {};

export const SILENT: ConsensusLogger = { error: noop, warn: noop, info: noop, debug: noop };
