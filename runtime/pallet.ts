/**
 * The pallet definition: FRAME's `#[pallet]` as one plain object.
 *
 * A pallet declares its name and index, storage (bound with `palletStorage`), calls with their argument
 * schemas, weights and handlers, events, errors, constants, hooks and genesis. The runtime derives call
 * decoding, event encoding, error indices, storage keys and the metadata from these objects.
 */
import {
  enumeration, type AnySchema, type FieldSpec, type Named, type Schema, type StructValue,
} from "../primitives/schema.js";
import type { OverlayedChanges } from "../state/overlay.js";
import type { Storage } from "../state/storage.js";
import type { PalletErrors } from "./dispatch-error.js";
import type { DispatchClass, Pays, Weight } from "./dispatch-types.js";
import type { Origin } from "./origin.js";
import type { AnyStorageItem } from "./storage-item.js";

/** What a dispatch may report back: the weight it really used and whether it pays. */
export interface PostDispatchInfo {
  actualWeight?: Weight;
  paysFee?: Pays;
}

/** A call of any pallet: `{ tag: palletName, value: { tag: callName, value: args } }`. */
export interface RuntimeCallValue {
  tag: string;
  value: { tag: string; value: any };
}

export interface DispatchOutcome {
  ok: boolean;
  error?: import("./dispatch-error.js").RaisedError;
  postInfo: PostDispatchInfo;
}

/** What a handler and a hook see of the block being built. */
export interface BlockContext {
  readonly io: OverlayedChanges;
  readonly blockNumber: number;
  /** Appends an event of `pallet` to this block's `System.Events`. */
  deposit(pallet: string, event: { tag: string; value?: any }): void;
  /** Dispatches a nested call (Utility) in its own storage transaction. */
  dispatch(call: RuntimeCallValue, origin: Origin): DispatchOutcome;
  /** The weight a call declares, before it runs. */
  callInfo(call: RuntimeCallValue): { weight: Weight; class: DispatchClass; pays: Pays };
}

export type Handler<A> = (ctx: BlockContext, origin: Origin, args: A) => PostDispatchInfo | void;

export interface CallDef<A = any> {
  index: number;
  args: Record<string, FieldSpec>;
  docs: string[];
  weight: (args: A, ctx?: BlockContext) => Weight;
  class: DispatchClass;
  /** For calls whose class depends on their arguments (Utility's batches take their calls' class). */
  classOf?: (args: A, ctx?: BlockContext) => DispatchClass;
  pays: Pays;
  handler: Handler<A>;
}

/** Declares a call: index, arguments (schema or `[schema, typeName]`), weight and handler. */
export function call<F extends Record<string, FieldSpec>>(
  index: number,
  args: F,
  opts: {
    weight: Weight | ((args: StructValue<F>) => Weight);
    class?: DispatchClass;
    pays?: Pays;
    docs?: string[];
  },
  handler: Handler<StructValue<F>>,
): CallDef<StructValue<F>> {
  const w = opts.weight;
  return {
    index,
    args,
    docs: opts.docs ?? [],
    weight: typeof w === "function" ? w : () => w,
    class: opts.class ?? "Normal",
    pays: opts.pays ?? "Yes",
    handler,
  };
}

export interface ConstantDef<T = any> {
  schema: Schema<T>;
  value: T;
  docs: string[];
}

export function constant<T>(schema: Schema<T>, value: T, docs: string[] = []): ConstantDef<T> {
  return { schema, value, docs };
}

export interface PalletDefinition {
  name: string;
  index: number;
  /** The pallet module's doc comment (metadata V15 `docs`; wire data). */
  docs?: string[];
  storage?: Record<string, AnyStorageItem>;
  /** The pallet's `Call` enum type (path, params, docs) and its calls by name. */
  calls?: { type: Named; list: Record<string, CallDef> };
  events?: AnySchema;
  errors?: { type: Named; list: PalletErrors<string> };
  constants?: Record<string, ConstantDef>;
  hooks?: {
    onInitialize?(ctx: BlockContext): Weight | void;
    onFinalize?(ctx: BlockContext): void;
  };
  /** Calls of this pallet that are inherents: unsigned, put in by the block author. */
  inherents?: string[];
  /** Writes the pallet's genesis state. */
  genesis?(io: Storage, config: any): void;
}

export interface Pallet extends PalletDefinition {
  /** The pallet's `Call` enum schema, derived from `calls`. */
  callSchema?: Schema<{ tag: string; value: any }>;
  /** The pallet's `Error` enum schema (unit variants with docs), for metadata. */
  errorSchema?: AnySchema;
}

/** Derives the call and error enums from a pallet definition. */
export function definePallet<P extends PalletDefinition>(def: P): P & Pallet {
  const pallet: P & Pallet = { ...def };
  if (def.calls) {
    pallet.callSchema = enumeration(
      def.calls.type,
      Object.fromEntries(
        Object.entries(def.calls.list).map(([name, c]) => [name, { index: c.index, fields: c.args, docs: c.docs }]),
      ),
    ) as any;
  }
  if (def.errors) {
    const list = def.errors.list;
    pallet.errorSchema = enumeration(def.errors.type, Object.fromEntries(list.names.map((n) => [n, { docs: list.docs[n] }])));
  }
  return pallet;
}
