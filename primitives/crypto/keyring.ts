/**
 * Key pairs of any of Substrate's three schemes behind one shape, and the well-known dev accounts.
 */
import { ecdsaAccountId, ecdsaFromUri, ecdsaSign } from "./ecdsa.js";
import { ed25519FromUri, ed25519Sign } from "./ed25519.js";
import { sr25519FromUri, sr25519Sign } from "./sr25519.js";

/** A signature scheme of `MultiSignature`, spelled as Substrate's `--scheme` flag. */
export type KeyScheme = "sr25519" | "ed25519" | "ecdsa";

/** A signing key: its public key, the AccountId32 it controls, and a signer over raw message bytes. */
export interface KeyPair {
  readonly scheme: KeyScheme;
  readonly publicKey: Uint8Array;
  readonly accountId: Uint8Array;
  sign(message: Uint8Array): Uint8Array;
}

/** The key pair of a Substrate secret URI (`//Alice`, `<mnemonic>//hard/soft///password`, `0x<seed>`). */
export function keyFromUri(uri: string, scheme: KeyScheme = "sr25519"): KeyPair {
  switch (scheme) {
    case "sr25519": {
      const pair = sr25519FromUri(uri);
      return { scheme, publicKey: pair.publicKey, accountId: pair.publicKey, sign: (m) => sr25519Sign(pair, m) };
    }
    case "ed25519": {
      const pair = ed25519FromUri(uri);
      return { scheme, publicKey: pair.publicKey, accountId: pair.publicKey, sign: (m) => ed25519Sign(pair, m) };
    }
    case "ecdsa": {
      const pair = ecdsaFromUri(uri);
      return { scheme, publicKey: pair.publicKey, accountId: ecdsaAccountId(pair.publicKey), sign: (m) => ecdsaSign(pair, m) };
    }
  }
}

/** The dev chains' well-known names, each the URI `//<Name>` over the dev phrase. */
export const DEV_ACCOUNT_NAMES = ["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie"] as const;

/** A dev account: `Alice` is `//Alice`, `Alice//stash` is `//Alice//stash`. */
export type DevAccountName = (typeof DEV_ACCOUNT_NAMES)[number] | `${(typeof DEV_ACCOUNT_NAMES)[number]}//stash`;

function lazyDevAccounts(): Readonly<Record<DevAccountName, KeyPair>> {
  const accounts = {} as Record<DevAccountName, KeyPair>;
  for (const name of DEV_ACCOUNT_NAMES.flatMap((n) => [n, `${n}//stash`] as DevAccountName[])) {
    // PERF: each key costs a PBKDF2 and a derivation (~ms); derive on first use only
    let key: KeyPair | undefined;
    Object.defineProperty(accounts, name, { enumerable: true, get: () => (key ??= keyFromUri(`//${name}`)) });
  }
  return Object.freeze(accounts);
}

/** The sr25519 dev accounts Alice … Ferdie and their `//stash` accounts, derived on first access. */
export const devAccounts: Readonly<Record<DevAccountName, KeyPair>> = lazyDevAccounts();
