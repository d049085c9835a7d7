/**
 * The node's ed25519 network key, whose public half is its peer id: `--node-key` (hex), `--node-key-file`,
 * or `<chain dir>/network/secret_ed25519`, created on first start (32 raw bytes, as Substrate keeps it).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { generateKeyPairFromSeed } from "@libp2p/crypto/keys";
import type { PrivateKey } from "@libp2p/interface";
import { CliError } from "./cli/flags.js";

export type NodeKeySource = { hex: string } | { file: string; create: boolean };

/** The 32-byte secret in a key file: raw bytes, or 64 hex digits (0x optional, whitespace ignored). */
export function parseNodeKey(bytes: Uint8Array, what: string): Uint8Array {
  if (bytes.length === 32) return bytes;
  const text = Buffer.from(bytes).toString("utf8").trim().replace(/^0x/, "");
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Uint8Array.from(Buffer.from(text, "hex"));
  throw new CliError(`${what}: an ed25519 node key is 32 bytes (raw or 64 hex digits)`);
}

export async function loadNodeKey(source: NodeKeySource): Promise<PrivateKey> {
  let seed: Uint8Array;
  if ("hex" in source) {
    seed = parseNodeKey(new TextEncoder().encode(source.hex), "--node-key");
  } else if (fs.existsSync(source.file)) {
    seed = parseNodeKey(fs.readFileSync(source.file), source.file);
  } else if (source.create) {
    seed = crypto.randomBytes(32);
    fs.mkdirSync(path.dirname(source.file), { recursive: true });
    fs.writeFileSync(source.file, seed, { mode: 0o600 });
  } else {
    throw new CliError(`--node-key-file ${source.file} does not exist`);
  }
  return generateKeyPairFromSeed("Ed25519", seed);
}
