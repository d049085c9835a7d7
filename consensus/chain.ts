/**
 * The chain this node follows: its database, its runtime and the one import pipeline, behind the
 * `ChainService` the RPC layer reads.
 *
 * `Chain.open` opens (or creates) the database of a chain spec: an empty database gets the spec's genesis
 * block; a database of another genesis is refused. Blocks enter through `importBlock` only; finality moves
 * through `finalize` only (the dev finality gadget now, GRANDPA later). Listeners hear of each imported
 * block after its commit, and of each newly finalized block in order.
 */
import path from "node:path";
import type { ChainSpec } from "../genesis/chain-spec.js";
import { genesisBlock } from "../genesis/genesis-state.js";
import { equalBytes, toHex } from "../primitives/bytes.js";
import { decodeHeader, type Header } from "../primitives/header.js";
import type { BlockRef, ChainService, ImportedBlock } from "../rpc/services.js";
import type { Executive } from "../runtime/executive.js";
import { runtime as nativeRuntime } from "../runtime/index.js";
import { RuntimeApi } from "../runtime/runtime-api.js";
import type { Runtime } from "../runtime/runtime.js";
import { ChainDb, type PendingState } from "../state/chain-db.js";
import type { PruningMode } from "../state/pruning.js";
import type { StateCacheOptions } from "../state/state-db.js";
import type { StorageReader } from "../state/storage.js";
import {
  decodeBody, encodeBody, ImportPipeline, type BlockData, type ImportedBlockNotice, type ImportOptions, type ImportOutcome, type SignatureVerifier,
} from "./import/index.js";
import { SILENT, type ConsensusLogger } from "./log.js";

export type ChainErrorContext =
  | { code: "GENESIS_MISMATCH"; path: string; stored: string; expected: string; chain: string }
  | { code: "NO_DATABASE_PATH" };

/** A chain that cannot be opened as asked. */
export class ChainError extends Error {
  readonly code: ChainErrorContext["code"];
  constructor(readonly ctx: ChainErrorContext) {
    super(chainErrorMessage(ctx));
    this.name = "ChainError";
    this.code = ctx.code;
  }
}

function chainErrorMessage(ctx: ChainErrorContext): string {
  switch (ctx.code) {
    case "GENESIS_MISMATCH":
      return `The database at ${ctx.path} holds a chain with genesis ${ctx.stored}, but chain spec "${ctx.chain}" has genesis `
        + `${ctx.expected}: run with the chain spec that created it, use another --base-path, or purge the chain (purge-chain)`;
    case "NO_DATABASE_PATH":
      return "Chain.open needs dbPath or basePath";
  }
}

export interface ChainOptions {
  spec: ChainSpec;
  /** The database directory. Without it: `<basePath>/chains/<spec.id>/db`. */
  dbPath?: string;
  basePath?: string;
  /** `--pruning`: a number of blocks (default 256) or `archive`. */
  pruning?: PruningMode;
  cache?: Partial<StateCacheOptions>;
}

export interface ChainDeps {
  runtime?: Runtime;
  /** Unix time in ms; `Date.now` by default. */
  clock?: () => number;
  log?: ConsensusLogger;
  /** Checks imported blocks' signatures off the main thread (see `import/signatures.ts`). */
  signatureVerifier?: SignatureVerifier;
}

/** The database directory of `spec` under a base path, as Substrate lays it out. */
export function chainDbPath(basePath: string, spec: Pick<ChainSpec, "id">): string {
  return path.join(basePath, "chains", spec.id, "db");
}

export class Chain implements ChainService {
  readonly runtimeApi: RuntimeApi;
  readonly executive: Executive;
  private readonly pipeline: ImportPipeline;
  private readonly importedListeners = new Set<(block: ImportedBlockNotice) => void>();
  private readonly finalizedListeners = new Set<(block: ImportedBlock) => void>();
  private finality: Promise<unknown> = Promise.resolve();
  private closing: Promise<void> | undefined;

  private constructor(
    readonly spec: ChainSpec,
    readonly genesisHash: Uint8Array,
    readonly db: ChainDb,
    readonly clock: () => number,
    private readonly log: ConsensusLogger,
    runtime: Runtime,
    signatureVerifier?: SignatureVerifier,
  ) {
    this.runtimeApi = new RuntimeApi(runtime, genesisHash);
    this.executive = this.runtimeApi.executive;
    this.pipeline = new ImportPipeline({
      db, executive: this.executive, genesisHash, clock, signatureVerifier, log,
      onImported: (notice) => this.emit(this.importedListeners, notice, "import"),
    });
  }

  /** Opens the chain database, committing the genesis block of `opts.spec` if it is empty. */
  static async open(opts: ChainOptions, deps: ChainDeps = {}): Promise<Chain> {
    const dbPath = opts.dbPath ?? (opts.basePath !== undefined ? chainDbPath(opts.basePath, opts.spec) : undefined);
    if (dbPath === undefined) throw new ChainError({ code: "NO_DATABASE_PATH" });
    const runtime = deps.runtime ?? nativeRuntime;
    const genesis = genesisBlock(runtime, opts.spec);
    const db = await ChainDb.open({ path: dbPath, pruning: opts.pruning, cache: opts.cache });
    try {
      const stored = db.genesisHash();
      if (stored === undefined) {
        const pending = db.prepareState(null, genesis.storage.entries());
        await db.commitBlock({
          hash: genesis.hash, parentHash: genesis.header.parentHash, number: 0, header: genesis.encodedHeader,
          body: encodeBody([]), stateRoot: genesis.header.stateRoot, pending,
        });
      } else if (!equalBytes(stored, genesis.hash)) {
        throw new ChainError({ code: "GENESIS_MISMATCH", path: dbPath, stored: toHex(stored), expected: toHex(genesis.hash), chain: opts.spec.id });
      }
    } catch (e) {
      await db.close();
      throw e;
    }
    return new Chain(opts.spec, genesis.hash, db, deps.clock ?? Date.now, deps.log ?? SILENT, runtime, deps.signatureVerifier);
  }

  best(): BlockRef {
    return this.db.best();
  }

  finalized(): BlockRef {
    return this.db.finalized();
  }

  async header(hash: Uint8Array): Promise<Header | undefined> {
    const bytes = await this.db.header(hash);
    return bytes === undefined ? undefined : decodeHeader(bytes);
  }

  async body(hash: Uint8Array): Promise<Uint8Array[] | undefined> {
    const bytes = await this.db.body(hash);
    return bytes === undefined ? undefined : decodeBody(bytes);
  }

  justifications(hash: Uint8Array): Promise<Uint8Array | undefined> {
    return this.db.justification(hash);
  }

  hashAt(number: number): Promise<Uint8Array | undefined> {
    return this.db.hashAt(number);
  }

  stateAt(hash: Uint8Array): Promise<StorageReader> {
    return this.db.loadState(hash);
  }

  keysPaged(hash: Uint8Array, prefix: Uint8Array, count: number, startKey?: Uint8Array): Promise<Uint8Array[]> {
    return this.db.keysPaged(hash, prefix, count, startKey);
  }

  readProof(hash: Uint8Array, keys: Uint8Array[]): Promise<Uint8Array[]> {
    return this.db.readProof(hash, keys);
  }

  /** The state after a live block (best, finalized or a fork above it), synchronously: for authoring. */
  liveState(hash: Uint8Array): StorageReader {
    return this.db.stateAt(hash);
  }

  /** Imports a block through the pipeline; refuses it with an `ImportError`. */
  importBlock(block: BlockData, opts: ImportOptions): Promise<ImportOutcome> {
    return this.pipeline.importBlock(block, opts);
  }

  /** Imports a block we built and executed ourselves (see `authoring.ts`): no re-execution. */
  importOwnBlock(block: BlockData, executed: PendingState): Promise<ImportOutcome> {
    return this.pipeline.importBlock(block, { origin: "own", executed, signaturesVerified: true });
  }

  /**
   * Finalizes `hash` and its ancestors, stores `justification` with it, and tells the listeners of each
   * newly finalized block, oldest first. Finalizing the finalized block or an ancestor changes nothing.
   */
  finalize(hash: Uint8Array, justification?: Uint8Array): Promise<void> {
    const next = this.finality.then(async () => {
      const before = this.db.finalized();
      await this.db.setFinalized(hash, justification);
      const after = this.db.finalized();
      if (after.number <= before.number) return;
      const best = this.db.best();
      this.log.debug("Finalized block", { number: after.number, hash: after.hash });
      for (let n = before.number + 1; n <= after.number; n++) {
        const h = n === after.number ? after.hash : await this.db.hashAt(n);
        const header = h && (await this.header(h));
        if (!h || !header) throw new Error(`finalized block #${n} is not stored`);
        this.emit(this.finalizedListeners, { hash: h, header, isBest: equalBytes(h, best.hash) }, "finality");
      }
    });
    this.finality = next.catch(() => {});
    return next;
  }

  onImported(listener: (block: ImportedBlockNotice) => void): () => void {
    this.importedListeners.add(listener);
    return () => this.importedListeners.delete(listener);
  }

  onFinalized(listener: (block: ImportedBlock) => void): () => void {
    this.finalizedListeners.add(listener);
    return () => this.finalizedListeners.delete(listener);
  }

  /** Waits for running imports and finalizations, then closes the database. Stop authoring and finality first. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.pipeline.idle();
      await this.finality;
      await this.db.close();
    })();
    return this.closing;
  }

  // A listener that throws must not undo a commit nor starve the other listeners.
  private emit<T>(listeners: Set<(x: T) => void>, value: T, what: string): void {
    for (const l of [...listeners]) {
      try {
        l(value);
      } catch (e) {
        this.log.error("Listener failed", { on: what, error: e });
      }
    }
  }
}
