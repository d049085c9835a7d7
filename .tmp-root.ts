import { PersistentTrie } from "./state/trie/index.js";
let x = 42; const next = () => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return x >>> 0; };
const bytes = (n: number) => { const o = new Uint8Array(n); for (let i = 0; i < n; i++) o[i] = next() & 0xff; return o; };
const base = Array.from({ length: 200000 }, () => [bytes(32 + (next() % 33)), bytes(32)] as const);
const trie = PersistentTrie.fromEntries(base);
const { Session } = await import("node:inspector/promises");
const session = new Session(); session.connect();
await session.post("Profiler.enable"); await session.post("Profiler.start");
let s = performance.now(); trie.root(); console.log("root", performance.now() - s);
const { profile } = await session.post("Profiler.stop");
const self = new Map<string, number>(); const total = profile.samples!.length;
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const counts = new Map<number, number>(); for (const sm of profile.samples!) counts.set(sm, (counts.get(sm) || 0) + 1);
for (const [id, c] of counts) { const n: any = byId.get(id); const k = n.callFrame.functionName + " " + n.callFrame.url.split("/").slice(-2).join("/"); self.set(k, (self.get(k) || 0) + c); }
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, c]) => (c / total * 100).toFixed(1) + "% " + k).join("\n"));
