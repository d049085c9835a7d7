/**
 * A dev chain's `NodeServices` in-process, for RPC tests and benches: the real `Chain` (a `ChainDb` in a temp
 * dir with the dev genesis committed, the real `RuntimeApi`, the import pipeline), the real `TxPool`, the
 * real `BlockAuthor` sealing with Alice's Aura key (manual, or instant with `autoSeal`), `DevFinality` when
 * blocks seal themselves, and the node's in-memory `Keystore`. Only the network is a stand-in (no peers).
 *
 * The wiring between chain, pool and author is what the node does (`node/`): imported best blocks prune the
 * pool, finalized blocks tell its watchers.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BlockAuthor, Chain, DevFinality } from "../../consensus/index.js";
import { devSpec } from "../../genesis/chain-spec.js";
import { Keystore } from "../../node/keystore.js";
import { keyFromUri } from "../../primitives/crypto/keyring.js";
import type { Header } from "../../primitives/header.js";
import type { NetworkService, NodeServices } from "../../rpc/services.js";
import type { PruningMode } from "../../state/pruning.js";
import { TxPool } from "../../txpool/index.js";

/** No peers, not syncing: a node alone, as `--dev` runs. */
export class LoneNetwork implements NetworkService {
  static readonly PEER_ID = "12D3KooWLoneNodeLoneNodeLoneNodeLoneNodeLoneNode";
  peers() {
    return [];
  }
  localPeerId(): string {
    return LoneNetwork.PEER_ID;
  }
  listenAddresses(): string[] {
    return [`/ip4/127.0.0.1/tcp/30333/p2p/${LoneNetwork.PEER_ID}`];
  }
  isSyncing(): boolean {
    return false;
  }
  highestBlock(): number | undefined {
    return undefined;
  }
  startingBlock(): number {
    return 0;
  }
}

export interface DevChainOptions {
  pruning?: PruningMode;
  /** Instant sealing: a block as soon as a transaction is ready, finalized `finalityLagMs` later (dev finality). */
  autoSeal?: boolean;
  finalityLagMs?: number;
}

/** A dev chain and its services; `close()` stops everything and removes the database. */
export class DevChain {
  private constructor(
    readonly chain: Chain,
    readonly pool: TxPool,
    readonly author: BlockAuthor,
    readonly keystore: Keystore,
    readonly services: NodeServices,
    private readonly finality: DevFinality | undefined,
    private readonly detach: (() => void)[],
    private readonly dir: string,
  ) {}

  static async create(opts: DevChainOptions = {}): Promise<DevChain> {
    const dir = await mkdtemp(join(tmpdir(), "tfchain-rpc-"));
    const chain = await Chain.open({ spec: devSpec(), dbPath: join(dir, "db"), pruning: opts.pruning });
    const pool = new TxPool({}, {
      runtimeApi: chain.runtimeApi, genesisHash: chain.genesisHash, best: () => chain.best(), stateAt: (h) => chain.liveState(h),
    });
    const detach = [
      chain.onImported((b) => void pool.onBlockImported({ hash: b.hash, number: b.number, extrinsics: b.extrinsics, isBest: b.isBest })),
      chain.onFinalized((b) => pool.onFinalized({ hash: b.hash, number: b.header.number })),
    ];
    const author = new BlockAuthor({ mode: opts.autoSeal ? "instant" : "manual" }, {
      chain, signer: keyFromUri("//Alice"),
      pool: { ready: () => pool.ready(), onReady: (listener) => pool.onReadyTransaction(() => listener()) },
    });
    author.start();
    const finality = opts.autoSeal ? new DevFinality({ lagMs: opts.finalityLagMs ?? 300, minLagMs: 100 }, { chain }) : undefined;
    finality?.start();
    const keystore = new Keystore();
    keystore.insertSessionKeys("//Alice");
    const services: NodeServices = {
      identity: { name: "tfchain-ts-test", version: "0.1.0-test", roles: ["Authority"] },
      chain, pool, network: new LoneNetwork(), keystore, sealing: author,
    };
    return new DevChain(chain, pool, author, keystore, services, finality, detach, dir);
  }

  /** Seals the next block on the best block with the pool's ready transactions (`engine_createBlock`). */
  async produceBlock(opts: { finalize?: boolean } = {}): Promise<{ hash: Uint8Array; header: Header }> {
    const { hash } = await this.author.createBlock({ createEmpty: true, finalize: opts.finalize ?? false });
    return { hash, header: (await this.chain.header(hash))! };
  }

  finalize(hash: Uint8Array): Promise<void> {
    return this.chain.finalize(hash);
  }

  async close(): Promise<void> {
    await this.author.stop();
    await this.finality?.stop();
    for (const d of this.detach) d();
    await this.pool.close();
    await this.chain.close();
    await rm(this.dir, { recursive: true, force: true });
  }
}
