/**
 * What `:code` holds on a tfchain-ts chain: a marker naming the native runtime and its version.
 *
 * There is no Wasm to run, so the chain records which native runtime it expects. `set_code` accepts
 * a marker for a newer spec of the same spec name, as FRAME's `can_set_code` would check a Wasm blob;
 * a node release carrying that spec then runs it (and its migrations) from the next block.
 */
import type { RuntimeVersion } from "./runtime.js";

const PREFIX = "tfchain-ts-native-runtime:";

export function encodeCodeMarker(v: Pick<RuntimeVersion, "spec_name" | "spec_version">): Uint8Array {
  return new TextEncoder().encode(`${PREFIX}${v.spec_name}:${v.spec_version}`);
}

/** The spec a marker names, or `undefined` when the bytes are not a marker. */
export function decodeCodeMarker(code: Uint8Array): { spec_name: string; spec_version: number } | undefined {
  const text = new TextDecoder("utf-8", { fatal: false }).decode(code);
  if (!text.startsWith(PREFIX)) return undefined;
  const m = /^([^:]+):(\d{1,10})$/.exec(text.slice(PREFIX.length));
  if (!m) return undefined;
  return { spec_name: m[1]!, spec_version: Number(m[2]) };
}
