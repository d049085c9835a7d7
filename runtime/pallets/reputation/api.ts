/**
 * The runtime API `ReputationApi_{node,farm,twin}(id: u32) -> Option<Vec<u8>>`: the JSON of `read.ts` as UTF-8
 * bytes, `None` for an unknown id. JSON rather than a SCALE struct: the view is for people and dashboards, and
 * it may grow without a new runtime API version.
 */
import { bytes, option } from "../../../primitives/schema.js";
import type { StorageReader } from "../../../state/storage.js";
import { farmReputation, nodeReputation, twinReputation } from "./read.js";

const answer = option(bytes);

function encode(view: object | null): Uint8Array {
  if (view === null) return answer.enc(undefined);
  const json = JSON.stringify(view, (_k, v) => (typeof v === "bigint" ? (v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString()) : v));
  return answer.enc(new TextEncoder().encode(json));
}

/** The three methods, each on a state and a decoded id, answering SCALE `Option<Vec<u8>>`. */
export const reputationApi = {
  node: (s: StorageReader, id: number) => encode(nodeReputation(s, id)),
  farm: (s: StorageReader, id: number) => encode(farmReputation(s, id)),
  twin: (s: StorageReader, id: number) => encode(twinReputation(s, id)),
};

/** The RPC's side: the JSON value, or `null`. */
export function decodeReputation(raw: Uint8Array): unknown {
  const json = answer.dec(raw);
  return json === undefined ? null : JSON.parse(new TextDecoder().decode(json));
}
