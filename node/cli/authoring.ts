import type { FlagTable } from "./flags.js";

export const DEV_NAMES = ["alice", "bob", "charlie", "dave", "eve", "ferdie"] as const;

/** Block production and keys. */
export const AUTHORING_FLAGS: FlagTable = {
  validator: { type: "boolean", help: "Author blocks with the keys in the keystore" },
  sealing: { type: "string", value: "<aura|instant|manual>", default: "aura", help: "aura: one block per 6 s slot; instant: a block per transaction; manual: on engine_createBlock" },
  pruning: { type: "string", value: "<archive|N>", default: "256", help: "Keep the state of the last N finalized blocks, or all" },
  "tft-price-url": { type: "string", value: "<URL>", help: "Report the TFT price as a validator, read from this Stellar Horizon (e.g. https://horizon.stellar.org); off by default" },
  ...Object.fromEntries(
    DEV_NAMES.map((n) => [n, { type: "boolean" as const, help: `Shortcut for --name ${cap(n)} --validator with //${cap(n)}'s keys in the keystore` }]),
  ),
};

function cap(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}
