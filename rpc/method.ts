/**
 * What a method group declares: plain methods and subscriptions, each with its Substrate name, aliases and
 * whether it is unsafe. The server builds one lookup table from every group's definitions, and `rpc_methods`
 * lists exactly its names.
 */
import type { Params } from "./params.js";

/** A result already serialized to JSON (e.g. the cached metadata hex): spliced into the response as is. */
export class RawJson {
  constructor(readonly json: string) {}
}

/** The connection a call arrived on; HTTP calls have none, so they cannot subscribe. */
export interface CallContext {
  readonly connectionId: number;
  /** Whether unsafe calls are allowed, for methods that are unsafe only with some parameters. */
  readonly allowUnsafe: boolean;
}

export interface MethodDef {
  name: string;
  aliases?: readonly string[];
  /** Refused with "RPC call is unsafe to be called externally" under `--rpc-methods safe`. */
  unsafe?: boolean;
  /** Parameter names, for requests that pass params as an object. */
  params?: readonly string[];
  call(params: Params, ctx: CallContext): unknown;
}

/** The server side of one subscription. */
export interface SubscriptionSink {
  readonly id: string;
  readonly closed: boolean;
  /** Sends one notification; notifications before the subscription id reached the client wait for it. */
  send(result: unknown): void;
  /** Ends the subscription from the server side (no message is sent, as Substrate's closed streams). */
  close(): void;
  /** Runs `cleanup` once when the subscription ends, whoever ends it. */
  onClose(cleanup: () => void): void;
}

export interface SubscriptionDef {
  name: string;
  aliases?: readonly string[];
  unsubscribe: string;
  unsubscribeAliases?: readonly string[];
  /** The `method` of its notifications. */
  notification: string;
  /** What unsubscribing answers: Substrate's legacy calls say `true`/`false`, the new spec's say `null`. */
  unsubscribeAnswer?: "boolean" | "null";
  unsafe?: boolean;
  params?: readonly string[];
  /** Starts the subscription; throwing refuses it (the error is the call's answer, no id is given). */
  subscribe(params: Params, sink: SubscriptionSink, ctx: CallContext): void | Promise<void>;
}

export interface MethodGroup {
  methods: MethodDef[];
  subscriptions: SubscriptionDef[];
}

export type RegistryEntry =
  | { kind: "method"; def: MethodDef }
  | { kind: "subscribe"; def: SubscriptionDef }
  | { kind: "unsubscribe"; def: SubscriptionDef };

/** Every name (aliases included) to its definition. */
export class MethodRegistry {
  private readonly entries = new Map<string, RegistryEntry>();

  constructor(groups: readonly MethodGroup[]) {
    for (const g of groups) this.addGroup(g);
  }

  addGroup(g: MethodGroup): void {
    for (const def of g.methods) for (const n of [def.name, ...(def.aliases ?? [])]) this.add(n, { kind: "method", def });
    for (const def of g.subscriptions) {
      for (const n of [def.name, ...(def.aliases ?? [])]) this.add(n, { kind: "subscribe", def });
      for (const n of [def.unsubscribe, ...(def.unsubscribeAliases ?? [])]) this.add(n, { kind: "unsubscribe", def });
    }
  }

  get(name: string): RegistryEntry | undefined {
    return this.entries.get(name);
  }

  /** Every served name, sorted, as `rpc_methods` lists them. */
  names(): string[] {
    return [...this.entries.keys()].sort();
  }

  private add(name: string, entry: RegistryEntry): void {
    if (this.entries.has(name)) throw new Error(`RPC method ${name} is defined twice`);
    this.entries.set(name, entry);
  }
}
