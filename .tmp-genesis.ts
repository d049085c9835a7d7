import { readFileSync } from "node:fs";
import { trieRoot } from "./state/trie/trie-root.js";
import { blake2b256 } from "./state/trie/hash.js";
const hex = (u: Uint8Array) => Buffer.from(u).toString("hex");
for (const f of process.argv.slice(2)) {
  const spec = JSON.parse(readFileSync(f, "utf8"));
  const top = spec.genesis.raw?.top;
  if (!top) { console.log(f, "no raw"); continue; }
  const entries = Object.entries(top).map(([k, v]) => [Buffer.from(k.slice(2), "hex"), Buffer.from((v as string).slice(2), "hex")] as [Uint8Array, Uint8Array]);
  const t = performance.now();
  const root = trieRoot(entries);
  const empty = blake2b256(Uint8Array.of(0));
  const header = new Uint8Array([...new Uint8Array(32), 0, ...root, ...empty, 0]);
  console.log(f, Object.keys(top).length, "root", hex(root), "hash", hex(blake2b256(header)), (performance.now()-t).toFixed(1), "ms", Object.keys(spec.genesis.raw));
}
