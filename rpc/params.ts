/**
 * Method parameters: positional (`[a, b]`) or named (`{"key": a}`, mapped through the method's parameter
 * names), read one by one with a parser per type. A parser failure is -32602 "Invalid params" naming the
 * parameter, as jsonrpsee answers a serde error.
 */
import { decodeSs58AccountId } from "../primitives/ss58.js";
import { rpcErrors } from "./errors.js";
import { fromHex } from "./hex.js";

export type Parser<T> = (value: unknown, name: string) => T;

/** A call's parameters, read by position with a parser each. */
export class Params {
  private constructor(private readonly list: readonly unknown[]) {}

  /** From a request's `params` member: an array, an object with the method's parameter `names`, or absent. */
  static from(raw: unknown, names: readonly string[] = []): Params {
    if (raw === undefined || raw === null) return new Params([]);
    if (Array.isArray(raw)) return new Params(raw);
    if (typeof raw === "object") {
      const obj = raw as Record<string, unknown>;
      const unknown = Object.keys(obj).filter((k) => !names.includes(k));
      if (unknown.length > 0) throw rpcErrors.invalidParams(`unknown parameter ${unknown[0]}`);
      return new Params(names.map((n) => obj[n]));
    }
    throw rpcErrors.invalidParams("params must be an array or an object");
  }

  get length(): number {
    return this.list.length;
  }

  required<T>(index: number, name: string, parse: Parser<T>): T {
    const v = this.list[index];
    if (v === undefined || v === null) throw rpcErrors.invalidParams(`missing parameter ${name}`);
    return parse(v, name);
  }

  /** An `Option<T>` parameter: absent or `null` is `undefined`. */
  optional<T>(index: number, name: string, parse: Parser<T>): T | undefined {
    const v = this.list[index];
    return v === undefined || v === null ? undefined : parse(v, name);
  }

  raw(index: number): unknown {
    return this.list[index];
  }
}

function fail(name: string, expected: string, value: unknown): never {
  const got = typeof value === "string" ? `string "${value.length > 80 ? value.slice(0, 80) + "…" : value}"` : JSON.stringify(value) ?? typeof value;
  throw rpcErrors.invalidParams(`${name}: invalid value ${got}, expected ${expected}`);
}

/** `sp_core::Bytes`: hex, `0x` optional. */
export const bytesParam: Parser<Uint8Array> = (v, name) => {
  if (typeof v !== "string") fail(name, "a hex string", v);
  return fromHex(v) ?? fail(name, "a hex string", v);
};

/** A 32-byte hash (`H256`). */
export const hashParam: Parser<Uint8Array> = (v, name) => {
  const b = typeof v === "string" ? fromHex(v) : undefined;
  if (b === undefined || b.length !== 32) fail(name, "a 0x-prefixed 32-byte hex hash", v);
  return b;
};

export const boolParam: Parser<boolean> = (v, name) => (typeof v === "boolean" ? v : fail(name, "a boolean", v));

export const stringParam: Parser<string> = (v, name) => (typeof v === "string" ? v : fail(name, "a string", v));

/** A JSON number that is a u32. */
export const u32Param: Parser<number> = (v, name) =>
  typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 0xffffffff ? v : fail(name, "an unsigned 32-bit integer", v);

/**
 * `NumberOrHex`: a JSON number or a hex quantity (`"0x1f4"`), any size; returned as a bigint so the caller
 * decides what is out of range.
 */
export const numberOrHexParam: Parser<bigint> = (v, name) => {
  if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return BigInt(v);
  if (typeof v === "string" && /^0x[0-9a-fA-F]{1,64}$/.test(v)) return BigInt(v);
  return fail(name, "a non-negative number or a 0x-prefixed hex number", v);
};

/** An account id: SS58 (as Substrate's `AccountId32` deserializes) or, for convenience, 32 bytes of hex. */
export const accountParam: Parser<Uint8Array> = (v, name) => {
  if (typeof v !== "string") fail(name, "an SS58 address", v);
  if (v.startsWith("0x")) {
    const b = fromHex(v);
    if (b?.length === 32) return b;
    fail(name, "an SS58 address or 32 bytes of hex", v);
  }
  try {
    return decodeSs58AccountId(v);
  } catch (e) {
    throw rpcErrors.invalidParams(`${name}: ${(e as Error).message}`);
  }
};

/** A JSON array of `item`s, at most `max` long. */
export function arrayParam<T>(item: Parser<T>, max: number): Parser<T[]> {
  return (v, name) => {
    if (!Array.isArray(v)) fail(name, "an array", v);
    if (v.length > max) throw rpcErrors.invalidParams(`${name}: more than ${max} items`);
    return v.map((x, i) => item(x, `${name}[${i}]`));
  };
}
