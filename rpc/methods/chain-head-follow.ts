/**
 * One `chainHead_v1_follow` subscription: the blocks it reported and pinned, and the events it sends.
 *
 * It starts with `initialized` (the finalized block, and its runtime when `withRuntime`), then one `newBlock`
 * per block between the finalized and the best block, then `bestBlockChanged`. Afterwards every imported
 * block is a `newBlock` (its unreported ancestors first, so each parent is known to the client), a new best
 * block a `bestBlockChanged`, and finality a `finalized` event listing the newly finalized blocks and the
 * reported blocks that no longer descend from the finalized one. Chain events are handled one at a time,
 * in order. Every reported block stays pinned until the client unpins it; too many pins stop the follow.
 */
import type { Header } from "../../primitives/header.js";
import type { ChainAccess } from "../chain-access.js";
import type { BlockEvent } from "../chain-events.js";
import { toHex } from "../../primitives/bytes.js";
import { CHAIN_HEAD_MAX_PINNED_BLOCKS } from "../limits.js";
import type { SubscriptionSink } from "../method.js";
import type { ChainService } from "../services.js";

/** `{type: "valid", spec}` of the new spec: the runtime version with `apis` as an object. */
export function runtimeSpecJson(chain: ChainAccess, state: Parameters<ChainAccess["runtimeVersion"]>[0]) {
  const v = chain.runtimeVersion(state);
  return {
    type: "valid" as const,
    spec: {
      specName: v.spec_name,
      implName: v.impl_name,
      specVersion: v.spec_version,
      implVersion: v.impl_version,
      transactionVersion: v.transaction_version,
      apis: Object.fromEntries(v.apis.map(([id, version]) => [toHex(id), version])),
    },
  };
}

export interface Operation {
  slots: number;
  cancelled: boolean;
}

interface Reported {
  number: number;
  parent: string;
}

export class Follow {
  /** Blocks the client holds: the finalized ones it was told of and every `newBlock`, until unpinned. */
  readonly pinned = new Set<string>();
  readonly operations = new Map<string, Operation>();
  private readonly reported = new Map<string, Reported>();
  /** The runtime spec JSON of reported blocks, to tell whether a block changed it. */
  private readonly runtimes = new Map<string, string>();
  private finalized = { hex: "", number: -1 };
  private best = "";
  private queue: Promise<void> = Promise.resolve();
  private nextOperation = 1;
  private busySlots = 0;

  constructor(
    readonly connectionId: number,
    readonly withRuntime: boolean,
    private readonly sink: SubscriptionSink,
    private readonly services: ChainService,
    private readonly chain: ChainAccess,
  ) {}

  get id(): string {
    return this.sink.id;
  }

  get alive(): boolean {
    return !this.sink.closed;
  }

  /** Runs `task` after every earlier chain event of this follow; a failure stops the follow. */
  enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(() => (this.alive ? task() : undefined)).catch(() => this.stop());
  }

  async initialize(): Promise<void> {
    const fin = this.services.finalized();
    const finHex = toHex(fin.hash);
    const event: Record<string, unknown> = { event: "initialized", finalizedBlockHashes: [finHex] };
    if (this.withRuntime) {
      const runtime = await this.runtimeAt(fin.hash);
      this.runtimes.set(finHex, runtime);
      event.finalizedBlockRuntime = JSON.parse(runtime);
    }
    this.finalized = { hex: finHex, number: fin.number };
    this.pin(finHex);
    this.send(event);
    const best = this.services.best();
    await this.report(best.hash, await this.chain.requireHeader(best.hash));
    this.bestChanged(toHex(best.hash));
  }

  async onBlock(e: BlockEvent): Promise<void> {
    await this.report(e.block.hash, e.block.header);
    if (e.block.isBest) this.bestChanged(toHex(e.block.hash));
  }

  async onFinalized(e: BlockEvent): Promise<void> {
    const hex = toHex(e.block.hash);
    if (e.block.header.number <= this.finalized.number) return;
    await this.report(e.block.hash, e.block.header);
    const finalized: string[] = [];
    for (let h = hex; h !== this.finalized.hex && this.reported.has(h); h = this.reported.get(h)!.parent) finalized.unshift(h);
    for (const h of finalized) this.reported.delete(h);
    this.finalized = { hex, number: e.block.header.number };
    const kept = new Set([hex]);
    const pruned: string[] = [];
    for (const [h, b] of [...this.reported].sort((x, y) => x[1].number - y[1].number)) {
      if (kept.has(b.parent)) kept.add(h);
      else {
        pruned.push(h);
        this.reported.delete(h);
      }
    }
    for (const h of [...this.runtimes.keys()]) if (!kept.has(h)) this.runtimes.delete(h);
    this.send({ event: "finalized", finalizedBlockHashes: finalized, prunedBlockHashes: pruned });
  }

  freeSlots(max: number): number {
    return Math.max(0, max - this.busySlots);
  }

  /** Reserves `slots` operation slots; undefined when the follow is at its limit. */
  startOperation(slots: number, max: number): { id: string; op: Operation } | undefined {
    if (this.busySlots + slots > max) return undefined;
    this.busySlots += slots;
    const id = String(this.nextOperation++);
    const op: Operation = { slots, cancelled: false };
    this.operations.set(id, op);
    return { id, op };
  }

  endOperation(id: string): void {
    const op = this.operations.get(id);
    if (op === undefined) return;
    this.operations.delete(id);
    this.busySlots -= op.slots;
  }

  /** Sends an operation's event unless the client stopped the operation. */
  operationEvent(id: string, event: Record<string, unknown>): void {
    if (this.operations.get(id)?.cancelled === false) this.send({ ...event, operationId: id });
  }

  stop(): void {
    if (!this.alive) return;
    this.send({ event: "stop" });
    this.sink.close();
  }

  private send(event: Record<string, unknown>): void {
    this.sink.send(event);
  }

  /** Reports `hash` with `newBlock`, after its unreported ancestors down to the finalized block. */
  private async report(hash: Uint8Array, header: Header): Promise<void> {
    const hex = toHex(hash);
    if (hex === this.finalized.hex || this.reported.has(hex) || header.number <= this.finalized.number) return;
    const parentHex = toHex(header.parentHash);
    if (parentHex !== this.finalized.hex && !this.reported.has(parentHex)) {
      const parent = await this.services.header(header.parentHash);
      // A block whose ancestry never meets the finalized block is on a discarded fork: not reported.
      if (parent === undefined || parent.number < this.finalized.number) return;
      await this.report(header.parentHash, parent);
      if (!this.reported.has(parentHex)) return;
    }
    const event: Record<string, unknown> = { event: "newBlock", blockHash: hex, parentBlockHash: parentHex };
    if (this.withRuntime) {
      const runtime = await this.runtimeAt(hash);
      const parentRuntime = this.runtimes.get(parentHex) ?? (await this.runtimeAt(header.parentHash));
      this.runtimes.set(hex, runtime);
      event.newRuntime = runtime === parentRuntime ? null : JSON.parse(runtime);
    }
    this.reported.set(hex, { number: header.number, parent: parentHex });
    this.pin(hex);
    this.send(event);
  }

  private bestChanged(hex: string): void {
    if (hex === this.best || (hex !== this.finalized.hex && !this.reported.has(hex))) return;
    this.best = hex;
    this.send({ event: "bestBlockChanged", bestBlockHash: hex });
  }

  private pin(hex: string): void {
    this.pinned.add(hex);
    if (this.pinned.size > CHAIN_HEAD_MAX_PINNED_BLOCKS) this.stop();
  }

  private async runtimeAt(hash: Uint8Array): Promise<string> {
    return JSON.stringify(runtimeSpecJson(this.chain, (await this.chain.state(hash)).state));
  }
}
