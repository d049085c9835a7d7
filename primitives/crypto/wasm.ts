/**
 * The WebAssembly crypto (`@polkadot/wasm-crypto`: schnorrkel, BLAKE2) the node uses once it is loaded.
 *
 * Loading is asynchronous, so the node and the tests await `initCrypto()` at start; until then callers
 * use their pure-JS fallbacks, which give the same results.
 */
import { waitReady } from "@polkadot/wasm-crypto";

let ready = false;

/** Loads the WebAssembly crypto; call once at start-up. */
export async function initCrypto(): Promise<void> {
  ready = await waitReady();
}

export function isWasmCryptoReady(): boolean {
  return ready;
}
