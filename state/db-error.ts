/** The chain database's one error class: a string-union `code`, typed context, a message that names the fix. */

export type DbErrorContext =
  | { code: "UNKNOWN_BLOCK"; hash: string }
  | { code: "UNKNOWN_PARENT"; hash: string; parentHash: string }
  | { code: "BLOCK_EXISTS"; hash: string }
  | { code: "STATE_DISCARDED"; hash: string }
  | { code: "NOT_IN_FINALIZED_CHAIN"; hash: string; finalized: string }
  | { code: "INVALID_NUMBER"; hash: string; expected: number; got: number }
  | { code: "STATE_ROOT_MISMATCH"; hash: string; expected: string; got: string }
  | { code: "PENDING_MISMATCH"; hash: string; expectedParent: string; gotParent: string }
  | { code: "NO_GENESIS" }
  | { code: "GENESIS_EXISTS"; hash: string }
  | { code: "PRUNING_MODE_MISMATCH"; stored: string; requested: string }
  | { code: "INVALID_PRUNING"; value: string }
  | { code: "SCHEMA_VERSION"; found: number; supported: number }
  | { code: "CORRUPT"; what: string; detail: string }
  | { code: "STALE_BATCH" }
  | { code: "CLOSED" }
  | { code: "OPEN_FAILED"; path: string; detail: string };

export type DbErrorCode = DbErrorContext["code"];

export class DbError extends Error {
  readonly code: DbErrorCode;
  readonly ctx: DbErrorContext;
  constructor(ctx: DbErrorContext) {
    super(message(ctx));
    this.name = "DbError";
    this.code = ctx.code;
    this.ctx = ctx;
  }
}

export function isDbError(e: unknown, code?: DbErrorCode): e is DbError {
  return e instanceof DbError && (code === undefined || e.code === code);
}

function message(ctx: DbErrorContext): string {
  switch (ctx.code) {
    case "UNKNOWN_BLOCK":
      return `Unknown block ${ctx.hash}`;
    case "UNKNOWN_PARENT":
      return `Cannot import block ${ctx.hash}: parent ${ctx.parentHash} is unknown`;
    case "BLOCK_EXISTS":
      return `Block ${ctx.hash} is already in the database`;
    case "STATE_DISCARDED":
      // Substrate's wording (sc-client-db), so that RPC users see the familiar message.
      return `State already discarded for ${ctx.hash}`;
    case "NOT_IN_FINALIZED_CHAIN":
      return `Block ${ctx.hash} is not in the finalized chain (finalized: ${ctx.finalized})`;
    case "INVALID_NUMBER":
      return `Block ${ctx.hash} has number ${ctx.got}, its parent implies ${ctx.expected}`;
    case "STATE_ROOT_MISMATCH":
      return `Block ${ctx.hash} declares state root ${ctx.expected} but its changes give ${ctx.got}`;
    case "PENDING_MISMATCH":
      return `Block ${ctx.hash} has parent ${ctx.gotParent} but its pending state was prepared on ${ctx.expectedParent}`;
    case "NO_GENESIS":
      return "The database holds no genesis block: commit the genesis block first";
    case "GENESIS_EXISTS":
      return `The database already holds genesis ${ctx.hash}`;
    case "PRUNING_MODE_MISMATCH":
      return `The database was created with --pruning ${ctx.stored}, not ${ctx.requested}: `
        + `run with --pruning ${ctx.stored}, or purge the chain (purge-chain) to change it`;
    case "INVALID_PRUNING":
      return `Invalid pruning mode "${ctx.value}": use "archive" or a number of blocks ≥ 1`;
    case "SCHEMA_VERSION":
      return `Database schema version ${ctx.found} is not supported (this node reads version ${ctx.supported}): `
        + "purge the chain (purge-chain) and resync";
    case "CORRUPT":
      return `Database corruption in ${ctx.what}: ${ctx.detail}. Purge the chain (purge-chain) and resync`;
    case "STALE_BATCH":
      return "The database changed since this batch was built: build it again";
    case "CLOSED":
      return "The database is closed";
    case "OPEN_FAILED":
      return `Cannot open the database at ${ctx.path}: ${ctx.detail}`;
  }
}
