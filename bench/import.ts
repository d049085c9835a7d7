/**
 * Authoring a block of 5,000 transfers, and re-importing it through the import pipeline on a fresh node
 * as `import-blocks` does (goals: ≤ 2 s each, TFChain's compute budget).
 *
 * Authoring takes the transfers as the pool hands them out (signatures already checked by its workers).
 * Re-import checks every signature: inline on the main thread, or on txpool's two signature workers
 * while the block executes. Each figure is the second block of 5,000, on the first one's state: the first
 * warms the JIT up, as on a running node. Standalone: `node --import tsx bench/import.ts`.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BlockAuthor } from "../consensus/authoring.js";
import { Chain, type ChainDeps } from "../consensus/chain.js";
import type { BlockData, SignatureVerifier } from "../consensus/import/index.js";
import { devSpec } from "../genesis/chain-spec.js";
import { addressId } from "../primitives/account.js";
import { keyFromUri } from "../primitives/crypto/keyring.js";
import { initCrypto } from "../primitives/crypto/wasm.js";
import { Era } from "../primitives/era.js";
import { signExtrinsic } from "../primitives/extrinsic.js";
import { runtime } from "../runtime/index.js";
import { SignatureVerifier as WorkerVerifier } from "../txpool/signature-workers.js";

const TRANSFERS = 5_000;
const RUNS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchImport(): Promise<Record<string, number>> {
  await initCrypto();
  const dir = await mkdtemp(join(tmpdir(), "tfchain-bench-import-"));
  const chains: Chain[] = [];
  const open = async (name: string, deps: ChainDeps = {}) => {
    const chain = await Chain.open({ spec: devSpec(), dbPath: join(dir, name) }, deps);
    chains.push(chain);
    return chain;
  };
  const workers = new WorkerVerifier(2);
  try {
    const source = await open("author");
    const alice = keyFromUri("//Alice");
    const additional = { specVersion: 152, txVersion: 2, genesisHash: source.genesisHash, birthHash: source.genesisHash };
    const transfers = (from: number) =>
      Array.from({ length: TRANSFERS }, (_, k) => {
        const dest = new Uint8Array(32);
        new DataView(dest.buffer).setUint32(0, k + 1);
        const call = runtime.callSchema.enc({ tag: "Balances", value: { tag: "transfer_keep_alive", value: { dest: addressId(dest), value: 1_000_000n } } });
        return { encoded: signExtrinsic(call, alice, { era: Era.immortal, nonce: from + k, tip: 0n }, additional).encoded, birthHash: source.genesisHash };
      });
    let ready = transfers(0);
    const author = new BlockAuthor({ mode: "manual", budgetMs: 60_000 }, { chain: source, signer: alice, pool: { ready: () => ready } });
    const blocks: BlockData[] = [];
    let authorMs = 0;
    for (const batch of [ready, transfers(TRANSFERS)]) {
      ready = batch;
      const start = performance.now();
      const { hash } = await author.createBlock({ createEmpty: false, finalize: false });
      authorMs = performance.now() - start;
      blocks.push({ header: (await source.header(hash))!, extrinsics: (await source.body(hash))! });
    }
    if (blocks[1]!.extrinsics.length !== TRANSFERS + 1) throw new Error(`bench: ${blocks[1]!.extrinsics.length - 1} transfers in the block`);
    await author.stop();

    const reimport = async (name: string, deps: ChainDeps) => {
      const chain = await open(name, deps);
      await chain.importBlock(blocks[0]!, { origin: "file" });
      const start = performance.now();
      await chain.importBlock(blocks[1]!, { origin: "file" });
      const ms = performance.now() - start;
      await chain.close();
      return ms;
    };
    await workers.ready();
    const verifier: SignatureVerifier = workers;
    // The machine is shared: alternate the variants and keep each one's median of three.
    const inline: number[] = [];
    const offloaded: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      inline.push(await reimport(`inline-${run}`, {}));
      offloaded.push(await reimport(`workers-${run}`, { signatureVerifier: verifier }));
    }
    return {
      "author a block of 5,000 transfers (ms)": authorMs,
      "re-import it, signatures on the main thread (ms, median of 3)": median(inline),
      "re-import it, signatures on 2 worker threads (ms, median of 3)": median(offloaded),
    };
  } finally {
    await workers.close();
    for (const c of chains) await c.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await benchImport());
}
