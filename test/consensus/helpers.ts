// Shared helpers of the consensus tests: chains on temp dirs, signed transfers, a minimal pool.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Chain, type ChainDeps } from "../../consensus/chain.js";
import type { ReadyTransactions } from "../../consensus/authoring.js";
import { devSpec, type ChainSpec } from "../../genesis/chain-spec.js";
import { addressId } from "../../primitives/account.js";
import { keyFromUri, type KeyPair } from "../../primitives/crypto/keyring.js";
import { Era } from "../../primitives/era.js";
import { signExtrinsic } from "../../primitives/extrinsic.js";
import { runtime } from "../../runtime/index.js";
import { storage as systemStorage } from "../../runtime/pallets/system/storage.js";

export const alice = keyFromUri("//Alice");
export const bob = keyFromUri("//Bob");
export const charlie = keyFromUri("//Charlie");

/** Temp directories made by `openChain`, removed by `cleanup`. */
const dirs: string[] = [];
const chains: Chain[] = [];

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "tfchain-consensus-"));
  dirs.push(dir);
  return dir;
}

/** A chain on a fresh temp dir (or `dbPath`), closed by `cleanup`. */
export async function openChain(opts: { spec?: ChainSpec; dbPath?: string } & ChainDeps = {}): Promise<Chain> {
  const { spec = devSpec(), dbPath, ...deps } = opts;
  const chain = await Chain.open({ spec, dbPath: dbPath ?? join(await tempDir(), "db") }, deps);
  chains.push(chain);
  return chain;
}

export async function cleanup(): Promise<void> {
  for (const c of chains.splice(0)) await c.close();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
}

/** A `Balances.transfer_keep_alive` signed by `from`, immortal. */
export function transfer(chain: Chain, from: KeyPair, nonce: number, to: Uint8Array, value: bigint): Uint8Array {
  const call = runtime.callSchema.enc({ tag: "Balances", value: { tag: "transfer_keep_alive", value: { dest: addressId(to), value } } });
  const additional = { specVersion: 152, txVersion: 2, genesisHash: chain.genesisHash, birthHash: chain.genesisHash };
  return signExtrinsic(call, from, { era: Era.immortal, nonce, tip: 0n }, additional).encoded;
}

/** `System.Account` of `who` at block `hash` (best by default). */
export async function account(chain: Chain, who: Uint8Array, hash = chain.best().hash) {
  return systemStorage.Account.get(await chain.stateAt(hash), who);
}

/** A pool that holds what it is given until a block includes it. */
export class TestPool implements ReadyTransactions {
  readonly txs: Uint8Array[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(chain?: Chain) {
    chain?.onImported((b) => {
      const included = new Set(b.extrinsics.map((x) => Buffer.from(x).toString("hex")));
      for (let i = this.txs.length - 1; i >= 0; i--) if (included.has(Buffer.from(this.txs[i]!).toString("hex"))) this.txs.splice(i, 1);
    });
  }

  add(...txs: Uint8Array[]): void {
    this.txs.push(...txs);
    for (const l of this.listeners) l();
  }

  ready(): Uint8Array[] {
    return [...this.txs];
  }

  onReady(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Resolves when `check` returns something other than undefined, polling every 10 ms. */
export async function until<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const hex = (b: Uint8Array) => `0x${Buffer.from(b).toString("hex")}`;
