/**
 * A fixed-layout codec for `NodeWindows`: `latest` (u32) then 60 × u16, little-endian, 124 bytes.
 *
 * PERF: every credited report reads and writes a node's ring; the generic array codec allocates per item.
 * Its bytes equal the schema's generic codec (tested).
 */
import * as scale from "scale-ts";
import type { Codec } from "scale-ts";
import { CodecError } from "../../../primitives/codec-error.js";
import { WINDOWS } from "./constants.js";

const SIZE = 4 + 2 * WINDOWS;

interface NodeWindowsValue {
  latest: number;
  up: number[];
}

export const nodeWindowsCodec: Codec<NodeWindowsValue> = scale.createCodec(
  (w: NodeWindowsValue) => {
    if (w.up.length !== WINDOWS) throw new CodecError({ code: "OUT_OF_RANGE", what: "NodeWindows", detail: `${w.up.length} windows` });
    const out = new Uint8Array(SIZE);
    const view = new DataView(out.buffer);
    view.setUint32(0, w.latest, true);
    for (let i = 0; i < WINDOWS; i++) view.setUint16(4 + 2 * i, w.up[i]!, true);
    return out;
  },
  scale.createDecoder((input: any): NodeWindowsValue => {
    const at: number = input.i;
    if (at + SIZE > input.length) throw new CodecError({ code: "MALFORMED", what: "NodeWindows", detail: "input too short" });
    const view: DataView = input.v;
    input.i = at + SIZE;
    const up = new Array<number>(WINDOWS);
    for (let i = 0; i < WINDOWS; i++) up[i] = view.getUint16(at + 4 + 2 * i, true);
    return { latest: view.getUint32(at, true), up };
  }),
);
