import { PersistentTrie, diffNodes, trieRoot } from "./state/trie/index.js";
import { blake2b256 } from "./state/trie/hash.js";
let x = 42; const next = () => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return x >>> 0; };
const bytes = (n: number) => { const o = new Uint8Array(n); for (let i = 0; i < n; i++) o[i] = next() & 0xff; return o; };
const fresh = Array.from({ length: 100000 }, () => [bytes(32 + (next() % 33)), bytes(32)] as const);
const t = PersistentTrie.fromEntries(fresh);
const encs = diffNodes(PersistentTrie.empty(), t).inserted.map(([, e]) => e);
console.log("hashed nodes", encs.length, "bytes", encs.reduce((a, e) => a + e.length, 0));
for (let r = 0; r < 3; r++) {
  let s = performance.now(); for (const e of encs) blake2b256(e); const hashMs = performance.now() - s;
  s = performance.now(); trieRoot(fresh); const rootMs = performance.now() - s;
  const sorted = [...fresh].sort((a, b) => Buffer.compare(a[0], b[0]));
  s = performance.now(); trieRoot(sorted); const rootSortedMs = performance.now() - s;
  console.log("hash only", hashMs.toFixed(0), "trieRoot", rootMs.toFixed(0), "trieRoot presorted", rootSortedMs.toFixed(0));
}
