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
import { emptyGenesisConfig, type ChainSpec, type ChainType, type GenesisConfig } from "./chain-spec.js";
import { buildGenesisStorage } from "./genesis-state.js";

export class ChainSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ChainSpecError";
  }
}


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
        aura: { authorities: g.authorities.map((x) => encodeSs58(x.aura)) },
        grandpa: { authorities: g.authorities.map((x) => [encodeSs58(x.grandpa), 1]) },
        validatorSet: { initialValidators: g.authorities.map((x) => encodeSs58(x.account)) },
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

function genesisConfigFromJson(rt: Record<string, any>): GenesisConfig {
  const g = emptyGenesisConfig();
  for (const [i, entry] of (rt.balances?.balances ?? []).entries()) {
    if (!Array.isArray(entry) || entry.length !== 2) throw new ChainSpecError(`balances.balances[${i}] must be [account, amount]`);
    const amount = BigInt(entry[1]);
    if (amount < 0n) throw new ChainSpecError(`balances.balances[${i}] has a negative amount`);
    g.balances.push([account(entry[0], `balances.balances[${i}]`), amount]);
  }
  const aura: unknown[] = rt.aura?.authorities ?? [];
  const grandpa: unknown[] = rt.grandpa?.authorities ?? [];
  const validators: unknown[] = rt.validatorSet?.initialValidators ?? aura;
  g.authorities = aura.map((a, i) => ({
    account: account(validators[i] ?? a, `validatorSet.initialValidators[${i}]`),
    aura: account(a, `aura.authorities[${i}]`),
    grandpa: account(Array.isArray(grandpa[i]) ? (grandpa[i] as unknown[])[0] : grandpa[i], `grandpa.authorities[${i}]`),
  }));
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
