/** Why a block could not be authored on request (`engine_createBlock`, the slot worker). */
export type AuthoringErrorContext =
  | { code: "EMPTY_POOL" }
  | { code: "NOT_AN_AUTHORITY"; key: string }
  | { code: "UNKNOWN_PARENT"; parentHash: string }
  | { code: "STOPPED" };

export class AuthoringError extends Error {
  readonly code: AuthoringErrorContext["code"];
  constructor(readonly ctx: AuthoringErrorContext) {
    super(message(ctx));
    this.name = "AuthoringError";
    this.code = ctx.code;
  }
}

function message(ctx: AuthoringErrorContext): string {
  switch (ctx.code) {
    case "EMPTY_POOL":
      // Substrate's manual-seal wording (`Error::EmptyTransactionPool`).
      return "Transaction pool is empty, set create_empty to true, if you want to create empty blocks";
    case "NOT_AN_AUTHORITY":
      return `Key ${ctx.key} is not an Aura authority of this chain: start the node with an authority's key (e.g. --alice on a dev chain)`;
    case "UNKNOWN_PARENT":
      return `Cannot build on ${ctx.parentHash}: not a known block above the finalized block`;
    case "STOPPED":
      return "Block authoring has stopped";
  }
}
