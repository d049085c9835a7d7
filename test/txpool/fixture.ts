// A dev chain in memory with forks, for pool tests: real runtime, dev genesis state, blocks built by our builder.
import { buildBlock } from "../../consensus/block-builder.js";
import { devSpec } from "../../genesis/chain-spec.js";
import { genesisBlock } from "../../genesis/genesis-state.js";
import { addressId } from "../../primitives/account.js";
import { keyFromUri, type KeyPair } from "../../primitives/crypto/keyring.js";
import { Era } from "../../primitives/era.js";
import { signExtrinsic } from "../../primitives/extrinsic.js";
import { headerHash } from "../../primitives/header.js";
import { runtime } from "../../runtime/index.js";
import { auraPreDigest, slotAt } from "../../runtime/pallets/aura/index.js";
import { RuntimeApi } from "../../runtime/runtime-api.js";
import { MemoryStorage } from "../../state/memory-storage.js";
import { keyString } from "../../state/storage.js";
import { trieRoot } from "../../state/trie/trie-root.js";
import type { TransactionStatus } from "../../rpc/services.js";
import { TxPool, type PoolBlock, type TxPoolOptions } from "../../txpool/index.js";

export const alice = keyFromUri("//Alice");
export const bob = keyFromUri("//Bob");
/** Endowed in the dev genesis besides Alice and Bob. */
export const aliceStash = keyFromUri("//Alice//stash");
export const bobStash = keyFromUri("//Bob//stash");
/** Not endowed: a destination only. */
export const charlie = keyFromUri("//Charlie");

export interface ChainBlock extends PoolBlock {
  parentHash: Uint8Array;
}

export class PoolChain {
  readonly genesis = genesisBlock(runtime, devSpec());
  readonly api = new RuntimeApi(runtime, this.genesis.hash);
  readonly blocks = new Map<string, ChainBlock & { state: MemoryStorage }>();
  best: { hash: Uint8Array; number: number } = { hash: this.genesis.hash, number: 0 };
  private timestamp = 1_700_000_000_000n;

  constructor() {
    this.blocks.set(keyString(this.genesis.hash), { hash: this.genesis.hash, number: 0, parentHash: new Uint8Array(32), extrinsics: [], state: this.genesis.storage });
  }

  stateAt(hash: Uint8Array): MemoryStorage {
    const block = this.blocks.get(keyString(hash));
    if (!block) throw new Error("unknown block");
    return block.state;
  }

  /** Builds a block on `parent` (default: best); it becomes best unless `setBest` is false. Rejected extrinsics throw. */
  block(extrinsics: Uint8Array[], opts: { parent?: Uint8Array; setBest?: boolean } = {}): ChainBlock {
    const parentHash = opts.parent ?? this.best.hash;
    const parent = this.blocks.get(keyString(parentHash))!;
    this.timestamp += 6000n;
    const built = buildBlock(
      this.api.executive, parent.state,
      { parentHash, number: parent.number + 1, timestamp: this.timestamp, logs: [auraPreDigest(slotAt(this.timestamp))] },
      extrinsics,
      (changes) => {
        const next = new MemoryStorage(parent.state.entries());
        next.apply(changes);
        return trieRoot(next.entries());
      },
      { signatureVerified: false },
    );
    if (built.rejected.length > 0) throw new Error(`block rejected an extrinsic: ${String(built.rejected[0]!.error)}`);
    const state = new MemoryStorage(parent.state.entries());
    state.apply(built.changes);
    const block = { hash: headerHash(built.header), number: parent.number + 1, parentHash, extrinsics: built.extrinsics };
    this.blocks.set(keyString(block.hash), { ...block, state });
    if (opts.setBest !== false) this.best = { hash: block.hash, number: block.number };
    return block;
  }

  pool(opts: Partial<TxPoolOptions> = {}, now?: () => number): TxPool {
    return new TxPool({ signatureWorkers: 0, ...opts }, {
      runtimeApi: this.api,
      genesisHash: this.genesis.hash,
      best: () => this.best,
      stateAt: (hash) => this.stateAt(hash),
      ...(now ? { now } : {}),
    });
  }

  /** A signed `Balances.transfer_keep_alive` (or another Balances call). */
  transfer(from: KeyPair, opts: { nonce: number; tip?: bigint; value?: bigint; to?: Uint8Array; era?: Era; birthHash?: Uint8Array }): Uint8Array {
    const call = runtime.callSchema.enc({
      tag: "Balances",
      value: { tag: "transfer_keep_alive", value: { dest: addressId(opts.to ?? charlie.accountId), value: opts.value ?? 1_000_000_000n } },
    });
    return this.sign(call, from, opts);
  }

  sign(call: Uint8Array, from: KeyPair, opts: { nonce: number; tip?: bigint; era?: Era; birthHash?: Uint8Array }): Uint8Array {
    return signExtrinsic(call, from, { era: opts.era ?? Era.immortal, nonce: opts.nonce, tip: opts.tip ?? 0n }, {
      specVersion: 152,
      txVersion: 2,
      genesisHash: this.genesis.hash,
      birthHash: opts.birthHash ?? this.genesis.hash,
    }).encoded;
  }
}

/** Collects the statuses a watcher receives. */
export function recorder(): { statuses: TransactionStatus[]; listener: (s: TransactionStatus) => void; tags(): string[] } {
  const statuses: TransactionStatus[] = [];
  return { statuses, listener: (s) => statuses.push(s), tags: () => statuses.map((s) => s.tag) };
}

/** Lets queued status notifications go out. */
export function settle(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}

/** The pool error a rejected promise carries. */
export async function rejection(p: Promise<unknown>): Promise<{ code: number; message: string; data?: string }> {
  try {
    await p;
  } catch (e) {
    const { code, message, data } = e as { code: number; message: string; data?: string };
    return data === undefined ? { code, message } : { code, message, data };
  }
  throw new Error("expected a rejection");
}
