/**
 * One listener on the chain's import and finality events, fanned out to every subscription, with each
 * block's header JSON built once however many subscribers want it.
 */
import { headerJson, type HeaderJson } from "./json.js";
import type { ChainService, ImportedBlock } from "./services.js";

export interface BlockEvent {
  readonly block: ImportedBlock;
  /** The header in JSON, built on first use. */
  readonly header: HeaderJson;
}

type Listener = (e: BlockEvent) => void;
type Kind = "best" | "all" | "finalized";
export type RpcBugReporter = (what: string, error: unknown) => void;

class LazyEvent implements BlockEvent {
  private json: HeaderJson | undefined;
  constructor(readonly block: ImportedBlock) {}
  get header(): HeaderJson {
    return (this.json ??= headerJson(this.block.header));
  }
}

export class ChainEvents {
  private readonly listeners: Record<Kind, Set<Listener>> = { best: new Set(), all: new Set(), finalized: new Set() };
  private readonly detach: (() => void)[];

  constructor(chain: ChainService, private readonly reportBug: RpcBugReporter = () => {}) {
    this.detach = [
      chain.onImported((block) => {
        const event = new LazyEvent(block);
        this.emit("all", event);
        if (block.isBest) this.emit("best", event);
      }),
      chain.onFinalized((block) => this.emit("finalized", new LazyEvent(block))),
    ];
  }

  /** New best blocks (`chain_subscribeNewHeads`, storage and runtime-version subscriptions). */
  onBest(listener: Listener): () => void {
    return this.add("best", listener);
  }

  /** Every imported block (`chain_subscribeAllHeads`). */
  onAll(listener: Listener): () => void {
    return this.add("all", listener);
  }

  onFinalized(listener: Listener): () => void {
    return this.add("finalized", listener);
  }

  close(): void {
    for (const d of this.detach.splice(0)) d();
    for (const set of Object.values(this.listeners)) set.clear();
  }

  private add(kind: Kind, listener: Listener): () => void {
    this.listeners[kind].add(listener);
    return () => this.listeners[kind].delete(listener);
  }

  private emit(kind: Kind, event: BlockEvent): void {
    for (const l of this.listeners[kind]) {
      try {
        l(event);
      } catch (e) {
        // One broken subscriber must not starve the others, nor throw into the import pipeline.
        this.reportBug(`chain event ${kind}`, e);
      }
    }
  }
}
