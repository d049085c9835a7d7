/**
 * GRANDPA on a node: the voter (consensus/finality) wired to the chain, the keystore's `gran` keys, the
 * runtime's authority set, the database's aux column and the network's GRANDPA topic; plus what RPC reads
 * of it and the justification check for blocks that arrive with one from sync.
 *
 * A chain whose spec has one authority votes on its best block at once (dev-like finality a round after
 * import); with several, TFChain's voting rules apply (best − 2, three quarters of the unfinalized chain).
 */
import type { Chain } from "../consensus/index.js";
import {
  auxStore, defaultVotingRules, GossipMessage, grandpaJustificationOf, GrandpaVoter, runtimeAuthorities, type Verdict,
} from "../consensus/finality/index.js";
import type { ChainSpec } from "../genesis/chain-spec.js";
import type { Network } from "../p2p/network.js";
import type { FinalityService } from "../rpc/services.js";
import type { Keystore } from "./keystore.js";
import type { Logger } from "./logger.js";

export interface RunningGrandpa {
  voter: GrandpaVoter;
  service: FinalityService;
  /** Checks and applies the GRANDPA justification among a synced block's `Justifications`; logs a bad one. */
  importJustifications(hash: Uint8Array, number: number, justifications: Uint8Array): Promise<void>;
}

export function startGrandpa(deps: { chain: Chain; network?: Network; keystore: Keystore; spec: ChainSpec; log: Logger }): RunningGrandpa {
  const { chain, network, keystore, spec, log } = deps;
  const single = spec.genesis.authorities.length === 1;
  const voter = new GrandpaVoter({ votingRules: single ? { beforeBestBy: 0, threeQuartersOfUnfinalized: false } : defaultVotingRules }, {
    chain,
    network: {
      broadcast: (message) => void network?.publishGrandpa(GossipMessage.enc(message)),
      sendTo: (peer, message) => network?.sendGrandpa(peer, GossipMessage.enc(message)),
      report: (peer, change) => network?.report(peer, change.value, change.reason),
    },
    keys: () => keystore.pairs("gran"),
    authorities: runtimeAuthorities((hash) => chain.stateAt(hash), spec.genesis.authorities.map((a) => a.grandpa)),
    store: auxStore(chain.db),
    log,
  });
  if (network) {
    network.setGrandpaHandler((peer, data): Verdict => {
      let message;
      try {
        message = GossipMessage.dec(data);
      } catch {
        network.report(peer, -(2 ** 12), "undecodable GRANDPA message");
        return "reject";
      }
      return voter.onMessage(peer, message);
    });
    network.onPeer({ connected: (peer) => voter.onPeerConnected(peer), disconnected: (peer) => voter.onPeerDisconnected(peer) });
  }
  voter.start();
  return {
    voter,
    service: {
      roundState: () => voter.roundState(),
      proveFinality: (number) => voter.proveFinality(number),
      onJustification: (listener) => voter.onJustification((n) => listener(n.justification)),
    },
    async importJustifications(hash, number, justifications) {
      let grandpa: Uint8Array | undefined;
      try {
        grandpa = grandpaJustificationOf(justifications);
      } catch {
        log.warn("Undecodable justifications with a synced block", { number });
        return;
      }
      if (!grandpa) return;
      try {
        await voter.importJustification(hash, number, grandpa);
      } catch (e) {
        log.warn("Refused the justification of a synced block", { number, error: (e as Error).message });
      }
    },
  };
}
