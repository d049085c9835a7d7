// Shared by the Utility tests: a block with System, Timestamp, Utility and the Example pallet, and the calls
// the scenarios of pallet_utility's tests are built from.
import type { DispatchOutcome, RuntimeCallValue } from "../../../../runtime/pallet.js";
import type { Weight } from "../../../../runtime/dispatch-types.js";
import { timestamp } from "../../../../runtime/pallets/timestamp/index.js";
import { utility } from "../../../../runtime/pallets/utility/index.js";
import { exampleStorage, example } from "../../../helpers/example-pallet.js";
import { callOf, PalletBlock } from "../../../helpers/pallet-block.js";

export const ALICE = new Uint8Array(32).fill(1);
export const BOB = new Uint8Array(32).fill(2);

export function utilityBlock(): PalletBlock {
  return new PalletBlock([timestamp, utility, example]);
}

export const put = (key: number, value: number) => callOf("Example", "put", { key, value });
export const fail = (key: number) => callOf("Example", "fail", { key });
export const noop = (weight: Weight) => callOf("Example", "noop", { weight });
export const recordCaller = () => callOf("Example", "record_caller");
export const operational = () => callOf("Example", "operational");
export const foobar = (err: boolean, start: Weight, end?: Weight) =>
  callOf("Example", "foobar", { err, start_weight: start, end_weight: end });

export const batch = (calls: RuntimeCallValue[]) => callOf("Utility", "batch", { calls });
export const batchAll = (calls: RuntimeCallValue[]) => callOf("Utility", "batch_all", { calls });
export const forceBatch = (calls: RuntimeCallValue[]) => callOf("Utility", "force_batch", { calls });

/** Example.Values under keys 0..9 as a plain object. */
export function values(b: PalletBlock): Record<number, number> {
  // Read key by key: OverlayedChanges.nextKey still yields keys written in a rolled-back transaction.
  const out: Record<number, number> = {};
  for (let k = 0; k < 10; k++) {
    const v = exampleStorage.Values.get(b.io, k);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** `extract_actual_weight`: the reported weight capped by the declared one, or the declared one. */
export function actual(out: DispatchOutcome, declared: Weight): Weight {
  const a = out.postInfo.actualWeight;
  if (!a) return declared;
  return {
    ref_time: a.ref_time < declared.ref_time ? a.ref_time : declared.ref_time,
    proof_size: a.proof_size < declared.proof_size ? a.proof_size : declared.proof_size,
  };
}

export const add = (...ws: Weight[]): Weight =>
  ws.reduce((s, w) => ({ ref_time: s.ref_time + w.ref_time, proof_size: s.proof_size + w.proof_size }), { ref_time: 0n, proof_size: 0n });
export const sub = (a: Weight, b: Weight): Weight => ({ ref_time: a.ref_time - b.ref_time, proof_size: a.proof_size - b.proof_size });
export const times = (w: Weight, n: number): Weight => ({ ref_time: w.ref_time * BigInt(n), proof_size: w.proof_size * BigInt(n) });

/** How the events report a pallet error: `Module { index, error: [i, 0, 0, 0] }`. */
export const moduleError = (index: number, error: number) => ({ tag: "Module", value: { index, error: new Uint8Array([error, 0, 0, 0]) } });
export const BOOM = moduleError(200, 0);
export const CALL_FILTERED = moduleError(0, 5);
