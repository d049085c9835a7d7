import { blake2b256 } from "./state/trie/hash.js";
let x = 42; const next = () => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return x >>> 0; };
const bytes = (n: number) => { const o = new Uint8Array(n); for (let i = 0; i < n; i++) o[i] = next() & 0xff; return o; };
const varying = Array.from({ length: 137000 }, () => bytes(70 + (next() % 50)));
const fixed = Array.from({ length: 137000 }, () => bytes(93));
const few = Array.from({ length: 137000 }, (_, i) => fixed[i % 100]!);
for (let r = 0; r < 3; r++) {
  const res: number[] = [];
  for (const set of [fixed, varying, few]) { const s = performance.now(); for (const e of set) blake2b256(e); res.push(performance.now() - s); }
  console.log("fixed", res[0]!.toFixed(0), "varying", res[1]!.toFixed(0), "few", res[2]!.toFixed(0));
}
