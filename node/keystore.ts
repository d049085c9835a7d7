/**
 * The keystore: secret URIs by key type and public key, as Substrate keeps them (`<keystore>/<hex type><hex
 * public>` files holding the JSON string of the URI), or in memory for temporary nodes.
 */
import fs from "node:fs";
import path from "node:path";
import { generateMnemonic } from "@scure/bip39";
import { wordlist } from "@scure/bip39/wordlists/english.js";
import { keyFromUri, type KeyPair, type KeyScheme } from "../primitives/crypto/keyring.js";
import type { KeystoreService } from "../rpc/services.js";
import type { SessionKeystore } from "../runtime/runtime-api.js";

/** Key types of TFChain's session keys and their schemes. */
export const KEY_TYPES: Record<string, KeyScheme> = { aura: "sr25519", gran: "ed25519" };

export class KeystoreError extends Error {}

export class Keystore implements KeystoreService, SessionKeystore {
  private readonly keys = new Map<string, string>();

  /** `dir` undefined: keys live in memory only. */
  constructor(private readonly dir?: string) {
    if (dir) {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      for (const file of fs.readdirSync(dir)) {
        if (!/^[0-9a-f]{8}[0-9a-f]+$/.test(file)) continue;
        this.keys.set(file, JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")));
      }
    }
  }

  private static id(keyType: string, publicKey: Uint8Array): string {
    return Buffer.from(keyType, "latin1").toString("hex") + Buffer.from(publicKey).toString("hex");
  }

  hasKey(publicKey: Uint8Array, keyType: string): boolean {
    return this.keys.has(Keystore.id(keyType, publicKey));
  }

  insertKey(keyType: string, suri: string, publicKey: Uint8Array): void {
    const scheme = KEY_TYPES[keyType];
    if (!scheme || keyType.length !== 4) throw new KeystoreError(`Unknown key type "${keyType}": use aura or gran`);
    const pair = keyFromUri(suri, scheme);
    if (Buffer.compare(Buffer.from(pair.publicKey), Buffer.from(publicKey)) !== 0) {
      throw new KeystoreError("The public key does not belong to the secret URI");
    }
    const id = Keystore.id(keyType, publicKey);
    this.keys.set(id, suri);
    if (this.dir) fs.writeFileSync(path.join(this.dir, id), JSON.stringify(suri), { mode: 0o600 });
  }

  /** Adds `suri` under every TFChain key type (what `--alice` does). */
  insertSessionKeys(suri: string): void {
    for (const [type, scheme] of Object.entries(KEY_TYPES)) this.insertKey(type, suri, keyFromUri(suri, scheme).publicKey);
  }

  rotateKeys(): Uint8Array {
    const parts: Uint8Array[] = [];
    for (const [type, scheme] of Object.entries(KEY_TYPES)) {
      const suri = generateMnemonic(wordlist, 128);
      const pair = keyFromUri(suri, scheme);
      this.insertKey(type, suri, pair.publicKey);
      parts.push(pair.publicKey);
    }
    return Uint8Array.from(Buffer.concat(parts));
  }

  /**
   * A new key of `keyType` for `SessionKeys_generate_session_keys`: from `seed` (a secret URI) it is kept in
   * memory only, as Substrate's keystore keeps seeded keys; otherwise a new phrase, stored like any other key.
   */
  generate(keyType: string, seed?: string): Uint8Array {
    const scheme = KEY_TYPES[keyType];
    if (!scheme) throw new KeystoreError(`Unknown key type "${keyType}": use aura or gran`);
    if (seed === undefined) {
      const suri = generateMnemonic(wordlist, 128);
      const pair = keyFromUri(suri, scheme);
      this.insertKey(keyType, suri, pair.publicKey);
      return pair.publicKey;
    }
    const pair = keyFromUri(seed, scheme);
    this.keys.set(Keystore.id(keyType, pair.publicKey), seed);
    return pair.publicKey;
  }

  /** The key pairs of `keyType` held here. */
  pairs(keyType: string): KeyPair[] {
    const scheme = KEY_TYPES[keyType];
    if (!scheme) return [];
    const prefix = Buffer.from(keyType, "latin1").toString("hex");
    return [...this.keys].filter(([id]) => id.startsWith(prefix)).map(([, suri]) => keyFromUri(suri, scheme));
  }
}
