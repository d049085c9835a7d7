import { start } from "smoldot";
import { readFileSync } from "node:fs";
import { trieRoot, PersistentTrie, blake2b256, EMPTY_TRIE_ROOT } from "./state/trie/index.js";
const base = JSON.parse(readFileSync("/tmp/tf/main.json", "utf8"));
let seed = 7;
const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x80000000; };
const bytes = (n: number) => { const v = new Uint8Array(n); for (let i = 0; i < n; i++) v[i] = Math.floor(rnd() * 256); return v; };
const hex = (u: Uint8Array) => "0x" + Buffer.from(u).toString("hex");
function makeSet(i: number): Map<string, string> {
  const extra = new Map<string, string>();
  const prefix = Uint8Array.of(0xee, i);
  const long = bytes(200);
  for (let j = 0; j < 30; j++) {
    const kind = Math.floor(rnd() * 6);
    let k: Uint8Array;
    if (kind === 0) k = Uint8Array.from([...prefix, ...long.subarray(0, 150 + Math.floor(rnd() * 50))]);
    else if (kind === 1) k = Uint8Array.from([...prefix, ...long.subarray(0, 32 + Math.floor(rnd() * 3))]);
    else if (kind === 2) k = Uint8Array.from([...prefix, ...bytes(Math.floor(rnd() * 3))]);
    else k = Uint8Array.from([...prefix, ...bytes(1 + Math.floor(rnd() * 40))]);
    const vk = Math.floor(rnd() * 5);
    const v = bytes(vk === 0 ? 0 : vk === 1 ? 64 + Math.floor(rnd() * 100) : vk === 2 ? 17000 : Math.floor(rnd() * 40));
    extra.set(hex(k), hex(v));
  }
  return extra;
}
const client = start({ maxLogLevel: 1 });
let ok = 0;
for (let i = 0; i < 12; i++) {
  const extra = makeSet(i);
  const top = { ...base.genesis.raw.top, ...Object.fromEntries(extra) };
  const spec = { ...base, genesis: { raw: { top, childrenDefault: {} } } };
  const chain = await client.addChain({ chainSpec: JSON.stringify(spec) });
  chain.sendJsonRpc(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "chainSpec_v1_genesisHash", params: [] }));
  const res = JSON.parse(await chain.nextJsonRpcResponse()).result;
  chain.remove();
  const entries = Object.entries(top).map(([k, v]) => [Buffer.from(k.slice(2), "hex"), Buffer.from((v as string).slice(2), "hex")] as [Uint8Array, Uint8Array]);
  const roots = [trieRoot(entries), PersistentTrie.fromEntries(entries).root(), PersistentTrie.empty().update(entries).root()];
  const hashes = roots.map(r => hex(blake2b256(new Uint8Array([...new Uint8Array(32), 0, ...r, ...EMPTY_TRIE_ROOT, 0]))));
  const good = hashes.every(h => h === res);
  if (good) ok++; else console.log("MISMATCH", i, res, hashes);
}
console.log(ok, "of 12 match smoldot");
await client.terminate();
