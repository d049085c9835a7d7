/**
 * Signature verification on worker threads, so that admission is not bound by one core.
 *
 * Jobs submitted in the same event-loop turn are packed into batches of at most `SIGNATURE_BATCH_MAX` and
 * handed to the worker with the fewest signatures in flight. Workers keep the process alive only while they
 * have work. A worker that dies has its batches verified on the main thread and is replaced. With zero
 * workers every job is verified on the main thread.
 */
import { Worker } from "node:worker_threads";
import { SIGNATURE_BATCH_MAX } from "./options.js";
import { encodeBatch, verifyJob, type SignatureJob } from "./signature-batch.js";
import type { BatchRequest, BatchResponse } from "./signature-worker.js";

interface Pending {
  job: SignatureJob;
  resolve: (valid: boolean) => void;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  inFlight: number;
  batches: Map<number, Pending[]>;
}

const WORKER_ENTRY = new URL("./signature-worker-entry.js", import.meta.url);

/** How many signatures were checked where. */
export interface SignatureStats {
  onWorkers: number;
  onMainThread: number;
}

export class SignatureVerifier {
  readonly stats: SignatureStats = { onWorkers: 0, onMainThread: 0 };
  private readonly slots: Slot[] = [];
  private pending: Pending[] = [];
  private scheduled = false;
  private nextId = 0;
  private closed = false;

  constructor(
    workers: number,
    private readonly onWorkerError: (error: unknown) => void = () => {},
  ) {
    for (let i = 0; i < workers; i++) this.slots.push(this.spawn());
  }

  get workerCount(): number {
    return this.slots.length;
  }

  /** Resolves once every worker has loaded its crypto. */
  async ready(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.ready));
  }

  /** Whether `job.signature` signs `job.payload` for `job.signer`. */
  verify(job: SignatureJob): Promise<boolean> {
    if (this.slots.length === 0) return Promise.resolve(this.verifyHere(job));
    return new Promise((resolve) => {
      this.pending.push({ job, resolve });
      // A full batch goes at once, so workers start while the caller is still submitting.
      if (this.pending.length >= SIGNATURE_BATCH_MAX) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.flush();
        });
      }
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    for (const slot of slots) this.fallBack(slot);
    this.flush();
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private flush(): void {
    const pending = this.pending;
    this.pending = [];
    if (this.slots.length === 0) {
      for (const p of pending) p.resolve(this.verifyHere(p.job));
      return;
    }
    for (let i = 0; i < pending.length; i += SIGNATURE_BATCH_MAX) {
      const batch = pending.slice(i, i + SIGNATURE_BATCH_MAX);
      const slot = this.slots.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
      const id = this.nextId++;
      const buffer = encodeBatch(batch.map((p) => p.job));
      slot.batches.set(id, batch);
      if (slot.inFlight === 0) slot.worker.ref();
      slot.inFlight += batch.length;
      slot.worker.postMessage({ id, batch: buffer } satisfies BatchRequest, [buffer]);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_ENTRY);
    worker.unref();
    let markReady!: () => void;
    const slot: Slot = { worker, ready: new Promise((r) => (markReady = r)), inFlight: 0, batches: new Map() };
    let started = false;
    worker.on("message", (m: BatchResponse | { ready: true }) => {
      if ("ready" in m) {
        started = true;
        return markReady();
      }
      const batch = slot.batches.get(m.id);
      if (!batch) return;
      slot.batches.delete(m.id);
      slot.inFlight -= batch.length;
      if (slot.inFlight === 0) worker.unref();
      this.stats.onWorkers += batch.length;
      batch.forEach((p, i) => p.resolve(m.results[i] === 1));
    });
    const replace = (error: unknown) => {
      const index = this.slots.indexOf(slot);
      if (index < 0) return;
      this.onWorkerError(error);
      markReady();
      this.fallBack(slot);
      // A worker that never started (no loader, no crypto) would fail again: verify here from now on.
      this.slots.splice(index, 1, ...(this.closed || !started ? [] : [this.spawn()]));
    };
    worker.on("error", replace);
    worker.on("exit", (code) => replace(new Error(`signature worker exited with code ${code}`)));
    return slot;
  }

  // Verifies a lost worker's batches here, so no submission waits forever.
  private fallBack(slot: Slot): void {
    for (const batch of slot.batches.values()) for (const p of batch) p.resolve(this.verifyHere(p.job));
    slot.batches.clear();
    slot.inFlight = 0;
  }

  private verifyHere(job: SignatureJob): boolean {
    this.stats.onMainThread++;
    return verifyJob(job);
  }
}
