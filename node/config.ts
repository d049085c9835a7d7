/**
 * From parsed flags to the node's configuration: chain spec, paths, keys, RPC, sealing. The only place that
 * knows flag names besides the flag tables; everything below takes this object.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { builtInSpec, type ChainSpec } from "../genesis/chain-spec.js";
import { chainSpecFromJson, ChainSpecError } from "../genesis/chain-spec-json.js";
import { parsePruningMode, type PruningMode } from "../state/pruning.js";
import { DEV_NAMES } from "./cli/authoring.js";
import { CliError, intFlag, stringFlag, type ParsedFlags } from "./cli/flags.js";
import { parseLogLevels, type Level } from "./logger.js";
import type { NodeKeySource } from "./node-key.js";

export interface NodeConfig {
  spec: ChainSpec;
  /** `<base-path>`; removed on exit when `temporary`. */
  basePath: string;
  temporary: boolean;
  chainDir: string;
  dbPath: string;
  keystorePath?: string;
  name: string;
  validator: boolean;
  /** A dev account whose keys go in the keystore (`--alice` …). */
  devKey?: string;
  sealing: "aura" | "instant" | "manual";
  pruning: PruningMode;
  rpc: {
    port: number;
    external: boolean;
    methods: "safe" | "unsafe";
    cors: string[] | "all" | undefined;
    maxConnections: number;
    maxRequestBytes: number;
    maxResponseBytes: number;
    maxSubscriptionsPerConnection: number;
  };
  log: { fallback: Level; targets: Map<string, Level> };
  pool: { readyCount: number; readyBytes: number; banTimeMs: number };
  /** `--tft-price-url`: the Horizon base URL a validator reads the TFT price from; no price feed without it. */
  tftPriceUrl?: string;
  /** Peer-to-peer networking; undefined with `--no-network`. */
  network?: NetworkConfig;
}

export interface NetworkConfig {
  nodeKey: NodeKeySource;
  /** Multiaddrs to listen on; `portFallback`: 30333 was the default, not asked for, so another port will do. */
  listen: string[];
  portFallback: boolean;
  bootnodes: string[];
  reserved: string[];
  reservedOnly: boolean;
  inPeers: number;
  outPeers: number;
  mdns: boolean;
}

const DEFAULT_P2P_PORT = 30333;

/** Values of a repeatable flag, each possibly comma-separated. */
function listFlag(flags: ParsedFlags, name: string): string[] {
  const v = flags[name];
  const values = Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
  return values.flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean);
}

function networkConfig(flags: ParsedFlags, chainDir: string, chainType: string): NetworkConfig | undefined {
  if (flags["no-network"] === true) return undefined;
  const hex = stringFlag(flags, "node-key");
  const file = stringFlag(flags, "node-key-file");
  if (hex !== undefined && file !== undefined) throw new CliError("--node-key and --node-key-file are exclusive");
  const nodeKey: NodeKeySource = hex !== undefined ? { hex } : file !== undefined ? { file, create: false } : { file: path.join(chainDir, "network", "secret_ed25519"), create: true };
  const port = intFlag(flags, "port", 0, 65535);
  const listenAddrs = listFlag(flags, "listen-addr");
  const multiaddrs = (name: string) => {
    const list = listFlag(flags, name);
    for (const a of list) if (!a.startsWith("/") || !a.includes("/p2p/")) throw new CliError(`--${name} takes multiaddrs with /p2p/<peer id>, got "${a}"`);
    return list;
  };
  return {
    nodeKey,
    listen: listenAddrs.length > 0 ? listenAddrs : [`/ip4/0.0.0.0/tcp/${port ?? DEFAULT_P2P_PORT}`],
    portFallback: listenAddrs.length === 0 && port === undefined,
    bootnodes: multiaddrs("bootnodes"),
    reserved: multiaddrs("reserved-nodes"),
    reservedOnly: flags["reserved-only"] === true,
    inPeers: intFlag(flags, "in-peers", 0, 10_000)!,
    outPeers: intFlag(flags, "out-peers", 0, 10_000)!,
    // Substrate: mDNS everywhere but on the dev chain.
    mdns: flags["no-mdns"] !== true && chainType !== "Development",
  };
}

/** Loads `--chain`: `dev`, `local`, or a chain spec JSON file. */
export function loadChainSpec(chain: string): ChainSpec {
  const builtIn = builtInSpec(chain === "" ? "local" : chain);
  if (builtIn) return builtIn;
  let text: string;
  try {
    text = fs.readFileSync(chain, "utf8");
  } catch {
    throw new CliError(`--chain "${chain}" is neither dev, local nor a readable chain spec file`);
  }
  try {
    return chainSpecFromJson(JSON.parse(text));
  } catch (e) {
    if (e instanceof SyntaxError || e instanceof ChainSpecError) throw new CliError(`Chain spec ${chain}: ${e.message}`);
    throw e;
  }
}

export function defaultBasePath(): string {
  return path.join(os.homedir(), ".local", "share", "tfchain-ts");
}

export function resolveConfig(flags: ParsedFlags): NodeConfig {
  const dev = flags.dev === true;
  const spec = loadChainSpec(stringFlag(flags, "chain") ?? (dev ? "dev" : "local"));
  const given = stringFlag(flags, "base-path");
  const temporary = flags.tmp === true || (dev && given === undefined);
  const basePath = given ?? (temporary ? fs.mkdtempSync(path.join(os.tmpdir(), "tfchain-ts-")) : defaultBasePath());
  const chainDir = path.join(basePath, "chains", spec.id);
  const devName = DEV_NAMES.find((n) => flags[n] === true) ?? (dev ? "alice" : undefined);
  const external = flags["rpc-external"] === true;
  const methodsFlag = stringFlag(flags, "rpc-methods") ?? "auto";
  if (!["auto", "safe", "unsafe"].includes(methodsFlag)) throw new CliError(`--rpc-methods takes auto, safe or unsafe, got "${methodsFlag}"`);
  const sealing = stringFlag(flags, "sealing") ?? "aura";
  if (!["aura", "instant", "manual"].includes(sealing)) throw new CliError(`--sealing takes aura, instant or manual, got "${sealing}"`);
  const cors = stringFlag(flags, "rpc-cors");
  let pruning: PruningMode;
  try {
    pruning = parsePruningMode(stringFlag(flags, "pruning") ?? "256");
  } catch (e) {
    throw new CliError(`--pruning: ${(e as Error).message}`);
  }
  let log;
  try {
    log = parseLogLevels((flags.log as string[] | undefined) ?? []);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const mib = 1024 * 1024;
  return {
    spec,
    basePath,
    temporary,
    chainDir,
    dbPath: path.join(chainDir, "db"),
    keystorePath: temporary ? undefined : path.join(chainDir, "keystore"),
    name: stringFlag(flags, "name") ?? (devName ? devName[0]!.toUpperCase() + devName.slice(1) : `tfchain-ts-${process.pid}`),
    validator: flags.validator === true || devName !== undefined,
    devKey: devName ? `//${devName[0]!.toUpperCase()}${devName.slice(1)}` : undefined,
    sealing: sealing as NodeConfig["sealing"],
    pruning,
    rpc: {
      port: intFlag(flags, "rpc-port", 0, 65535)!,
      external,
      // Substrate's auto: unsafe methods only while the server is reachable from this machine alone.
      methods: methodsFlag === "auto" ? (external ? "safe" : "unsafe") : (methodsFlag as "safe" | "unsafe"),
      cors: cors === "all" || (cors === undefined && dev) ? "all" : cors?.split(",").map((s) => s.trim()).filter(Boolean),
      maxConnections: intFlag(flags, "rpc-max-connections", 1)!,
      maxRequestBytes: intFlag(flags, "rpc-max-request-size", 1)! * mib,
      maxResponseBytes: intFlag(flags, "rpc-max-response-size", 1)! * mib,
      maxSubscriptionsPerConnection: intFlag(flags, "rpc-max-subscriptions-per-connection", 1)!,
    },
    log,
    pool: {
      readyCount: intFlag(flags, "pool-limit", 1)!,
      readyBytes: intFlag(flags, "pool-kbytes", 1)! * 1024,
      banTimeMs: intFlag(flags, "tx-ban-seconds", 0)! * 1000,
    },
    tftPriceUrl: httpUrlFlag(flags, "tft-price-url"),
    network: networkConfig(flags, chainDir, spec.chainType),
  };
}

function httpUrlFlag(flags: ParsedFlags, name: string): string | undefined {
  const v = stringFlag(flags, name);
  if (v === undefined) return undefined;
  if (!URL.canParse(v) || !["http:", "https:"].includes(new URL(v).protocol)) throw new CliError(`--${name} takes an http(s) URL such as https://horizon.stellar.org, got "${v}"`);
  return v;
}
