/**
 * The block import pipeline: the one way a block enters the database, whether we authored it, read it from
 * a file (`import-blocks`) or received it from a peer.
 *
 *   structure → already known? → parent known and live → Aura slot and seal → execute on the parent state
 *   (signatures checked in parallel) → digest, extrinsics root, state root → one atomic commit → notify
 *
 * Imports run one at a time, in the order they were asked for. A refused block leaves the database as it
 * was and raises an `ImportError`; database failures (closed, corrupt) surface as `DbError`.
 */
import { equalBytes, toHex } from "../../primitives/bytes.js";
import type { Executive } from "../../runtime/executive.js";
import type { ChainDb, PendingState } from "../../state/chain-db.js";
import { DbError } from "../../state/db-error.js";
import type { StorageReader } from "../../state/storage.js";
import type { ImportedBlock } from "../../rpc/services.js";
import { slotAt } from "../aura/slots.js";
import { verifyAuraHeader } from "../aura/verify.js";
import type { ConsensusLogger } from "../log.js";
import { executeBlock } from "./execute.js";
import { checkDigest, checkExtrinsicsRoot, checkStateRoot } from "./final-checks.js";
import { isNewBest, treeRoute, type TreeRoute } from "./fork-choice.js";
import { ImportError } from "./import-error.js";
import { checkParent } from "./parent.js";
import { signatureJobs, type SignatureVerifier } from "./signatures.js";
import { checkStructure, type BlockData, type CheckedBlock } from "./structure.js";

/**
 * Where a block comes from. Only `network` blocks are held to the local clock (a slot at most one ahead):
 * our own blocks in instant or manual sealing run ahead of it on purpose, and `import-blocks` replays a
 * chain its operator chose.
 */
export type BlockOrigin = "own" | "file" | "network";

export interface ImportOptions {
  origin: BlockOrigin;
  /** SCALE `Justifications` to store with the block. */
  justification?: Uint8Array;
  /** The author's own execution of this block: skips re-execution (its roots were computed by it). */
  executed?: PendingState;
  /** Every signature in the block was checked already (the pool checked them): skip the checks. */
  signaturesVerified?: boolean;
}

export interface ImportOutcome {
  /** `known`: the block was in the database already; nothing changed. */
  status: "imported" | "known";
  hash: Uint8Array;
  number: number;
  isBest: boolean;
}

/** What listeners hear of an imported block: RPC's `ImportedBlock`, plus what the pool needs. */
export interface ImportedBlockNotice extends ImportedBlock {
  number: number;
  origin: BlockOrigin;
  extrinsics: Uint8Array[];
  /** Set when the best block moved to another branch: the blocks left and entered. */
  route?: TreeRoute;
}

export interface ImportPipelineDeps {
  db: ChainDb;
  executive: Executive;
  genesisHash: Uint8Array;
  /** Unix time in ms (injected so tests control it). */
  clock: () => number;
  signatureVerifier?: SignatureVerifier;
  /** Called after each commit, before `importBlock` resolves. */
  onImported: (notice: ImportedBlockNotice) => void;
  log: ConsensusLogger;
}

export class ImportPipeline {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: ImportPipelineDeps) {}

  importBlock(block: BlockData, opts: ImportOptions): Promise<ImportOutcome> {
    const next = this.queue.then(() => this.run(block, opts));
    this.queue = next.catch(() => {});
    return next;
  }

  /** Resolves once every import asked for so far has finished. */
  idle(): Promise<void> {
    return this.queue.then(() => {});
  }

  private async run(block: BlockData, opts: ImportOptions): Promise<ImportOutcome> {
    const { db, log } = this.deps;
    const { header } = block;
    const checked = checkStructure(block);
    const { hash, hex } = checked;
    const known = await db.blockInfo(hash);
    if (known) return { status: "known", hash, number: known.number, isBest: equalBytes(db.best().hash, hash) };

    await checkParent(db, header, hex);
    const parentState = this.parentState(header.parentHash, hex, header.number);
    const nowSlot = opts.origin === "network" ? slotAt(BigInt(this.deps.clock())) : undefined;
    const aura = verifyAuraHeader(header, hash, parentState, { nowSlot });
    const pending = opts.executed ?? (await this.execute(block, aura.preHeader, parentState, hex, opts));
    checkStateRoot(header, pending.stateRoot, hex);

    const best = db.best();
    const isBest = isNewBest(header.number, best);
    await this.commit(checked, block, pending, isBest, opts.justification);
    const route = isBest && !equalBytes(header.parentHash, best.hash) ? await treeRoute(db, best, { hash, number: header.number }) : undefined;
    log.info("Imported block", { number: header.number, hash, slot: aura.slot, txs: block.extrinsics.length, origin: opts.origin, best: isBest });
    if (route) log.info("Reorganised best chain", { retracted: route.retracted.length, enacted: route.enacted.length, best: hash });
    this.deps.onImported({ hash, header, isBest, number: header.number, origin: opts.origin, extrinsics: block.extrinsics, route });
    return { status: "imported", hash, number: header.number, isBest };
  }

  private parentState(parentHash: Uint8Array, hex: string, number: number): StorageReader {
    try {
      return this.deps.db.stateAt(parentHash);
    } catch (e) {
      throw this.dbToImport(e, hex, number);
    }
  }

  private async execute(block: BlockData, preHeader: BlockData["header"], parentState: StorageReader, hex: string, opts: ImportOptions): Promise<PendingState> {
    const { executive, db, signatureVerifier } = this.deps;
    const jobs = !opts.signaturesVerified && signatureVerifier
      ? signatureJobs(executive.runtime.version, this.deps.genesisHash, parentState, preHeader, block.extrinsics)
      : [];
    // Posted before execution starts, so the workers verify while this thread executes.
    const checks = jobs.length > 0 ? Promise.all(jobs.map((j) => signatureVerifier!.verify(j.job))) : undefined;
    checks?.catch(() => {});
    const offloaded = new Set(jobs.map((j) => j.index));
    const verified = opts.signaturesVerified ? () => true : (i: number) => offloaded.has(i);
    const exec = executeBlock(executive, parentState, preHeader, block.extrinsics, hex, verified);
    let pending: PendingState | undefined;
    let failure: unknown;
    try {
      // PERF: the state root is computed while the workers finish the signatures.
      pending = db.prepareState(preHeader.parentHash, exec.changes);
    } catch (e) {
      failure = this.dbToImport(e, hex, preHeader.number);
    }
    // As if the executive had checked them in turn: a bad signature is reported before the final checks.
    if (checks) {
      const results = await checks;
      const bad = results.findIndex((ok) => !ok);
      if (bad >= 0) throw new ImportError({ code: "BAD_SIGNATURE", hash: hex, index: jobs[bad]!.index });
    }
    checkDigest(preHeader, exec, hex);
    checkExtrinsicsRoot(preHeader, exec, hex);
    if (!pending) throw failure;
    return pending;
  }

  private async commit(checked: CheckedBlock, block: BlockData, pending: PendingState, best: boolean, justification?: Uint8Array): Promise<void> {
    const { header } = block;
    try {
      await this.deps.db.commitBlock({
        hash: checked.hash, parentHash: header.parentHash, number: header.number, header: checked.encodedHeader,
        body: checked.encodedBody, justification, stateRoot: header.stateRoot, pending, best,
      });
    } catch (e) {
      throw this.dbToImport(e, checked.hex, header.number);
    }
  }

  // Finality may discard the parent's fork between the checks and the commit.
  private dbToImport(e: unknown, hex: string, number: number): unknown {
    if (!(e instanceof DbError)) return e;
    if (e.code === "NOT_IN_FINALIZED_CHAIN" || e.code === "UNKNOWN_BLOCK" || e.code === "UNKNOWN_PARENT" || e.code === "STATE_DISCARDED") {
      const f = this.deps.db.finalized();
      return new ImportError({ code: "NOT_IN_FINALIZED_CHAIN", hash: hex, number, finalized: toHex(f.hash), finalizedNumber: f.number }, { cause: e });
    }
    return e;
  }
}
