import { PersistentTrie, diffNodes } from "./state/trie/index.js";
let x = 42; const next = () => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return x >>> 0; };
const bytes = (n: number) => { const o = new Uint8Array(n); for (let i = 0; i < n; i++) o[i] = next() & 0xff; return o; };
const base = Array.from({ length: 200000 }, () => [bytes(32 + (next() % 33)), bytes(32)] as const);
const trie = PersistentTrie.fromEntries(base);
const store = new Map<string, Uint8Array>();
const id = (h: Uint8Array) => Buffer.from(h.buffer, h.byteOffset, h.byteLength).toString("latin1");
for (const [h, e] of diffNodes(PersistentTrie.empty(), trie).inserted) store.set(id(h), e);
for (let r = 0; r < 3; r++) {
  let s = performance.now(); let n = 0; for (const k of store.keys()) { store.get(k); n++; } const lookups = performance.now() - s;
  s = performance.now(); PersistentTrie.fromNodes(trie.root(), (h) => store.get(id(h))); const load = performance.now() - s;
  console.log("map lookups", lookups.toFixed(0), "fromNodes", load.toFixed(0), "heapMB", (process.memoryUsage().heapUsed / 1e6).toFixed(0));
}
