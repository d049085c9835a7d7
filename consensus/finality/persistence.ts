/**
 * The voter's own state across restarts, as `sc-consensus-grandpa`'s aux schema keeps it: the authority set
 * with its pending changes, the last completed round with its votes (to restart the next round on it and to
 * answer catch-up requests), the votes we cast in the current round (so that a restarted voter repeats them
 * instead of equivocating), and the latest justification (for `grandpa_proveFinality`).
 *
 * Values are JSON with hex bytes: this is the node's private data, not a wire format.
 */
import { toHex } from "../../primitives/bytes.js";
import { AuthoritySet, type AuthoritySetJson } from "./authorities.js";
import { hashBytes, type BlockRef } from "./block-ref.js";
import type { GrandpaStore } from "./environment.js";
import { SignedMessage } from "./messages.js";

export const AUX_KEYS = {
  authoritySet: "grandpa_voters",
  voterState: "grandpa_voter_set_state",
  bestJustification: "grandpa_best_justification",
} as const;

/** The voter's rounds in one set. */
export interface VoterState {
  setId: bigint;
  completed: { number: bigint; base: BlockRef; votes: SignedMessage[] };
  cast: { round: bigint; votes: SignedMessage[] };
}

interface VoterStateJson {
  setId: string;
  completed: { number: string; base: BlockRef; votes: string[] };
  cast: { round: string; votes: string[] };
}

const json = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const parse = <T>(b: Uint8Array): T => JSON.parse(new TextDecoder().decode(b)) as T;
const encodeVotes = (votes: SignedMessage[]) => votes.map((v) => toHex(SignedMessage.enc(v)));
const decodeVotes = (votes: string[]) => votes.map((v) => SignedMessage.dec(hashBytes(v)));

/** The voter's state in a store; a store that is absent keeps nothing. */
export class VoterPersistence {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: GrandpaStore | undefined) {}

  async loadAuthoritySet(): Promise<AuthoritySet | undefined> {
    const bytes = await this.store?.get(AUX_KEYS.authoritySet);
    return bytes && AuthoritySet.fromJSON(parse<AuthoritySetJson>(bytes));
  }

  async loadVoterState(): Promise<VoterState | undefined> {
    const bytes = await this.store?.get(AUX_KEYS.voterState);
    if (!bytes) return undefined;
    const s = parse<VoterStateJson>(bytes);
    return {
      setId: BigInt(s.setId),
      completed: { number: BigInt(s.completed.number), base: s.completed.base, votes: decodeVotes(s.completed.votes) },
      cast: { round: BigInt(s.cast.round), votes: decodeVotes(s.cast.votes) },
    };
  }

  loadBestJustification(): Promise<Uint8Array | undefined> {
    return this.store?.get(AUX_KEYS.bestJustification) ?? Promise.resolve(undefined);
  }

  saveAuthoritySet(set: AuthoritySet): Promise<void> {
    return this.put(AUX_KEYS.authoritySet, json(set.toJSON()));
  }

  saveVoterState(state: VoterState): Promise<void> {
    const s: VoterStateJson = {
      setId: state.setId.toString(),
      completed: { number: state.completed.number.toString(), base: state.completed.base, votes: encodeVotes(state.completed.votes) },
      cast: { round: state.cast.round.toString(), votes: encodeVotes(state.cast.votes) },
    };
    return this.put(AUX_KEYS.voterState, json(s));
  }

  saveBestJustification(encoded: Uint8Array): Promise<void> {
    return this.put(AUX_KEYS.bestJustification, encoded);
  }

  /** Resolves once every write asked for so far is done. */
  flushed(): Promise<void> {
    return this.queue.then(() => {});
  }

  // Writes go out in the order asked, so a later state never lands under an earlier one.
  private put(key: string, value: Uint8Array): Promise<void> {
    const store = this.store;
    if (!store) return Promise.resolve();
    const next = this.queue.then(() => store.put(key, value));
    this.queue = next.catch(() => {});
    return next;
  }
}

/** The voter's store in the chain database's aux sublevel (`ChainDb.aux`/`putAux`). */
export function auxStore(db: {
  aux(key: Uint8Array): Promise<Uint8Array | undefined>;
  putAux(entries: readonly (readonly [Uint8Array, Uint8Array | null])[]): Promise<void>;
}): GrandpaStore {
  const key = (k: string) => new TextEncoder().encode(k);
  return {
    get: (k) => db.aux(key(k)),
    put: (k, v) => db.putAux([[key(k), v]]),
  };
}

/** A store in memory, for tests and for nodes that run without a database. */
export class MemoryGrandpaStore implements GrandpaStore {
  readonly entries = new Map<string, Uint8Array>();

  async get(key: string): Promise<Uint8Array | undefined> {
    return this.entries.get(key);
  }

  async put(key: string, value: Uint8Array): Promise<void> {
    this.entries.set(key, value);
  }
}
