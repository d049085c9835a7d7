/**
 * Consensus: the chain (database, runtime, import pipeline), Aura block production, and finality: the dev
 * gadget for a lone authority or the GRANDPA voter (`finality/`).
 *
 * The node wires them: `Chain.open` → `new BlockAuthor(...)` and `new DevFinality(...)` or
 * `new GrandpaVoter(...)` → `start()`; on shutdown `author.stop()`, `finality.stop()`, then `chain.close()`.
 */
export { Chain, ChainError, chainDbPath, type ChainDeps, type ChainOptions } from "./chain.js";
export { BlockAuthor, defaultAuthoringOptions, type AuthoringDeps, type AuthoringOptions, type ReadyTransactions, type SealingMode } from "./authoring.js";
export { AuthoringError } from "./authoring-error.js";
export { DevFinality, defaultDevFinalityOptions, type DevFinalityOptions, type FinalityGadget } from "./finality.js";
export { GrandpaVoter, type JustificationNotice } from "./finality/index.js";
export * as grandpa from "./finality/index.js";
export type { PoolCandidate, ReadyIterable } from "./proposer.js";
export * from "./aura/index.js";
export * from "./import/index.js";
export { SILENT, type ConsensusLogger } from "./log.js";
