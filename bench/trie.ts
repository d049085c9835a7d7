/**
 * State trie: roots of freshly built tries and of updated persistent versions, node diffs and reloads.
 *
 * Keys are random 32–64-byte strings, values random 32-byte strings, from a fixed-seed generator.
 * Standalone: `node --import tsx bench/trie.ts`.
 */
import { pathToFileURL } from "node:url";
import { diffNodes, PersistentTrie, trieRoot } from "../state/trie/index.js";

const FRESH = 100_000;
const BASE = 200_000;
const CHANGED = 100_000;
const BLOCK_CHANGES = 1_000;

export async function benchTrie(): Promise<Record<string, number>> {
  const next = prng(42);
  const bytes = (n: number) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = next() & 0xff;
    return out;
  };
  const fresh = Array.from({ length: FRESH }, () => [bytes(32 + (next() % 33)), bytes(32)] as const);
  const base = Array.from({ length: BASE }, () => [bytes(32 + (next() % 33)), bytes(32)] as const);
  const figures: Record<string, number> = {};
  const time = (name: string, run: () => unknown) => {
    const start = performance.now();
    run();
    figures[name] = Math.round(performance.now() - start);
  };

  time("trieRoot of 100k fresh keys (ms)", () => trieRoot(fresh));
  time("PersistentTrie.fromEntries(100k).root() (ms)", () => PersistentTrie.fromEntries(fresh).root());
  time("PersistentTrie.empty().update(100k).root() (ms)", () => PersistentTrie.empty().update(fresh).root());

  const trie = PersistentTrie.fromEntries(base);
  time("root of the 200k base trie (ms)", () => trie.root());
  const changes = base.slice(0, CHANGED).map(([k]) => [k, bytes(32)] as const);
  let changed = trie;
  time("update 100k of 200k keys (ms)", () => {
    changed = trie.update(changes);
  });
  time("root after changing 100k of 200k keys (ms)", () => changed.root());
  time("diffNodes for those 100k changes (ms)", () => diffNodes(trie, changed));

  const block = base.slice(CHANGED, CHANGED + BLOCK_CHANGES).map(([k]) => [k, bytes(32)] as const);
  time("update + root + diffNodes, 1,000 changes in 200k (ms)", () => {
    const v = trie.update(block);
    v.root();
    diffNodes(trie, v);
  });

  const store = new Map<string, Uint8Array>();
  for (const [hash, encoding] of diffNodes(PersistentTrie.empty(), trie).inserted) store.set(id(hash), encoding);
  figures["stored nodes of the 200k trie"] = store.size;
  time("fromNodes of the 200k trie from a Map (ms)", () => PersistentTrie.fromNodes(trie.root(), (h) => store.get(id(h))));
  time("100k gets on the 200k trie (ms)", () => {
    for (let i = 0; i < 100_000; i++) trie.get(base[i]![0]);
  });
  return figures;
}

function id(hash: Uint8Array): string {
  return Buffer.from(hash.buffer, hash.byteOffset, hash.byteLength).toString("latin1");
}

// xorshift32: fixed-seed bytes so runs compare.
function prng(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.table(await benchTrie());
}
