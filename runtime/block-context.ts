/**
 * The block being executed, as pallets see it: storage overlay, block number, events, nested dispatch.
 */
import type { OverlayedChanges } from "../state/overlay.js";
import { DispatchFailure } from "./dispatch-error.js";
import type { BlockContext, DispatchOutcome, RuntimeCallValue } from "./pallet.js";
import type { Origin } from "./origin.js";
import { author as authorshipAuthor } from "./pallets/authorship/index.js";
import { depositEventBytes } from "./pallets/system/block.js";
import type { Runtime } from "./runtime.js";

export class BlockExecution implements BlockContext {
  private readonly hasAuthorship: boolean;

  constructor(
    readonly runtime: Runtime,
    readonly io: OverlayedChanges,
    readonly blockNumber: number,
    /** Pays fees to this account instead of `Authorship::author()` (tests and benches without a digest). */
    private readonly authorOverride?: Uint8Array,
    /** Validation runs the checks without keeping events (its overlay is thrown away). */
    private readonly opts: { recordEvents: boolean } = { recordEvents: true },
  ) {
    this.hasAuthorship = runtime.pallets.some((p) => p.name === "Authorship");
  }

  /** Who authored the block: fees go there (TFChain's `DealWithFees` → `Authorship::author()`). */
  get author(): Uint8Array | undefined {
    if (this.authorOverride) return this.authorOverride;
    return this.hasAuthorship ? authorshipAuthor(this.io) : undefined;
  }

  deposit(pallet: string, event: { tag: string; value?: any }): void {
    if (!this.opts.recordEvents) return;
    depositEventBytes(this.io, this.runtime.eventSchema.enc({ tag: pallet, value: event }));
  }

  dispatch(call: RuntimeCallValue, origin: Origin): DispatchOutcome {
    const def = this.runtime.callDef(call);
    this.io.startTransaction();
    try {
      const postInfo = def.handler(this, origin, call.value.value) ?? {};
      this.io.commitTransaction();
      return { ok: true, postInfo };
    } catch (e) {
      this.io.rollbackTransaction();
      if (e instanceof DispatchFailure) return { ok: false, error: e.error, postInfo: e.postInfo ?? {} };
      throw e;
    }
  }

  callInfo(call: RuntimeCallValue) {
    const def = this.runtime.callDef(call);
    const args = call.value.value;
    return { weight: def.weight(args, this), class: def.classOf?.(args, this) ?? def.class, pays: def.pays };
  }
}
