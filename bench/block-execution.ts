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
import { Era } from "../primitives/era.js";
import { signExtrinsic } from "../primitives/extrinsic.js";
import { runtime } from "../runtime/index.js";
import { RuntimeApi } from "../runtime/runtime-api.js";
import { MemoryStorage } from "../state/memory-storage.js";
import { trieRoot } from "../state/trie/trie-root.js";

const TRANSFERS = 5_000;

export async function benchBlockExecution(): Promise<Record<string, number>> {
  const genesis = genesisBlock(runtime, devSpec());
  const api = new RuntimeApi(runtime, genesis.hash);
  const alice = keyFromUri("//Alice");
  const additional = { specVersion: 152, txVersion: 2, genesisHash: genesis.hash, birthHash: genesis.hash };
  const xts: Uint8Array[] = [];
  for (let i = 0; i < TRANSFERS; i++) {
    const dest = new Uint8Array(32);
    new DataView(dest.buffer).setUint32(0, i + 1);
    const call = runtime.callSchema.enc({ tag: "Balances", value: { tag: "transfer_keep_alive", value: { dest: addressId(dest), value: 1_000_000n } } });
    xts.push(signExtrinsic(call, alice, { era: Era.immortal, nonce: i, tip: 0n }, additional).encoded);
  }
  const base: MemoryStorage = genesis.storage;
  const template = { parentHash: genesis.hash, number: 1, timestamp: 1_700_000_006_000n, logs: [], author: alice.accountId };
  const start = performance.now();
  const built = buildBlock(api.executive, base, template, xts, () => new Uint8Array(32), { signatureVerified: true });
  const executeMs = performance.now() - start;
  if (built.rejected.length) throw new Error(`bench: ${built.rejected.length} transfers rejected: ${String(built.rejected[0]!.error)}`);
  const rootStart = performance.now();
  const next = new MemoryStorage(base.entries());
  next.apply(built.changes);
  trieRoot(next.entries());
  const rootMs = performance.now() - rootStart;
  return { "execute 5,000 transfers (ms)": executeMs, "transfers per second": (TRANSFERS / executeMs) * 1000, "full state root after it (ms)": rootMs, "changed keys": built.changes.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await benchBlockExecution());
}
