// A chain of whole blocks over the validator-set pallets, for session tests: TFChain's ValidatorSet, Session,
// Aura, Grandpa, Historical and Authorship with Balances, a short session period, genesis from dev
// validators, and blocks run through the executive (hooks, events, digest) with calls dispatched in between.
// No Timestamp: nothing here needs time, and its inherent would have to open every block.
import { keyFromUri } from "../../../../primitives/crypto/keyring.js";
import type { DigestItem } from "../../../../primitives/digest.js";
import { vec } from "../../../../primitives/schema.js";
import { authority, localSpec, type DevName } from "../../../../genesis/chain-spec.js";
import { buildGenesisStorage } from "../../../../genesis/genesis-state.js";
import type { BlockExecution } from "../../../../runtime/block-context.js";
import { Executive } from "../../../../runtime/executive.js";
import type { Origin } from "../../../../runtime/origin.js";
import type { DispatchOutcome, Pallet } from "../../../../runtime/pallet.js";
import { aura, auraPreDigest } from "../../../../runtime/pallets/aura/index.js";
import { auraSessionHandler } from "../../../../runtime/pallets/aura/session-handler.js";
import { authorship } from "../../../../runtime/pallets/authorship/index.js";
import { balances } from "../../../../runtime/pallets/balances/index.js";
import { grandpa } from "../../../../runtime/pallets/grandpa/index.js";
import { grandpaSessionHandler } from "../../../../runtime/pallets/grandpa/session-handler.js";
import { historical } from "../../../../runtime/pallets/historical/index.js";
import { defineSession, type SessionManager } from "../../../../runtime/pallets/session/index.js";
import { VERSION } from "../../../../runtime/pallets/system/constants.js";
import { system } from "../../../../runtime/pallets/system/index.js";
import { storage as systemStorage } from "../../../../runtime/pallets/system/storage.js";
import { eventRecord } from "../../../../runtime/pallets/system/types.js";
import { defineValidatorSet, validatorSetSessionManager } from "../../../../runtime/pallets/validator-set/index.js";
import { Runtime } from "../../../../runtime/runtime.js";
import { MemoryStorage } from "../../../../state/memory-storage.js";
import { OverlayedChanges } from "../../../../state/overlay.js";
import type { EventOf } from "../../../helpers/pallet-block.js";

export const PERIOD = 5;

/** `//Name`'s account, Aura and GRANDPA keys. */
export const dev = (name: DevName) => authority(name);
export const accountOf = (name: DevName) => keyFromUri(`//${name}`).accountId;

export interface HarnessOptions {
  validators?: DevName[];
  period?: number;
  minAuthorities?: number;
  /** Session's manager; ValidatorSet unless a test wants to watch the calls. */
  manager?: SessionManager;
}

/** The block being built: dispatch into it, then `end()` it. */
export interface OpenBlock {
  number: number;
  block: BlockExecution;
  dispatch(pallet: string, call: string, args: Record<string, unknown>, origin: Origin): DispatchOutcome;
}

export interface EndedBlock {
  number: number;
  logs: DigestItem[];
  events: EventOf[];
}

export class SessionChain {
  readonly runtime: Runtime;
  readonly executive: Executive;
  state: MemoryStorage;
  number = 0;
  private readonly records;

  constructor(opts: HarnessOptions = {}) {
    const validatorSet = defineValidatorSet({ minAuthorities: opts.minAuthorities ?? 1 });
    const session = defineSession({
      period: opts.period ?? PERIOD,
      offset: 0,
      manager: opts.manager ?? validatorSetSessionManager,
      handlers: [auraSessionHandler, grandpaSessionHandler],
    });
    const pallets: Pallet[] = [system, validatorSet, session, aura, grandpa, historical, authorship, balances];
    this.runtime = new Runtime(pallets, VERSION);
    this.records = vec(eventRecord(this.runtime.eventSchema));
    this.executive = new Executive(this.runtime, new Uint8Array(32));
    const spec = localSpec({ validators: opts.validators ?? ["Alice", "Bob", "Charlie"] });
    this.state = buildGenesisStorage(this.runtime, spec);
  }

  /** Opens block `number + 1` with an Aura slot equal to its number. */
  open(): OpenBlock {
    const number = this.number + 1;
    const io = new OverlayedChanges(this.state);
    const block = this.executive.initializeBlock(io, { number, parentHash: new Uint8Array(32).fill(number - 1), logs: [auraPreDigest(BigInt(number))] });
    return {
      number,
      block,
      dispatch: (pallet, call, args, origin) => block.dispatch({ tag: pallet, value: { tag: call, value: args } }, origin),
    };
  }

  /** Finalizes an open block and makes its state the chain's. */
  end(open: OpenBlock): EndedBlock {
    const end = this.executive.finalizeBlock(open.block);
    const events = this.events(open.block.io);
    const next = new MemoryStorage(this.state.entries());
    next.apply(open.block.io.changes());
    this.state = next;
    this.number = open.number;
    return { number: open.number, logs: end.logs, events };
  }

  /** Runs one block, with `body` dispatching into it. */
  block(body?: (b: OpenBlock) => void): EndedBlock {
    const b = this.open();
    body?.(b);
    return this.end(b);
  }

  /** Runs empty blocks up to and including `number`; returns the last. */
  runTo(number: number): EndedBlock {
    let last: EndedBlock | undefined;
    while (this.number < number) last = this.block();
    return last!;
  }

  /** Runs to the next block that starts a session. */
  nextSession(period = PERIOD): EndedBlock {
    return this.runTo((Math.floor(this.number / period) + 1) * period);
  }

  private events(io: OverlayedChanges): EventOf[] {
    const raw = io.get(systemStorage.Events.key());
    if (!raw) return [];
    return this.records.dec(raw).map((r: { event: { tag: string; value: { tag: string; value: unknown } } }) => ({
      pallet: r.event.tag,
      name: r.event.value.tag,
      value: r.event.value.value,
    }));
  }
}
