/**
 * What Session talks to: the `SessionManager` that chooses each next validator set (TFChain's ValidatorSet)
 * and the `OneSessionHandler`s that follow the sets with their own key (Aura, GRANDPA).
 */
import type { Storage } from "../../../state/storage.js";
import type { BlockContext } from "../../pallet.js";
import type { ValidatorKeys } from "./types.js";

/** `pallet_session::SessionManager<AccountId>`. */
export interface SessionManager {
  /** Plans session `index`: its validators, or undefined to keep the current ones. */
  newSession(io: Storage, index: number): Uint8Array[] | undefined;
  /** `new_session_genesis`: FRAME's default asks `newSession`. */
  newSessionGenesis?(io: Storage, index: number): Uint8Array[] | undefined;
  endSession?(io: Storage, index: number): void;
  startSession?(io: Storage, index: number): void;
}

/** `pallet_session::OneSessionHandler` for one key of the session keys. */
export interface SessionHandler {
  /** The genesis validators with their keys (the same set also serves session 1). */
  onGenesisSession(io: Storage, validators: readonly ValidatorKeys[]): void;
  /**
   * A new session begins with `validators`; `queued` follow in the next one. `changed` is true when the
   * identities or keys of the incoming set differ from the outgoing one.
   */
  onNewSession(ctx: BlockContext, changed: boolean, validators: readonly ValidatorKeys[], queued: readonly ValidatorKeys[]): void;
  onBeforeSessionEnding?(ctx: BlockContext): void;
  onDisabled?(ctx: BlockContext, index: number): void;
}
