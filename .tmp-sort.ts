import { compareBytes } from "./state/trie/sort.js";
let x = 42; const next = () => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return x >>> 0; };
const bytes = (n: number, pre = 0) => { const o = new Uint8Array(n); for (let i = pre; i < n; i++) o[i] = next() & 0xff; return o; };
for (const pre of [0, 32]) {
  const mk = () => Array.from({ length: 100000 }, () => [bytes(pre + 32 + (next() % 33), pre), bytes(32)] as const);
  const base = mk();
  const t0 = performance.now(); [...base].sort((a, b) => compareBytes(a[0], b[0])); const t1 = performance.now();
  [...base].sort((a, b) => Buffer.compare(a[0], b[0])); const t2 = performance.now();
  const strs = base.map(e => Buffer.from(e[0].buffer, e[0].byteOffset, e[0].length).toString("latin1"));
  const idx = base.map((_, i) => i); const t3 = performance.now();
  const s2 = base.map(e => Buffer.from(e[0].buffer, e[0].byteOffset, e[0].length).toString("latin1"));
  idx.sort((i, j) => (s2[i]! < s2[j]! ? -1 : s2[i]! > s2[j]! ? 1 : 0)); const t4 = performance.now();
  console.log("prefix", pre, "compareBytes", (t1 - t0).toFixed(0), "Buffer.compare", (t2 - t1).toFixed(0), "latin1 strings", (t4 - t3).toFixed(0));
}
