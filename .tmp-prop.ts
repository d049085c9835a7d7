import { PersistentTrie, trieRoot, diffNodes, verifyProof } from "./state/trie/index.js";
import { compareBytes } from "./state/trie/sort.js";
let seed = 1;
const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x80000000; };
const key = () => { const n = Math.floor(rnd() * 4); const k = new Uint8Array(n); for (let i = 0; i < n; i++) k[i] = [0, 1, 0x10, 0x11, 0xff][Math.floor(rnd() * 5)]!; return k; };
const val = () => { const n = Math.floor(rnd() * 40); const v = new Uint8Array(n); for (let i = 0; i < n; i++) v[i] = Math.floor(rnd() * 256); return v; };
const hex = (u: Uint8Array) => Buffer.from(u).toString("hex");
for (let iter = 0; iter < 3000; iter++) {
  const model = new Map<string, Uint8Array>();
  let t = PersistentTrie.empty();
  const versions: [PersistentTrie, string][] = [];
  for (let step = 0; step < 5; step++) {
    const changes: [Uint8Array, Uint8Array | null][] = [];
    const m = Math.floor(rnd() * 8);
    for (let i = 0; i < m; i++) { const k = key(); const v = rnd() < 0.3 ? null : val(); changes.push([k, v]); }
    for (const [k, v] of changes) { if (v) model.set(hex(k), v); else model.delete(hex(k)); }
    const prev = t;
    t = t.update(changes);
    const entries = [...model].map(([k, v]) => [Buffer.from(k, "hex"), v] as [Uint8Array, Uint8Array]);
    const expected = hex(trieRoot(entries));
    if (hex(t.root()) !== expected) { console.log("MISMATCH", iter, step, changes.map(([k,v])=>[hex(k), v && hex(v)]), entries.map(([k]) => hex(k))); process.exit(1); }
    const fresh = PersistentTrie.fromEntries(entries);
    if (hex(fresh.root()) !== expected) { console.log("fromEntries mismatch"); process.exit(1); }
    // entries & nextKey
    const sortedKeys = entries.map(e => e[0]).sort(compareBytes).map(hex);
    const got = [...t.entries()].map(([k]) => hex(k));
    if (got.join() !== sortedKeys.join()) { console.log("entries mismatch", got, sortedKeys); process.exit(1); }
    for (let i = 0; i < 5; i++) { const k = key(); const exp = sortedKeys.find(s => compareBytes(Buffer.from(s, "hex"), k) > 0); const nk = t.nextKey(k); if ((nk && hex(nk)) !== exp) { console.log("nextKey", hex(k), nk && hex(nk), exp); process.exit(1);} }
    // diff: apply to a db
    versions.push([t, expected]);
    const d = diffNodes(prev, t);
    // proofs
    const ks = [key(), key(), ...entries.slice(0, 2).map(e => e[0])];
    const proof = t.readProof(ks);
    const vals = verifyProof(t.root(), proof, ks);
    ks.forEach((k, i) => { const e = model.get(hex(k)); if ((vals[i] && hex(vals[i]!)) !== (e && hex(e))) { console.log("proof mismatch"); process.exit(1); } });
  }
  for (const [v, r] of versions) if (hex(v.root()) !== r) { console.log("old version changed"); process.exit(1); }
}
console.log("ok");
