/**
 * Executing a block of 5,000 balance transfers, signatures already checked (as the pool's workers do).
 *
 * Standalone: `node --import tsx bench/block-execution.ts`.
 */
import { buildBlock } from "../consensus/block-builder.js";
import { devSpec } from "../genesis/chain-spec.js";
import { genesisBlock } from "../genesis/genesis-state.js";
import { addressId } from "../primitives/account.js";
import { keyFromUri } from "../primitives/crypto/keyring.js";
import { initCrypto } from "../primitives/crypto/wasm.js";
import { Era } from "../primitives/era.js";
import { signExtrinsic } from "../primitives/extrinsic.js";
import { runtime } from "../runtime/index.js";
import { auraPreDigest, slotAt } from "../runtime/pallets/aura/index.js";
import { RuntimeApi } from "../runtime/runtime-api.js";
import { MemoryStorage } from "../state/memory-storage.js";
import { trieRoot } from "../state/trie/trie-root.js";

const TRANSFERS = 5_000;

export async function benchBlockExecution(): Promise<Record<string, number>> {
  await initCrypto();
  const genesis = genesisBlock(runtime, devSpec());
  const api = new RuntimeApi(runtime, genesis.hash);
  const alice = keyFromUri("//Alice");
  const additional = { specVersion: 152, txVersion: 2, genesisHash: genesis.hash, birthHash: genesis.hash };
  // The first block warms the JIT up, as a running node is; the second is measured on its state.
  const transfers = (from: number) =>
    Array.from({ length: TRANSFERS }, (_, k) => {
      const i = from + k;
      const dest = new Uint8Array(32);
      new DataView(dest.buffer).setUint32(0, (i % TRANSFERS) + 1);
      const call = runtime.callSchema.enc({ tag: "Balances", value: { tag: "transfer_keep_alive", value: { dest: addressId(dest), value: 1_000_000n } } });
      return signExtrinsic(call, alice, { era: Era.immortal, nonce: i, tip: 0n }, additional).encoded;
    });
  const warmUp = buildBlock(api.executive, genesis.storage, template(genesis.hash, 1), transfers(0), () => new Uint8Array(32), { signatureVerified: true });
  const base = new MemoryStorage(genesis.storage.entries());
  base.apply(warmUp.changes);
  const xts = transfers(TRANSFERS);
  const start = performance.now();
  const built = buildBlock(api.executive, base, template(new Uint8Array(32).fill(1), 2), xts, () => new Uint8Array(32), { signatureVerified: true });
  const executeMs = performance.now() - start;
  if (built.rejected.length) throw new Error(`bench: ${built.rejected.length} transfers rejected: ${String(built.rejected[0]!.error)}`);
  const rootStart = performance.now();
  const next = new MemoryStorage(base.entries());
  next.apply(built.changes);
  trieRoot(next.entries());
  const rootMs = performance.now() - rootStart;
  return {
    "execute 5,000 transfers (ms)": executeMs,
    "transfers per second": (TRANSFERS / executeMs) * 1000,
    "full state root after it (ms)": rootMs,
    "changed keys": built.changes.length,
  };

  function template(parentHash: Uint8Array, number: number) {
    const timestamp = 1_700_000_000_000n + 6000n * BigInt(number);
    return { parentHash, number, timestamp, logs: [auraPreDigest(slotAt(timestamp))] };
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await benchBlockExecution());
}
