/**
 * `system_*`: the node's identity, the chain spec's names and properties, network health, and the next
 * nonce of an account counting its transactions in the pool (sc-rpc `system`, frame-rpc-system).
 */
import type { MethodGroup } from "../method.js";
import { RpcError } from "../errors.js";
import { accountParam, stringParam } from "../params.js";
import { toHex } from "../../primitives/bytes.js";
import type { MethodContext } from "./context.js";

/** sc-rpc-api system error `MalformattedPeerArg`: BASE_ERROR (2000) + 2. */
const SYSTEM_MALFORMED_PEER = 2002;

export function systemMethods({ services }: MethodContext): MethodGroup {
  const { identity, chain, network, pool } = services;
  const spec = chain.spec;
  return {
    methods: [
      { name: "system_name", call: () => identity.name },
      { name: "system_version", call: () => identity.version },
      { name: "system_chain", call: () => spec.name },
      { name: "system_chainType", call: () => spec.chainType },
      { name: "system_properties", call: () => spec.properties },
      {
        name: "system_health",
        call: () => ({
          peers: network.peers().length,
          isSyncing: network.isSyncing(),
          // sc-service: a development chain is expected to run alone.
          shouldHavePeers: spec.chainType !== "Development",
        }),
      },
      { name: "system_localPeerId", call: () => network.localPeerId() },
      { name: "system_localListenAddresses", call: () => network.listenAddresses() },
      {
        name: "system_peers",
        unsafe: true,
        call: () => network.peers().map((p) => ({ peerId: p.peerId, roles: p.roles, bestHash: toHex(p.bestHash), bestNumber: p.bestNumber })),
      },
      { name: "system_nodeRoles", call: () => identity.roles },
      { name: "system_reservedPeers", call: () => network.reservedPeers?.() ?? [] },
      {
        name: "system_addReservedPeer",
        unsafe: true,
        params: ["peer"],
        call: async (p) => {
          const addr = p.required(0, "peer", stringParam);
          try {
            if (!network.addReservedPeer) throw new Error("networking is off");
            await network.addReservedPeer(addr);
          } catch (e) {
            throw new RpcError(SYSTEM_MALFORMED_PEER, `Peer argument is malformatted: ${(e as Error).message}`);
          }
          return null;
        },
      },
      {
        name: "system_removeReservedPeer",
        unsafe: true,
        params: ["peer_id"],
        call: async (p) => {
          const peerId = p.required(0, "peer_id", stringParam);
          if (!/^[1-9A-HJ-NP-Za-km-z]{40,60}$/.test(peerId)) throw new RpcError(SYSTEM_MALFORMED_PEER, `Peer argument is malformatted: ${peerId}`);
          await network.removeReservedPeer?.(peerId);
          return null;
        },
      },
      {
        name: "system_syncState",
        call: () => {
          const best = chain.best().number;
          return { startingBlock: network.startingBlock(), currentBlock: best, highestBlock: Math.max(network.highestBlock() ?? best, best) };
        },
      },
      {
        name: "system_accountNextIndex",
        aliases: ["account_nextIndex"],
        params: ["account"],
        call: (p) => pool.nextNonce(p.required(0, "account", accountParam)),
      },
    ],
    subscriptions: [],
  };
}
