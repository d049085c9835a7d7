/**
 * Pool admission: N pre-signed transfers from many senders submitted at once (decode, sr25519 signature on
 * the pool's worker threads, nonce and fee through the runtime), against bare sr25519 verification of the
 * same signatures on 2 worker threads measured in the same run.
 *
 * Standalone: `node --import tsx bench/txpool.ts`.
 */
import { Worker } from "node:worker_threads";
import * as wasm from "@polkadot/wasm-crypto";
import { buildBlock } from "../consensus/block-builder.js";
import { devSpec } from "../genesis/chain-spec.js";
import { genesisBlock } from "../genesis/genesis-state.js";
import { addressId } from "../primitives/account.js";
import { keyFromUri } from "../primitives/crypto/keyring.js";
import { sr25519FromSeed } from "../primitives/crypto/sr25519.js";
import { initCrypto } from "../primitives/crypto/wasm.js";
import { Era } from "../primitives/era.js";
import { decodeExtrinsic, signExtrinsic, signingPayload, type ExtrinsicSigner } from "../primitives/extrinsic.js";
import { headerHash } from "../primitives/header.js";
import { runtime } from "../runtime/index.js";
import { auraPreDigest, slotAt } from "../runtime/pallets/aura/index.js";
import { RuntimeApi } from "../runtime/runtime-api.js";
import { MemoryStorage } from "../state/memory-storage.js";
import { TxPool } from "../txpool/index.js";

const N = 5_000;
const SENDERS = 1_000;
const WARM_UP_SENDERS = 100;
const WORKERS = 2;
const ROUNDS = 3;

export async function benchTxPool(): Promise<Record<string, number>> {
  await initCrypto();
  const genesis = genesisBlock(runtime, devSpec());
  const api = new RuntimeApi(runtime, genesis.hash);
  const signers = Array.from({ length: SENDERS + WARM_UP_SENDERS }, (_, i) => wasmSigner(i));
  const best = fundedState(api, genesis, signers);
  const additional = { specVersion: 152, txVersion: 2, genesisHash: genesis.hash, birthHash: genesis.hash };
  const transfer = (from: ExtrinsicSigner, nonce: number, i: number) => {
    const dest = new Uint8Array(32);
    new DataView(dest.buffer).setUint32(0, i + 1);
    const call = runtime.callSchema.enc({ tag: "Balances", value: { tag: "transfer_keep_alive", value: { dest: addressId(dest), value: 1_000_000n } } });
    return signExtrinsic(call, from, { era: Era.immortal, nonce, tip: 0n }, additional).encoded;
  };
  // Nonce-major order: most transactions arrive after their predecessor, some overtake it (future queue).
  const measured = Array.from({ length: N }, (_, i) => transfer(signers[i % SENDERS]!, Math.floor(i / SENDERS), i));
  const warmUp = Array.from({ length: 500 }, (_, i) => transfer(signers[SENDERS + (i % WARM_UP_SENDERS)]!, Math.floor(i / WARM_UP_SENDERS), i));

  // Rounds of (bare verification, admission into a fresh pool): the machine is shared, so each ratio compares
  // two measurements taken seconds apart, and the medians are reported.
  const rounds: { admission: number; verify: number; ms: number; onWorkers: number }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const verify = await bareVerification(measured, additional);
    const pool = new TxPool({ signatureWorkers: WORKERS }, {
      runtimeApi: api, genesisHash: genesis.hash, best: () => best, stateAt: () => best.state,
    });
    try {
      await pool.workersReady();
      await Promise.all(warmUp.map((xt) => pool.submit(xt)));
      const start = performance.now();
      await Promise.all(measured.map((xt) => pool.submit(xt)));
      const ms = performance.now() - start;
      const status = pool.status();
      if (status.ready !== N + warmUp.length) throw new Error(`bench: ${status.ready} ready, expected ${N + warmUp.length}`);
      rounds.push({ admission: (N / ms) * 1000, verify, ms, onWorkers: pool.signatureStats().onWorkers });
    } finally {
      await pool.close();
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return {
    "pool admission (txs/s)": Math.round(median(rounds.map((r) => r.admission))),
    "bare sr25519 verify on 2 workers (/s)": Math.round(median(rounds.map((r) => r.verify))),
    "admission / 2-worker verify (goal >= 0.7)": Math.round(median(rounds.map((r) => r.admission / r.verify)) * 100) / 100,
    "admission of 5,000 (ms)": Math.round(median(rounds.map((r) => r.ms))),
    "signatures checked on workers per round": rounds[0]!.onWorkers,
  };
}

function wasmSigner(i: number): ExtrinsicSigner {
  const seed = new Uint8Array(32);
  new DataView(seed.buffer).setUint32(0, i + 1);
  const pair = sr25519FromSeed(seed);
  // PERF: schnorrkel on WebAssembly signs ~5× faster than @scure; both read the same 64-byte secret.
  return { scheme: "sr25519", accountId: pair.publicKey, sign: (m) => wasm.sr25519Sign(pair.publicKey, pair.secretKey, m) };
}

// A block in which Alice endows every sender; its state is the pool's best state.
function fundedState(api: RuntimeApi, genesis: ReturnType<typeof genesisBlock>, signers: ExtrinsicSigner[]) {
  const alice = keyFromUri("//Alice");
  const additional = { specVersion: 152, txVersion: 2, genesisHash: genesis.hash, birthHash: genesis.hash };
  const endow = signers.map((s, nonce) => {
    const call = runtime.callSchema.enc({ tag: "Balances", value: { tag: "transfer_keep_alive", value: { dest: addressId(s.accountId), value: 1_000_000_000_000n } } });
    return signExtrinsic(call, alice, { era: Era.immortal, nonce, tip: 0n }, additional).encoded;
  });
  const timestamp = 1_700_000_006_000n;
  const built = buildBlock(api.executive, genesis.storage, { parentHash: genesis.hash, number: 1, timestamp, logs: [auraPreDigest(slotAt(timestamp))] },
    endow, () => new Uint8Array(32), { signatureVerified: true });
  if (built.rejected.length > 0) throw new Error(`bench: funding rejected ${built.rejected.length} transfers`);
  const state = new MemoryStorage(genesis.storage.entries());
  state.apply(built.changes);
  return { hash: headerHash(built.header), number: 1, state };
}

// The same signatures, verified by two bare loops on two worker threads; verifications per second of wall time.
async function bareVerification(xts: Uint8Array[], additional: Parameters<typeof signingPayload>[2]): Promise<number> {
  const items = xts.map((encoded) => {
    const xt = decodeExtrinsic(encoded);
    const s = xt.signed!;
    return [s.signature.value, signingPayload(xt.call, s, additional), (s.address as { value: Uint8Array }).value];
  });
  const workers = Array.from({ length: WORKERS }, () => new Worker(new URL("./sr25519-worker.js", import.meta.url)));
  try {
    const ask = (w: Worker, m: unknown) => new Promise<any>((resolve, reject) => {
      w.once("message", resolve);
      w.once("error", reject);
      w.postMessage(m);
    });
    const half = Math.ceil(items.length / WORKERS);
    await Promise.all(workers.map((w, i) => ask(w, { items: items.slice(i * half, (i + 1) * half) })));
    await Promise.all(workers.map((w) => ask(w, { go: true }))); // warm-up pass
    const start = performance.now();
    const done = await Promise.all(workers.map((w) => ask(w, { go: true })));
    const wallMs = performance.now() - start;
    const valid = done.reduce((n, d) => n + d.valid, 0);
    if (valid !== items.length) throw new Error(`bench: ${valid} of ${items.length} signatures verified`);
    return (items.length / wallMs) * 1000;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await benchTxPool());
}
