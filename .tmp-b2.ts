import { blake2b } from "@noble/hashes/blake2.js";
import { blake2b256 } from "./state/trie/hash.js";
const hex = (u: Uint8Array) => Buffer.from(u).toString("hex");
for (let n = 0; n < 700; n++) { const d = new Uint8Array(n).map((_, i) => (i * 31 + n) & 0xff); if (hex(blake2b(d, { dkLen: 32 })) !== hex(blake2b256(d))) { console.log("DIFF at", n); process.exit(1); } }
console.log("equal for 0..699");
for (const size of [40, 100, 200, 600]) {
  const d = new Uint8Array(size).fill(3);
  for (const [name, f] of [["noble", (x: Uint8Array) => blake2b(x, { dkLen: 32 })], ["ours", blake2b256]] as const) {
    for (let i = 0; i < 20000; i++) f(d);
    const t = performance.now(); for (let i = 0; i < 200000; i++) f(d);
    console.log(size, name, ((performance.now() - t) / 200000 * 1000).toFixed(2), "us");
  }
}
