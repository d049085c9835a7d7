/**
 * The runtime's log, as Substrate's `log` crate in a runtime reaches the node through a host function: pallets
 * write to it, the node decides where it goes (its logger, target `runtime`). Nothing is logged until then.
 */
export interface RuntimeLogger {
  warn(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
}

let sink: RuntimeLogger | undefined;

export function setRuntimeLogger(logger: RuntimeLogger | undefined): void {
  sink = logger;
}

export const runtimeLog: RuntimeLogger = {
  warn: (message, fields) => sink?.warn(message, fields),
  info: (message, fields) => sink?.info(message, fields),
  debug: (message, fields) => sink?.debug(message, fields),
};
