import { blake2b256 } from "./state/trie/hash.js";
import { blake2b } from "@noble/hashes/blake2.js";
let x = 42; const next = () => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return x >>> 0; };
const bytes = (n: number) => { const o = new Uint8Array(n); for (let i = 0; i < n; i++) o[i] = next() & 0xff; return o; };
const inputs = Array.from({ length: 137000 }, () => bytes(70 + (next() % 50)));
const same = bytes(93);
for (let r = 0; r < 3; r++) {
  let s = performance.now(); for (const e of inputs) blake2b256(e); const a = performance.now() - s;
  s = performance.now(); for (let i = 0; i < 137000; i++) blake2b256(same); const b = performance.now() - s;
  s = performance.now(); for (const e of inputs) blake2b(e, { dkLen: 32 }); const c = performance.now() - s;
  console.log("ours distinct", a.toFixed(0), "ours same", b.toFixed(0), "noble distinct", c.toFixed(0));
}
