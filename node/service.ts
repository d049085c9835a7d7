/**
 * The node service: opens the chain, starts the pool, authoring, finality and the RPC server, wires their
 * events together, and shuts them down in order on SIGINT/SIGTERM (no half-written block: the author
 * finishes or drops the block in hand before the database closes).
 */
import fs from "node:fs";
import { BlockAuthor, Chain, DevFinality, type ImportedBlockNotice } from "../consensus/index.js";
import { equalBytes } from "../primitives/bytes.js";
import { RpcServer, RpcServerError } from "../rpc/server.js";
import type { NetworkService, NodeServices } from "../rpc/services.js";
import { TxPool } from "../txpool/index.js";
import { SIGNATURE_WORKERS } from "../txpool/options.js";
import { SignatureVerifier } from "../txpool/signature-workers.js";
import type { ParsedFlags } from "./cli/flags.js";
import { resolveConfig, type NetworkConfig, type NodeConfig } from "./config.js";
import { ROLE_AUTHORITY, ROLE_FULL } from "../p2p/messages.js";
import { Network } from "../p2p/network.js";
import { networkChain, networkPool } from "./network-adapters.js";
import { loadNodeKey } from "./node-key.js";
import { startGrandpa, type RunningGrandpa } from "./grandpa.js";
import { Informant } from "./informant.js";
import { Keystore } from "./keystore.js";
import { createLogger, type Logger } from "./logger.js";
import { startTftPriceFeed } from "./tft-price-feed.js";
import { setRuntimeLogger } from "../runtime/runtime-log.js";

export const NODE_VERSION = "0.1.0";

/** `--no-network`: no peers. */
const OFFLINE: NetworkService = {
  peers: () => [],
  localPeerId: () => "",
  listenAddresses: () => [],
  isSyncing: () => false,
  highestBlock: () => undefined,
  startingBlock: () => 0,
};

export interface RunningNode {
  config: NodeConfig;
  chain: Chain;
  pool: TxPool;
  rpc: RpcServer;
  /** Stops everything; resolves when the database is closed. */
  stop(): Promise<void>;
}

/** Starts a node from its configuration. */
export async function startNode(config: NodeConfig, log: Logger): Promise<RunningNode> {
  log.info("TFChain node (tfchain-ts)", { version: NODE_VERSION });
  log.info("📋 Chain specification", { name: config.spec.name });
  log.info("🏷  Node name", { name: config.name });
  log.info("👤 Role", { role: config.validator ? "AUTHORITY" : "FULL" });
  log.info("💾 Database", { path: config.dbPath, pruning: config.pruning });

  const keystore = new Keystore(config.keystorePath);
  if (config.devKey) keystore.insertSessionKeys(config.devKey);

  const consensusLog = log.child("consensus");
  // One set of signature workers serves the pool and block import.
  const verifier = new SignatureVerifier(SIGNATURE_WORKERS, (error) => log.warn("Signature worker failed; replaced", { error }));
  let chain: Chain;
  try {
    chain = await Chain.open({ spec: config.spec, dbPath: config.dbPath, pruning: config.pruning }, { log: consensusLog, signatureVerifier: verifier });
  } catch (e) {
    await verifier.close();
    throw e;
  }
  const cleanup: (() => Promise<void> | void)[] = [() => chain.close(), () => verifier.close()];
  try {
    log.info("🔨 Initializing Genesis block/state", { hash: chain.genesisHash });
    const { readyCount, readyBytes, banTimeMs } = config.pool;
    const pool = new TxPool({
      ready: { count: readyCount, bytes: readyBytes },
      future: { count: Math.floor(readyCount / 10), bytes: Math.floor(readyBytes / 10) },
      banTimeMs,
    }, {
      runtimeApi: chain.runtimeApi,
      genesisHash: chain.genesisHash,
      best: () => chain.best(),
      stateAt: (hash) => chain.db.stateAt(hash),
      log: log.child("txpool"),
      signatureVerifier: verifier,
    });
    cleanup.unshift(() => pool.close());
    let author: BlockAuthor | undefined;
    // The pool sees blocks in order: a reorg retracts the old branch (newest first), then enacts the new
    // one (oldest first), so a transaction in both ends up `inBlock` of the new branch.
    let poolQueue: Promise<void> = Promise.resolve();
    const blockAt = async (hash: Uint8Array) => {
      const header = await chain.header(hash);
      return header ? { hash, number: header.number, extrinsics: (await chain.body(hash)) ?? [] } : undefined;
    };
    const poolUpdates = chain.onImported((b: ImportedBlockNotice) => {
      poolQueue = poolQueue.then(async () => {
        for (const hash of b.route?.retracted ?? []) {
          const block = await blockAt(hash);
          if (block) await pool.onRetracted(block);
        }
        for (const hash of b.route?.enacted ?? []) {
          if (equalBytes(hash, b.hash)) continue;
          const block = await blockAt(hash);
          if (block) void pool.onBlockImported({ ...block, isBest: true });
        }
        // Pruning is immediate; re-validation of the rest runs in the background and must not hold up the
        // next block. Instant sealing looks again now and once re-validation ends: transactions that were
        // ready before the block announce nothing new.
        const revalidated = pool.onBlockImported({ hash: b.hash, number: b.number, extrinsics: b.extrinsics, isBest: b.isBest });
        const poke = () => {
          if (pool.status().ready > 0) author?.transactionReady();
        };
        poke();
        void revalidated.then(poke);
      }).catch((e) => log.error("Pool update failed", { error: e }));
    });
    // Finality goes through the same queue, so a watcher never sees `finalized` before its `inBlock`.
    const poolFinality = chain.onFinalized((b) => {
      poolQueue = poolQueue
        .then(async () => pool.onFinalized({ hash: b.hash, number: b.header.number, extrinsics: (await chain.body(b.hash)) ?? [] }))
        .catch((e) => log.error("Pool update failed", { error: e }));
    });
    cleanup.unshift(poolUpdates, poolFinality, () => poolQueue);

    const signer = keystore.pairs("aura")[0];
    if (config.validator && signer) {
      author = new BlockAuthor({ mode: config.sealing }, { chain, signer, pool: { ready: () => pool.ready(), onReady: (l) => pool.onReadyTransaction(() => l()) }, log: consensusLog });
      author.start();
      cleanup.unshift(() => author!.stop());
      log.info("🧑‍🌾 Authoring blocks", { sealing: config.sealing, key: signer.publicKey });
    } else if (config.validator) {
      log.warn("No aura key in the keystore: not authoring (insert one with author_insertKey or use --alice)");
    }
    if (config.tftPriceUrl && author && signer) {
      const feed = startTftPriceFeed({ baseUrl: config.tftPriceUrl }, { chain, pool, runtime: chain.runtimeApi.runtime, signer, log: log.child("tft-price") });
      cleanup.unshift(() => feed.stop());
      log.info("💲 Reporting the TFT price", { url: config.tftPriceUrl });
    } else if (config.tftPriceUrl) {
      log.warn("--tft-price-url needs an authoring validator (--validator with an aura key): no TFT price feed");
    }

    // Aura blocks are finalized by GRANDPA; instant and manual sealing (tests, tools) by the dev gadget.
    let grandpa: RunningGrandpa | undefined;
    let network: Network | undefined;
    if (config.network) {
      const onJustifications = (hash: Uint8Array, number: number, j: Uint8Array) => grandpa?.importJustifications(hash, number, j) ?? Promise.resolve();
      network = await startNetwork(config.network, { chain, pool, validator: config.validator, onJustifications, log: log.child("network") });
      cleanup.unshift(() => network!.stop());
    }
    const networkService: NetworkService = network ?? OFFLINE;
    if (config.sealing === "aura") {
      grandpa = startGrandpa({ chain, network, keystore, spec: config.spec, log: log.child("grandpa") });
      cleanup.unshift(() => grandpa!.voter.stop());
    } else {
      const finality = new DevFinality({}, { chain, log: consensusLog });
      finality.start();
      cleanup.unshift(() => finality.stop());
    }

    const services: NodeServices = {
      identity: { name: config.name, version: NODE_VERSION, roles: [config.validator ? "Authority" : "Full"] },
      chain,
      pool,
      network: networkService,
      finality: grandpa?.service,
      keystore,
      sealing: author,
    };
    const rpc = new RpcServer(config.rpc, { services, logger: log.child("rpc") });
    try {
      await rpc.start();
    } catch (e) {
      if (e instanceof RpcServerError && e.code === "PORT_IN_USE") {
        throw new StartError(`RPC port ${config.rpc.port} is already in use. Choose a different port using --rpc-port`);
      }
      throw e;
    }
    cleanup.unshift(() => rpc.stop());

    const informant = new Informant(log.child("informant"), { chain, pool, network: networkService });
    informant.start();
    cleanup.unshift(() => informant.stop());

    let stopping: Promise<void> | undefined;
    return {
      config,
      chain,
      pool,
      rpc,
      stop: () => (stopping ??= runCleanup(cleanup, log)),
    };
  } catch (e) {
    await runCleanup(cleanup, log);
    throw e;
  }
}

/** Starts the network; if 30333 was only the default and is taken, another port will do. */
async function startNetwork(config: NetworkConfig, deps: {
  chain: Chain; pool: TxPool; validator: boolean; log: Logger;
  onJustifications: (hash: Uint8Array, number: number, justifications: Uint8Array) => Promise<void>;
}): Promise<Network> {
  const privateKey = await loadNodeKey(config.nodeKey);
  const opts = { ...config, privateKey, roles: deps.validator ? ROLE_AUTHORITY : ROLE_FULL };
  const networkDeps = { chain: networkChain(deps.chain, deps.onJustifications), pool: networkPool(deps.pool), log: deps.log };
  try {
    return await Network.start(opts, networkDeps);
  } catch (e) {
    if (!config.portFallback || !String((e as Error).message).match(/EADDRINUSE|in use/i)) {
      throw new StartError(`Could not listen on ${config.listen.join(", ")}: ${(e as Error).message}`);
    }
    deps.log.warn("Port 30333 is in use: listening on another port (choose one with --port)");
    return Network.start({ ...opts, listen: config.listen.map((a) => a.replace(/\/tcp\/\d+$/, "/tcp/0")) }, networkDeps);
  }
}

async function runCleanup(steps: (() => Promise<void> | void)[], log: Logger): Promise<void> {
  for (const step of steps) {
    try {
      await step();
    } catch (e) {
      log.error("Shutdown step failed", { error: e });
    }
  }
}

export class StartError extends Error {}

/** `tfchain-ts [flags]`: runs a node until SIGINT or SIGTERM; resolves to the exit code. */
export async function runNode(flags: ParsedFlags): Promise<number> {
  const config = resolveConfig(flags);
  const log = createLogger("tfchain-ts", config.log);
  // What pallets log (a skipped bill, for one) goes to the node's log under target `runtime`.
  setRuntimeLogger(log.child("runtime"));
  let node: RunningNode;
  try {
    node = await startNode(config, log);
  } catch (e) {
    if (config.temporary) fs.rmSync(config.basePath, { recursive: true, force: true });
    if (e instanceof StartError || (e as { code?: string }).code === "GENESIS_MISMATCH" || (e as { code?: string }).code === "OPEN_FAILED") {
      log.error((e as Error).message);
      return 1;
    }
    throw e;
  }
  await new Promise<void>((resolve) => {
    const onSignal = (signal: string) => {
      log.info("Shutting down", { signal });
      resolve();
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
  });
  await node.stop();
  if (config.temporary) fs.rmSync(config.basePath, { recursive: true, force: true });
  log.info("Goodbye");
  return 0;
}
