/**
 * A fixed-layout codec for `AccountInfo<u32, AccountData<u128>>`: 4 × u32 then 4 × u128, 80 bytes.
 *
 * PERF: System.Account is read and written several times per extrinsic; this avoids the generic struct
 * codec's per-field allocations. Its bytes equal the schema's generic codec (tested).
 */
import * as scale from "scale-ts";
import type { Codec } from "scale-ts";
import { CodecError } from "../../../primitives/codec-error.js";
import type { AccountData } from "../balances/types.js";

const SIZE = 80;
const U64_MASK = (1n << 64n) - 1n;

interface AccountInfoValue {
  nonce: number;
  consumers: number;
  providers: number;
  sufficients: number;
  data: AccountData;
}

function putU128(view: DataView, at: number, v: bigint): void {
  if (v < 0n || v >> 128n !== 0n) throw new CodecError({ code: "OUT_OF_RANGE", what: "u128", detail: String(v) });
  view.setBigUint64(at, v & U64_MASK, true);
  view.setBigUint64(at + 8, v >> 64n, true);
}

function getU128(view: DataView, at: number): bigint {
  return view.getBigUint64(at, true) | (view.getBigUint64(at + 8, true) << 64n);
}

export const accountInfoCodec: Codec<AccountInfoValue> = scale.createCodec(
  (a: AccountInfoValue) => {
    const out = new Uint8Array(SIZE);
    const view = new DataView(out.buffer);
    view.setUint32(0, a.nonce, true);
    view.setUint32(4, a.consumers, true);
    view.setUint32(8, a.providers, true);
    view.setUint32(12, a.sufficients, true);
    putU128(view, 16, a.data.free);
    putU128(view, 32, a.data.reserved);
    putU128(view, 48, a.data.frozen);
    putU128(view, 64, a.data.flags);
    return out;
  },
  scale.createDecoder((input: any): AccountInfoValue => {
    const at: number = input.i;
    if (at + SIZE > input.length) throw new CodecError({ code: "MALFORMED", what: "AccountInfo", detail: "input too short" });
    const view: DataView = input.v;
    input.i = at + SIZE;
    return {
      nonce: view.getUint32(at, true),
      consumers: view.getUint32(at + 4, true),
      providers: view.getUint32(at + 8, true),
      sufficients: view.getUint32(at + 12, true),
      data: {
        free: getU128(view, at + 16),
        reserved: getU128(view, at + 32),
        frozen: getU128(view, at + 48),
        flags: getU128(view, at + 64),
      },
    };
  }),
);
