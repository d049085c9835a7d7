/**
 * Session rotation and the genesis session, as pallet_session runs them.
 *
 * Sessions are `Period` blocks long (`PeriodicSessions`): block n ends one when `n ≥ Offset` and
 * `(n − Offset) % Period = 0`. At that block, in `on_initialize`, the queued validators (planned one session
 * earlier, with the keys they held then) become the current ones, the session index goes up, and the
 * manager plans the set after. A validator without keys is left out of the plan. The handlers learn the new
 * set in the same block, so a validator added now validates two sessions later.
 */
import type { Storage } from "../../../state/storage.js";
import type { BlockContext } from "../../pallet.js";
import { storage as systemStorage } from "../system/storage.js";
import { innerSetKeys, loadKeys } from "./keys.js";
import { storage } from "./storage.js";
import type { SessionHandler, SessionManager } from "./traits.js";
import { SESSION_KEY_IDS, type SessionKeys, type ValidatorKeys } from "./types.js";

export interface SessionConfig {
  /** Blocks per session (TFChain: 600, one hour). */
  period: number;
  /** The block that ends the first session (TFChain: 0). */
  offset: number;
  manager: SessionManager;
  /** `SessionHandler`: one per key, in `SessionKeys` order (Aura, then GRANDPA). */
  handlers: readonly SessionHandler[];
}

export interface SessionGenesisConfig {
  /** `(account, validator id, keys)`: TFChain uses the account as the validator id. */
  keys: [Uint8Array, Uint8Array, SessionKeys][];
}

/** Raised where FRAME's session genesis or rotation panics: the chain spec or block is unusable. */
export class SessionPanic extends Error {
  constructor(
    readonly code: "DUPLICATE_GENESIS_KEY" | "EMPTY_GENESIS_SET" | "GENESIS_VALIDATOR_WITHOUT_KEYS",
    message: string,
  ) {
    super(message);
    this.name = "SessionPanic";
  }
}

/** `PeriodicSessions::should_end_session`. */
export function shouldEndSession(config: Pick<SessionConfig, "period" | "offset">, now: number): boolean {
  return now >= config.offset && (now - config.offset) % config.period === 0;
}

function sameKeys(a: SessionKeys, b: SessionKeys): boolean {
  return SESSION_KEY_IDS.every((k) => Buffer.compare(Buffer.from(k.get(a)), Buffer.from(k.get(b))) === 0);
}

/** `rotate_session`: ends the current session and starts the next one. */
export function rotateSession(ctx: BlockContext, config: SessionConfig): void {
  const io = ctx.io;
  const ending = storage.CurrentIndex.get(io);
  const changed = storage.QueuedChanged.get(io);

  for (const h of config.handlers) h.onBeforeSessionEnding?.(ctx);
  config.manager.endSession?.(io, ending);

  const sessionKeys = storage.QueuedKeys.get(io);
  storage.Validators.set(io, sessionKeys.map(([v]) => v));
  if (changed) storage.DisabledValidators.kill(io);

  const index = ending + 1;
  storage.CurrentIndex.set(io, index);
  config.manager.startSession?.(io, index);

  // A manager that plans a set says it changed, even when it names the same validators (their economic
  // weight may differ): TFChain's ValidatorSet always plans one.
  const planned = config.manager.newSession(io, index + 1);
  let nextChanged = planned !== undefined;
  const nextValidators = planned ?? storage.Validators.get(io);
  const queued: ValidatorKeys[] = [];
  let previous = 0;
  for (const v of nextValidators) {
    const keys = loadKeys(io, v);
    if (keys === undefined) continue;
    // Until a change is seen, the keys are compared with the outgoing queue position by position.
    if (!nextChanged) {
      const old = sessionKeys[previous++];
      if (old !== undefined && !sameKeys(old[1], keys)) nextChanged = true;
    }
    queued.push([v, keys]);
  }
  storage.QueuedKeys.set(io, queued);
  storage.QueuedChanged.set(io, nextChanged);

  ctx.deposit("Session", { tag: "NewSession", value: { session_index: index } });
  for (const h of config.handlers) h.onNewSession(ctx, changed, sessionKeys, queued);
}

/**
 * pallet_session's genesis build: every genesis key is filed (its account taking a consumer reference, or a
 * provider when it has none yet), the manager plans sessions 0 and 1, the handlers learn the session-1 set,
 * and `Validators`/`QueuedKeys` are stored.
 */
export function buildSessionGenesis(io: Storage, config: SessionConfig, genesis: SessionGenesisConfig): void {
  for (const [account, validator, keys] of genesis.keys) {
    try {
      innerSetKeys(io, validator, keys);
    } catch {
      throw new SessionPanic("DUPLICATE_GENESIS_KEY", "genesis config must not contain duplicates; qed");
    }
    // `inc_consumers_without_limit`, else `inc_providers`: at block 0 no event is deposited.
    const info = systemStorage.Account.get(io, account);
    if (info.providers > 0) systemStorage.Account.set(io, account, { ...info, consumers: info.consumers + 1 });
    else systemStorage.Account.set(io, account, { ...info, providers: 1 });
  }
  const plan = (index: number) => (config.manager.newSessionGenesis ?? config.manager.newSession)(io, index);
  const first = plan(0) ?? genesis.keys.map(([, v]) => v);
  if (first.length === 0) throw new SessionPanic("EMPTY_GENESIS_SET", "Empty validator set for session 0 in genesis block!");
  const second = plan(1) ?? first;
  if (second.length === 0) throw new SessionPanic("EMPTY_GENESIS_SET", "Empty validator set for session 1 in genesis block!");
  const queued: ValidatorKeys[] = second.map((v) => {
    const keys = loadKeys(io, v);
    if (keys === undefined) throw new SessionPanic("GENESIS_VALIDATOR_WITHOUT_KEYS", "Validator in session 1 missing keys!");
    return [v, keys];
  });
  for (const h of config.handlers) h.onGenesisSession(io, queued);
  storage.Validators.set(io, first);
  storage.QueuedKeys.set(io, queued);
  config.manager.startSession?.(io, 0);
}
