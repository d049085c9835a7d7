/** The block import pipeline and its stages. */
export { ImportError, isImportError, type ImportErrorCode, type ImportErrorContext } from "./import-error.js";
export {
  ImportPipeline, type BlockOrigin, type ImportedBlockNotice, type ImportOptions, type ImportOutcome, type ImportPipelineDeps,
} from "./pipeline.js";
export { decodeBody, encodeBody, type BlockData } from "./structure.js";
export { isNewBest, treeRoute, type TreeRoute } from "./fork-choice.js";
export type { SignatureJob, SignatureVerifier } from "./signatures.js";
