/**
 * Raising dispatch errors from pallet code.
 *
 * A handler throws `DispatchFailure`; the executive rolls the call's storage transaction back and reports
 * the error as `sp_runtime::DispatchError`. Pallet errors are raised by name and turned into
 * `Module { index, error }` by the runtime, which knows the pallet's index and its error order.
 */
import type { DispatchErrorValue } from "./dispatch-types.js";
import type { PostDispatchInfo } from "./pallet.js";

/** A pallet error by name, resolved to `Module { index, error }` when reported. */
export interface NamedModuleError {
  tag: "NamedModule";
  pallet: string;
  error: string;
}

export type RaisedError = DispatchErrorValue | NamedModuleError;

export class DispatchFailure extends Error {
  constructor(
    readonly error: RaisedError,
    readonly postInfo?: PostDispatchInfo,
  ) {
    super(describe(error));
    this.name = "DispatchFailure";
  }
}

function describe(e: RaisedError): string {
  if (e.tag === "NamedModule") return `${e.pallet}.${e.error}`;
  return e.value === undefined ? e.tag : `${e.tag}(${typeof e.value === "string" ? e.value : JSON.stringify(e.value)})`;
}

/** Throws a non-module dispatch error such as `BadOrigin` or `Token(FundsUnavailable)`. */
export function fail(error: DispatchErrorValue): never {
  throw new DispatchFailure(error);
}

/** A pallet's error list: order gives the error index; each entry is the doc the metadata carries. */
export interface PalletErrors<E extends string> {
  readonly pallet: string;
  readonly docs: Record<E, string[]>;
  readonly names: E[];
  /** Throws the named error. */
  raise(name: E): never;
  /** Throws the named error unless `cond` holds. */
  ensure(cond: unknown, name: E): void;
  error(name: E): DispatchFailure;
}

export function palletErrors<E extends string>(pallet: string, docs: Record<E, string | string[]>): PalletErrors<E> {
  const names = Object.keys(docs) as E[];
  const normalized = Object.fromEntries(names.map((n) => [n, toDocs(docs[n])])) as Record<E, string[]>;
  const error = (name: E) => new DispatchFailure({ tag: "NamedModule", pallet, error: name });
  return {
    pallet,
    docs: normalized,
    names,
    error,
    raise(name: E): never {
      throw error(name);
    },
    ensure(cond: unknown, name: E): void {
      if (!cond) throw error(name);
    },
  };
}

function toDocs(d: string | string[]): string[] {
  if (Array.isArray(d)) return d;
  return d === "" ? [] : d.split("\n");
}
