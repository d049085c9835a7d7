/**
 * A fixed-layout codec for `NodeWindows`: `latest` (u32) then 60 × u16, little-endian, 124 bytes.
 *
 * PERF: every credited report reads and writes a node's ring; the generic array codec allocates per item.
 * Its bytes equal the schema's generic codec (tested). `addToWindowsBytes` credits the stored bytes in place,
 * without decoding them.
 */
import * as scale from "scale-ts";
import type { Codec } from "scale-ts";
import { CodecError } from "../../../primitives/codec-error.js";
import { WINDOW_LENGTH, WINDOWS } from "./constants.js";

/** Bytes of an encoded ring. */
export const WINDOWS_SIZE = 4 + 2 * WINDOWS;
const SIZE = WINDOWS_SIZE;
const WINDOW_SECONDS = Number(WINDOW_LENGTH);

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

/** The encoding of an empty ring whose latest window is `w`. */
export function emptyWindowsBytes(w: number): Uint8Array {
  const out = new Uint8Array(SIZE);
  writeLatest(out, w);
  return out;
}

/**
 * `addToWindows` (online.ts) on an encoded ring of `WINDOWS_SIZE` bytes, which it changes in place: the same
 * bytes as decoding, adding and encoding.
 */
export function addToWindowsBytes(ring: Uint8Array, w: number, seconds: number): void {
  // Byte by byte: a DataView per report costs more than the update.
  const latest = (ring[0]! | (ring[1]! << 8) | (ring[2]! << 16) | (ring[3]! << 24)) >>> 0;
  if (w > latest) {
    for (let i = 1; i <= Math.min(w - latest, WINDOWS); i++) {
      const at = 4 + 2 * ((latest + i) % WINDOWS);
      ring[at] = 0;
      ring[at + 1] = 0;
    }
    writeLatest(ring, w);
  }
  if (w + WINDOWS <= Math.max(w, latest)) return;
  const at = 4 + 2 * (w % WINDOWS);
  const up = Math.min(WINDOW_SECONDS, (ring[at]! | (ring[at + 1]! << 8)) + seconds);
  ring[at] = up;
  ring[at + 1] = up >>> 8;
}

function writeLatest(ring: Uint8Array, w: number): void {
  ring[0] = w;
  ring[1] = w >>> 8;
  ring[2] = w >>> 16;
  ring[3] = w >>> 24;
}
