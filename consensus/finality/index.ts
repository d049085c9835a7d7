/**
 * GRANDPA finality (`sc-consensus-grandpa` and `finality-grandpa`): the voter, its wire types, the
 * justification verifier and the transport, chain and storage interfaces it is wired with.
 *
 * The node wires it: `new GrandpaVoter(opts, { chain, network, keys, authorities, store })` → `start()`; the p2p
 * layer feeds `onMessage(peer, decodedGossipMessage)` and relays what it accepts, calls
 * `onPeerConnected/Disconnected`, and hands justifications that arrive with synced blocks to
 * `importJustification`; RPC reads `roundState`, `proveFinality` and `onJustification`.
 */
export { GrandpaVoter, type JustificationNotice } from "./voter.js";
export {
  defaultGrandpaOptions, realTimers, REPUTATION, type AuthoritySetProvider, type ChainBlock, type GrandpaChain, type GrandpaDeps,
  type GrandpaNetwork, type GrandpaOptions, type GrandpaStore, type PeerId, type ReputationChange, type Timers, type Verdict,
} from "./environment.js";
export * from "./messages.js";
export * from "./gossip.js";
export { checkMessageSignature, localizedPayload, signMessage, type GrandpaSigner } from "./signing.js";
export {
  decodeAndVerifyFinalizes, grandpaJustificationOf, justificationFromCommit, JustificationError, verifyJustification, type JustificationErrorContext,
} from "./justification.js";
export { validateCommit, type CommitInvalidity, type CommitValidation } from "./commit.js";
export { VoterSet } from "./voter-set.js";
export { AuthoritySet, findScheduledChange, findForcedChange, type PendingChange } from "./authorities.js";
export { runtimeAuthorities, decodeVersionedAuthorityList, encodeVersionedAuthorityList, GRANDPA_AUTHORITIES_KEY, CURRENT_SET_ID_KEY } from "./authority-provider.js";
export { auxStore, MemoryGrandpaStore } from "./persistence.js";
export { FinalityProofError, MAX_UNKNOWN_HEADERS } from "./finality-proof.js";
export type { ReportedRoundStates, RoundReport } from "./round-state.js";
export { defaultVotingRules, type VotingRuleOptions } from "./voting-rules.js";
