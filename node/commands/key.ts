/**
 * `tfchain-ts key generate|inspect`: Substrate's key subcommand for sr25519, ed25519 and ecdsa.
 */
import { toHex } from "../../primitives/bytes.js";
import { generateMnemonic } from "@scure/bip39";
import { wordlist } from "@scure/bip39/wordlists/english.js";
import { keyFromUri, type KeyScheme } from "../../primitives/crypto/keyring.js";
import { encodeSs58 } from "../../primitives/ss58.js";
import { CliError, intFlag, parseFlags, stringFlag, type FlagTable } from "../cli/flags.js";

export const KEY_FLAGS: FlagTable = {
  scheme: { type: "string", value: "<sr25519|ed25519|ecdsa>", default: "sr25519", help: "The key's signature scheme" },
  words: { type: "string", value: "<12|15|18|21|24>", default: "12", help: "Words of a generated phrase" },
  "network": { type: "string", value: "<PREFIX>", default: "42", help: "SS58 prefix of the printed address" },
  "output-type": { type: "string", value: "<text|json>", default: "text", help: "How to print the key" },
  password: { type: "string", value: "<PASSWORD>", help: "The URI's password (instead of ///password)" },
};

const SCHEMES: KeyScheme[] = ["sr25519", "ed25519", "ecdsa"];

export function keyCommand(argv: string[], out: (s: string) => void): number {
  const [sub, ...rest] = argv;
  const { flags, positionals } = parseFlags(rest, [KEY_FLAGS], true);
  const scheme = stringFlag(flags, "scheme") as KeyScheme;
  if (!SCHEMES.includes(scheme)) throw new CliError(`--scheme takes sr25519, ed25519 or ecdsa, got "${scheme}"`);
  const prefix = intFlag(flags, "network", 0, 16383)!;
  const json = stringFlag(flags, "output-type") === "json";
  const password = stringFlag(flags, "password");
  if (sub === "generate") {
    const words = intFlag(flags, "words")!;
    if (![12, 15, 18, 21, 24].includes(words)) throw new CliError("--words takes 12, 15, 18, 21 or 24");
    const phrase = generateMnemonic(wordlist, (words / 3) * 32);
    out(describe(phrase, phrase, scheme, prefix, json, password, "Secret phrase:"));
    return 0;
  }
  if (sub === "inspect") {
    const uri = positionals[0];
    if (uri === undefined) throw new CliError("key inspect needs a secret URI, e.g. tfchain-ts key inspect //Alice");
    out(describe(uri, undefined, scheme, prefix, json, password, `Secret Key URI \`${uri}\` is account:`));
    return 0;
  }
  throw new CliError(`key takes generate or inspect, got "${sub ?? ""}"`);
}

function describe(uri: string, phrase: string | undefined, scheme: KeyScheme, prefix: number, json: boolean, password: string | undefined, title: string): string {
  const key = keyFromUri(password ? `${uri}///${password}` : uri, scheme);
  const address = encodeSs58(key.accountId, prefix);
  if (json) {
    return JSON.stringify({
      ...(phrase ? { secretPhrase: phrase } : {}),
      networkId: prefix === 42 ? "substrate" : String(prefix),
      publicKey: toHex(key.publicKey),
      accountId: toHex(key.accountId),
      ss58PublicKey: scheme === "ecdsa" ? encodeSs58(key.publicKey, prefix) : address,
      ss58Address: address,
    }, null, 2) + "\n";
  }
  const lines = [
    phrase ? `Secret phrase:       ${phrase}` : title,
    `  Network ID:        ${prefix === 42 ? "substrate" : prefix}`,
    `  Public key (hex):  ${toHex(key.publicKey)}`,
    `  Account ID:        ${toHex(key.accountId)}`,
    `  Public key (SS58): ${scheme === "ecdsa" ? encodeSs58(key.publicKey, prefix) : address}`,
    `  SS58 Address:      ${address}`,
  ];
  return lines.join("\n") + "\n";
}
