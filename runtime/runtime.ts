/**
 * The runtime: the ordered list of pallets, and what `construct_runtime!` derives from it.
 *
 * `RuntimeCall` and `RuntimeEvent` are enums over the pallets (variant index = pallet index); a
 * pallet error named in a `DispatchFailure` becomes `Module { index, error: [i, 0, 0, 0] }`.
 */
import { enumeration, lazy, type AnySchema, type Schema } from "../primitives/schema.js";
import type { RaisedError } from "./dispatch-error.js";
import type { DispatchErrorValue } from "./dispatch-types.js";
import type { CallDef, Pallet, RuntimeCallValue } from "./pallet.js";

export interface RuntimeVersion {
  spec_name: string;
  impl_name: string;
  authoring_version: number;
  spec_version: number;
  impl_version: number;
  apis: [Uint8Array, number][];
  transaction_version: number;
  state_version: number;
}

export class Runtime {
  readonly callSchema: Schema<RuntimeCallValue>;
  readonly eventSchema: AnySchema;
  private readonly byName = new Map<string, Pallet>();

  constructor(
    readonly pallets: readonly Pallet[],
    readonly version: RuntimeVersion,
  ) {
    for (const p of pallets) this.byName.set(p.name, p);
    this.callSchema = enumeration(
      { path: "tfchain_runtime::RuntimeCall" },
      Object.fromEntries(
        pallets
          .filter((p) => p.callSchema)
          .map((p) => [
            p.name,
            {
              index: p.index,
              value: [p.callSchema!, `self::sp_api_hidden_includes_construct_runtime::hidden_include::dispatch\n::CallableCallFor<${p.name}, Runtime>`],
            },
          ]),
      ),
    ) as any;
    this.eventSchema = enumeration(
      { path: "tfchain_runtime::RuntimeEvent" },
      Object.fromEntries(
        pallets.filter((p) => p.events).map((p) => [p.name, { index: p.index, value: [p.events!, eventTypeName(p.events!)] }]),
      ),
    );
  }

  pallet(name: string): Pallet {
    const p = this.byName.get(name);
    if (!p) throw new Error(`no pallet named ${name} in the runtime`);
    return p;
  }

  /** The definition behind a decoded call. */
  callDef(call: RuntimeCallValue): CallDef {
    const def = this.pallet(call.tag).calls?.list[call.value.tag];
    if (!def) throw new Error(`no call ${call.tag}.${call.value.tag}`);
    return def;
  }

  /** Turns a raised error into the `DispatchError` clients see. */
  toDispatchError(e: RaisedError): DispatchErrorValue {
    if (e.tag !== "NamedModule") return e;
    const p = this.pallet(e.pallet);
    const index = p.errors?.list.names.indexOf(e.error) ?? -1;
    if (index < 0) throw new Error(`pallet ${e.pallet} has no error ${e.error}`);
    return { tag: "Module", value: { index: p.index, error: new Uint8Array([index, 0, 0, 0]) } };
  }
}

// construct_runtime names an event type `crate::Event<Runtime>`, or `crate::Event` for a non-generic one.
function eventTypeName(events: AnySchema): string {
  const info = events.info;
  return `${info.path[0]}::Event${info.params.length ? "<Runtime>" : ""}`;
}

let current: Runtime | undefined;

/** `<T as Config>::RuntimeCall` for pallets that take calls as arguments (Utility); bound by `bindRuntime`. */
export const RuntimeCallRef: Schema<RuntimeCallValue> = lazy(() => {
  if (!current) throw new Error("RuntimeCall used before the runtime was built");
  return current.callSchema;
});

/** Makes `runtime` the one `RuntimeCallRef` resolves to. */
export function bindRuntime(runtime: Runtime): Runtime {
  current = runtime;
  return runtime;
}
