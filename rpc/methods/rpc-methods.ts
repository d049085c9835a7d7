/** `rpc_methods`: every method name served, sorted, as Substrate lists them (`{version: 1, methods}`). */
import type { MethodGroup, MethodRegistry } from "../method.js";

export function rpcMethodsGroup(registry: MethodRegistry): MethodGroup {
  // Built after every other group is registered, so the list includes rpc_methods itself.
  let names: string[] | undefined;
  return {
    methods: [{ name: "rpc_methods", call: () => ({ version: 1, methods: (names ??= registry.names()) }) }],
    subscriptions: [],
  };
}
