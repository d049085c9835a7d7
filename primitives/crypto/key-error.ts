/** Why a key could not be made from a secret URI, phrase or seed. */
export type KeyErrorCode = "INVALID_URI" | "INVALID_PHRASE" | "INVALID_SEED" | "SOFT_DERIVATION_UNSUPPORTED";

/** A secret URI, mnemonic or seed that yields no key; `code` says why (the secret itself is never included). */
export class KeyError extends Error {
  readonly code: KeyErrorCode;
  constructor(code: KeyErrorCode, detail: string) {
    super(detail);
    this.name = "KeyError";
    this.code = code;
  }
}
