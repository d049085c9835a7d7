/**
 * Chain types in the JSON shapes Substrate's serde gives them: headers with a hex-quantity `number` and
 * digest items as hex of their SCALE encoding, blocks with extrinsics as hex of their full encoding,
 * justifications as serde writes `Vec<u8>` and `[u8; 4]` (arrays of numbers), the runtime version in camelCase
 * with `apis` as `[id, version]` pairs.
 */
import { Justifications } from "../primitives/block.js";
import { DigestItem } from "../primitives/digest.js";
import type { Header } from "../primitives/header.js";
import type { RuntimeVersion } from "../runtime/runtime.js";
import { toHexQuantity } from "./hex.js";
import { toHex } from "../primitives/bytes.js";

export interface HeaderJson {
  parentHash: string;
  number: string;
  stateRoot: string;
  extrinsicsRoot: string;
  digest: { logs: string[] };
}

export function headerJson(h: Header): HeaderJson {
  return {
    parentHash: toHex(h.parentHash),
    number: toHexQuantity(h.number),
    stateRoot: toHex(h.stateRoot),
    extrinsicsRoot: toHex(h.extrinsicsRoot),
    digest: { logs: h.digest.logs.map((item) => toHex(DigestItem.enc(item))) },
  };
}

export interface SignedBlockJson {
  block: { header: HeaderJson; extrinsics: string[] };
  justifications: [number[], number[]][] | null;
}

/** `chain_getBlock`: `extrinsics` are full encodings; `justifications` the SCALE `Justifications` if any. */
export function signedBlockJson(header: Header, extrinsics: Uint8Array[], justifications?: Uint8Array): SignedBlockJson {
  return {
    block: { header: headerJson(header), extrinsics: extrinsics.map(toHex) },
    justifications: justifications === undefined
      ? null
      : Justifications.dec(justifications).map(([engine, data]) => [Array.from(engine), Array.from(data)]),
  };
}

export interface RuntimeVersionJson {
  specName: string;
  implName: string;
  authoringVersion: number;
  specVersion: number;
  implVersion: number;
  apis: [string, number][];
  transactionVersion: number;
  stateVersion: number;
}

export function runtimeVersionJson(v: RuntimeVersion): RuntimeVersionJson {
  return {
    specName: v.spec_name,
    implName: v.impl_name,
    authoringVersion: v.authoring_version,
    specVersion: v.spec_version,
    implVersion: v.impl_version,
    apis: v.apis.map(([id, version]) => [toHex(id), version]),
    transactionVersion: v.transaction_version,
    stateVersion: v.state_version,
  };
}
