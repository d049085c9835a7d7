import { trieRoot } from "./state/trie/index.js";
let x = 42; const next = () => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return x >>> 0; };
const bytes = (n: number) => { const o = new Uint8Array(n); for (let i = 0; i < n; i++) o[i] = next() & 0xff; return o; };
const fresh = Array.from({ length: 100000 }, () => [bytes(32 + (next() % 33)), bytes(32)] as const);
for (let i = 0; i < 3; i++) { const t = performance.now(); trieRoot(fresh); console.log(performance.now() - t); }
