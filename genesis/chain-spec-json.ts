/**
 * Chain specs as Substrate writes and reads them in JSON (`build-spec`, `--chain <file>`).
 *
 * Raw: `genesis.raw.top` maps every genesis storage key to its value, hex — what nodes of one network share.
 * Plain: `genesis.runtime` holds the pallets' genesis configuration in a readable form (accounts in SS58),
 * which this module reads back into a `GenesisConfig`.
 */
import { toHex } from "../primitives/bytes.js";
import { decodeSs58AccountId, encodeSs58 } from "../primitives/ss58.js";
import type { Runtime } from "../runtime/runtime.js";
import { ChainSpecError, emptyGenesisConfig, type ChainSpec, type ChainType, type GenesisConfig } from "./chain-spec.js";
import { buildGenesisStorage } from "./genesis-state.js";

export { ChainSpecError };


function bytes(h: unknown, what: string): Uint8Array {
  if (typeof h !== "string" || !/^0x([0-9a-fA-F]{2})*$/.test(h)) throw new ChainSpecError(`${what} must be 0x-prefixed hex bytes`);
  return Uint8Array.from(Buffer.from(h.slice(2), "hex"));
}

function account(a: unknown, what: string): Uint8Array {
  if (typeof a !== "string") throw new ChainSpecError(`${what} must be an SS58 address or 0x-hex account id`);
  if (a.startsWith("0x")) {
    const b = bytes(a, what);
    if (b.length !== 32) throw new ChainSpecError(`${what} must be 32 bytes`);
    return b;
  }
  try {
    return decodeSs58AccountId(a);
  } catch (e) {
    throw new ChainSpecError(`${what}: ${(e as Error).message}`);
  }
}

/** Substrate's chain-spec JSON of `spec`; raw form lists the genesis storage of `runtime`. */
export function chainSpecToJson(spec: ChainSpec, runtime: Runtime, raw: boolean): object {
  const head = {
    name: spec.name,
    id: spec.id,
    chainType: spec.chainType,
    bootNodes: spec.bootNodes,
    telemetryEndpoints: null,
    protocolId: null,
    properties: spec.properties,
    codeSubstitutes: {},
  };
  if (raw || spec.rawGenesis) {
    const top: Record<string, string> = {};
    for (const [k, v] of buildGenesisStorage(runtime, spec).entries()) top[toHex(k)] = toHex(v);
    return { ...head, genesis: { raw: { top, childrenDefault: {} } } };
  }
  const g = spec.genesis;
  return {
    ...head,
    genesis: {
      runtime: {
        balances: { balances: g.balances.map(([a, v]) => [encodeSs58(a), Number(v) <= Number.MAX_SAFE_INTEGER ? Number(v) : v.toString()]) },
        // As TFChain's `testnet_genesis`: the validators and their session keys; Aura's and GRANDPA's own
        // lists stay empty, Session's genesis fills them.
        validatorSet: { initialValidators: g.authorities.map((x) => encodeSs58(x.account)) },
        session: { keys: g.authorities.map((x) => [encodeSs58(x.account), encodeSs58(x.account), { aura: encodeSs58(x.aura), grandpa: encodeSs58(x.grandpa) }]) },
        aura: { authorities: [] },
        grandpa: { authorities: [] },
        tfgridModule: { foundationAccount: encodeSs58(g.foundationAccount), salesAccount: encodeSs58(g.salesAccount) },
        smartContractModule: { billingFrequency: Number(g.billingFrequency) },
        tftPriceModule: { minTftPrice: g.tftPrice.min, maxTftPrice: g.tftPrice.max, tftPrice: g.tftPrice.price },
        councilMembership: { members: g.councilMembers.map((m) => encodeSs58(m)) },
      },
    },
  };
}

const CHAIN_TYPES: ChainType[] = ["Development", "Local", "Live"];

/** Reads a chain spec JSON (raw or plain) into a `ChainSpec`; malformed input is a `ChainSpecError`. */
export function chainSpecFromJson(json: unknown): ChainSpec {
  if (typeof json !== "object" || json === null) throw new ChainSpecError("a chain spec is a JSON object");
  const j = json as Record<string, any>;
  if (typeof j.name !== "string" || typeof j.id !== "string") throw new ChainSpecError("the chain spec needs a string name and id");
  const chainType: ChainType = CHAIN_TYPES.includes(j.chainType) ? j.chainType : "Live";
  const properties = { ss58Format: 42, tokenDecimals: 7, tokenSymbol: "TFT", ...(j.properties ?? {}) };
  const base = { name: j.name, id: j.id, chainType, properties, bootNodes: Array.isArray(j.bootNodes) ? j.bootNodes.map(String) : [] };
  const genesis = j.genesis ?? {};
  if (genesis.raw) {
    const top = genesis.raw.top;
    if (typeof top !== "object" || top === null) throw new ChainSpecError("genesis.raw.top must be an object of hex keys and values");
    const rawGenesis: [Uint8Array, Uint8Array][] = Object.entries(top).map(([k, v]) => [bytes(k, `raw key ${k}`), bytes(v, `raw value of ${k}`)]);
    return { ...base, genesis: emptyGenesisConfig(), rawGenesis };
  }
  const rt = genesis.runtime ?? genesis.runtimeGenesis?.config ?? genesis.runtimeGenesis?.patch;
  if (typeof rt !== "object" || rt === null) throw new ChainSpecError("the chain spec has neither genesis.raw nor genesis.runtime");
  return { ...base, genesis: genesisConfigFromJson(rt) };
}

/**
 * The initial validators with their session keys: from `session.keys` (`[account, validator id, { aura,
 * grandpa }]`, TFChain's form), else from the Aura and GRANDPA authority lists of older specs.
 */
function genesisAuthorities(rt: Record<string, any>): GenesisConfig["authorities"] {
  const keys: unknown = rt.session?.keys;
  if (Array.isArray(keys) && keys.length > 0) {
    const authorities = keys.map((entry, i) => {
      const where = `session.keys[${i}]`;
      if (!Array.isArray(entry) || entry.length !== 3 || typeof entry[2] !== "object" || entry[2] === null) {
        throw new ChainSpecError(`${where} must be [account, validator id, { aura, grandpa }]`);
      }
      const who = account(entry[0], `${where}[0]`);
      if (Buffer.compare(Buffer.from(who), Buffer.from(account(entry[1], `${where}[1]`))) !== 0) {
        throw new ChainSpecError(`${where}: the validator id must be the account itself, as in TFChain`);
      }
      return { account: who, aura: account(entry[2].aura, `${where}[2].aura`), grandpa: account(entry[2].grandpa, `${where}[2].grandpa`) };
    });
    const initial: unknown[] | undefined = rt.validatorSet?.initialValidators;
    if (initial !== undefined) {
      const same = Array.isArray(initial) && initial.length === authorities.length &&
        initial.every((v, i) => Buffer.compare(Buffer.from(account(v, `validatorSet.initialValidators[${i}]`)), Buffer.from(authorities[i]!.account)) === 0);
      if (!same) throw new ChainSpecError("validatorSet.initialValidators must list the accounts of session.keys, in the same order");
    }
    return authorities;
  }
  const aura: unknown[] = rt.aura?.authorities ?? [];
  const grandpa: unknown[] = rt.grandpa?.authorities ?? [];
  const validators: unknown[] = rt.validatorSet?.initialValidators ?? aura;
  return aura.map((a, i) => ({
    account: account(validators[i] ?? a, `validatorSet.initialValidators[${i}]`),
    aura: account(a, `aura.authorities[${i}]`),
    grandpa: account(Array.isArray(grandpa[i]) ? (grandpa[i] as unknown[])[0] : grandpa[i], `grandpa.authorities[${i}]`),
  }));
}

function genesisConfigFromJson(rt: Record<string, any>): GenesisConfig {
  const g = emptyGenesisConfig();
  for (const [i, entry] of (rt.balances?.balances ?? []).entries()) {
    if (!Array.isArray(entry) || entry.length !== 2) throw new ChainSpecError(`balances.balances[${i}] must be [account, amount]`);
    const amount = BigInt(entry[1]);
    if (amount < 0n) throw new ChainSpecError(`balances.balances[${i}] has a negative amount`);
    g.balances.push([account(entry[0], `balances.balances[${i}]`), amount]);
  }
  g.authorities = genesisAuthorities(rt);
  if (rt.tfgridModule?.foundationAccount) g.foundationAccount = account(rt.tfgridModule.foundationAccount, "tfgridModule.foundationAccount");
  if (rt.tfgridModule?.salesAccount) g.salesAccount = account(rt.tfgridModule.salesAccount, "tfgridModule.salesAccount");
  if (rt.smartContractModule?.billingFrequency !== undefined) g.billingFrequency = BigInt(rt.smartContractModule.billingFrequency);
  if (rt.tftPriceModule) {
    const p = rt.tftPriceModule;
    g.tftPrice = { min: Number(p.minTftPrice ?? 10), max: Number(p.maxTftPrice ?? 1000), price: Number(p.tftPrice ?? 0) };
  }
  g.councilMembers = (rt.councilMembership?.members ?? []).map((m: unknown, i: number) => account(m, `councilMembership.members[${i}]`));
  return g;
}
