import type { FlagTable } from "./flags.js";

/** Peer-to-peer flags (Substrate's names and defaults). */
export const NETWORK_FLAGS: FlagTable = {
  port: { type: "string", value: "<PORT>", help: "TCP port for peer-to-peer connections (default 30333; a free port if 30333 is taken and --port is not given)" },
  "listen-addr": { type: "string", value: "<MULTIADDR>", multiple: true, help: "Listen on this multiaddr instead (e.g. /ip4/127.0.0.1/tcp/30333)" },
  bootnodes: { type: "string", value: "<MULTIADDR>", multiple: true, help: "Peers to meet first (multiaddrs with /p2p/<id>; repeat or comma-separate)" },
  "reserved-nodes": { type: "string", value: "<MULTIADDR>", multiple: true, help: "Peers to stay connected to (multiaddrs with /p2p/<id>)" },
  "reserved-only": { type: "boolean", help: "Connect to reserved nodes only" },
  "in-peers": { type: "string", value: "<COUNT>", default: "32", help: "Maximum inbound peers" },
  "out-peers": { type: "string", value: "<COUNT>", default: "8", help: "Maximum outbound peers" },
  "no-mdns": { type: "boolean", help: "Do not discover peers on the local network with mDNS" },
  "node-key": { type: "string", value: "<HEX>", help: "The node's ed25519 secret key (32 bytes hex): its peer id" },
  "node-key-file": { type: "string", value: "<PATH>", help: "File holding the node's ed25519 secret key (32 raw bytes or hex)" },
  "no-network": { type: "boolean", help: "Run without peer-to-peer networking" },
};
