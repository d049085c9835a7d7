/**
 * The chain database: blocks, the canonical chain, finality and states of one chain in one LevelDB.
 *
 * Every change is one atomic batch (`db-batch.ts`), so a process killed at any instant reopens on the last
 * committed block. Changes are serialized; reads of states are synchronous and see a change only once its
 * batch is on disk. Layout in `db-schema.ts`, pruning rules in `pruning.ts`.
 *
 * Importing a block: `prepareState(parent, overlay.changes())` gives the state root for the header, then
 * `commitBlock({..., pending})` stores header, body, trie nodes and journals, and moves the best chain if the
 * block becomes best. `setFinalized` finalizes, discards the other forks and prunes old states.
 */
import { BlockTree, type LiveBlock } from "./block-tree.js";
import { concat, equalBytes, toHex } from "../primitives/bytes.js";
import { moveBestOps } from "./best-chain.js";
import { checkBlock, childBlockOps, genesisOps, type BlockToCommit } from "./block-commit.js";
import { DbBatch, openChainLevels, type ChainLevels } from "./db-batch.js";
import { DbError } from "./db-error.js";
import {
  corrupt, decodeBlockRecord, decodeHash, decodeU32, HASH_LENGTH, META, plain, SCHEMA_VERSION, u32Key, type BlockRecord,
} from "./db-schema.js";
import { liveBlock, restoreLiveTree } from "./live-restore.js";
import { checkPruningMode, DEFAULT_PRUNING, decodePruningMode, finalizationOps, type PruningMode } from "./pruning.js";
import {
  buildPendingState, DEFAULT_STATE_CACHE, FinalizedStates, keysPaged, type PendingState, type StateCacheOptions,
} from "./state-db.js";
import { PersistentTrie } from "./trie/index.js";

export type { BlockToCommit } from "./block-commit.js";
export type { PendingState } from "./state-db.js";

export interface ChainDbOptions {
  /** The database directory: `<base-path>/chains/<chain-id>/db`. */
  path: string;
  pruning?: PruningMode;
  cache?: Partial<StateCacheOptions>;
}

export interface BlockRef {
  hash: Uint8Array;
  number: number;
}

/** A batch built but not written, so tests can drop it as a crash would. */
export interface PreparedWrite {
  readonly opCount: number;
  write(): Promise<void>;
}

interface Change {
  batch: DbBatch;
  apply: () => void;
}

export class ChainDb {
  private tree: BlockTree | undefined;
  private bestBlock: LiveBlock | undefined;
  private genesis: Uint8Array | undefined;
  private base = 0;
  private generation = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly states: FinalizedStates;

  private constructor(
    private readonly levels: ChainLevels,
    readonly pruning: PruningMode,
    cache: StateCacheOptions,
  ) {
    this.states = new FinalizedStates(levels.trie, cache);
  }

  /** Opens (or creates) the database and restores the best and finalized blocks and the live states. */
  static async open(opts: ChainDbOptions): Promise<ChainDb> {
    const requested = checkPruningMode(opts.pruning ?? DEFAULT_PRUNING);
    const levels = await openChainLevels(opts.path);
    try {
      const [schema, pruning, genesis, best, finalized, base] = await levels.meta.getMany(
        [META.schema, META.pruning, META.genesis, META.best, META.finalized, META.base],
      );
      const cache = { ...DEFAULT_STATE_CACHE, ...opts.cache };
      if (schema === undefined) return new ChainDb(levels, requested, cache);
      const version = decodeU32(schema, "meta schema");
      if (version !== SCHEMA_VERSION) throw new DbError({ code: "SCHEMA_VERSION", found: version, supported: SCHEMA_VERSION });
      const stored = decodePruningMode(pruning ?? corrupt("meta", "no pruning mode"));
      if (stored !== requested) {
        throw new DbError({ code: "PRUNING_MODE_MISMATCH", stored: String(stored), requested: String(requested) });
      }
      const db = new ChainDb(levels, stored, cache);
      db.genesis = decodeHash(genesis ?? corrupt("meta", "no genesis hash"), "meta genesis");
      db.base = decodeU32(base ?? corrupt("meta", "no pruning base"), "meta base");
      const restored = await restoreLiveTree(
        levels,
        decodeHash(finalized ?? corrupt("meta", "no finalized hash"), "meta finalized"),
        decodeHash(best ?? corrupt("meta", "no best hash"), "meta best"),
        stored === "archive",
      );
      db.tree = restored.tree;
      db.bestBlock = restored.best;
      return db;
    } catch (e) {
      await levels.root.close();
      throw e;
    }
  }

  genesisHash(): Uint8Array | undefined {
    return this.genesis;
  }

  best(): BlockRef {
    const b = this.bestBlock ?? noGenesis();
    return { hash: b.hash, number: b.number };
  }

  finalized(): BlockRef {
    const f = this.tree?.finalized ?? noGenesis();
    return { hash: f.hash, number: f.number };
  }

  /** Heads of the live forks (blocks without live children), highest first. */
  leaves(): Uint8Array[] {
    return (this.tree?.leaves() ?? []).map((b) => b.hash);
  }

  async header(hash: Uint8Array): Promise<Uint8Array | undefined> {
    return plain(await this.levels.headers.get(hash));
  }

  async body(hash: Uint8Array): Promise<Uint8Array | undefined> {
    return plain(await this.levels.bodies.get(hash));
  }

  async justification(hash: Uint8Array): Promise<Uint8Array | undefined> {
    return plain(await this.levels.justifications.get(hash));
  }

  /** A value the consensus engines keep for themselves (Substrate's aux storage), outside block data. */
  async aux(key: Uint8Array): Promise<Uint8Array | undefined> {
    return plain(await this.levels.aux.get(key));
  }

  /** Writes aux values (`null` deletes) in one batch, after the changes already asked for. */
  putAux(entries: readonly (readonly [Uint8Array, Uint8Array | null])[]): Promise<void> {
    return this.serialize(async () => {
      const batch = new DbBatch();
      for (const [key, value] of entries) {
        if (value === null) batch.del(this.levels.aux, key);
        else batch.put(this.levels.aux, key, value);
      }
      await batch.write(this.levels);
    });
  }

  /** Number, parent hash and state root of a stored block. */
  async blockInfo(hash: Uint8Array): Promise<BlockRecord | undefined> {
    const bytes = await this.levels.blocks.get(hash);
    return bytes === undefined ? undefined : decodeBlockRecord(bytes, `block record of ${toHex(hash)}`);
  }

  /** The best chain's block at `number`. */
  async hashAt(number: number): Promise<Uint8Array | undefined> {
    const hash = await this.levels.canon.get(u32Key(number));
    return hash === undefined ? undefined : decodeHash(hash, `canon ${number}`);
  }

  /** Every stored child of `hash`, including those on discarded forks. */
  async children(hash: Uint8Array): Promise<Uint8Array[]> {
    const out: Uint8Array[] = [];
    const lte = concat(hash, new Uint8Array(HASH_LENGTH).fill(0xff));
    for await (const key of this.levels.children.keys({ gt: hash, lte })) out.push(plain(key.slice(HASH_LENGTH)));
    return out;
  }

  /**
   * Computes the state of a block built on `parentHash` (`null` for genesis) from its storage changes.
   *
   * The parent must be live: the finalized block or a non-finalized block descending from it.
   */
  prepareState(parentHash: Uint8Array | null, changes: Iterable<readonly [Uint8Array, Uint8Array | null]>): PendingState {
    if (parentHash === null) return buildPendingState(null, PersistentTrie.empty(), changes);
    return buildPendingState(parentHash, this.liveParent(parentHash).trie, changes);
  }

  commitBlock(block: BlockToCommit): Promise<void> {
    return this.serialize(async () => this.run(await this.commitChange(block)));
  }

  /** Builds `commitBlock`'s batch without writing it; `write()` fails if the database changed meanwhile. */
  prepareCommit(block: BlockToCommit): Promise<PreparedWrite> {
    return this.serialize(async () => {
      const change = await this.commitChange(block);
      const generation = this.generation;
      return {
        opCount: change.batch.ops.length,
        write: () => this.serialize(async () => {
          if (generation !== this.generation) throw new DbError({ code: "STALE_BATCH" });
          await this.run(change);
        }),
      };
    });
  }

  /** Makes a live block the best block (fork choice), moving canon entries and the flat index to its branch. */
  setBest(hash: Uint8Array): Promise<void> {
    return this.serialize(async () => {
      const to = await this.liveOrThrow(hash);
      const from = this.bestBlock!;
      if (to === from) return;
      const batch = new DbBatch();
      moveBestOps(batch, this.levels, this.tree!, from, to);
      await this.run({ batch, apply: () => (this.bestBlock = to) });
    });
  }

  /**
   * Finalizes `hash` and its ancestors, stores the justification, discards the forks that do not descend
   * from it and prunes the states that leave the window. If the best block does not descend from it, the
   * finalized block becomes best (fork choice may then move best to one of its descendants).
   */
  setFinalized(hash: Uint8Array, justification?: Uint8Array): Promise<void> {
    return this.serialize(async () => {
      const tree = this.tree ?? noGenesis();
      const target = tree.get(toHex(hash));
      const batch = new DbBatch();
      if (justification !== undefined) batch.put(this.levels.justifications, hash, justification);
      if (target === tree.finalized || (target === undefined && (await this.isFinalizedAncestor(hash)))) {
        return this.run({ batch, apply: () => {} });
      }
      if (target === undefined) await this.liveOrThrow(hash);
      await this.run(await this.finalizeChange(batch, tree, target!));
    });
  }

  /**
   * A synchronous reader of the state after block `hash`, for any block whose state is kept.
   *
   * Live and recent states are in memory. An older one is loaded from disk with synchronous reads, which
   * blocks the event loop for a large state: RPC paths should `await loadState(hash)` first.
   */
  stateAt(hash: Uint8Array): PersistentTrie {
    const found = this.inMemoryState(hash);
    if (found.trie) return found.trie;
    const { record, kept } = found;
    return this.states.open(hash, record.number, record.stateRoot, kept);
  }

  /** `stateAt` that loads an older state from disk without blocking the event loop. */
  async loadState(hash: Uint8Array): Promise<PersistentTrie> {
    const found = this.inMemoryState(hash);
    if (found.trie) return found.trie;
    const { record, kept } = found;
    return this.states.openAsync(hash, record.number, record.stateRoot, kept);
  }

  /** Whether the state after block `hash` can be read. */
  hasState(hash: Uint8Array): boolean {
    if (this.tree?.get(toHex(hash))) return true;
    const bytes = this.levels.blocks.getSync(hash);
    return bytes !== undefined && this.isKeptFinalized(hash, decodeBlockRecord(bytes, "block record").number);
  }

  async storageAt(hash: Uint8Array, key: Uint8Array): Promise<Uint8Array | undefined> {
    return (await this.loadState(hash)).get(key);
  }

  /** `state_getKeysPaged`: keys with `prefix` strictly after `startKey` (when not before the prefix). */
  async keysPaged(hash: Uint8Array, prefix: Uint8Array, count: number, startKey?: Uint8Array): Promise<Uint8Array[]> {
    return keysPaged(await this.loadState(hash), prefix, count, startKey);
  }

  /** The trie nodes proving the values (or absence) of `keys` in the state after `hash`. */
  async readProof(hash: Uint8Array, keys: Iterable<Uint8Array>): Promise<Uint8Array[]> {
    return (await this.loadState(hash)).readProof(keys);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.serialize(async () => {
      this.closed = true;
      await this.levels.root.close();
    });
  }

  private async commitChange(block: BlockToCommit): Promise<Change> {
    checkBlock(block);
    if (this.tree !== undefined && (await this.levels.blocks.get(block.hash)) !== undefined) {
      throw new DbError({ code: "BLOCK_EXISTS", hash: toHex(block.hash) });
    }
    if (block.pending.parentHash === null) {
      if (this.genesis !== undefined) throw new DbError({ code: "GENESIS_EXISTS", hash: toHex(this.genesis) });
      const root = liveBlock(block.hash, block, undefined, block.pending.trie, [], []);
      return {
        batch: genesisOps(this.levels, block, this.pruning),
        apply: () => {
          this.genesis = block.hash;
          this.tree = new BlockTree(root);
          this.bestBlock = root;
          this.base = 0;
        },
      };
    }
    const tree = this.tree ?? noGenesis();
    const parent = await this.liveParentAsync(block.hash, block.parentHash);
    if (block.number !== parent.number + 1) {
      throw new DbError({ code: "INVALID_NUMBER", hash: toHex(block.hash), expected: parent.number + 1, got: block.number });
    }
    const { pending } = block;
    const live = liveBlock(block.hash, block, parent, pending.trie, pending.diff, pending.inserted.map(([h]) => h));
    const batch = childBlockOps(this.levels, block, this.pruning);
    const best = this.bestBlock!;
    const becomesBest = block.best ?? block.number > best.number;
    if (becomesBest) moveBestOps(batch, this.levels, tree, best, live);
    return {
      batch,
      apply: () => {
        tree.add(live);
        if (becomesBest) this.bestBlock = live;
      },
    };
  }

  private async finalizeChange(batch: DbBatch, tree: BlockTree, target: LiveBlock): Promise<Change> {
    const oldFinalized = tree.finalized;
    const plan = await finalizationOps(batch, this.levels, tree, target, {
      mode: this.pruning, base: this.base, best: this.bestBlock!, canonHash: (n) => this.canonHash(n),
    });
    return {
      batch,
      apply: () => {
        for (const b of [oldFinalized, ...plan.finalized]) if (b !== target) this.states.addRecent(b.hex, b.number, b.trie);
        tree.rebase(target);
        this.base = plan.base;
        this.bestBlock = plan.best;
        this.states.prune(plan.base);
      },
    };
  }

  private async run(change: Change): Promise<void> {
    await change.batch.resolveNodes(this.levels.trie, this.pruning === "archive");
    await change.batch.write(this.levels);
    this.generation++;
    change.apply();
  }

  private serialize<T>(f: () => Promise<T>): Promise<T> {
    const next = this.queue.then(() => {
      if (this.closed) throw new DbError({ code: "CLOSED" });
      return f();
    });
    this.queue = next.catch(() => {});
    return next;
  }

  private liveParent(parentHash: Uint8Array): LiveBlock {
    const tree = this.tree ?? noGenesis();
    const parent = tree.get(toHex(parentHash));
    if (parent !== undefined) return parent;
    if (this.levels.blocks.getSync(parentHash) === undefined) throw new DbError({ code: "UNKNOWN_BLOCK", hash: toHex(parentHash) });
    throw new DbError({ code: "NOT_IN_FINALIZED_CHAIN", hash: toHex(parentHash), finalized: tree.finalized.hex });
  }

  private async liveParentAsync(hash: Uint8Array, parentHash: Uint8Array): Promise<LiveBlock> {
    const parent = this.tree!.get(toHex(parentHash));
    if (parent !== undefined) return parent;
    if ((await this.levels.blocks.get(parentHash)) === undefined) {
      throw new DbError({ code: "UNKNOWN_PARENT", hash: toHex(hash), parentHash: toHex(parentHash) });
    }
    throw new DbError({ code: "NOT_IN_FINALIZED_CHAIN", hash: toHex(hash), finalized: this.tree!.finalized.hex });
  }

  private async liveOrThrow(hash: Uint8Array): Promise<LiveBlock> {
    const tree = this.tree ?? noGenesis();
    const live = tree.get(toHex(hash));
    if (live !== undefined) return live;
    if ((await this.levels.blocks.get(hash)) === undefined) throw new DbError({ code: "UNKNOWN_BLOCK", hash: toHex(hash) });
    throw new DbError({ code: "NOT_IN_FINALIZED_CHAIN", hash: toHex(hash), finalized: tree.finalized.hex });
  }

  private async isFinalizedAncestor(hash: Uint8Array): Promise<boolean> {
    const info = await this.blockInfo(hash);
    if (info === undefined || info.number > this.tree!.finalized.number) return false;
    const canon = await this.canonHash(info.number);
    return equalBytes(canon, hash);
  }

  private inMemoryState(hash: Uint8Array):
    | { trie: PersistentTrie; record?: undefined; kept?: undefined }
    | { trie?: undefined; record: BlockRecord; kept: () => boolean } {
    const tree = this.tree ?? noGenesis();
    const hex = toHex(hash);
    const trie = tree.get(hex)?.trie ?? this.states.get(hex);
    if (trie) return { trie };
    if (this.closed) throw new DbError({ code: "CLOSED" });
    const bytes = this.levels.blocks.getSync(hash);
    if (bytes === undefined) throw new DbError({ code: "UNKNOWN_BLOCK", hash: hex });
    const record = decodeBlockRecord(bytes, `block record of ${hex}`);
    const kept = (): boolean => this.isKeptFinalized(hash, record.number);
    if (!kept()) throw new DbError({ code: "STATE_DISCARDED", hash: hex });
    return { record, kept };
  }

  private isKeptFinalized(hash: Uint8Array, number: number): boolean {
    if (this.pruning === "archive") return true;
    if (number < this.base || number > this.tree!.finalized.number) return false;
    const canon = this.levels.canon.getSync(u32Key(number));
    return canon !== undefined && equalBytes(canon, hash);
  }

  private async canonHash(number: number): Promise<Uint8Array> {
    const hash = await this.hashAt(number);
    return hash ?? corrupt("canon", `no canonical block at ${number}`);
  }
}

function noGenesis(): never {
  throw new DbError({ code: "NO_GENESIS" });
}
