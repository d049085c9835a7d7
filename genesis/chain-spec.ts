/**
 * Chain specs built in code, as TFChain's `chain_spec.rs` does for `dev` and `local`.
 *
 * A spec is data: names, properties, and the genesis configuration of each pallet. The genesis state
 * is built from it by `genesis-state.ts`.
 */
import { keyFromUri, type KeyScheme } from "../primitives/crypto/keyring.js";

export type ChainType = "Development" | "Local" | "Live";

export class ChainSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ChainSpecError";
  }
}

export interface GenesisConfig {
  /** (account, free balance) pairs. */
  balances: [Uint8Array, bigint][];
  /**
   * The initial validators (TFChain's `initial_authorities`): each account joins ValidatorSet and registers
   * its session keys (Aura sr25519, GRANDPA ed25519) with Session, whose genesis makes them the Aura
   * authorities and GRANDPA voters.
   */
  authorities: { account: Uint8Array; aura: Uint8Array; grandpa: Uint8Array }[];
  foundationAccount: Uint8Array;
  salesAccount: Uint8Array;
  councilMembers: Uint8Array[];
  billingFrequency: bigint;
  /**
   * TFT price bounds in mUSD, and the starting price (not in TFChain's genesis: it has a price worker with
   * internet access, this node has none).
   */
  tftPrice: { min: number; max: number; price: number };
}

export interface ChainSpec {
  name: string;
  id: string;
  chainType: ChainType;
  properties: { ss58Format: number; tokenDecimals: number; tokenSymbol: string };
  bootNodes: string[];
  genesis: GenesisConfig;
  /**
   * The genesis storage itself, when the spec came as Substrate's raw JSON (`genesis.raw.top`): it wins over
   * `genesis`, which is then empty.
   */
  rawGenesis?: [Uint8Array, Uint8Array][];
}

/** Every endowed account gets 1 << 60 units, as in `testnet_genesis`. */
export const ENDOWMENT = 1n << 60n;

const PROPERTIES = { ss58Format: 42, tokenDecimals: 7, tokenSymbol: "TFT" };

// The three bridge validator dev keys TFChain endows (phrases published in its chain_spec.rs).
const BRIDGE_VALIDATOR_PHRASES = [
  "quarter between satisfy three sphere six soda boss cute decade old trend",
  "employ split promote annual couple elder remain cricket company fitness senior fiscal",
  "remind bird banner word spread volume card keep want faith insect mind",
];

const account = (uri: string, scheme: KeyScheme = "sr25519") => keyFromUri(uri, scheme).accountId;

/** The dev accounts a spec's validators may be chosen from, in `--alice` … `--ferdie` order. */
export const DEV_NAMES = ["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie"] as const;
export type DevName = (typeof DEV_NAMES)[number];

/**
 * Reads a list of dev names (`alice,bob,charlie`, any case) into validator names; an unknown or repeated name
 * is a `ChainSpecError` that lists the valid ones.
 */
export function devValidators(names: readonly string[]): DevName[] {
  if (names.length === 0) throw new ChainSpecError(`A validator list needs at least one of ${DEV_NAMES.join(", ")}`);
  const chosen: DevName[] = [];
  for (const raw of names) {
    const name = DEV_NAMES.find((n) => n.toLowerCase() === raw.trim().toLowerCase());
    if (!name) throw new ChainSpecError(`Unknown validator "${raw}": choose among ${DEV_NAMES.map((n) => n.toLowerCase()).join(", ")}`);
    if (chosen.includes(name)) throw new ChainSpecError(`Validator "${raw}" is listed twice`);
    chosen.push(name);
  }
  return chosen;
}

/** `authority_keys_from_seed`: the account, Aura and GRANDPA keys of `//Name`. */
export function authority(name: string) {
  return {
    account: account(`//${name}`),
    aura: keyFromUri(`//${name}`, "sr25519").publicKey,
    grandpa: keyFromUri(`//${name}`, "ed25519").publicKey,
  };
}

function endow(accounts: Uint8Array[]): [Uint8Array, bigint][] {
  return accounts.map((a) => [a, ENDOWMENT]);
}

export interface SpecOptions {
  /** Other dev validators than the spec's own (Alice for dev; Alice and Bob for local). */
  validators?: readonly DevName[];
}

/** `--dev`: Alice authors alone; Alice, Bob, their stashes and the bridge dev keys are endowed. */
export function devSpec(opts: SpecOptions = {}): ChainSpec {
  return {
    name: "Development",
    id: "dev",
    chainType: "Development",
    properties: PROPERTIES,
    bootNodes: [],
    genesis: {
      balances: endow([
        account("//Alice"), account("//Bob"), account("//Alice//stash"), account("//Bob//stash"),
        ...BRIDGE_VALIDATOR_PHRASES.map((p) => account(p)),
      ]),
      authorities: (opts.validators ?? ["Alice"]).map(authority),
      foundationAccount: account("//Eve"),
      salesAccount: account("//Ferdie"),
      councilMembers: [account("//Alice"), account("//Bob")],
      billingFrequency: 10n,
      tftPrice: { min: 10, max: 1000, price: 50 },
    },
  };
}

/**
 * `--chain local`: Alice and Bob validate (or `opts.validators`); all six dev accounts and their stashes are
 * endowed.
 */
export function localSpec(opts: SpecOptions = {}): ChainSpec {
  const names = DEV_NAMES;
  return {
    name: "TF Chain Tesnet",
    id: "tfchain_testnet",
    chainType: "Local",
    properties: PROPERTIES,
    bootNodes: [],
    genesis: {
      balances: endow([
        ...names.map((n) => account(`//${n}`)),
        ...names.map((n) => account(`//${n}//stash`)),
        // TFChain endows the bridge keys as ed25519 accounts on this chain.
        ...BRIDGE_VALIDATOR_PHRASES.map((p) => account(p, "ed25519")),
      ]),
      authorities: (opts.validators ?? ["Alice", "Bob"]).map(authority),
      foundationAccount: account("//Eve"),
      salesAccount: account("//Ferdie"),
      councilMembers: [account("//Alice"), account("//Bob")],
      billingFrequency: 5n,
      tftPrice: { min: 10, max: 1000, price: 50 },
    },
  };
}

/** A genesis configuration with nothing in it (for raw specs, whose storage is given). */
export function emptyGenesisConfig(): GenesisConfig {
  const none = new Uint8Array(32);
  return { balances: [], authorities: [], foundationAccount: none, salesAccount: none, councilMembers: [], billingFrequency: 600n, tftPrice: { min: 10, max: 1000, price: 0 } };
}

export function builtInSpec(name: string, opts: SpecOptions = {}): ChainSpec | undefined {
  if (name === "dev") return devSpec(opts);
  if (name === "local") return localSpec(opts);
  return undefined;
}
