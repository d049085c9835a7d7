// A block open on an in-memory state, for pallet tests that call handlers without extrinsics: a runtime
// of only the pallets a test needs, the real BlockExecution (nested dispatch, events), and the events
// decoded back. It does not bind the runtime globally (`bindRuntime`), so it never changes what other
// test files resolve `RuntimeCallRef` to.
import { vec } from "../../primitives/schema.js";
import { BlockExecution } from "../../runtime/block-context.js";
import type { Origin } from "../../runtime/origin.js";
import type { DispatchOutcome, Pallet, RuntimeCallValue } from "../../runtime/pallet.js";
import { initialize, noteFinishedInitialize, resetEvents } from "../../runtime/pallets/system/block.js";
import { VERSION } from "../../runtime/pallets/system/constants.js";
import { system } from "../../runtime/pallets/system/index.js";
import { storage as systemStorage } from "../../runtime/pallets/system/storage.js";
import { eventRecord } from "../../runtime/pallets/system/types.js";
import { Runtime } from "../../runtime/runtime.js";
import { MemoryStorage } from "../../state/memory-storage.js";
import { OverlayedChanges } from "../../state/overlay.js";

export interface EventOf {
  pallet: string;
  name: string;
  value: any;
}

export class PalletBlock {
  readonly runtime: Runtime;
  readonly io: OverlayedChanges;
  readonly block: BlockExecution;
  private readonly records;

  /** Opens block `number` over `base` with System first, then `pallets` (in index order). */
  constructor(pallets: Pallet[], opts: { base?: MemoryStorage; number?: number } = {}) {
    this.runtime = new Runtime([system, ...pallets].sort((a, b) => a.index - b.index), VERSION);
    this.records = vec(eventRecord(this.runtime.eventSchema));
    this.io = new OverlayedChanges(opts.base ?? new MemoryStorage());
    const number = opts.number ?? 1;
    // As the executive: a block starts with no events (a base from an earlier block still holds its own).
    resetEvents(this.io);
    initialize(this.io, number, new Uint8Array(32).fill(number - 1), []);
    noteFinishedInitialize(this.io);
    this.block = new BlockExecution(this.runtime, this.io, number);
  }

  /** Dispatches as the executive would, in a storage transaction (changes rolled back on failure). */
  dispatch(call: RuntimeCallValue, origin: Origin): DispatchOutcome {
    return this.block.dispatch(call, origin);
  }

  info(call: RuntimeCallValue) {
    return this.block.callInfo(call);
  }

  /** The block's events so far, as `{pallet, name, value}`. */
  events(): EventOf[] {
    const raw = this.io.get(systemStorage.Events.key());
    if (!raw) return [];
    return this.records.dec(raw).map((r: { event: { tag: string; value: { tag: string; value: unknown } } }) => ({
      pallet: r.event.tag,
      name: r.event.value.tag,
      value: r.event.value.value,
    }));
  }

  /** Event names as `Pallet.Name`, in order. */
  eventNames(): string[] {
    return this.events().map((e) => `${e.pallet}.${e.name}`);
  }

  /** Runs the `onFinalize` hooks in pallet order, as the executive does. */
  finalize(): void {
    for (const p of this.runtime.pallets) p.hooks?.onFinalize?.(this.block);
  }
}

/** The call value of `Pallet.call(args)`. */
export function callOf(pallet: string, name: string, args: Record<string, unknown> = {}): RuntimeCallValue {
  return { tag: pallet, value: { tag: name, value: args } };
}
