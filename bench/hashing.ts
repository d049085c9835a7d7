/**
 * twox128 throughput: our BigInt-free xxHash64 against substrate-bindings' BigInt `Twox128` and wasm-crypto.
 *
 * twox128 prefixes every storage key, so it sits on the runtime's hot path. Standalone:
 * `node --import tsx bench/hashing.ts`.
 */
import { pathToFileURL } from "node:url";
import { Twox128 } from "@polkadot-api/substrate-bindings";
import * as wasm from "@polkadot/wasm-crypto";
import { blake2_128, twox128 } from "../primitives/hashing.js";

const WINDOW_MS = 500;

function perSecond(run: () => unknown): number {
  for (let i = 0; i < 10_000; i++) run();
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < WINDOW_MS) {
    for (let i = 0; i < 1000; i++) run();
    count += 1000;
  }
  return Math.round(count / ((performance.now() - start) / 1000));
}

/** Hashes per second of twox128 (and blake2_128 for scale) on a 6-byte pallet name and a 48-byte key. */
export async function benchHashing(): Promise<Record<string, number>> {
  await wasm.waitReady();
  const figures: Record<string, number> = {};
  for (const input of [new TextEncoder().encode("System"), new Uint8Array(48).fill(5)]) {
    figures[`twox128 ours, ${input.length} B`] = perSecond(() => twox128(input));
    figures[`twox128 substrate-bindings (BigInt), ${input.length} B`] = perSecond(() => Twox128(input));
    figures[`twox128 @polkadot/wasm-crypto, ${input.length} B`] = perSecond(() => wasm.twox(input, 2));
    figures[`blake2_128 (wasm after initCrypto), ${input.length} B`] = perSecond(() => blake2_128(input));
  }
  return figures;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await benchHashing();
  console.table(Object.entries(figures).map(([case_, perSec]) => ({ case: case_, "ops/s": perSec })));
}
